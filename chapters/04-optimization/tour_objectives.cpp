// Chapter 4, objectives and test problems: the exercise function's hand
// gradient against finite differences on a grid over [0,10]², its batched
// form, the value and gradient at every test problem's known minimiser, and
// the data of the figure exercise_contour.svg (the function on a grid).

#include <cmath>
#include <filesystem>
#include <iostream>
#include <limits>
#include <sstream>
#include <string>

#include "dlmath/reference/linear_algebra.hpp"
#include "dlmath/reference/numerical.hpp"
#include "dlmath/reference/optimization.hpp"
#include "tour.hpp"

namespace ref = dlmath::reference;
using dlmath::Matrix;
using dlmath::Vector;

namespace {

using dlmath::tour::num;

double norm2(const Vector& v) {
    double s = 0.0;
    for (std::size_t i = 0; i < v.size(); ++i) s += v(i) * v(i);
    return std::sqrt(s);
}

// The central difference with h = cbrt(eps) max(1, |x_j|) errs by h^2 |f'''| / 6 (truncation)
// plus about eps |f| / h (rounding). On [0,10]^2, |f| <= 2 and every third partial is at most
// 1 + 1/8, so with h <= 10 cbrt(eps) the sum is at most (100 * 1.125 / 6 + 2) eps^(2/3) =
// 21 eps^(2/3) = 7.7e-10 per entry; 100 eps^(2/3) = 3.7e-9 leaves a factor of about 5.
const double fd_bound = 100.0 * std::cbrt(std::numeric_limits<double>::epsilon()) *
                        std::cbrt(std::numeric_limits<double>::epsilon());

void exercise(dlmath::tour::Checks& c) {
    //! [example_exercise_gradient]
    const dlmath::Objective f = ref::exercise_function();
    const ref::Objective value = f.value;  // x -> f(x), for chapter 3's finite differences
    double worst = 0.0;
    for (int i = 0; i <= 100; ++i) {
        for (int j = 0; j <= 100; ++j) {
            const Vector x = {0.1 * i, 0.1 * j};  // a 101 x 101 grid over [0,10]^2
            const Vector g = f.gradient(x), g_fd = ref::gradient(value, x);
            for (std::size_t k = 0; k < 2; ++k) worst = std::fmax(worst, std::fabs(g(k) - g_fd(k)));
        }
    }
    //! [example_exercise_gradient]
    dlmath::tour::check_that(c,
                             "exercise function: hand gradient vs central differences on a 101 x 101 grid over "
                             "[0,10]^2, max error " + num(worst, 3) + " <= 100 eps^(2/3) = " + num(fd_bound, 3),
                             worst <= fd_bound);

    //! [example_exercise_batch]
    const Matrix X = {{1.0, 2.0}, {4.5, 0.5}, {7.0, 9.5}};
    Vector values;
    Matrix G;
    ref::exercise_batch(X, values, G);  // rows of X -> f (3), gradients (3, 2)
    //! [example_exercise_batch]
    bool same = true;
    for (std::size_t r = 0; r < 3; ++r) {
        const Vector x = {X(r, 0), X(r, 1)};
        const Vector g = f.gradient(x);
        same = same && values(r) == f.value(x) && G(r, 0) == g(0) && G(r, 1) == g(1);
    }
    dlmath::tour::check_that(c, "exercise function batched on X ~ (3, 2) equals the point-wise form bitwise", same);
    dlmath::tour::check(c, "f(pi/2, 0) = sin(pi/2) + sin(pi/4) = 1 + sqrt(2)/2",
                        f.value(Vector{std::acos(0.0), 0.0}), 1.0 + std::sqrt(0.5), 2);
}

// The value at the known minimiser and its gradient norm: exactly 0 where the arithmetic is
// exact, rounding noise where it is not.
void at_minimiser(dlmath::tour::Checks& c, const dlmath::Objective& f, const Vector& x, double expected,
                  double value_tol, double gradient_tol, const std::string& where) {
    const double v = f.value(x), g = norm2(f.gradient(x));
    dlmath::tour::check_that(c, f.name + " at " + where + ": f = " + num(v) + " (expected " + num(expected) +
                                    "), |grad f| = " + num(g, 3),
                             std::fabs(v - expected) <= value_tol && g <= gradient_tol);
}

void minimisers(dlmath::tour::Checks& c) {
    //! [example_minimisers]
    at_minimiser(c, ref::rosenbrock(2), Vector{1.0, 1.0}, 0.0, 0.0, 0.0, "(1, 1)");
    at_minimiser(c, ref::rosenbrock(5), Vector{1.0, 1.0, 1.0, 1.0, 1.0}, 0.0, 0.0, 0.0, "(1, 1, 1, 1, 1)");
    at_minimiser(c, ref::beale(), Vector{3.0, 0.5}, 0.0, 0.0, 0.0, "(3, 0.5)");
    at_minimiser(c, ref::booth(), Vector{1.0, 3.0}, 0.0, 0.0, 0.0, "(1, 3)");
    const auto minima = ref::himmelblau_minima();
    for (const Vector& m : minima) {
        // at the three irrational minima the gradient is a sum of terms of size ~200, each rounded
        // by about 200 u = 4e-14: 1e-12 leaves a factor of about 5 over four such terms
        at_minimiser(c, ref::himmelblau(), m, 0.0, 1e-24, 1e-12, "(" + num(m(0), 8) + ", " + num(m(1), 8) + ")");
    }
    //! [example_minimisers]

    //! [example_quadratic]
    const double kappa = 100.0;
    const Matrix A = ref::ill_conditioned_hessian(kappa);  // R diag(1, 100) R^T
    const Vector b = {1.0, -2.0};
    const dlmath::Objective q = ref::quadratic(A, b);
    const Vector x_star = ref::quadratic_minimizer(A, b);  // solves A x = b
    const double minimum = -0.5 * (b(0) * x_star(0) + b(1) * x_star(1));  // f(x*) = -b^T x* / 2
    //! [example_quadratic]
    // solve's backward error is a few u |A| |x|; the gradient A x* - b inherits it (|A| = 100)
    at_minimiser(c, q, x_star, minimum, 1e-13, 1e-12, "x* = A^-1 b");
    dlmath::tour::check_that(c, "cond of R diag(1, 100) R^T = " + num(ref::quadratic_condition(A)) + " (exact 100)",
                             std::fabs(ref::quadratic_condition(A) - kappa) <= 1e-10 * kappa);

    const Matrix D = {{1.0, 0.0}, {1.0, 1.0}, {1.0, 2.0}, {1.0, 3.0}};
    const Vector y = {1.0, 2.5, 2.0, 4.0};
    const Vector w_ls = ref::lstsq(D, y), w_ridge = ref::ridge_minimizer(D, y, 0.5);
    // the normal equations A^T (A x - b) = 0 hold up to the rounding of lstsq / solve (entries
    // of A^T A up to 14, of x about 1): 1e-13 is a few hundred u
    const double g_ls = norm2(ref::least_squares(D, y).gradient(w_ls));
    const double g_ridge = norm2(ref::ridge(D, y, 0.5).gradient(w_ridge));
    dlmath::tour::check_that(c, "least squares at lstsq's solution: |A^T (A x - b)| = " + num(g_ls, 3), g_ls <= 1e-13);
    dlmath::tour::check_that(c, "ridge (alpha = 0.5) at the MAP estimate (A^T A + alpha I)^-1 A^T b: |grad| = " +
                                    num(g_ridge, 3),
                             g_ridge <= 1e-13);

    // logistic regression at w = 0: every sigma(z) = 1/2, so f = log 2 whatever the labels
    const Matrix Xl = {{1.0, 0.5}, {1.0, -1.0}, {1.0, 2.0}, {1.0, -0.3}};
    const Vector yl = {1.0, 0.0, 1.0, 0.0};
    dlmath::tour::check(c, "logistic regression at w = 0: the mean cross-entropy is log 2",
                        ref::logistic_regression(Xl, yl).value(Vector{0.0, 0.0}), std::log(2.0), 2);
}

// Figure: the exercise function on a 101 x 101 grid over [0,10]^2, rows (x1, x2, f), x2 fastest.
void figure(const std::filesystem::path& dir) {
    const std::size_t k = 101;
    Matrix X = Matrix::from_shape({k * k, 2});
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = 0; j < k; ++j) {
            X(i * k + j, 0) = 0.1 * static_cast<double>(i);
            X(i * k + j, 1) = 0.1 * static_cast<double>(j);
        }
    }
    const Vector f = ref::exercise_values(X);
    Matrix rows = Matrix::from_shape({k * k, 3});
    for (std::size_t r = 0; r < k * k; ++r) {
        rows(r, 0) = X(r, 0);
        rows(r, 1) = X(r, 1);
        rows(r, 2) = f(r);
    }
    dlmath::tour::write_csv(dir / "exercise_grid.csv", "x1,x2,f", rows);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    exercise(c);
    minimisers(c);
    figure(o.figures);
}

const dlmath::tour::Register section{"objectives", run};

}  // namespace
