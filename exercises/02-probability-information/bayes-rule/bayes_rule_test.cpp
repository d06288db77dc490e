// Visible tests of the Bayes' rule exercise.
#include "bayes_rule.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using dlmath::exercises::bayes_posterior;
using dlmath::exercises::posterior_from_joint;

namespace {
// A posterior entry is one product (or none), a sum of at most 3 terms and
// a division: within 6u of its value (relative); the expected values below
// carry up to 4 roundings more: 16u.
constexpr double u = 1.1102230246251565e-16;  // 2^-53
constexpr double budget = 16 * u;
}  // namespace

TEST(BayesRule, JointWorkedExample) {
    // P(y = 0) = 0.1 + 0.3 = 0.4, P(y = 1) = 0.2 + 0.4 = 0.6
    const Matrix joint = {{0.1, 0.2}, {0.3, 0.4}};
    const Matrix post = posterior_from_joint(joint);
    ASSERT_EQ(post.shape(0), 2u);
    ASSERT_EQ(post.shape(1), 2u);
    EXPECT_NEAR(post(0, 0), 0.25, budget);
    EXPECT_NEAR(post(1, 0), 0.75, budget);
    EXPECT_NEAR(post(0, 1), 1.0 / 3.0, budget);
    EXPECT_NEAR(post(1, 1), 2.0 / 3.0, budget);
}

TEST(BayesRule, IndependentVariablesLeaveThePriorUnchanged) {
    // P(x, y) = P(x) P(y) with P(x) = (0.2, 0.8): every column of P(x | y) is P(x)
    const Matrix joint = {{0.2 * 0.5, 0.2 * 0.5}, {0.8 * 0.5, 0.8 * 0.5}};
    const Matrix post = posterior_from_joint(joint);
    EXPECT_NEAR(post(0, 0), 0.2, budget);
    EXPECT_NEAR(post(0, 1), 0.2, budget);
    EXPECT_NEAR(post(1, 1), 0.8, budget);
}

TEST(BayesRule, APositiveTestForARareDisease) {
    // x = 0: ill (prior 1%), x = 1: healthy; y = 0: the test is positive.
    // P(positive | ill) = 0.9, P(positive | healthy) = 0.05:
    // P(ill | positive) = 0.009 / (0.009 + 0.0495) = 0.1538...
    const Vector prior = {0.01, 0.99};
    const Matrix likelihood = {{0.9, 0.1}, {0.05, 0.95}};
    const Vector post = bayes_posterior(prior, likelihood, 0);
    ASSERT_EQ(post.size(), 2u);
    const double ill = 0.01 * 0.9 / (0.01 * 0.9 + 0.99 * 0.05);
    EXPECT_NEAR(post(0), ill, budget * ill);
    EXPECT_NEAR(post(1), 1.0 - ill, budget);
}

TEST(BayesRule, TablesMustBeDistributions) {
    EXPECT_THROW(posterior_from_joint(Matrix{{0.5, 0.5}, {0.5, 0.5}}), dlmath::domain_error);
    EXPECT_THROW(posterior_from_joint(Matrix{{-0.1, 0.6}, {0.2, 0.3}}), dlmath::domain_error);
}

TEST(BayesRule, ShapesMustFit) {
    const Matrix likelihood = {{0.9, 0.1}, {0.05, 0.95}};
    EXPECT_THROW(bayes_posterior(Vector{0.2, 0.3, 0.5}, likelihood, 0), dlmath::shape_error);
    EXPECT_THROW(bayes_posterior(Vector{0.5, 0.5}, likelihood, 2), dlmath::shape_error);
}
