// Visible tests of the cosine similarity exercise.
#include "cosine_similarity.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::cosine_similarity;

namespace {
// For n = 3 entries the computed cosine is within (3n + 8) u of the exact
// one: three sums of n terms (gamma_n each), two roots, a product and a
// division; the expected value below is itself rounded 4 more times.
constexpr double u = 1.1102230246251565e-16;  // 2^-53
constexpr double budget = (3 * 3 + 8 + 4) * u;
}  // namespace

TEST(CosineSimilarity, ParallelVectorsGiveOne) {
    const Vector x = {1.0, 2.0, 3.0};
    const Vector y = {2.0, 4.0, 6.0};
    EXPECT_NEAR(cosine_similarity(x, y), 1.0, budget);
}

TEST(CosineSimilarity, OrthogonalVectorsGiveZero) {
    const Vector x = {1.0, 0.0, 2.0};
    const Vector y = {0.0, 5.0, 0.0};
    EXPECT_EQ(cosine_similarity(x, y), 0.0);
}

TEST(CosineSimilarity, WorkedExample) {
    // x.y = 1*4 + 2*(-5) + 3*6 = 12, |x| = sqrt(14), |y| = sqrt(77)
    const Vector x = {1.0, 2.0, 3.0};
    const Vector y = {4.0, -5.0, 6.0};
    EXPECT_NEAR(cosine_similarity(x, y), 12.0 / (std::sqrt(14.0) * std::sqrt(77.0)), budget);
}

TEST(CosineSimilarity, ObtuseAngleGivesANegativeCosine) {
    // x.y = 1*(-1) + 2*(-2) + 3*1 = -2, |x| = sqrt(14), |y| = sqrt(6)
    const Vector x = {1.0, 2.0, 3.0};
    const Vector y = {-1.0, -2.0, 1.0};
    EXPECT_NEAR(cosine_similarity(x, y), -2.0 / (std::sqrt(14.0) * std::sqrt(6.0)), budget);
    EXPECT_LT(cosine_similarity(x, y), 0.0);
}

TEST(CosineSimilarity, OppositeVectorsGiveMinusOne) {
    const Vector x = {1.0, 2.0, 3.0};
    const Vector y = {-0.5, -1.0, -1.5};
    EXPECT_NEAR(cosine_similarity(x, y), -1.0, budget);
}

TEST(CosineSimilarity, LengthMismatchIsAShapeError) {
    const Vector x = {1.0, 2.0, 3.0};
    const Vector y = {1.0, 2.0};
    EXPECT_THROW(cosine_similarity(x, y), dlmath::shape_error);
}

TEST(CosineSimilarity, ZeroVectorIsADomainError) {
    const Vector x = {0.0, 0.0, 0.0};
    const Vector y = {1.0, 2.0, 3.0};
    EXPECT_THROW(cosine_similarity(x, y), dlmath::domain_error);
    EXPECT_THROW(cosine_similarity(y, x), dlmath::domain_error);
}
