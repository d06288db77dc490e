// Hidden tests of the optimal step exercise (instructor only: they are left out of the
// student edition and run by the autograder).
#include "optimal_step.hpp"

#include <cmath>
#include <cstddef>
#include <limits>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using dlmath::exercises::optimal_step;
using dlmath::exercises::steepest_descent;

namespace {
constexpr double u = std::numeric_limits<double>::epsilon() / 2;

// A x - b, in index order.
Vector residual(const Matrix& A, const Vector& b, const Vector& x) {
    Vector r = Vector::from_shape({x.size()});
    for (std::size_t i = 0; i < x.size(); ++i) {
        double s = 0.0;
        for (std::size_t j = 0; j < x.size(); ++j) s += A(i, j) * x(j);
        r(i) = s - b(i);
    }
    return r;
}

double f(const Matrix& A, const Vector& b, const Vector& x) {
    const Vector r = residual(A, b, x);
    double s = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) s += 0.5 * x(i) * (r(i) - b(i));  // (x^T A x) / 2 - b^T x
    return s;
}

// A random symmetric positive definite A = M^T M + I (M with small integer entries, so
// A is exact), b and x0 on a grid.
struct Problem {
    Matrix A;
    Vector b, x0;
};
Problem random_problem() {
    const auto n = *rc::gen::inRange<std::size_t>(1, 5);
    Matrix M = Matrix::from_shape({n, n});
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) M(i, j) = *rc::gen::inRange(-3, 4);
    }
    Problem p{Matrix::from_shape({n, n}), Vector::from_shape({n}), Vector::from_shape({n})};
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            double s = i == j ? 1.0 : 0.0;
            for (std::size_t k = 0; k < n; ++k) s += M(k, i) * M(k, j);
            p.A(i, j) = s;
        }
        p.b(i) = *rc::gen::inRange(-20, 21) / 4.0;
        p.x0(i) = *rc::gen::inRange(-40, 41) / 4.0;
    }
    return p;
}
}  // namespace

// H = diag(1, -1) is indefinite: along g = (1, 2), g^T H g = -3 (no minimum: a negative
// "step" would climb), along g = (1, 1) it is 0 (a straight line: the step would be
// infinite), and g = 0 gives 0 / 0. Each is a domain_error, in steepest_descent too.
TEST(OptimalStepHidden, NoPositiveCurvatureIsADomainError) {
    const Matrix H{{1.0, 0.0}, {0.0, -1.0}};
    EXPECT_THROW(optimal_step(Vector{1.0, 2.0}, H), dlmath::domain_error);
    EXPECT_THROW(optimal_step(Vector{1.0, 1.0}, H), dlmath::domain_error);
    EXPECT_THROW(optimal_step(Vector{0.0, 0.0}, Matrix{{1.0, 0.0}, {0.0, 3.0}}), dlmath::domain_error);
    EXPECT_THROW(steepest_descent(H, Vector{0.0, 0.0}, Vector{1.0, 2.0}, 1e-6, 10), dlmath::domain_error);
}

// A non-diagonal exact case: A = [[2, 1], [1, 2]], g = (1, 0): g^T g = 1, g^T A g = 2, so
// the step is 1/2 (not 2, and not 1 / |g| = 1).
TEST(OptimalStepHidden, StepOnANonDiagonalHessian) {
    EXPECT_EQ(optimal_step(Vector{1.0, 0.0}, Matrix{{2.0, 1.0}, {1.0, 2.0}}), 0.5);
    EXPECT_EQ(optimal_step(Vector{2.0, 2.0}, Matrix{{2.0, 1.0}, {1.0, 2.0}}), 1.0 / 3.0);
}

TEST(OptimalStepHidden, InvalidInputIsRejected) {
    const Matrix A{{1.0, 0.0}, {0.0, 3.0}};
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_THROW(optimal_step(Vector{1.0, 2.0}, Matrix{{1.0, 0.0}}), dlmath::shape_error);
    EXPECT_THROW(optimal_step(Vector{1.0, std::nan("")}, A), dlmath::domain_error);
    EXPECT_THROW(optimal_step(Vector{1.0, 1.0}, Matrix{{1.0, inf}, {0.0, 1.0}}), dlmath::domain_error);
    EXPECT_THROW(steepest_descent(A, Vector{0.0, 0.0}, Vector{inf, 1.0}, 1e-3, 10), dlmath::domain_error);
    EXPECT_THROW(steepest_descent(A, Vector{0.0, 0.0}, Vector{1.0, 1.0}, -1.0, 10), dlmath::domain_error);
    EXPECT_THROW(steepest_descent(Matrix{{1.0, 0.0}}, Vector{0.0, 0.0}, Vector{1.0, 1.0}, 1e-3, 10),
                 dlmath::shape_error);
}

// The optimal step makes the new gradient orthogonal to the old one: with x1 = x0 - e g,
// g^T grad f(x1) = g^T g - e g^T A g = 0 exactly in real arithmetic. In floating point,
// x1 carries a relative error of u per entry plus the step's own (about (2n + 2) u
// relative), A x1 - b a further gamma_{n+1}, and the test's dot product gamma_n; the
// student's g may also differ from the test's by gamma_{n+1} (|A||x0| + |b|) in another
// summation order, moved by e. So
//   |g^T grad f(x1)| <= (4n + 8) u (|g|^T |A| |x1| + |g|^T |b| + g^T g + e |g|^T |A| (|A||x0| + |b|)),
// a first-order bound with room. A wrong step leaves g^T grad f(x1) of the order of g^T g.
RC_GTEST_PROP(OptimalStepHidden, OneStepMakesTheNewGradientOrthogonal, ()) {
    const auto p = random_problem();
    const std::size_t n = p.x0.size();
    const Vector g = residual(p.A, p.b, p.x0);
    double gg = 0.0;
    for (std::size_t i = 0; i < n; ++i) gg += g(i) * g(i);
    RC_PRE(gg > 0.0);
    const auto r = steepest_descent(p.A, p.b, p.x0, 0.0, 1);
    RC_ASSERT(r.iterations == 1u);
    const Vector g1 = residual(p.A, p.b, r.x);
    const double e = optimal_step(g, p.A);
    RC_ASSERT(e > 0.0);
    double dot = 0.0, scale = gg;
    for (std::size_t i = 0; i < n; ++i) {
        dot += g(i) * g1(i);
        double ax1 = 0.0, ax0 = 0.0;
        for (std::size_t j = 0; j < n; ++j) {
            ax1 += std::abs(p.A(i, j) * r.x(j));
            ax0 += std::abs(p.A(i, j)) * (std::abs(p.x0(j)) + std::abs(p.b(j)));
        }
        scale += std::abs(g(i)) * (ax1 + std::abs(p.b(i)));
        double aax = 0.0;
        for (std::size_t j = 0; j < n; ++j) {
            double inner = std::abs(p.b(j));
            for (std::size_t k = 0; k < n; ++k) inner += std::abs(p.A(j, k) * p.x0(k));
            aax += std::abs(p.A(i, j)) * inner;
        }
        scale += e * std::abs(g(i)) * aax;
    }
    RC_ASSERT(std::abs(dot) <= (4.0 * n + 8.0) * u * scale);
}

// Each update lowers f: the decrease is (g^T g)^2 / (2 g^T A g) > 0, far above the rounding
// of f for these small problems while the run has not converged (tol = 1e-6 on |g|).
RC_GTEST_PROP(OptimalStepHidden, EachUpdateLowersTheObjective, ()) {
    const auto p = random_problem();
    double previous = f(p.A, p.b, p.x0);
    for (std::size_t k = 1; k <= 5; ++k) {
        const auto r = steepest_descent(p.A, p.b, p.x0, 1e-6, k);
        if (r.converged) break;
        const double now = f(p.A, p.b, r.x);
        RC_ASSERT(now < previous);
        previous = now;
    }
}
