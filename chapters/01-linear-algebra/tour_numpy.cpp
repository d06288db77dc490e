// Chapter 1, NumPy's linear-algebra surface: the examples printed in
// NumPy's documentation of numpy.linalg (norm, slogdet, matrix_power, cond,
// lstsq), each computed here and checked against NumPy's value.

#include <cmath>
#include <string>

#include <xtensor/xbuilder.hpp>

#include "dlmath/fast/linear_algebra.hpp"
#include "dlmath/reference/linear_algebra.hpp"
#include "tour.hpp"

namespace ref = dlmath::reference;
namespace fast = dlmath::fast;
using dlmath::Matrix;
using dlmath::MatrixNorm;
using dlmath::Vector;

namespace {

void norms(dlmath::tour::Checks& c) {
    // NumPy: a = np.arange(9) - 4; b = a.reshape((3, 3))
    const Vector a = {-4.0, -3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0};
    const Matrix b = {{-4.0, -3.0, -2.0}, {-1.0, 0.0, 1.0}, {2.0, 3.0, 4.0}};
    dlmath::tour::check(c, "norm(a)", ref::norm(a), 7.745966692414834);
    dlmath::tour::check(c, "norm(a, inf)", ref::norm(a, INFINITY), 4.0);
    dlmath::tour::check(c, "norm(a, -inf)", ref::norm(a, -INFINITY), 0.0);
    dlmath::tour::check(c, "norm(a, 1)", ref::norm(a, 1.0), 20.0);
    dlmath::tour::check(c, "norm(a, -1)", ref::norm(a, -1.0), 0.0);
    dlmath::tour::check(c, "norm(a, 0) (non-zeros)", ref::norm(a, 0.0), 8.0);
    dlmath::tour::check(c, "norm(a, 3)", ref::norm(a, 3.0), 5.8480354764257312, 4);
    dlmath::tour::check(c, "norm(b) (Frobenius)", ref::norm(b), 7.745966692414834);
    dlmath::tour::check(c, "norm(b, inf)", ref::norm(b, INFINITY), 9.0);
    dlmath::tour::check(c, "norm(b, -inf)", ref::norm(b, -INFINITY), 2.0);
    dlmath::tour::check(c, "norm(b, 1)", ref::norm(b, 1.0), 7.0);
    dlmath::tour::check(c, "norm(b, -1)", ref::norm(b, -1.0), 6.0);
    dlmath::tour::check(c, "norm(b, 2)", ref::norm(b, 2.0), 7.3484692283495345, 64);
    dlmath::tour::check_that(c, "norm(b, -2) = 1.86e-16 in NumPy (may vary): below 1e-13",
                             ref::norm(b, -2.0) < 1e-13);
    // NumPy: c = [[1, 2, 3], [-1, 1, 4]]; norm(c, ord=1, axis=1) = [6, 6]
    const Matrix cm = {{1.0, 2.0, 3.0}, {-1.0, 1.0, 4.0}};
    const Vector rows = ref::norm(cm, 1.0, 1);
    dlmath::tour::check(c, "norm(c, ord=1, axis=1)[0]", rows(0), 6.0);
    dlmath::tour::check(c, "norm(c, axis=0)[2]", ref::norm(cm, 2.0, 0)(2), 5.0);
    dlmath::tour::check(c, "the same norms with the fast twin: norm(b, inf)", fast::norm(b, INFINITY), 9.0);
}

void determinants_and_powers(dlmath::tour::Checks& c) {
    const auto s = ref::slogdet(Matrix{{1.0, 2.0}, {3.0, 4.0}});
    dlmath::tour::check(c, "slogdet([[1, 2], [3, 4]]).sign", s.sign, -1.0);
    dlmath::tour::check(c, "slogdet([[1, 2], [3, 4]]).logabsdet", s.logabsdet, 0.69314718055994529, 4);
    const Matrix tenth = 0.1 * xt::eye<double>(500);
    dlmath::tour::check(c, "det(0.1 I_500) underflows", ref::det(tenth), 0.0);
    dlmath::tour::check(c, "slogdet(0.1 I_500).logabsdet", fast::slogdet(tenth).logabsdet, -1151.2925464970228, 64);

    const Matrix i = {{0.0, 1.0}, {-1.0, 0.0}};  // the matrix of the imaginary unit
    const Matrix i3 = ref::matrix_power(i, 3), i0 = ref::matrix_power(i, 0), im3 = ref::matrix_power(i, -3);
    dlmath::tour::check_that(c, "matrix_power(i, 3) = [[0, -1], [1, 0]]", i3 == Matrix{{0.0, -1.0}, {1.0, 0.0}});
    dlmath::tour::check_that(c, "matrix_power(i, 0) = I", i0 == Matrix{{1.0, 0.0}, {0.0, 1.0}});
    dlmath::tour::check_that(c, "matrix_power(i, -3) = [[0, 1], [-1, 0]]", im3 == Matrix{{0.0, 1.0}, {-1.0, 0.0}});
}

void conditions_and_least_squares(dlmath::tour::Checks& c) {
    const Matrix a = {{1.0, 0.0, -1.0}, {0.0, 1.0, 0.0}, {1.0, 0.0, 1.0}};
    dlmath::tour::check(c, "cond(a)", ref::cond(a), 1.4142135623730951, 64);
    dlmath::tour::check(c, "cond(a, 'fro')", ref::cond(a, MatrixNorm::fro), 3.1622776601683795, 4);
    dlmath::tour::check(c, "cond(a, inf)", ref::cond(a, INFINITY), 2.0);
    dlmath::tour::check(c, "cond(a, -inf)", ref::cond(a, -INFINITY), 1.0);
    dlmath::tour::check(c, "cond(a, 1)", ref::cond(a, 1.0), 2.0);
    dlmath::tour::check(c, "cond(a, -1)", ref::cond(a, -1.0), 1.0);
    dlmath::tour::check(c, "cond(a, -2)", ref::cond(a, -2.0), 0.70710678118654746, 64);
    dlmath::tour::check(c, "cond of a singular matrix (no exception)", ref::cond(Matrix{{1.0, 2.0}, {2.0, 4.0}}, 1.0),
                        INFINITY);

    //! [example_lstsq]
    // NumPy: fit y = m x + c through x = [0, 1, 2, 3], y = [-1, 0.2, 0.9, 2.1]
    const Matrix A = {{0.0, 1.0}, {1.0, 1.0}, {2.0, 1.0}, {3.0, 1.0}};  // [[x, 1]]
    const Vector y = {-1.0, 0.2, 0.9, 2.1};
    const auto [p, residuals, rank, sv] = ref::lstsq(A, y, dlmath::Rcond{});
    // p = (m, c) = (1.0, -0.95); residuals = [0.05]; rank = 2; sv = sqrt(9 +- sqrt 61)
    //! [example_lstsq]
    dlmath::tour::check(c, "lstsq: slope m", p(0), 1.0, 64);
    dlmath::tour::check(c, "lstsq: intercept c", p(1), -0.95, 64);
    dlmath::tour::check(c, "lstsq: residual sum of squares", residuals(0), 0.05, 256);
    dlmath::tour::check(c, "lstsq: rank", static_cast<double>(rank), 2.0);
    dlmath::tour::check(c, "lstsq: largest singular value", sv(0), std::sqrt(9.0 + std::sqrt(61.0)), 64);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options&) {
    norms(c);
    determinants_and_powers(c);
    conditions_and_least_squares(c);
}

const dlmath::tour::Register section{"numpy", run};

}  // namespace
