// Summation, reference twin: the errors of the naive, compensated (Kahan)
// and pairwise sums measured against a quad-precision oracle stay within
// their textbook bounds (Higham, Accuracy and Stability, ch. 4), for float
// and double; on ill-conditioned sums the naive error exceeds Kahan's
// bound; the IEEE edge values; and the worked example of the chapter: the
// order of a blocked sum changes its last bits.

#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include "dlmath/numeric.hpp"
#include "dlmath/reference/numerical.hpp"
#include "prelude.hpp"
#include "summation.hpp"

namespace {

using dlmath::testing::ceil_log2;
using dlmath::testing::error_of;
using dlmath::testing::exact_sum;
using dlmath::testing::kahan_factor;
using dlmath::testing::naive_factor;
using dlmath::testing::pairwise_factor;
using dlmath::testing::quad_error_bound;
using dlmath::testing::random_sum_terms;

template <class T>
using Vec = xt::xtensor<T, 1>;

template <class T>
class Summation : public ::testing::Test {};
using Scalars = ::testing::Types<float, double>;
TYPED_TEST_SUITE(Summation, Scalars);

TYPED_TEST(Summation, EachErrorWithinItsTextbookBound) {
    using T = TypeParam;
    for (std::size_t n : {1u, 2u, 3u, 7u, 100u, 1000u, 4097u, 100000u}) {
        const Vec<T> x = random_sum_terms<T>(n, 1000 + n);
        const auto exact = exact_sum(x);
        const double oracle = quad_error_bound(n, exact);
        EXPECT_LE(error_of(ref::sum_naive(x), exact), naive_factor<T>(n) * exact.abs_sum + oracle) << "n = " << n;
        EXPECT_LE(error_of(ref::sum_pairwise(x), exact), pairwise_factor<T>(n) * exact.abs_sum + oracle) << "n = " << n;
        EXPECT_LE(error_of(ref::sum_kahan(x), exact), kahan_factor<T>(n) * exact.abs_sum + oracle) << "n = " << n;
    }
}

// 1 followed by n terms just under u: each one is absorbed by the naive sum
// (fl(1 + d) = 1 for d < u), so it misses n d ~ 0.75 n u of the total; Kahan
// keeps them. With n = 10^4 the naive error is thousands of times Kahan's bound.
template <class T>
Vec<T> absorbed_terms(std::size_t n) {
    Vec<T> x = Vec<T>::from_shape({n + 1});
    x(0) = T(1);
    for (std::size_t i = 1; i <= n; ++i) x(i) = T(0.75) * dlmath::unit_roundoff<T>();
    return x;
}

TYPED_TEST(Summation, NaiveExceedsKahansBoundOnAbsorbedTerms) {
    using T = TypeParam;
    const std::size_t n = 10000;
    const Vec<T> x = absorbed_terms<T>(n);
    const auto exact = exact_sum(x);
    const double kahan_bound = kahan_factor<T>(x.size()) * exact.abs_sum + quad_error_bound(x.size(), exact);
    EXPECT_EQ(ref::sum_naive(x), T(1));  // every small term absorbed
    EXPECT_GT(error_of(ref::sum_naive(x), exact), 1000.0 * kahan_bound);
    EXPECT_LE(error_of(ref::sum_kahan(x), exact), kahan_bound);
    EXPECT_LE(error_of(ref::sum_pairwise(x), exact),
              pairwise_factor<T>(x.size()) * exact.abs_sum + quad_error_bound(x.size(), exact));
}

// Random ill-conditioned sums: a large first term, then many terms below half
// its ulp. Kahan stays within 2u + O(n u^2); the naive sum never can.
TEST(SummationProperties, KahanWithinBoundNaiveNotOnIllConditionedFloatSums) {
    rc::check("float: Kahan's error <= (2u + 4nu^2) sum|x| < naive error", [] {
        const auto k = *rc::gen::inRange<std::size_t>(8, 3000);
        const auto sign = *rc::gen::element(1.0f, -1.0f);
        const auto scale = *rc::gen::inRange(50, 99);  // each small term is (scale/100) u of the big one
        Vec<float> x = Vec<float>::from_shape({k + 1});
        x(0) = sign;
        for (std::size_t i = 1; i <= k; ++i) x(i) = sign * static_cast<float>(scale) / 100.0f * dlmath::unit_roundoff<float>();
        const auto exact = exact_sum(x);
        const double bound = kahan_factor<float>(x.size()) * exact.abs_sum + quad_error_bound(x.size(), exact);
        RC_ASSERT(error_of(ref::sum_kahan(x), exact) <= bound);
        RC_ASSERT(error_of(ref::sum_naive(x), exact) > bound);
    });
}

TEST(SummationProperties, KahanAndPairwiseWithinBoundsOnRandomDoubles) {
    rc::check("double: Kahan and pairwise errors within their bounds", [](const std::vector<int>& v) {
        Vec<double> x = Vec<double>::from_shape({v.size()});
        for (std::size_t i = 0; i < v.size(); ++i) x(i) = std::ldexp(static_cast<double>(v[i]), static_cast<int>(i % 40) - 20) / 3.0;
        const auto exact = exact_sum(x);
        const double oracle = quad_error_bound(x.size(), exact);
        RC_ASSERT(error_of(ref::sum_kahan(x), exact) <= kahan_factor<double>(x.size()) * exact.abs_sum + oracle);
        RC_ASSERT(error_of(ref::sum_pairwise(x), exact) <= pairwise_factor<double>(x.size()) * exact.abs_sum + oracle);
    });
}

TEST(SummationEdges, EmptySumIsZeroAndIeeeValuesPropagate) {
    const Vec<double> empty = Vec<double>::from_shape({0});
    EXPECT_EQ(ref::sum_naive(empty), 0.0);
    EXPECT_EQ(ref::sum_kahan(empty), 0.0);
    EXPECT_EQ(ref::sum_pairwise(empty), 0.0);
    const Vec<double> with_inf{1.0, kInf, 2.0};
    EXPECT_EQ(ref::sum_naive(with_inf), kInf);
    EXPECT_EQ(ref::sum_kahan(with_inf), kInf);  // not the NaN of its compensation inf - inf
    EXPECT_EQ(ref::sum_pairwise(with_inf), kInf);
    const Vec<double> both{kInf, 1.0, -kInf};
    EXPECT_TRUE(std::isnan(ref::sum_kahan(both)));
    const Vec<float> with_nan{1.0f, std::numeric_limits<float>::quiet_NaN()};
    EXPECT_TRUE(std::isnan(ref::sum_naive(with_nan)));
    EXPECT_TRUE(std::isnan(ref::sum_kahan(with_nan)));
    EXPECT_TRUE(std::isnan(ref::sum_pairwise(with_nan)));
}

// Worked example: the same float vector summed as 1, 2 and 4 blocks (each
// block summed left to right, the block sums added in order) gives
// different last bits: a parallel reduction's order is part of its result.
TEST(SummationExamples, BlockCountChangesTheLastBits) {
    const Vec<float> x = random_sum_terms<float>(100000, 7);
    const float one = ref::sum_in_blocks(x, 1), two = ref::sum_in_blocks(x, 2), four = ref::sum_in_blocks(x, 4);
    EXPECT_EQ(one, ref::sum_naive(x));
    EXPECT_NE(one, two);
    EXPECT_NE(one, four);
    EXPECT_NE(two, four);
    // each within its bound gamma_{ceil(n/B) + B - 1} sum |x_i|
    const auto exact = exact_sum(x);
    for (std::size_t B : {1u, 2u, 4u, 7u}) {
        const double bound = static_cast<double>(dlmath::gamma<float>(static_cast<float>((x.size() + B - 1) / B + B - 1)));
        EXPECT_LE(error_of(ref::sum_in_blocks(x, B), exact), bound * exact.abs_sum + quad_error_bound(x.size(), exact));
    }
}

TEST(SummationBadInput, ZeroBlocksIsADomainError) {
    const Vec<double> x{1.0, 2.0};
    try {
        (void)ref::sum_in_blocks(x, 0);
        ADD_FAILURE() << "no domain_error for blocks = 0";
    } catch (const dlmath::domain_error& e) {
        EXPECT_STREQ(e.what(), "sum_in_blocks: blocks must be >= 1 (got blocks = 0)");
    }
    // more blocks than terms: the empty blocks add 0
    EXPECT_EQ(ref::sum_in_blocks(x, 5), 3.0);
    EXPECT_EQ(ref::sum_in_blocks(Vec<double>::from_shape({0}), 3), 0.0);
}

}  // namespace
