// Chapter 1, linear systems and decompositions: the worked
// examples, reference vs fast SVD, and the data of the figures
// min_norm.svg (minimum-norm solution), unit_circle.svg (the unit circle
// under a matrix) and pca_axes.svg (principal axes).

#include <algorithm>
#include <cmath>
#include <iostream>
#include <numbers>
#include <random>
#include <string>

#include <xtensor/xmanipulation.hpp>

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

    //! [example_laplace]
    // down column 2, whose only non-zero entry is a_32 = 5: (-1)^(3+2) * 5 * det [[2,1],[3,4]]
    const Matrix L = {{2.0, 0.0, 1.0}, {3.0, 0.0, 4.0}, {1.0, 5.0, 2.0}};
    const double by_column_2 = -5.0 * ref::det_cofactor(Matrix{{2.0, 1.0}, {3.0, 4.0}});  // -25
    const double by_row_1 = ref::det_cofactor(L);  // 2(0 - 20) - 0 + 1(15 - 0) = -25
    //! [example_laplace]
    dlmath::tour::check(c, "det [[2,0,1],[3,0,4],[1,5,2]] down column 2", by_column_2, -25.0);
    dlmath::tour::check(c, "  along row 1 (det_cofactor)", by_row_1, -25.0);
    dlmath::tour::check(c, "  by LU", ref::det(L), -25.0, 4);

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

// Overdetermined: three equations, two unknowns. The line c0 + c1 t
// through (0, 1), (1, 2), (2, 4) that minimises the sum of squared misfits.
void least_squares(dlmath::tour::Checks& c) {
    //! [example_least_squares]
    const Matrix A = {{1.0, 0.0}, {1.0, 1.0}, {1.0, 2.0}};  // rows (1, t_i)
    const Vector y = {1.0, 2.0, 4.0};
    const Vector x = ref::matvec(ref::pinv(A), y);      // = (5/6, 3/2)
    const Vector r = y - ref::matvec(A, x);             // = (1/6, -1/3, 1/6)
    const Vector At_r = ref::matvec(xt::transpose(A), r);  // = 0: r is orthogonal to the columns
    //! [example_least_squares]
    dlmath::tour::check(c, "least squares through (0,1), (1,2), (2,4): c0 = 5/6", x(0), 5.0 / 6.0, 16);
    dlmath::tour::check(c, "  c1 = 3/2", x(1), 1.5, 16);
    dlmath::tour::check(c, "  ||Ax - y||² = 1/6", ref::dot(r, r), 1.0 / 6.0, 64);
    dlmath::tour::check_that(c, "  Aᵀ(Ax - y) = 0 within 1e-14", std::fabs(At_r(0)) < 1e-14 && std::fabs(At_r(1)) < 1e-14);
    bool worse = true;  // ||A(x + d) - y||² = ||r||² + ||Ad||²
    for (const Vector& d : {Vector{0.01, 0.0}, Vector{0.0, -0.01}, Vector{0.1, -0.05}}) {
        const Vector other = ref::matvec(A, x + d) - y;
        worse = worse && ref::dot(other, other) > ref::dot(r, r);
    }
    dlmath::tour::check_that(c, "  moving x in any of three directions fits worse", worse);
}

// Figure: the unit circle and its image under a symmetric A, with the
// eigenvectors (the image is an ellipse with axes lambda_i q_i), and under
// a general A, with the singular vectors (v_i maps to sigma_i u_i).
void unit_circle(dlmath::tour::Checks& c, const std::filesystem::path& dir) {
    //! [example_eigenbasis]
    const Matrix S = {{2.0, 1.0}, {1.0, 2.0}};
    const dlmath::Eigh e = ref::eigh(S);  // S = Q diag(1, 3) Qᵀ
    const Matrix& Q = e.eigenvectors;
    const Matrix in_eigenbasis = ref::matmul(ref::matmul(xt::transpose(Q), S), Q);  // Qᵀ S Q = diag(1, 3)
    //! [example_eigenbasis]
    dlmath::tour::check_that(c, "in its eigenbasis [[2,1],[1,2]] only scales: QᵀSQ = diag(1, 3) within 1e-14",
                             std::fabs(in_eigenbasis(0, 0) - 1) < 1e-14 && std::fabs(in_eigenbasis(1, 1) - 3) < 1e-14 &&
                                 std::fabs(in_eigenbasis(0, 1)) < 1e-14 && std::fabs(in_eigenbasis(1, 0)) < 1e-14);
    const Matrix G = {{3.0, 0.0}, {4.0, 5.0}};
    const dlmath::SVD d = ref::svd(G);  // sigma = (sqrt 45, sqrt 5)
    double longest = 0.0;
    Matrix rows = Matrix::from_shape({361, 6});
    for (std::size_t k = 0; k <= 360; ++k) {
        const double theta = 2 * std::numbers::pi * static_cast<double>(k) / 360;
        const Vector x = {std::cos(theta), std::sin(theta)};
        const Vector Sx = ref::matvec(S, x), Gx = ref::matvec(G, x);
        longest = std::max(longest, ref::norm(Gx));
        rows(k, 0) = x(0), rows(k, 1) = x(1), rows(k, 2) = Sx(0), rows(k, 3) = Sx(1), rows(k, 4) = Gx(0),
        rows(k, 5) = Gx(1);
    }
    dlmath::tour::check_that(c, "[[3,0],[4,5]] stretches the unit circle at most sigma_1 = sqrt 45 = 6.708 (eigenvalues: 3, 5)",
                             longest <= d.S(0) * (1 + 1e-15) && longest > 0.999 * d.S(0));
    dlmath::tour::write_csv(dir / "unit_circle.csv", "x,y,Sx,Sy,Gx,Gy", rows);
    // arrows: q_i and lambda_i q_i; v_i and sigma_i u_i
    Matrix arrows = Matrix::from_shape({2, 8});
    for (std::size_t i = 0; i < 2; ++i) {
        const double l = e.eigenvalues(i), s = d.S(i);
        arrows(i, 0) = Q(0, i), arrows(i, 1) = Q(1, i), arrows(i, 2) = l * Q(0, i), arrows(i, 3) = l * Q(1, i);
        arrows(i, 4) = d.Vt(i, 0), arrows(i, 5) = d.Vt(i, 1), arrows(i, 6) = s * d.U(0, i), arrows(i, 7) = s * d.U(1, i);
    }
    dlmath::tour::write_csv(dir / "unit_circle_axes.csv", "qx,qy,lqx,lqy,vx,vy,sux,suy", arrows);
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
    least_squares(c);
    unit_circle(c, o.figures);
    pca_cloud(c, o.figures);
    timings(o.quick);
}

const dlmath::tour::Register section{"decompositions", run};

}  // namespace
