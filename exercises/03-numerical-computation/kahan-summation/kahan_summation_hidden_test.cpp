// Hidden tests of the Kahan summation exercise (instructor only: they are
// left out of the student edition and run by the autograder).
//
// They are built on sums whose exact value a long double (64-bit
// significand on x86-64) holds exactly: 1 and many copies of a small
// dyadic number. Each small term is below half an ulp of the running sum,
// so the naive sum absorbs every one of them; a "Kahan" sum whose
// compensation is always 0 — written as t - (s + y), or simplified away by
// a compiler that may reassociate (-ffast-math) — is the naive sum and
// misses all of them.
#include "kahan_summation.hpp"

#include <cmath>
#include <cstddef>
#include <limits>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

using dlmath::Vector;
using dlmath::exercises::kahan_sum;

namespace {
constexpr double u = 1.1102230246251565e-16;  // 2^-53

// Kahan's bound (2u + O(n u^2)) sum |x_i| (Higham eq. 4.8), with the
// second-order term written generously as 4 n u^2.
double kahan_bound(std::size_t n, double abs_sum) {
    return (2.0 * u + 4.0 * static_cast<double>(n) * u * u) * abs_sum;
}

// `big` followed by k copies of `small`.
Vector big_then_small(double big, double small, std::size_t k) {
    Vector x = Vector::from_shape({k + 1});
    x(0) = big;
    for (std::size_t i = 1; i <= k; ++i) x(i) = small;
    return x;
}

// |computed - (big + k small)| in long double, exact for these sums
double error(double computed, double big, double small, std::size_t k) {
    const long double exact = static_cast<long double>(big) + static_cast<long double>(k) * small;
    return static_cast<double>(std::fabs(static_cast<long double>(computed) - exact));
}
}  // namespace

TEST(KahanSummationHidden, AbsorbedTermsAreKept) {
    // 1 + 10^4 x (3/4) u: the naive sum stays at 1 and misses 7500 u, 3750
    // times Kahan's bound of 2u
    const double small = 0.75 * u;
    const Vector x = big_then_small(1.0, small, 10000);
    EXPECT_LE(error(kahan_sum(x), 1.0, small, 10000), kahan_bound(x.size(), 1.0 + 10000 * small))
        << "the sum is " << kahan_sum(x) << ": the small terms were absorbed (is the compensation always 0?)";
}

TEST(KahanSummationHidden, NegativeSumsAndLargeScales) {
    // the same absorption at -2^40 and at 2^-30: Kahan's error is relative to sum |x_i|
    for (const double big : {-0x1p40, 0x1p-30}) {
        const double small = 0.625 * u * big;
        const Vector x = big_then_small(big, small, 4096);
        const double abs_sum = std::fabs(big) + 4096 * std::fabs(small);
        EXPECT_LE(error(kahan_sum(x), big, small, 4096), kahan_bound(x.size(), abs_sum)) << "big = " << big;
    }
}

TEST(KahanSummationHidden, IeeeValues) {
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_EQ(kahan_sum(Vector{1.0, inf, 2.0}), inf);  // not the NaN of the compensation inf - inf
    EXPECT_EQ(kahan_sum(Vector{-inf, 1.0}), -inf);
    EXPECT_TRUE(std::isnan(kahan_sum(Vector{inf, -inf})));
    EXPECT_TRUE(std::isnan(kahan_sum(Vector{1.0, std::nan("")})));
}

// Random ill-conditioned sums: big = ±2^e, then k terms small = m 2^(e-62)
// with 256 <= m < 512, so each is between u/2 and u times |big| (absorbed by
// the naive sum) and the exact sum needs at most 63 bits (exact in long
// double). Kahan's error stays within its bound; on a failure RapidCheck
// shrinks k, m and e and prints a smallest failing sum.
RC_GTEST_PROP(KahanSummationHidden, WithinKahansBoundOnIllConditionedSums, ()) {
    const auto k = static_cast<std::size_t>(*rc::gen::inRange(8, 4001));
    const int m = *rc::gen::inRange(256, 512);
    const int e = *rc::gen::inRange(-100, 101);
    const double sign = *rc::gen::element(1.0, -1.0);
    const double big = sign * std::ldexp(1.0, e), small = sign * std::ldexp(static_cast<double>(m), e - 62);
    const Vector x = big_then_small(big, small, k);
    const double abs_sum = std::fabs(big) + static_cast<double>(k) * std::fabs(small);
    RC_ASSERT(error(kahan_sum(x), big, small, k) <= kahan_bound(x.size(), abs_sum));
}
