// Chapter 1, linear systems and decompositions: the worked
// examples, reference vs fast SVD, and the data of the figures
// min_norm.svg (minimum-norm solution) and pca_axes.svg (principal axes).

#include <cmath>
#include <iostream>
#include <numbers>
#include <random>
#include <string>

#include "dlmath/fast/linear_algebra.hpp"
#include "dlmath/reference/linear_algebra.hpp"
#include "tour.hpp"

namespace {

namespace ref = dlmath::reference;
namespace fast = dlmath::fast;
using dlmath::Matrix;
using dlmath::Vector;

void determinants_and_systems(dlmath::tour::Checks& c) {
    //! [example_det]
    const Matrix A = {{3.0, 8.0}, {4.0, 6.0}};
    const double by_cofactors = ref::det_cofactor(A);  // ad - bc = 3*6 - 8*4 = -14
    const double by_lu = ref::det(A);                  // -(4 * 3.5): pivot 4, u22 = 8 - 0.75*6
    //! [example_det]
    dlmath::tour::check(c, "det [[3,8],[4,6]] by cofactors", by_cofactors, -14.0);
    dlmath::tour::check(c, "det [[3,8],[4,6]] by LU", by_lu, -14.0);
    dlmath::tour::check(c, "det [[3,8],[4,6]], fast twin", fast::det(A), -14.0);

    const Matrix S = {{2.0, 1.0}, {1.0, 3.0}};
    const Vector x = ref::solve(S, Vector{5.0, 10.0});
    dlmath::tour::check(c, "solve 2x + y = 5, x + 3y = 10: x", x(0), 1.0);
    dlmath::tour::check(c, "solve 2x + y = 5, x + 3y = 10: y", x(1), 3.0);
    dlmath::tour::check(c, "rank [[1,2],[2,4]]", static_cast<double>(ref::matrix_rank(Matrix{{1.0, 2.0}, {2.0, 4.0}})), 1.0);
    dlmath::tour::check(c, "cond [[1,2],[2,4]] (singular)", ref::cond(Matrix{{1.0, 2.0}, {2.0, 4.0}}), INFINITY);
}

void change_of_basis(dlmath::tour::Checks& c) {
    //! [example_change_of_basis]
    const Matrix F = {{2.0, -0.5}, {1.0, 0.25}};  // e~1 = 2e1 + e2, e~2 = -e1/2 + e2/4 as columns
    const ref::ChangeOfBasis cb = ref::change_of_basis(F);
    const Vector v_new = ref::to_new_basis(cb, Vector{1.0, 1.5});  // [1, 2]
    const Vector L_e1 = ref::to_new_basis(cb, Vector{5.0, 3.0});   // [2.75, 1]
    const Vector L_e2 = ref::to_new_basis(cb, Vector{-1.0, 4.0});  // [1.75, 9]
    //! [example_change_of_basis]
    const Matrix& B = cb.backward;
    dlmath::tour::check(c, "backward B = F^-1: B11", B(0, 0), 0.25);
    dlmath::tour::check(c, "backward B = F^-1: B12", B(0, 1), 0.5);
    dlmath::tour::check(c, "backward B = F^-1: B21", B(1, 0), -1.0);
    dlmath::tour::check(c, "backward B = F^-1: B22", B(1, 1), 2.0);
    dlmath::tour::check(c, "v = [1, 1.5] in the new basis: first", v_new(0), 1.0);
    dlmath::tour::check(c, "v = [1, 1.5] in the new basis: second", v_new(1), 2.0);
    dlmath::tour::check(c, "L(e1) = [5, 3] in the new basis: first", L_e1(0), 2.75);
    dlmath::tour::check(c, "L(e1) = [5, 3] in the new basis: second", L_e1(1), 1.0);
    dlmath::tour::check(c, "L(e2) = [-1, 4] in the new basis: first", L_e2(0), 1.75);
    dlmath::tour::check(c, "L(e2) = [-1, 4] in the new basis: second", L_e2(1), 9.0);
}

void spectral(dlmath::tour::Checks& c) {
    // eigh of [[2,1],[1,2]]: eigenvalues 1 and 3
    const dlmath::Eigh e = ref::eigh(Matrix{{2.0, 1.0}, {1.0, 2.0}});
    dlmath::tour::check(c, "eigh [[2,1],[1,2]]: lambda_1", e.eigenvalues(0), 1.0, 4);
    dlmath::tour::check(c, "eigh [[2,1],[1,2]]: lambda_2", e.eigenvalues(1), 3.0, 4);
    // max x^T A x over the unit circle is lambda_max
    std::mt19937_64 rng(2);
    std::normal_distribution<double> g;
    bool below = true;
    for (int k = 0; k < 10000; ++k) {
        const double a = g(rng), b = g(rng), r = std::hypot(a, b);
        const double q = (2 * a * a + 2 * a * b + 2 * b * b) / (r * r);
        below = below && q <= 3.0 * (1 + 1e-15);
    }
    dlmath::tour::check_that(c, "no random unit x of 10000 has x^T A x above lambda_max = 3", below);
    const dlmath::PowerIteration p = ref::power_iteration(Matrix{{2.0, 1.0}, {1.0, 2.0}}, 1000, 1e-14);
    dlmath::tour::check_that(c, "power iteration on [[2,1],[1,2]] converges", p.status == dlmath::Status::success);
    dlmath::tour::check(c, "power iteration: dominant eigenvalue", p.eigenvalue, 3.0, 8);

    // SVD of [[3,0],[4,5]]: singular values sqrt(45) and sqrt(5)
    const dlmath::SVD d = ref::svd(Matrix{{3.0, 0.0}, {4.0, 5.0}});
    dlmath::tour::check(c, "svd [[3,0],[4,5]]: sigma_1 = sqrt 45", d.S(0), std::sqrt(45.0), 8);
    dlmath::tour::check(c, "svd [[3,0],[4,5]]: sigma_2 = sqrt 5", d.S(1), std::sqrt(5.0), 8);
    dlmath::tour::check(c, "cond [[3,0],[4,5]] = 3", ref::cond(Matrix{{3.0, 0.0}, {4.0, 5.0}}), 3.0, 8);

    // expm of a rotation generator is a rotation
    const Matrix R = ref::expm(Matrix{{0.0, -std::numbers::pi / 2}, {std::numbers::pi / 2, 0.0}});
    dlmath::tour::check_that(c, "expm [[0,-pi/2],[pi/2,0]] = [[0,-1],[1,0]] within 1e-15",
                             std::fabs(R(0, 0)) < 1e-15 && std::fabs(R(0, 1) + 1) < 1e-15 &&
                                 std::fabs(R(1, 0) - 1) < 1e-15 && std::fabs(R(1, 1)) < 1e-15);
}

// Figure: one equation in two unknowns, x1 + 2 x2 = 5. Its solutions form
// a line; pinv picks the point of the line closest to the origin, which is
// a multiple of the row (1, 2) and orthogonal to the null direction (2, -1).
void min_norm(dlmath::tour::Checks& c, const std::filesystem::path& dir) {
    //! [example_min_norm]
    const Matrix A = {{1.0, 2.0}};
    const Vector x = ref::lstsq(A, Vector{5.0});  // = pinv(A) b = [1, 2]
    //! [example_min_norm]
    dlmath::tour::check(c, "min-norm solution of x1 + 2 x2 = 5: x1", x(0), 1.0, 4);
    dlmath::tour::check(c, "min-norm solution of x1 + 2 x2 = 5: x2", x(1), 2.0, 4);
    Matrix line = Matrix::from_shape({81, 2});
    for (int k = -40; k <= 40; ++k) {
        const double t = k / 10.0;  // x + t (2, -1)/sqrt5 runs along the solution line
        line(k + 40, 0) = x(0) + t * 2 / std::sqrt(5.0);
        line(k + 40, 1) = x(1) - t / std::sqrt(5.0);
    }
    dlmath::tour::write_csv(dir / "min_norm.csv", "x1,x2", line);
    const Matrix point = {{x(0), x(1), 2 / std::sqrt(5.0), -1 / std::sqrt(5.0)}};
    dlmath::tour::write_csv(dir / "min_norm_point.csv", "x1,x2,null_x1,null_x2", point);
}

// Figure: 500 samples of a correlated 2-D Gaussian and its principal axes,
// each drawn from the mean with length 2 standard deviations.
void pca_cloud(dlmath::tour::Checks& c, const std::filesystem::path& dir) {
    const std::size_t N = 500;
    Matrix X = Matrix::from_shape({N, 2});
    std::mt19937_64 rng(4);
    std::normal_distribution<double> g;
    for (std::size_t i = 0; i < N; ++i) {
        const double a = 2.0 * g(rng), b = 0.5 * g(rng);  // variances 4 and 0.25 along a 30 degree frame
        X(i, 0) = 1.0 + a * std::cos(std::numbers::pi / 6) - b * std::sin(std::numbers::pi / 6);
        X(i, 1) = 2.0 + a * std::sin(std::numbers::pi / 6) + b * std::cos(std::numbers::pi / 6);
    }
    //! [example_pca]
    const dlmath::PCA p = ref::pca(X, 2);
    //! [example_pca]
    const double angle = std::atan2(p.components(0, 1), p.components(0, 0));
    const double folded = std::fabs(std::remainder(angle - std::numbers::pi / 6, std::numbers::pi));  // an axis has no sign
    dlmath::tour::check_that(c, "PCA: first axis within 3 degrees of the true 30 degrees", folded < 3 * std::numbers::pi / 180);
    dlmath::tour::check_that(c, "PCA: explained variances near 4 and 0.25 (within 20%)",
                             std::fabs(p.explained_variance(0) / 4 - 1) < 0.2 &&
                                 std::fabs(p.explained_variance(1) / 0.25 - 1) < 0.2);
    dlmath::tour::write_csv(dir / "pca_cloud.csv", "x1,x2", X);
    Matrix axes = Matrix::from_shape({2, 4});
    for (std::size_t l = 0; l < 2; ++l) {
        const double len = 2 * std::sqrt(p.explained_variance(l));
        axes(l, 0) = p.mean(0);
        axes(l, 1) = p.mean(1);
        axes(l, 2) = len * p.components(l, 0);
        axes(l, 3) = len * p.components(l, 1);
    }
    dlmath::tour::write_csv(dir / "pca_axes.csv", "x0,y0,dx,dy", axes);
}

void timings(bool quick) {
    std::cout << "  reference vs fast, best of 3 runs:\n";
    const std::size_t n = quick ? 64 : 256;
    Matrix A = Matrix::from_shape({n, n});
    std::mt19937_64 rng(7);
    std::normal_distribution<double> g;
    for (auto& a : A) a = g(rng);
    const std::string size = " (n = " + std::to_string(n) + ")";
    dlmath::tour::print_timing("svd" + size, dlmath::tour::seconds([&] { (void)ref::svd(A); }, 3),
                               dlmath::tour::seconds([&] { (void)fast::svd(A); }, 3));
    dlmath::tour::print_timing("det" + size, dlmath::tour::seconds([&] { (void)ref::det(A); }, 3),
                               dlmath::tour::seconds([&] { (void)fast::det(A); }, 3));
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    determinants_and_systems(c);
    change_of_basis(c);
    spectral(c);
    min_norm(c, o.figures);
    pca_cloud(c, o.figures);
    timings(o.quick);
}

const dlmath::tour::Register section{"decompositions", run};

}  // namespace
