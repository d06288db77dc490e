// Hidden tests of the Bernoulli entropy exercise (instructor only: they are
// left out of the student edition and run by the autograder).
#include "bernoulli_entropy.hpp"

#include <cmath>
#include <limits>
#include <string>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::exercises::bernoulli_entropy_bits;

namespace {
// Two logarithms (within 2u each), two products, 1 - phi, a sum of two
// non-negative terms and the division by ln 2 (itself rounded): within 8u
// of H (relative); 10u leaves room for the oracle's conversion to double.
constexpr double u = 1.1102230246251565e-16;  // 2^-53
double budget(double h) { return 10 * u * h; }

// The definition in long double (64-bit significand, log1pl for
// ln(1 - phi)): the oracle, within a few 2^-64 of the exact entropy.
double entropy_exact(double phi) {
    const long double p = phi;
    const long double nats = -(p * std::log(p) + (1.0L - p) * std::log1p(-p));
    return static_cast<double>(nats / std::log(2.0L));
}
}  // namespace

TEST(BernoulliEntropyHidden, SureOutcomesHaveZeroEntropyNotNaN) {
    // 0 log 0 = 0 (the limit of t log t): not 0 * (-inf) = NaN
    EXPECT_EQ(bernoulli_entropy_bits(0.0), 0.0);
    EXPECT_EQ(bernoulli_entropy_bits(1.0), 0.0);
}

TEST(BernoulliEntropyHidden, SymmetricAboutOneHalf) {
    // H(3/4) = H(1/4) = 2 - (3/4) log2 3 bits, not the 0.562 nats of ln
    const double expected = 2.0 - 0.75 * std::log2(3.0);
    EXPECT_NEAR(bernoulli_entropy_bits(0.75), expected, budget(expected));
    EXPECT_NEAR(bernoulli_entropy_bits(0.125), bernoulli_entropy_bits(0.875), budget(1.0));
}

TEST(BernoulliEntropyHidden, TinyProbabilitiesAreAccurate) {
    // ln(1 - phi) from a rounded 1 - phi loses six digits at phi = 1e-10 and
    // all of them at 1e-300 (1 - 1e-300 rounds to 1): log1p(-phi) keeps them
    for (const double phi : {1e-5, 1e-10, 1e-16, 1e-300}) {
        const double expected = entropy_exact(phi);
        EXPECT_NEAR(bernoulli_entropy_bits(phi), expected, budget(expected)) << "phi = " << phi;
    }
}

TEST(BernoulliEntropyHidden, ProbabilitiesNearOneAreAccurate) {
    for (const double phi : {1.0 - 0x1p-20, 1.0 - 0x1p-40, 1.0 - 0x1p-53}) {
        const double expected = entropy_exact(phi);
        EXPECT_NEAR(bernoulli_entropy_bits(phi), expected, budget(expected)) << "phi = 1 - " << 1.0 - phi;
    }
}

TEST(BernoulliEntropyHidden, InvalidProbabilitiesAreDomainErrors) {
    try {
        (void)bernoulli_entropy_bits(-0.25);
        ADD_FAILURE() << "no domain_error for phi = -0.25";
    } catch (const dlmath::domain_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("bernoulli_entropy_bits"), std::string::npos) << what;
        EXPECT_NE(what.find("-0.25"), std::string::npos) << "the message should name phi: " << what;
    }
    EXPECT_THROW(bernoulli_entropy_bits(std::nan("")), dlmath::domain_error);
    EXPECT_THROW(bernoulli_entropy_bits(std::numeric_limits<double>::infinity()), dlmath::domain_error);
    EXPECT_THROW(bernoulli_entropy_bits(1.0 + 0x1p-52), dlmath::domain_error);
}

// phi = m 2^-e for m = 1..2^20 and e = 21..1000 (so 2^-1000 <= phi <= 1/2),
// and 1 - phi where that is exact (e <= 53: m 2^-e is then a multiple of
// 2^-53, the spacing of the doubles in [1/2, 1)):
// H(phi) within the budget of the long double oracle, H(1 - phi) = H(phi).
// On a failure RapidCheck shrinks m and e (towards 1 and 21) and prints a
// smallest failing pair: m, then e.
RC_GTEST_PROP(BernoulliEntropyHidden, AccurateAcrossTheWholeRange, ()) {
    const int m = *rc::gen::inRange(1, (1 << 20) + 1);
    const int e = *rc::gen::inRange(21, 1001);
    const double phi = std::ldexp(static_cast<double>(m), -e);
    const double expected = entropy_exact(phi);
    RC_ASSERT(std::fabs(bernoulli_entropy_bits(phi) - expected) <= budget(expected));
    if (e <= 53) RC_ASSERT(std::fabs(bernoulli_entropy_bits(1.0 - phi) - expected) <= budget(expected));
}
