// Hidden tests of the Newton's method exercise (instructor only: they are
// left out of the student edition and run by the autograder).
#include "newton_method.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::newton_polynomial;
using dlmath::exercises::NewtonResult;
using dlmath::exercises::NewtonStatus;

namespace {
// The statement's algorithm, written out as the oracle: x^2 - a from x0.
NewtonResult oracle_square_root(double a, double x0, double tol, std::size_t max_iter) {
    double x = x0;
    for (std::size_t k = 0;; ++k) {
        const double p = -a + x * x, dp = 2.0 * x;
        if (std::fabs(p) <= tol) return {x, k, NewtonStatus::converged};
        if (k == max_iter) return {x, k, NewtonStatus::max_iterations};
        if (dp == 0.0) return {x, k, NewtonStatus::zero_derivative};
        x = x - p / dp;
    }
}
}  // namespace

// x^2 - 2 from 1 with tol = 1e-10: |p| is 1, 0.25, 6.9e-3, 6.0e-6, 4.5e-12 at x_0..x_4, so
// the rule stops at x_4 after exactly four updates (the statement counts updates).
TEST(NewtonMethodHidden, StopsByTheResidualRuleAfterFourUpdates) {
    const auto r = newton_polynomial(Vector{-2.0, 0.0, 1.0}, 1.0, 1e-10, 50);
    EXPECT_EQ(r.status, NewtonStatus::converged);
    EXPECT_EQ(r.iterations, 4u);
    // a start that is already a root takes no update
    const auto at_root = newton_polynomial(Vector{-4.0, 0.0, 1.0}, 2.0, 1e-10, 50);
    EXPECT_EQ(at_root.iterations, 0u);
    EXPECT_EQ(at_root.status, NewtonStatus::converged);
}

// p'(0) = 0 for x^2 - 2: a status, and the finite start as the root, never NaN or inf.
TEST(NewtonMethodHidden, ZeroDerivativeIsReportedNotDividedBy) {
    const auto r = newton_polynomial(Vector{-2.0, 0.0, 1.0}, 0.0, 1e-10, 50);
    EXPECT_EQ(r.status, NewtonStatus::zero_derivative);
    EXPECT_EQ(r.root, 0.0);
    EXPECT_EQ(r.iterations, 0u);
}

// x^2 + 1 has no real root: the iteration stops after max_iter updates, with a finite iterate.
TEST(NewtonMethodHidden, NoRealRootEndsAtMaxIterations) {
    const auto r = newton_polynomial(Vector{1.0, 0.0, 1.0}, 0.5, 1e-10, 7);
    EXPECT_EQ(r.status, NewtonStatus::max_iterations);
    EXPECT_EQ(r.iterations, 7u);
    EXPECT_TRUE(std::isfinite(r.root));
}

TEST(NewtonMethodHidden, InvalidInputIsRejected) {
    EXPECT_THROW(newton_polynomial(Vector{1.0, std::nan("")}, 0.5, 1e-10, 7), dlmath::domain_error);
    EXPECT_THROW(newton_polynomial(Vector{1.0, 1.0}, std::numeric_limits<double>::infinity(), 1e-10, 7),
                 dlmath::domain_error);
    EXPECT_THROW(newton_polynomial(Vector{1.0, 1.0}, 0.5, -1.0, 7), dlmath::domain_error);
}

// Square roots of a = 1..400 from x0 = a + 1 with tol = 1e-9 a: the same status, update
// count and iterate as the statement's algorithm (written above), and |x^2 - a| <= tol.
// RapidCheck shrinks a failure to a smallest a.
RC_GTEST_PROP(NewtonMethodHidden, MatchesTheStatedAlgorithmOnSquareRoots, ()) {
    const double a = *rc::gen::inRange(1, 401);
    const double tol = 1e-9 * a;
    const auto expected = oracle_square_root(a, a + 1.0, tol, 60);
    const auto got = newton_polynomial(Vector{-a, 0.0, 1.0}, a + 1.0, tol, 60);
    RC_ASSERT(got.status == expected.status);
    RC_ASSERT(got.iterations == expected.iterations);
    RC_ASSERT(got.root == expected.root);
    RC_ASSERT(std::fabs(got.root * got.root - a) <= tol);
}
