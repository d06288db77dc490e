// Visible tests of the backtracking exercise.
#include "backtracking.hpp"

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using dlmath::exercises::backtracking;

namespace {
// f(x) = x^T (2 I) x / 2 = |x|^2, gradient 2 x
const Matrix two_identity{{2.0, 0.0}, {0.0, 2.0}};
const Vector zero{0.0, 0.0};
}  // namespace

// The statement's worked example: f(x) = |x|^2 at x = (1, 0), gradient (2, 0), d = -gradient,
// so s = -4. alpha = 1 lands on (-1, 0), f = 1 > 1 + 0.5 * 1 * (-4) = -1: rejected.
// alpha = 0.5 lands on (0, 0), f = 0 <= 1 - 1 = 0: accepted, after three evaluations of f.
TEST(Backtracking, WorkedExample) {
    const auto r = backtracking(two_identity, zero, Vector{1.0, 0.0}, Vector{-2.0, 0.0}, 1.0, 0.5, 0.5, 50);
    EXPECT_EQ(r.alpha, 0.5);
    EXPECT_EQ(r.evaluations, 3u);
}

// A first trial that decreases f enough is accepted at once: two evaluations of f.
TEST(Backtracking, AGoodFirstStepIsKept) {
    const auto r = backtracking(two_identity, zero, Vector{1.0, 0.0}, Vector{-2.0, 0.0}, 0.25, 0.5, 0.5, 50);
    EXPECT_EQ(r.alpha, 0.25);
    EXPECT_EQ(r.evaluations, 2u);
}

TEST(Backtracking, AnUphillDirectionIsADomainError) {
    EXPECT_THROW(backtracking(two_identity, zero, Vector{1.0, 0.0}, Vector{1.0, 0.0}, 1.0, 0.5, 0.5, 50),
                 dlmath::domain_error);
}

TEST(Backtracking, MismatchedLengthsAreAShapeError) {
    EXPECT_THROW(backtracking(two_identity, zero, Vector{1.0, 0.0}, Vector{-2.0}, 1.0, 0.5, 0.5, 50),
                 dlmath::shape_error);
}
