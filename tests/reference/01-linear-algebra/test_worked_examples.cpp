// The worked examples of chapter 1 that the chapter program prints and no
// other test pins: the gradient of the squared L2 norm (and the slope of
// L1 beside it), template matching, the minimum-norm solution of one
// equation, the least-squares solution of a tall system, element-wise exp
// against the matrix exponential, and the unit circle mapped by a matrix
// (eigenvectors of a symmetric one, singular vectors of a general one).

#include <cmath>
#include <numbers>

#include <xtensor/xmath.hpp>

#include "prelude.hpp"

namespace {

double squared_l2(const Vector& x) { return ref::dot(x, x); }

// The central difference (f(x + h e_i) - f(x - h e_i)) / 2h.
template <class F>
double central_difference(F f, Vector x, std::size_t i, double h) {
    const double xi = x(i);
    x(i) = xi + h;
    const double up = f(x);
    x(i) = xi - h;
    const double down = f(x);
    return (up - down) / (2 * h);
}

}  // namespace

// ---------------------------------------------------------------- the gradient of the squared L2 norm

// ▶ d||x||_2^2 / dx_i = 2 x_i. For a quadratic the central difference is
// exact in exact arithmetic (the third derivative vanishes). With entries
// and step that are short binary fractions, every square, sum and
// difference below is exact in double as well, so the check is equality.
TEST(WorkedExample, GradientOfTheSquaredL2NormIsTwoX) {
    const Vector x = {3.0, -1.5, 0.25, 2.0};
    const double h = 1.0 / 256;  // 2^-8: x_i +- h and its square have few bits
    for (std::size_t i = 0; i < x.size(); ++i) {
        EXPECT_EQ(central_difference(squared_l2, x, i, h), 2 * x(i)) << "i = " << i;
    }
}

// The same check on entries that are not binary fractions, through the
// library's norm. ||x|| carries a relative error of at most gamma_{n+4}
// (the scaling, the sum of n squares, the square root, the rescaling), so
// f = ||x||^2 at most gamma_{2n+8}; rounding x_i +- h moves f by at most
// 2u f. The difference of the two values of f is then off by at most
// 2 gamma_{2n+10} f_max, divided by 2h (a power of two, exact).
TEST(WorkedExample, GradientOfTheSquaredL2NormByFiniteDifferences) {
    const Vector x = {0.3, -1.7, 0.05};
    const double h = 1.0 / 1024;
    auto f = [](const Vector& v) { return std::pow(ref::norm(v), 2); };
    const double f_max = f(xt::abs(x) + h);
    const double bound = 2 * gamma_n(2.0 * static_cast<double>(x.size()) + 10) * f_max / (2 * h);
    for (std::size_t i = 0; i < x.size(); ++i) {
        EXPECT_NEAR(central_difference(f, x, i, h), 2 * x(i), bound) << "i = " << i;
    }
}

// ▶ L1 keeps its slope near 0: at x_i = 2^-10 the slope of ||x||_1 along
// e_i is still 1, while that of ||x||_2^2 has shrunk to 2 x_i = 2^-9. All
// values are binary fractions, so both differences are exact.
TEST(WorkedExample, L1KeepsItsSlopeNearZeroWhileSquaredL2Flattens) {
    const Vector x = {std::ldexp(1.0, -10), -0.5, 0.75};
    const double h = std::ldexp(1.0, -12);  // smaller than |x_0|: the difference stays on one side of 0
    auto l1 = [](const Vector& v) { return ref::norm(v, 1.0); };
    EXPECT_EQ(central_difference(l1, x, 0, h), 1.0);
    EXPECT_EQ(central_difference(l1, x, 1, h), -1.0);
    EXPECT_EQ(central_difference(squared_l2, x, 0, h), std::ldexp(1.0, -9));
}

// ---------------------------------------------------------------- Laplace expansion along any line

// ▶ The cofactor expansion may run along any row or down any column. For
// A = [[2,0,1],[3,0,4],[1,5,2]] column 2 has one non-zero entry:
// det A = (-1)^(3+2) * 5 * det [[2,1],[3,4]] = -25, as along row 1.
// Small integers: every product and sum is exact; LU divides, so its
// result is within a few ulps.
TEST(WorkedExample, LaplaceExpansionAlongAnyRowOrColumn) {
    const Matrix A = {{2.0, 0.0, 1.0}, {3.0, 0.0, 4.0}, {1.0, 5.0, 2.0}};
    EXPECT_EQ(-5.0 * ref::det_cofactor(Matrix{{2.0, 1.0}, {3.0, 4.0}}), -25.0);  // down column 2
    EXPECT_EQ(ref::det_cofactor(A), -25.0);                                     // along row 1
    // along row 3: 1 * det[[0,1],[0,4]] - 5 * det[[2,1],[3,4]] + 2 * det[[2,0],[3,0]]
    EXPECT_EQ(1.0 * 0.0 - 5.0 * ref::det_cofactor(Matrix{{2.0, 1.0}, {3.0, 4.0}}) + 2.0 * 0.0, -25.0);
    EXPECT_LE(dlmath::testing::ulp_distance(ref::det(A), -25.0), 4u) << ref::det(A);
}

// ---------------------------------------------------------------- template matching

// ▶ Over unit vectors y, <x, y> is largest at y = x / ||x||, where it is
// ||x||. For x = (2, 1, -2), ||x|| = 3 exactly; x / 3 rounds each entry
// (one rounding), the dot product adds two more: 2 ulps of 3 cover it.
TEST(WorkedExample, TemplateMatchingPicksTheDirectionOfX) {
    const Vector x = {2.0, 1.0, -2.0};
    EXPECT_EQ(ref::norm(x), 3.0);
    const Vector best = x / ref::norm(x);
    EXPECT_LE(dlmath::testing::ulp_distance(ref::dot(x, best), 3.0), 2u) << ref::dot(x, best);
}

// Cauchy-Schwarz, as the template-matching property: no unit vector beats
// x / ||x||. Both sides are dot products of length 3 with relative error
// gamma_3, which the comparison allows.
RC_GTEST_PROP(TemplateMatching, NoUnitVectorBeatsTheNormalisedX, ()) {
    const Vector x = {2.0, 1.0, -2.0};
    const auto a = *rc::gen::inRange(-1000, 1001);
    const auto b = *rc::gen::inRange(-1000, 1001);
    const auto c = *rc::gen::inRange(-1000, 1001);
    RC_PRE(a != 0 || b != 0 || c != 0);
    Vector y = {double(a), double(b), double(c)};
    y /= ref::norm(y);
    RC_ASSERT(ref::dot(x, y) <= 3.0 * (1 + 4 * gamma_n(3)));
}

// ---------------------------------------------------------------- minimum norm and least squares

// ▶ x1 + 2 x2 = 5: the pseudoinverse picks the solution nearest the origin,
// x+ = (1, 2) = b / ||a||^2 * a, a multiple of the row a = (1, 2) and
// orthogonal to the null direction (2, -1). The SVD of a 1x2 matrix is one
// column norm and a division: a few ulps.
TEST(WorkedExample, MinimumNormSolutionOfOneEquation) {
    const Matrix A = {{1.0, 2.0}};
    const Vector x = ref::matvec(ref::pinv(A), Vector{5.0});
    ASSERT_EQ(x.size(), 2u);
    EXPECT_LE(dlmath::testing::ulp_distance(x(0), 1.0), 4u) << x(0);
    EXPECT_LE(dlmath::testing::ulp_distance(x(1), 2.0), 4u) << x(1);
    EXPECT_NEAR(2 * x(0) - x(1), 0.0, 8 * u);  // in the row space: orthogonal to (2, -1)
    // every other solution x+ + t (2, -1) is longer, by exactly t^2 ||(2, -1)||^2
    for (double t : {-1.0, -0.25, 0.5, 2.0}) {
        const Vector other = {x(0) + 2 * t, x(1) - t};
        EXPECT_NEAR(other(0) + 2 * other(1), 5.0, 16 * u);
        EXPECT_GT(ref::norm(other), ref::norm(x));
    }
}

// ▶ Overdetermined: fit a line c0 + c1 t through (0, 1), (1, 2), (2, 4).
// Three equations, two unknowns, no exact solution; x = A+ y minimises
// ||Ax - y||_2. The normal equations A^T A x = A^T y,
//   [[3, 3], [3, 5]] x = [7, 10],
// give x = (5/6, 3/2), the residual r = y - Ax = (1/6, -1/3, 1/6) with
// ||r||^2 = 1/6, and A^T r = 0. Tolerance: the Jacobi SVD's backward error
// (jacobi_bound) times kappa(A) = sqrt(4 + sqrt 10) / sqrt(4 - sqrt 10) < 3,
// relative to ||x||.
TEST(WorkedExample, LeastSquaresLineThroughThreePoints) {
    const Matrix A = {{1.0, 0.0}, {1.0, 1.0}, {1.0, 2.0}};
    const Vector y = {1.0, 2.0, 4.0};
    const Vector x = ref::matvec(ref::pinv(A), y);
    const double tol = jacobi_bound(3) * 3.0 * 2.0;  // kappa < 3, ||x|| < 2
    EXPECT_NEAR(x(0), 5.0 / 6.0, tol);
    EXPECT_NEAR(x(1), 1.5, tol);
    const Vector r = y - ref::matvec(A, x);
    EXPECT_NEAR(r(0), 1.0 / 6.0, 4 * tol);
    EXPECT_NEAR(r(1), -1.0 / 3.0, 4 * tol);
    EXPECT_NEAR(r(2), 1.0 / 6.0, 4 * tol);
    EXPECT_NEAR(ref::dot(r, r), 1.0 / 6.0, 4 * tol);
    // the residual is orthogonal to the columns of A (the normal equations)
    const Vector At_r = ref::matvec(xt::transpose(A), r);
    EXPECT_NEAR(At_r(0), 0.0, 8 * tol);
    EXPECT_NEAR(At_r(1), 0.0, 8 * tol);
    // and any other coefficients fit worse: ||A(x + d) - y||^2 = ||r||^2 + ||A d||^2
    for (const Vector& d : {Vector{0.01, 0.0}, Vector{0.0, -0.01}, Vector{0.1, -0.05}}) {
        const Vector other = ref::matvec(A, x + d) - y;
        EXPECT_GT(ref::dot(other, other), ref::dot(r, r));
    }
    // the same answer as solving the normal equations (fine here: kappa(A^T A) < 9)
    const Vector normal = ref::solve(Matrix{{3.0, 3.0}, {3.0, 5.0}}, Vector{7.0, 10.0});
    EXPECT_NEAR(x(0), normal(0), tol);
    EXPECT_NEAR(x(1), normal(1), tol);
}

// ---------------------------------------------------------------- exp(X) is not e^X

// ▶ Element-wise exp against the matrix exponential on the same matrix
// X = [[0, 1], [0, 0]]: exp(X) = [[1, e], [1, 1]], but X^2 = 0, so
// e^X = I + X = [[1, 1], [0, 1]]. The Pade fraction of a nilpotent X is
// exact up to the rounding of its coefficients: a few u. exp(1) may come
// from xsimd's vectorised exp, within 1 ulp of e.
TEST(WorkedExample, ElementwiseExpIsNotTheMatrixExponential) {
    const Matrix X = {{0.0, 1.0}, {0.0, 0.0}};
    const Matrix elementwise = xt::exp(X);
    EXPECT_EQ(elementwise(0, 0), 1.0);
    EXPECT_LE(dlmath::testing::ulp_distance(elementwise(0, 1), std::numbers::e), 1u) << elementwise(0, 1);
    EXPECT_EQ(elementwise(1, 0), 1.0);
    EXPECT_EQ(elementwise(1, 1), 1.0);
    const Matrix E = ref::expm(X);
    EXPECT_NEAR(E(0, 0), 1.0, 8 * u);
    EXPECT_NEAR(E(0, 1), 1.0, 8 * u);
    EXPECT_NEAR(E(1, 0), 0.0, 8 * u);
    EXPECT_NEAR(E(1, 1), 1.0, 8 * u);
}

// ---------------------------------------------------------------- the unit circle under a matrix

// ▶ The eigenbasis as a change of basis: A = [[2, 1], [1, 2]] = Q diag(1, 3) Q^T
// with Q's columns (1, -1)/sqrt 2 and (1, 1)/sqrt 2. In the eigenbasis,
// Q^T A Q, the map only scales: diag(1, 3). The unit circle goes to the
// ellipse with semi-axes 3 along (1, 1) and 1 along (1, -1).
TEST(WorkedExample, SymmetricMatrixOnlyScalesInItsEigenbasis) {
    const Matrix A = {{2.0, 1.0}, {1.0, 2.0}};
    const dlmath::Eigh e = ref::eigh(A);
    const double tol = jacobi_bound(2) * 3.0;  // relative to ||A||_2 = 3
    EXPECT_NEAR(e.eigenvalues(0), 1.0, tol);
    EXPECT_NEAR(e.eigenvalues(1), 3.0, tol);
    const Matrix& Q = e.eigenvectors;
    const Matrix in_eigenbasis = ref::matmul(ref::matmul(xt::transpose(Q), A), Q);
    EXPECT_NEAR(in_eigenbasis(0, 0), 1.0, 4 * tol);
    EXPECT_NEAR(in_eigenbasis(1, 1), 3.0, 4 * tol);
    EXPECT_NEAR(in_eigenbasis(0, 1), 0.0, 4 * tol);
    EXPECT_NEAR(in_eigenbasis(1, 0), 0.0, 4 * tol);
    // the eigenvector of 3 is +-(1, 1)/sqrt 2: both entries the same sign and size
    EXPECT_NEAR(std::fabs(Q(0, 1)), std::sqrt(0.5), tol);
    EXPECT_NEAR(Q(0, 1) - Q(1, 1), 0.0, 2 * tol);
}

// ▶ A general A = [[3, 0], [4, 5]] maps the unit circle to an ellipse whose
// semi-axes are sigma_i u_i, reached from the right singular vectors:
// A v_i = sigma_i u_i, sigma = (sqrt 45, sqrt 5). Its eigenvalues 3 and 5
// (a triangular matrix) are not the axes: the eigenvectors are not
// orthogonal, and |A x| on the circle reaches sqrt 45 > 5.
TEST(WorkedExample, GeneralMatrixMapsTheCircleAlongItsSingularVectors) {
    const Matrix A = {{3.0, 0.0}, {4.0, 5.0}};
    const dlmath::SVD d = ref::svd(A);
    const double tol = jacobi_bound(2) * std::sqrt(45.0);
    EXPECT_NEAR(d.S(0), std::sqrt(45.0), tol);
    EXPECT_NEAR(d.S(1), std::sqrt(5.0), tol);
    for (std::size_t i = 0; i < 2; ++i) {
        const Vector v = xt::row(d.Vt, static_cast<long>(i));
        const Vector Av = ref::matvec(A, v);
        EXPECT_NEAR(Av(0), d.S(i) * d.U(0, i), 4 * tol) << "i = " << i;
        EXPECT_NEAR(Av(1), d.S(i) * d.U(1, i), 4 * tol) << "i = " << i;
    }
    // no point of the circle goes further than sigma_1, and v_1 gets there
    for (int k = 0; k < 360; ++k) {
        const double theta = 2 * std::numbers::pi * k / 360;
        EXPECT_LE(ref::norm(ref::matvec(A, Vector{std::cos(theta), std::sin(theta)})), d.S(0) * (1 + 4 * u));
    }
}
