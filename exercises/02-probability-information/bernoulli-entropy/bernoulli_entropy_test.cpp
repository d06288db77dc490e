// Visible tests of the Bernoulli entropy exercise.
#include "bernoulli_entropy.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::exercises::bernoulli_entropy_bits;

namespace {
// Two logarithms (within 2u each), two products, 1 - phi, a sum of two
// non-negative terms and the division by ln 2 (itself rounded): the result
// is within 8u of H (relative); 10u leaves room for the expected value's
// own rounding.
constexpr double u = 1.1102230246251565e-16;  // 2^-53
double budget(double h) { return 10 * u * h; }
}  // namespace

TEST(BernoulliEntropy, OneBitAtOneHalf) {
    // the fairest coin: ln 2 nats = 1 bit
    EXPECT_NEAR(bernoulli_entropy_bits(0.5), 1.0, budget(1.0));
}

TEST(BernoulliEntropy, WorkedValueAtOneQuarter) {
    // H(1/4) = 1/4 log2 4 + 3/4 log2(4/3) = 2 - (3/4) log2 3
    const double expected = 2.0 - 0.75 * std::log2(3.0);
    EXPECT_NEAR(bernoulli_entropy_bits(0.25), expected, budget(expected));
}

TEST(BernoulliEntropy, MaximalAtOneHalf) {
    const double top = bernoulli_entropy_bits(0.5);
    EXPECT_LT(bernoulli_entropy_bits(0.3), top);
    EXPECT_LT(bernoulli_entropy_bits(0.7), top);
    EXPECT_GT(bernoulli_entropy_bits(0.3), 0.0);
}

TEST(BernoulliEntropy, OutsideTheUnitIntervalIsADomainError) {
    EXPECT_THROW(bernoulli_entropy_bits(-0.5), dlmath::domain_error);
    EXPECT_THROW(bernoulli_entropy_bits(1.5), dlmath::domain_error);
}
