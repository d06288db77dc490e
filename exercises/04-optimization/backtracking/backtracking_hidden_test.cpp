// Hidden tests of the backtracking exercise (instructor only: they are left out of the
// student edition and run by the autograder).
#include "backtracking.hpp"

#include <cmath>
#include <cstddef>
#include <limits>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using dlmath::exercises::backtracking;

namespace {
constexpr double u = std::numeric_limits<double>::epsilon() / 2;

// f(x) = x^T (2 I) x / 2 = |x|^2, gradient 2 x
const Matrix two_identity{{2.0, 0.0}, {0.0, 2.0}};
const Vector zero{0.0, 0.0};
}  // namespace

// Plain decrease is not enough. f(x) = |x|^2 at x = (1, 0), d = (-2, 0), s = -4, c1 = 0.5:
// alpha0 = 0.75 lands on (-0.5, 0) with f = 0.25 < 1 (f went down) but
// 0.25 > 1 + 0.5 * 0.75 * (-4) = -0.5 (not by enough): rejected. alpha = 0.375 lands on
// (0.25, 0), f = 0.0625 <= 1 - 0.75 = 0.25: accepted after three evaluations. All dyadic.
TEST(BacktrackingHidden, APlainDecreaseIsNotASufficientDecrease) {
    const auto r = backtracking(two_identity, zero, Vector{1.0, 0.0}, Vector{-2.0, 0.0}, 0.75, 0.5, 0.5, 50);
    EXPECT_EQ(r.alpha, 0.375);
    EXPECT_EQ(r.evaluations, 3u);
}

// Every evaluation of f is counted, the one at x included; rho = 0.25 shrinks by four: from
// alpha0 = 4 on f = |x|^2 at (1, 0), d = (-2, 0), c1 = 1e-4: 4 (f = 49), 1 (f = 1, not
// below 1 - 4e-4), 0.25 (f = 0.25 <= 1 - 1e-4): four evaluations.
TEST(BacktrackingHidden, CountsEveryEvaluation) {
    const auto r = backtracking(two_identity, zero, Vector{1.0, 0.0}, Vector{-2.0, 0.0}, 4.0, 0.25, 1e-4, 50);
    EXPECT_EQ(r.alpha, 0.25);
    EXPECT_EQ(r.evaluations, 4u);
}

TEST(BacktrackingHidden, InvalidInputIsRejected) {
    const Matrix& A = two_identity;
    const Vector x{1.0, 0.0}, d{-2.0, 0.0};
    const double inf = std::numeric_limits<double>::infinity();
    // orthogonal to the gradient: s = 0 does not descend
    EXPECT_THROW(backtracking(A, zero, x, Vector{0.0, 1.0}, 1.0, 0.5, 0.5, 50), dlmath::domain_error);
    EXPECT_THROW(backtracking(A, zero, x, Vector{-2.0}, 1.0, 0.5, 0.5, 50), dlmath::shape_error);
    EXPECT_THROW(backtracking(Matrix{{2.0, 0.0}}, zero, x, d, 1.0, 0.5, 0.5, 50), dlmath::shape_error);
    EXPECT_THROW(backtracking(A, zero, x, d, 0.0, 0.5, 0.5, 50), dlmath::domain_error);
    EXPECT_THROW(backtracking(A, zero, x, d, inf, 0.5, 0.5, 50), dlmath::domain_error);
    EXPECT_THROW(backtracking(A, zero, x, d, 1.0, 1.0, 0.5, 50), dlmath::domain_error);
    EXPECT_THROW(backtracking(A, zero, x, d, 1.0, 0.0, 0.5, 50), dlmath::domain_error);
    EXPECT_THROW(backtracking(A, zero, x, d, 1.0, 0.5, 0.0, 50), dlmath::domain_error);
    EXPECT_THROW(backtracking(A, zero, x, d, 1.0, 0.5, 1.0, 50), dlmath::domain_error);
    EXPECT_THROW(backtracking(A, zero, Vector{std::nan(""), 0.0}, d, 1.0, 0.5, 0.5, 50), dlmath::domain_error);
    // alpha0 = 1 is rejected (f = 1 > -1) and no shrink is allowed
    EXPECT_THROW(backtracking(A, zero, x, d, 1.0, 0.5, 0.5, 0), dlmath::domain_error);
}

// Random quadratics f(x) = x^T A x / 2 - b^T x (A = M^T M + I, exact small integers), points,
// directions that descend, alpha0 in [1/4, 8], c1 in [0.1, 0.9], rho = 1/2. The accepted alpha
// is alpha0 rho^k with k + 2 evaluations of f, it satisfies the Armijo inequality, and (when k > 0)
// alpha / rho did not: the first that does. The test evaluates f at the same points as the
// line search (x + alpha d), but in its own summation order; f(y) has an error of at most
// gamma_{n+2} m(y), m(y) = |y|^T (|A| |y| / 2 + |b|), s one of gamma_{n+1} |g|^T |d| (g itself in
// another order), and the right-hand side's products and sum a few u more. The slack is
// (2n + 8) u (m(x) + m(x + alpha d) + c1 alpha |g|^T |d|), a first-order bound with room. A search that
// accepts any decrease violates the inequality by a fraction of c1 alpha |s|, far above it.
RC_GTEST_PROP(BacktrackingHidden, TheAcceptedStepIsTheFirstSufficientDecrease, ()) {
    const auto n = *rc::gen::inRange<std::size_t>(1, 5);
    Matrix M = Matrix::from_shape({n, n}), A = Matrix::from_shape({n, n});
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) M(i, j) = *rc::gen::inRange(-3, 4);
    }
    Vector b = Vector::from_shape({n}), x = Vector::from_shape({n}), d = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            double s = i == j ? 1.0 : 0.0;
            for (std::size_t k = 0; k < n; ++k) s += M(k, i) * M(k, j);
            A(i, j) = s;
        }
        b(i) = *rc::gen::inRange(-20, 21) / 4.0;
        x(i) = *rc::gen::inRange(-20, 21) / 4.0;
        d(i) = *rc::gen::inRange(-8, 9) / 4.0;
    }
    const auto m = [&A, &b](const Vector& y) {
        double s = 0.0;
        for (std::size_t i = 0; i < y.size(); ++i) {
            double ay = 0.0;
            for (std::size_t j = 0; j < y.size(); ++j) ay += std::abs(A(i, j) * y(j));
            s += std::abs(y(i)) * (0.5 * ay + std::abs(b(i)));
        }
        return s;
    };
    const auto f = [&A, &b](const Vector& y) {
        double s = 0.0;
        for (std::size_t i = 0; i < y.size(); ++i) {
            double ay = 0.0;
            for (std::size_t j = 0; j < y.size(); ++j) ay += A(i, j) * y(j);
            s += y(i) * (0.5 * ay - b(i));
        }
        return s;
    };
    Vector g = Vector::from_shape({n});
    double slope = 0.0, magnitude = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        double ax = 0.0;
        for (std::size_t j = 0; j < n; ++j) ax += A(i, j) * x(j);
        g(i) = ax - b(i);
    }
    for (std::size_t i = 0; i < n; ++i) slope += g(i) * d(i);
    if (slope > 0.0) {
        for (std::size_t i = 0; i < n; ++i) d(i) = -d(i);
        slope = -slope;
    }
    RC_PRE(slope < 0.0);
    for (std::size_t i = 0; i < n; ++i) magnitude += std::abs(g(i) * d(i));
    const double alpha0 = *rc::gen::inRange(1, 33) / 4.0;
    const double c1 = *rc::gen::inRange(1, 10) / 10.0;
    const double rho = 0.5;
    const auto r = backtracking(A, b, x, d, alpha0, rho, c1, 200);
    RC_ASSERT(r.evaluations >= 2u);
    const double expected_alpha = std::ldexp(alpha0, -static_cast<int>(r.evaluations - 2));
    RC_ASSERT(r.alpha == expected_alpha);
    const double fx = f(x);
    const auto trial = [&](double alpha) {
        Vector y = Vector::from_shape({n});
        for (std::size_t i = 0; i < n; ++i) y(i) = x(i) + alpha * d(i);
        return y;
    };
    const auto armijo_gap = [&](double alpha) { return f(trial(alpha)) - (fx + c1 * alpha * slope); };
    const auto slack = [&](double alpha) {
        return (2.0 * n + 8.0) * u * (m(x) + m(trial(alpha)) + c1 * alpha * magnitude);
    };
    RC_ASSERT(armijo_gap(r.alpha) <= slack(r.alpha));
    if (r.alpha < alpha0) RC_ASSERT(armijo_gap(r.alpha / rho) > -slack(r.alpha / rho));
}
