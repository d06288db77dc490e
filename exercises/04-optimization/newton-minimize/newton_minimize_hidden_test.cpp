// Hidden tests of the Newton minimisation exercise (instructor only: they are
// left out of the student edition and run by the autograder).
#include "newton_minimize.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using dlmath::exercises::newton_minimize;

namespace {
// A random SPD matrix B Bᵀ + I of order n (eigenvalues ≥ 1, ≤ 1 + n), a b and a start.
struct Quadratic {
    Matrix A;
    Vector b, x0;
};
Quadratic random_quadratic(std::size_t n, std::uint32_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    Matrix B = Matrix::from_shape({n, n});
    for (double& v : B) v = unit(rng);
    Quadratic q{Matrix::from_shape({n, n}), Vector::from_shape({n}), Vector::from_shape({n})};
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            double s = i == j ? 1.0 : 0.0;
            for (std::size_t l = 0; l < n; ++l) s += B(i, l) * B(j, l);
            q.A(i, j) = s;
        }
        q.b(i) = unit(rng);
        q.x0(i) = 10.0 * unit(rng);
    }
    return q;
}
Vector residual(const Matrix& A, const Vector& b, const Vector& x) {
    Vector r = -b;
    for (std::size_t i = 0; i < b.size(); ++i)
        for (std::size_t j = 0; j < b.size(); ++j) r(i) += A(i, j) * x(j);
    return r;
}
double norm(const Vector& v) {
    double s = 0.0;
    for (double e : v) s += e * e;
    return std::sqrt(s);
}
}  // namespace

// One step on a random SPD quadratic (c = 0) lands on its minimiser: the gradient there,
// A x1 − b, is rounding only. The step's error is at most cond(A) ≤ 1 + n times the backward
// error of the elimination and the gradient, a few n u (‖A‖(‖x0‖ + ‖x*‖) + ‖b‖) with
// ‖A‖ ≤ 1 + n; the residual adds ‖A‖ times that: 4 n (1 + n)² u (‖x0‖ + 11) bounds it with room
// (‖x*‖ ≤ ‖b‖ ≤ √n ≤ 3).
RC_GTEST_PROP(NewtonMinimizeHidden, OneStepReachesTheMinimiserOfAnSPDQuadratic, ()) {
    const auto n = static_cast<std::size_t>(*rc::gen::inRange(1, 7));
    const auto q = random_quadratic(n, *rc::gen::arbitrary<std::uint32_t>());
    const auto r = newton_minimize(q.A, q.b, 0.0, q.x0, 0.0, 1);
    RC_ASSERT(r.iterations == 1u);
    const double m = static_cast<double>(n);
    const double bound = 4.0 * m * (1.0 + m) * (1.0 + m) * 0x1p-53 * (norm(q.x0) + 11.0);
    RC_ASSERT(norm(residual(q.A, q.b, r.x)) <= bound);
}

// An exact step: A = diag(2, 4), b = (2, 4), x* = (1, 1); from (3, −1) the gradient is (4, −8)
// and d = (−2, 2): x1 = (1, 1) with no rounding at all (a step away would give (5, −3)).
TEST(NewtonMinimizeHidden, OneStepMovesToTheMinimiserNotAway) {
    const auto r = newton_minimize(Matrix{{2.0, 0.0}, {0.0, 4.0}}, Vector{2.0, 4.0}, 0.0, Vector{3.0, -1.0}, 0.0, 1);
    EXPECT_EQ(r.iterations, 1u);
    EXPECT_EQ(r.x(0), 1.0);
    EXPECT_EQ(r.x(1), 1.0);
}

// The separable quartic (x⁴ + y⁴)/4 (A = 0, b = 0, c = 1) from (1, 2): each coordinate shrinks
// by 2/3 per step, and the gradient norm (2/3)^{3k} √(1 + 64) is ≤ 1e-6 first at k = 14:
// (2/3)^39 √65 = 1.1e-6 > 1e-6 >= (2/3)^42 √65 = 3.3e-7. With max_iter = 5 it stops unconverged.
TEST(NewtonMinimizeHidden, IterationCountOnAQuartic) {
    const Matrix zero = {{0.0, 0.0}, {0.0, 0.0}};
    const auto r = newton_minimize(zero, Vector{0.0, 0.0}, 1.0, Vector{1.0, 2.0}, 1e-6, 100);
    EXPECT_TRUE(r.converged);
    EXPECT_EQ(r.iterations, 14u);
    const auto stopped = newton_minimize(zero, Vector{0.0, 0.0}, 1.0, Vector{1.0, 2.0}, 1e-6, 5);
    EXPECT_FALSE(stopped.converged);
    EXPECT_EQ(stopped.iterations, 5u);
}

// A quadratic plus a quartic, f = ½‖x‖² − x₁ + (x₁⁴ + x₂⁴)/4 with x* = (r, 0), r³ + r = 1
// (r = 0.6823278038280193): Newton from (2, 1) converges quadratically, in a handful of steps.
TEST(NewtonMinimizeHidden, QuadraticPlusQuarticConverges) {
    const auto r = newton_minimize(Matrix{{1.0, 0.0}, {0.0, 1.0}}, Vector{1.0, 0.0}, 1.0, Vector{2.0, 1.0}, 1e-12, 50);
    EXPECT_TRUE(r.converged);
    EXPECT_LE(r.iterations, 8u);
    EXPECT_NEAR(r.x(0), 0.6823278038280193, 1e-12);
    EXPECT_NEAR(r.x(1), 0.0, 1e-12);
}

TEST(NewtonMinimizeHidden, RejectsBadInput) {
    const Matrix I = {{1.0, 0.0}, {0.0, 1.0}};
    const Vector b = {0.0, 0.0};
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_THROW(newton_minimize(I, b, 0.0, Vector{1.0, nan}, 1e-8, 10), dlmath::domain_error);
    EXPECT_THROW(newton_minimize(I, b, 0.0, Vector{1.0, 1.0}, -1.0, 10), dlmath::domain_error);
    EXPECT_THROW(newton_minimize(I, b, -1.0, Vector{1.0, 1.0}, 1e-8, 10), dlmath::domain_error);
    EXPECT_THROW(newton_minimize(I, b, 0.0, Vector{1.0, 1.0, 1.0}, 1e-8, 10), dlmath::shape_error);
    EXPECT_THROW(newton_minimize(I, Vector{0.0}, 0.0, Vector{1.0, 1.0}, 1e-8, 10), dlmath::shape_error);
    const Matrix singular = {{1.0, 2.0}, {2.0, 4.0}};
    EXPECT_THROW(newton_minimize(singular, b, 0.0, Vector{1.0, 1.0}, 1e-8, 10), dlmath::domain_error);
}
