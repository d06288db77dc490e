// Visible tests of the mixture responsibilities exercise.
#include "mixture_responsibilities.hpp"

#include <cmath>
#include <numbers>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::mixture_responsibilities;

namespace {
// Near the components every l_i = log w_i - log sigma_i - log(2 pi)/2 -
// z_i^2/2 is a few units in size and within about 16u of its value; a
// responsibility exp(l_i - log sum_j exp l_j) is then within about 40u of
// its value (relative), and the expected values below carry a few
// roundings of their own: 64u.
constexpr double u = 1.1102230246251565e-16;  // 2^-53
constexpr double budget = 64 * u;
const double log_2pi = std::log(2.0 * std::numbers::pi);
}  // namespace

TEST(MixtureResponsibilities, MidpointOfTwoEqualComponentsIsShared) {
    const auto post = mixture_responsibilities(0.0, Vector{0.5, 0.5}, Vector{-1.0, 1.0}, Vector{1.0, 1.0});
    ASSERT_EQ(post.responsibilities.size(), 2u);
    EXPECT_NEAR(post.responsibilities(0), 0.5, budget);
    EXPECT_NEAR(post.responsibilities(1), 0.5, budget);
    // p(0) = N(0; 1, 1): log p(0) = -log(2 pi)/2 - 1/2
    EXPECT_NEAR(post.log_density, -0.5 * log_2pi - 0.5, budget * 2.0);
}

TEST(MixtureResponsibilities, WorkedExample) {
    // w = (0.3, 0.7), mu = (0, 2), sigma = 1, x = 1/2: z = (1/2, -3/2), so
    // r_0 = 0.3 e^{-1/8} / (0.3 e^{-1/8} + 0.7 e^{-9/8})
    const auto post = mixture_responsibilities(0.5, Vector{0.3, 0.7}, Vector{0.0, 2.0}, Vector{1.0, 1.0});
    const double a = 0.3 * std::exp(-0.125), b = 0.7 * std::exp(-1.125);
    EXPECT_NEAR(post.responsibilities(0), a / (a + b), budget);
    EXPECT_NEAR(post.responsibilities(1), b / (a + b), budget);
    EXPECT_NEAR(post.log_density, std::log(a + b) - 0.5 * log_2pi, budget * 4.0);
}

TEST(MixtureResponsibilities, ResponsibilitiesSumToOne) {
    const Vector w = {0.2, 0.5, 0.3}, mu = {-2.0, 0.0, 3.0}, sigma = {0.5, 1.0, 2.0};
    const auto post = mixture_responsibilities(1.3, w, mu, sigma);
    ASSERT_EQ(post.responsibilities.size(), 3u);
    double sum = 0.0;
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_GE(post.responsibilities(i), 0.0);
        sum += post.responsibilities(i);
    }
    EXPECT_NEAR(sum, 1.0, budget);
}

TEST(MixtureResponsibilities, LengthsMustAgree) {
    EXPECT_THROW(mixture_responsibilities(0.0, Vector{0.5, 0.5}, Vector{0.0}, Vector{1.0, 1.0}), dlmath::shape_error);
}

TEST(MixtureResponsibilities, WeightsMustBeADistribution) {
    const Vector mu = {0.0, 1.0}, sigma = {1.0, 1.0};
    EXPECT_THROW(mixture_responsibilities(0.0, Vector{0.5, 0.6}, mu, sigma), dlmath::domain_error);
    EXPECT_THROW(mixture_responsibilities(0.0, Vector{1.5, -0.5}, mu, sigma), dlmath::domain_error);
}
