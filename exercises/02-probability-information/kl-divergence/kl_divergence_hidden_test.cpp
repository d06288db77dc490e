// Hidden tests of the KL divergence exercise (instructor only: they are left
// out of the student edition and run by the autograder).
#include "kl_divergence.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::kl_divergence;

namespace {
constexpr double u = 1.1102230246251565e-16;  // 2^-53
constexpr double inf = std::numeric_limits<double>::infinity();

// The error budget of sum_i p_i log(p_i / q_i) over k terms, however it is
// written: each logarithm is within 2u of its value (relative), their
// difference (or the ratio and its logarithm) adds u of the result plus u
// absolute, the product with p_i one more u, and the sum gamma_k of the sum
// of the terms' magnitudes. So the result is within
// (k + 4) u sum_i p_i (1 + |log p_i| + |log q_i|) of the exact value.
double budget(const Vector& p, const Vector& q) {
    double magnitude = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p(i) > 0.0) magnitude += p(i) * (1.0 + std::fabs(std::log(p(i))) + std::fabs(std::log(q(i))));
    }
    return (static_cast<double>(p.size()) + 4.0) * u * magnitude;
}

// The definition in long double: the oracle of the property below.
long double kl_exact(const Vector& p, const Vector& q) {
    long double d = 0.0L;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p(i) == 0.0) continue;
        if (q(i) == 0.0) return static_cast<long double>(inf);
        d += static_cast<long double>(p(i)) * std::log(static_cast<long double>(p(i)) / static_cast<long double>(q(i)));
    }
    return d;
}
}  // namespace

TEST(KlDivergenceHidden, ArgumentOrderMatters) {
    // D(p||q) = 0.9 log 1.8 + 0.1 log 0.2 = 0.368..., D(q||p) = 0.5 log(5/9) + 0.5 log 5 = 0.510...
    const Vector p = {0.9, 0.1};
    const Vector q = {0.5, 0.5};
    const double forward = 0.9 * std::log(1.8) + 0.1 * std::log(0.2);
    const double reverse = 0.5 * std::log(5.0 / 9.0) + 0.5 * std::log(5.0);
    EXPECT_NEAR(kl_divergence(p, q), forward, budget(p, q) + 4 * u);
    EXPECT_NEAR(kl_divergence(q, p), reverse, budget(q, p) + 4 * u);
}

TEST(KlDivergenceHidden, OneNatAtProbabilityOneOverE) {
    // a sure event that Q gives probability 1/e: D = -log(1/e) = 1 nat (not 1.44 bits)
    const Vector p = {1.0, 0.0};
    const Vector q = {1.0 / std::numbers::e, 1.0 - 1.0 / std::numbers::e};
    EXPECT_NEAR(kl_divergence(p, q), 1.0, budget(p, q) + 2 * u);
}

TEST(KlDivergenceHidden, ZeroProbabilitiesUnderPContributeNothing) {
    // 0 log(0 / q) = 0: the third term is left out, D = 2 (1/2 log 2) = log 2
    const Vector p = {0.5, 0.5, 0.0};
    const Vector q = {0.25, 0.25, 0.5};
    EXPECT_NEAR(kl_divergence(p, q), std::numbers::ln2, budget(p, q) + 2 * u);
    // also where q vanishes too: 0 log(0 / 0) = 0
    const Vector r = {0.5, 0.5, 0.0};
    EXPECT_EQ(kl_divergence(p, r), 0.0);
}

TEST(KlDivergenceHidden, InfiniteOnlyWhereQVanishesAndPDoesNot) {
    const Vector p = {0.5, 0.5};
    const Vector q = {1.0, 0.0};
    EXPECT_EQ(kl_divergence(p, q), inf);
    // the other way round every term is finite: 1 log(1 / (1/2)) = log 2
    EXPECT_NEAR(kl_divergence(q, p), std::numbers::ln2, budget(q, p) + 2 * u);
}

TEST(KlDivergenceHidden, InvalidDistributionsAreDomainErrors) {
    const Vector good = {0.5, 0.5};
    try {
        (void)kl_divergence(Vector{0.5, 0.4}, good);
        ADD_FAILURE() << "no domain_error for p summing to 0.9";
    } catch (const dlmath::domain_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("kl_divergence"), std::string::npos) << what;
        EXPECT_NE(what.find("0.9"), std::string::npos) << "the message should name the sum: " << what;
    }
    EXPECT_THROW(kl_divergence(good, Vector{0.6, 0.6}), dlmath::domain_error);
    EXPECT_THROW(kl_divergence(Vector{std::nan(""), 1.0}, good), dlmath::domain_error);
    EXPECT_THROW(kl_divergence(good, Vector{inf, 0.0}), dlmath::domain_error);
    EXPECT_THROW(kl_divergence(Vector{}, Vector{}), dlmath::domain_error);
    // a sum within sqrt(eps) of 1 is a distribution
    EXPECT_NO_THROW(kl_divergence(Vector{0.5 + 1e-12, 0.5}, good));
}

// Random pairs of distributions on k = 1..6 outcomes, from integer weights
// 0..20 divided by their sum (so zeros occur on either side), checked
// against the definition in long double: equal within the budget above, and
// never negative (Gibbs' inequality). On a failure RapidCheck shrinks the
// weights and prints a smallest failing pair.
RC_GTEST_PROP(KlDivergenceHidden, MatchesTheDefinitionOnRandomPairs, ()) {
    const auto k = static_cast<std::size_t>(*rc::gen::inRange(1, 7));
    const auto a = *rc::gen::container<std::vector<int>>(k, rc::gen::inRange(0, 21));
    const auto b = *rc::gen::container<std::vector<int>>(k, rc::gen::inRange(0, 21));
    int sa = 0, sb = 0;
    for (std::size_t i = 0; i < k; ++i) {
        sa += a[i];
        sb += b[i];
    }
    RC_PRE(sa > 0 && sb > 0);
    Vector p = Vector::from_shape({k}), q = Vector::from_shape({k});
    for (std::size_t i = 0; i < k; ++i) {
        p(i) = static_cast<double>(a[i]) / sa;
        q(i) = static_cast<double>(b[i]) / sb;
    }
    const double got = kl_divergence(p, q);
    const long double expected = kl_exact(p, q);
    if (std::isinf(expected)) {
        RC_ASSERT(got == inf);
    } else {
        RC_ASSERT(std::fabs(static_cast<long double>(got) - expected) <= budget(p, q) + 2 * u);
        RC_ASSERT(got >= -budget(p, q));
    }
}
