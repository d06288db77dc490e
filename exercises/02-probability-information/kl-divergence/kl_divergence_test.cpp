// Visible tests of the KL divergence exercise.
#include "kl_divergence.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::kl_divergence;

namespace {
// For k terms the computed divergence is within (k + 4) u sum_i p_i (1 +
// |log p_i| + |log q_i|) of the exact one: each logarithm is within 2u of
// its value (relative), their difference (or the ratio p_i / q_i and its
// logarithm) adds u of the result plus u absolute, the product with p_i one
// more u, and the sum of k terms gamma_k. With k = 2 and entries of 1/4 to
// 3/4 (|log| <= 1.39) the bound is below 6 * 3.8 u; 32 u covers it and the
// rounding of the expected value.
constexpr double u = 1.1102230246251565e-16;  // 2^-53
constexpr double budget = 32 * u;
}  // namespace

TEST(KlDivergence, IdenticalDistributionsGiveZero) {
    const Vector p = {0.2, 0.3, 0.5};
    EXPECT_EQ(kl_divergence(p, p), 0.0);
}

TEST(KlDivergence, WorkedExampleInNats) {
    // 1/2 log(1/2 / 1/4) + 1/2 log(1/2 / 3/4) = 1/2 log 2 + 1/2 log(2/3) = 1/2 log(4/3)
    const Vector p = {0.5, 0.5};
    const Vector q = {0.25, 0.75};
    EXPECT_NEAR(kl_divergence(p, q), 0.5 * std::log(4.0 / 3.0), budget);
}

TEST(KlDivergence, IsPositiveForDifferentDistributions) {
    const Vector p = {0.1, 0.2, 0.7};
    const Vector q = {0.3, 0.3, 0.4};
    EXPECT_GT(kl_divergence(p, q), 0.0);
}

TEST(KlDivergence, AnEventImpossibleUnderQGivesInfinity) {
    const Vector p = {0.5, 0.5};
    const Vector q = {1.0, 0.0};
    EXPECT_EQ(kl_divergence(p, q), std::numeric_limits<double>::infinity());
}

TEST(KlDivergence, LengthMismatchIsAShapeError) {
    const Vector p = {0.5, 0.5};
    const Vector q = {0.2, 0.3, 0.5};
    EXPECT_THROW(kl_divergence(p, q), dlmath::shape_error);
}

TEST(KlDivergence, NegativeProbabilityIsADomainError) {
    const Vector p = {1.5, -0.5};
    const Vector q = {0.5, 0.5};
    EXPECT_THROW(kl_divergence(p, q), dlmath::domain_error);
    EXPECT_THROW(kl_divergence(q, p), dlmath::domain_error);
}
