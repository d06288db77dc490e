// Summation, fast twin: the pairwise and compensated sums within their own
// documented bounds against a quad-precision oracle, within the sum of both
// twins' bounds of the reference, the same IEEE edge values, bitwise the
// same result for 1, 2 and 3 threads (the fixed combination order), and the
// pairwise tree of a block bitwise the same wherever the array starts.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "dlmath/fast/numerical.hpp"
#include "dlmath/numeric.hpp"
#include "dlmath/reference/numerical.hpp"
#include "kernels/numerical/pairwise_tree.hpp"
#include "prelude.hpp"
#include "summation.hpp"

namespace {

using dlmath::testing::ceil_log2;
using dlmath::testing::error_of;
using dlmath::testing::exact_sum;
using dlmath::testing::kahan_factor;
using dlmath::testing::pairwise_factor;
using dlmath::testing::quad_error_bound;
using dlmath::testing::random_sum_terms;

template <class T>
using Vec = xt::xtensor<T, 1>;

// The fast twins' bounds, as multiples of sum |x_i|: the pairwise sum
// gamma_{L - 1 + ceil(log2 n)}, the Kahan sum 4u + O(n u^2) (two compensated
// sums in sequence; second-order constant 8, twice the reference's).
template <class T>
double fast_pairwise_factor(std::size_t n) {
    return static_cast<double>(dlmath::gamma<T>(static_cast<T>(fast::pairwise_leaf - 1 + ceil_log2(n))));
}
template <class T>
double fast_kahan_factor(std::size_t n) {
    const double uu = static_cast<double>(dlmath::unit_roundoff<T>());
    return 4.0 * uu + 8.0 * static_cast<double>(n) * uu * uu;
}
// Lengths on every path: empty, shorter than a batch, a prime, around one
// leaf, below and above the threading threshold, several reduction blocks
// with a tail, several blocks of the compensated sum with a tail.
std::vector<std::size_t> lengths() {
    constexpr std::size_t t = fast::parallel_threshold, b = fast::reduction_block, k = fast::kahan_block;
    return {0, 1, 3, 7, 13, 127, 128, 129, 1021, t - 1, t, t + 3, 5 * b + 11, 3 * k + 11};
}

template <class T>
class FastSummation : public ::testing::Test {};
using Scalars = ::testing::Types<float, double>;
TYPED_TEST_SUITE(FastSummation, Scalars);

TYPED_TEST(FastSummation, WithinOwnBoundAndAgreesWithReference) {
    using T = TypeParam;
    for (std::size_t n : lengths()) {
        const Vec<T> x = random_sum_terms<T>(n, 50 + n, 0.25);
        const auto exact = exact_sum(x);
        const double oracle = quad_error_bound(n, exact), a = exact.abs_sum;
        const T fp = fast::sum_pairwise(x), fk = fast::sum_kahan(x);
        EXPECT_LE(error_of(fp, exact), fast_pairwise_factor<T>(n) * a + oracle) << "pairwise, n = " << n;
        EXPECT_LE(error_of(fk, exact), fast_kahan_factor<T>(n) * a + oracle) << "kahan, n = " << n;
        // agreement: both twins are within their bounds of the exact sum, so within the sum of the bounds of each other
        EXPECT_LE(std::fabs(static_cast<double>(fp) - static_cast<double>(ref::sum_pairwise(x))),
                  (fast_pairwise_factor<T>(n) + pairwise_factor<T>(n)) * a + 2 * oracle)
            << "n = " << n;
        EXPECT_LE(std::fabs(static_cast<double>(fk) - static_cast<double>(ref::sum_kahan(x))),
                  (fast_kahan_factor<T>(n) + kahan_factor<T>(n)) * a + 2 * oracle)
            << "n = " << n;
    }
}

TYPED_TEST(FastSummation, KahanKeepsAbsorbedTerms) {
    using T = TypeParam;
    // 1, then n terms of 0.75 u, several blocks long: the naive sum keeps 1
    const std::size_t n = 3 * fast::parallel_threshold + 5;
    Vec<T> x = Vec<T>::from_shape({n + 1});
    x(0) = T(1);
    for (std::size_t i = 1; i <= n; ++i) x(i) = T(0.75) * dlmath::unit_roundoff<T>();
    const auto exact = exact_sum(x);
    EXPECT_LE(error_of(fast::sum_kahan(x), exact),
              fast_kahan_factor<T>(x.size()) * exact.abs_sum + quad_error_bound(x.size(), exact));
    EXPECT_GT(error_of(ref::sum_naive(x), exact), 100.0 * fast_kahan_factor<T>(x.size()) * exact.abs_sum);
}

TYPED_TEST(FastSummation, BitwiseTheSameForOneTwoThreeThreads) {
    using T = TypeParam;
    const Vec<T> x = random_sum_terms<T>(7 * fast::reduction_block + 5 + fast::parallel_threshold, 99, 0.25);
    T p[3], k[3];
    for (int t = 1; t <= 3; ++t) {
        const scoped_threads threads(t);
        p[t - 1] = fast::sum_pairwise(x);
        k[t - 1] = fast::sum_kahan(x);
    }
    EXPECT_EQ(dlmath::ulp_distance(p[0], p[1]), 0u);
    EXPECT_EQ(dlmath::ulp_distance(p[0], p[2]), 0u);
    EXPECT_EQ(dlmath::ulp_distance(k[0], k[1]), 0u);
    EXPECT_EQ(dlmath::ulp_distance(k[0], k[2]), 0u);
}

// The tree of whole leaves reads aligned registers, the first and last of each leaf masked, and
// turns the lanes back: the same bits at every offset of the array from a register's alignment,
// also where the array starts or ends too close for the aligned registers (the unaligned path).
// Turning the lanes back by the wrong count, or not at all, fails it.
template <class T>
void tree_at_every_offset(std::size_t leaves, std::size_t before, std::size_t after, std::uint32_t seed) {
    namespace d = dlmath::fast::detail;
    constexpr std::size_t w = d::width_of<T>, L = fast::pairwise_leaf;
    const std::size_t len = leaves * L, n = before + len + after;
    // terms over 80 binades: another order of the additions almost always changes the last bits
    std::mt19937 gen(seed);
    std::uniform_real_distribution<double> mantissa(-1.0, 1.0);
    std::uniform_int_distribution<int> binade(-40, 40);
    std::vector<T> values(n);
    for (T& v : values) v = static_cast<T>(std::ldexp(mantissa(gen), binade(gen)));
    std::vector<T> buffer(n + 2 * w + 64 / sizeof(T));
    // the first element 64-byte aligned, then shifted by o elements
    const auto base = reinterpret_cast<std::uintptr_t>(buffer.data());
    const std::size_t aligned = (64 - base % 64) % 64 / sizeof(T);
    std::vector<T> results;
    for (std::size_t o = 0; o < w; ++o) {
        T* x = buffer.data() + aligned + o;
        for (std::size_t i = 0; i < n; ++i) x[i] = values[i];
        results.push_back(d::pairwise_tree(static_cast<const T*>(x), n, before, leaves));
    }
    for (std::size_t o = 1; o < w; ++o)
        RC_ASSERT(dlmath::ulp_distance(results[o], results[0]) == 0u);
}

RC_GTEST_PROP(FastSummationTree, SameBitsAtEveryOffset, ()) {
    const std::size_t leaves = std::size_t{1} << *rc::gen::inRange<int>(0, 6);  // 1, 2, ..., 32 leaves
    const std::size_t before = *rc::gen::inRange<std::size_t>(0, 20), after = *rc::gen::inRange<std::size_t>(0, 20);
    const std::uint32_t seed = *rc::gen::arbitrary<std::uint32_t>();
    tree_at_every_offset<double>(leaves, before, after, seed);
    tree_at_every_offset<float>(leaves, before, after, seed);
}

TEST(FastSummationEdges, SameIeeeValuesAsTheReference) {
    const std::size_t n = fast::parallel_threshold + 7;
    for (double special : {kInf, -kInf, kNaN}) {
        Vec<double> x = random_sum_terms<double>(n, 5, 0.25);
        x(n / 2) = special;
        EXPECT_EQ(std::isnan(fast::sum_kahan(x)), std::isnan(ref::sum_kahan(x)));
        EXPECT_EQ(std::isnan(fast::sum_pairwise(x)), std::isnan(ref::sum_pairwise(x)));
        if (!std::isnan(special)) {
            EXPECT_EQ(fast::sum_kahan(x), special);
            EXPECT_EQ(fast::sum_pairwise(x), special);
        }
    }
    const Vec<float> empty = Vec<float>::from_shape({0});
    EXPECT_EQ(fast::sum_kahan(empty), 0.0f);
    EXPECT_EQ(fast::sum_pairwise(empty), 0.0f);
}

}  // namespace
