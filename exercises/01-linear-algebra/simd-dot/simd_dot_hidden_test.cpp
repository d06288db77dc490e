// Hidden tests of the SIMD dot product exercise: agreement with a long
// double sum within the error bound of the documented order, every tail
// length, slices that start anywhere (unaligned), and reproducibility: the
// same input gives the same bits, and the bits are those of the documented
// order of additions.
#include "simd_dot.hpp"

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>
#include <xsimd/xsimd.hpp>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::simd_dot;
using dlmath::exercises::simd_dot_range;
using dlmath::exercises::simd_dot_width;

namespace {
constexpr std::size_t W = simd_dot_width;

// xsimd::fma rounds once (a fused multiply-add) where xsimd's architecture
// has FMA instructions (fma3<avx2>, the AVX2 machines); on others, AVX-512
// among them in the xsimd of Debian 12, it computes x*y + z with two
// roundings. The checker is built for the same architecture as the
// student's code, so it asks xsimd which: with a = 1 + 2^-30, b = 1 - 2^-30,
// a*b - 1 is -2^-60 fused and 0 in two roundings. The project builds with
// -ffp-contract=off, so `a * b + c` below is two roundings.
bool xsimd_fma_is_fused() {
    using batch = xsimd::batch<double>;
    volatile double a = 1.0 + 0x1p-30, b = 1.0 - 0x1p-30;
    const batch r = xsimd::fma(batch(a), batch(b), batch(-1.0));
    return r.get(0) != 0.0;
}
const bool fused = xsimd_fma_is_fused();
double fma_as_xsimd_does(double a, double b, double c) { return fused ? std::fma(a, b, c) : a * b + c; }

// The documented order, written in scalar code: lane l of the accumulator
// takes the terms i = kW + l of the full batches, one FMA each; the lanes are
// added from 0 to W - 1; the tail terms are added one by one.
double in_documented_order(const double* x, const double* y, std::size_t n) {
    std::vector<double> lane(W, 0.0);
    std::size_t i = 0;
    for (; i + W <= n; i += W)
        for (std::size_t l = 0; l < W; ++l) lane[l] = fma_as_xsimd_does(x[i + l], y[i + l], lane[l]);
    double s = lane[0];
    for (std::size_t l = 1; l < W; ++l) s += lane[l];
    for (; i < n; ++i) s += x[i] * y[i];
    return s;
}

// Error bound of the documented order (Higham, Accuracy and Stability of
// Numerical Algorithms, 2nd ed., sec. 3.1: in any order of summation a term
// is perturbed by at most (1 + delta) per rounding on its path to the
// result). A batch term goes through its product (when the FMA is not
// fused), its own and the later FMAs of its lane (n/W + 1 roundings at
// most), then at most W - 1 lane additions; a tail term through its product
// and at most W - 1 additions. So every path has at most d = n/W + W
// roundings and
//     |computed - x.y| <= gamma_d * sum_i |x_i y_i| .
// The long double reference sums n + 1 rounded terms (its products round
// too): within gamma'_(2n+1) * sum |x_i y_i| with u' its unit roundoff,
// and so is its sum of |x_i y_i|; twice that covers both.
double gamma(std::size_t k, long double unit) {
    const long double ku = static_cast<long double>(k) * unit;
    return static_cast<double>(ku / (1 - ku));
}
double tolerance(std::size_t n, long double abs_sum) {
    constexpr long double u = std::numeric_limits<double>::epsilon() / 2.0;
    constexpr long double u_long = std::numeric_limits<long double>::epsilon() / 2.0L;
    return (gamma(n / W + W, u) + 2 * gamma(2 * n + 1, u_long)) * static_cast<double>(abs_sum);
}

struct LongDoubleDot {
    long double value = 0, abs_sum = 0;
};
LongDoubleDot long_double_dot(const double* x, const double* y, std::size_t n) {
    LongDoubleDot r;
    for (std::size_t i = 0; i < n; ++i) {
        const long double p = static_cast<long double>(x[i]) * static_cast<long double>(y[i]);
        r.value += p;
        r.abs_sum += std::fabs(p);
    }
    return r;
}

std::string bits(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%a", v);
    return buf;
}
bool same_bits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

// Uniform values in [-1, 1]: their products and sums round, so the order of
// the additions shows in the last bits.
Vector random_vector(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> dist(-1.0, 1.0);
    Vector v = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) v(i) = dist(rng);
    return v;
}

// every tail length of the first two batches, and some longer vectors
std::vector<std::size_t> lengths() {
    std::vector<std::size_t> n;
    for (std::size_t k = 0; k <= 2 * W + 1; ++k) n.push_back(k);
    for (std::size_t k : {3 * W + 1, 5 * W - 1, std::size_t{100}, std::size_t{1000}, std::size_t{1021}}) n.push_back(k);
    return n;
}
}  // namespace

TEST(SimdDotHidden, EveryTailLengthAgreesWithALongDoubleSum) {
    for (std::size_t n : lengths()) {
        const Vector x = random_vector(n, 11 + n), y = random_vector(n, 911 + n);
        const LongDoubleDot exact = long_double_dot(x.data(), y.data(), n);
        const double got = simd_dot(x, y);
        EXPECT_NEAR(got, static_cast<double>(exact.value), tolerance(n, exact.abs_sum))
            << "n = " << n << " (SIMD width " << W << ")";
    }
}

TEST(SimdDotHidden, EveryTailLengthFollowsTheDocumentedOrder) {
    for (std::size_t n : lengths()) {
        const Vector x = random_vector(n, 23 + n), y = random_vector(n, 523 + n);
        const double got = simd_dot(x, y), want = in_documented_order(x.data(), y.data(), n);
        EXPECT_TRUE(same_bits(got, want)) << "n = " << n << " (SIMD width " << W << (fused ? ", fused" : ", unfused") << " FMA): got " << bits(got)
                                          << ", the documented order gives " << bits(want);
    }
}

TEST(SimdDotHidden, TheSameInputGivesTheSameBits) {
    const Vector x = random_vector(1000, 5), y = random_vector(1000, 6);
    const double first = simd_dot(x, y);
    for (int k = 0; k < 5; ++k) {
        const double again = simd_dot(x, y);
        EXPECT_TRUE(same_bits(first, again)) << "call " << k + 2 << ": " << bits(again) << " after " << bits(first);
    }
}

TEST(SimdDotHidden, SlicesGiveTheSameBitsWhereverTheyStart) {
    // The same values placed at every offset 0..W of a longer vector whose
    // other entries are NaN: reading outside the slice shows as NaN, and an
    // order that depends on where the data lie (a scalar prologue up to an
    // aligned address) shows as different bits.
    for (std::size_t count : {W - 1, W, 2 * W + 1, std::size_t{37}, std::size_t{100}}) {
        const Vector xs = random_vector(count, 31 + count), ys = random_vector(count, 71 + count);
        const double want = in_documented_order(xs.data(), ys.data(), count);
        for (std::size_t first = 0; first <= W; ++first) {
            const std::size_t n = first + count + W;
            Vector x = Vector::from_shape({n}), y = Vector::from_shape({n});
            x.fill(std::nan(""));
            y.fill(std::nan(""));
            for (std::size_t i = 0; i < count; ++i) {
                x(first + i) = xs(i);
                y(first + i) = ys(i);
            }
            const double got = simd_dot_range(x, y, first, count);
            EXPECT_TRUE(same_bits(got, want)) << count << " entries from index " << first << ": got " << bits(got)
                                              << ", the documented order gives " << bits(want);
        }
    }
}

TEST(SimdDotHidden, SlicesThatDoNotFitAreShapeErrors) {
    const Vector x = random_vector(10, 1), y = random_vector(10, 2);
    EXPECT_EQ(simd_dot_range(x, y, 10, 0), 0.0);  // the empty slice at the end fits
    EXPECT_THROW(simd_dot_range(x, y, 11, 0), dlmath::shape_error);
    // first + count wraps around to 0 in std::size_t
    EXPECT_THROW(simd_dot_range(x, y, 1, std::numeric_limits<std::size_t>::max()), dlmath::shape_error);
    try {
        (void)simd_dot_range(x, y, 4, 7);
        ADD_FAILURE() << "no shape_error for 7 entries from index 4 of a vector of length 10";
    } catch (const dlmath::shape_error& e) {
        EXPECT_NE(std::string(e.what()).find("simd_dot_range"), std::string::npos) << e.what();
    }
    try {
        (void)simd_dot(x, random_vector(9, 3));
        ADD_FAILURE() << "no shape_error for lengths 10 and 9";
    } catch (const dlmath::shape_error& e) {
        EXPECT_NE(std::string(e.what()).find("simd_dot"), std::string::npos) << e.what();
    }
}

// Random lengths and values (a/7, b/3: they round): the documented order bit
// for bit, and the bound. A failure is shrunk to a shortest vector of
// smallest numerators that shows it.
RC_GTEST_PROP(SimdDotHidden, RandomVectorsFollowTheDocumentedOrder, (const std::vector<std::pair<short, short>>& v)) {
    const std::size_t n = v.size();
    Vector x = Vector::from_shape({n}), y = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) {
        x(i) = v[i].first / 7.0;
        y(i) = v[i].second / 3.0;
    }
    const double got = simd_dot(x, y);
    const double want = in_documented_order(x.data(), y.data(), n);
    RC_LOG() << "n = " << n << ", SIMD width " << W << ": got " << bits(got) << ", the documented order gives "
             << bits(want) << "\n";
    const LongDoubleDot exact = long_double_dot(x.data(), y.data(), n);
    RC_ASSERT(std::fabs(got - static_cast<double>(exact.value)) <= tolerance(n, exact.abs_sum));
    RC_ASSERT(same_bits(got, want));
}
