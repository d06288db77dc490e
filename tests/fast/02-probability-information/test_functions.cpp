// The logistic sigmoid and softplus, fast twin: agrees with the reference
// twin within a few ulps (the kernel exp and log1p against the C library's),
// on every lane count, tail and threading path, and at the ends of the range.

#include <cmath>
#include <cstdint>
#include <random>
#include <string>

#include "dlmath/fast/probability.hpp"
#include "dlmath/reference/probability.hpp"
#include "kernels/exp.hpp"
#include "kernels/log.hpp"
#include "prelude.hpp"

// Each twin's sigmoid is within about (e_exp + 2) u relative of the exact
// value, its softplus within (e_exp + e_log1p + 1) u, where e_exp and e_log1p
// are the errors of the elementary functions: the C library's are within 1
// ulp (3u in all for either function of the reference); the fast twin's
// kernels are within 3u (kernels/exp.hpp) and 7.4u (log1p_unit,
// kernels/log.hpp), and t = e^-|x| carries its 3u into log1p(t) at most
// unchanged, so the fast sigmoid is within 5u and its softplus within
// 11.4u. The twins therefore agree within 16 u relative. Subnormal results
// (x < -708) come from the same std::exp in both twins.
// Lengths: 0, 1, primes, tails of every SIMD width, and one above the
// threading threshold (the element-wise kernels have no reduction blocks, so
// the larger lengths of kernel_length() add time and no path).
RC_GTEST_PROP(FunctionsAgreement, SigmoidAndSoftplusWithinSixteenUlps, ()) {
    const std::size_t n = *rc::gen::element<std::size_t>(0, 1, 2, 3, 5, 7, 8, 13, 31, 64, 97, 1021,
                                                          fast::parallel_threshold + 3);
    const double scale = *rc::gen::element(1.0, 30.0, 400.0);
    const Vector x = random<Vector>({n}, *rc::gen::arbitrary<std::uint32_t>(), scale);
    const Vector sr = ref::sigmoid(x), sf = fast::sigmoid(x);
    DLMATH_RC_ASSERT(agree_elementwise(sf, sr, [&](std::size_t i) { return 16 * u * std::fabs(sr(i)); },
                                       "sigmoid, n = " + std::to_string(n)));
    const Vector zr = ref::softplus(x), zf = fast::softplus(x);
    DLMATH_RC_ASSERT(agree_elementwise(zf, zr, [&](std::size_t i) { return 16 * u * std::fabs(zr(i)); },
                                       "softplus, n = " + std::to_string(n)));
}

TEST(FunctionsAgreement, EndsOfTheRangeInEveryLane) {
    // each special value in every position of a batch and in the tail
    for (double v : {1000.0, -1000.0, -740.0, -708.5, 708.5, 40.0, -40.0, 0.0, kInf, -kInf}) {
        for (std::size_t pos = 0; pos < 19; ++pos) {
            Vector x = random<Vector>({19}, pos);
            x(pos) = v;
            const Vector sr = ref::sigmoid(x), sf = fast::sigmoid(x);
            const Vector zr = ref::softplus(x), zf = fast::softplus(x);
            EXPECT_TRUE(agree_elementwise(sf, sr, [&](std::size_t i) { return 16 * u * std::fabs(sr(i)); }))
                << "sigmoid, x = " << v << " at " << pos;
            EXPECT_TRUE(agree_elementwise(zf, zr, [&](std::size_t i) { return 16 * u * std::fabs(zr(i)); }))
                << "softplus, x = " << v << " at " << pos;
            EXPECT_EQ(sf(pos), sr(pos)) << v;  // the ends are exact in both: 0, 1, x, or std::exp
        }
    }
    EXPECT_EQ(fast::sigmoid(0.0), 0.5);
    EXPECT_EQ(fast::softplus(1000.0), 1000.0);
}

TEST(FunctionsAgreement, NanPropagatesInEveryLane) {
    for (std::size_t pos = 0; pos < 19; ++pos) {
        Vector x = random<Vector>({19}, pos);
        x(pos) = kNaN;
        EXPECT_TRUE(std::isnan(fast::sigmoid(x)(pos)));
        EXPECT_TRUE(std::isnan(fast::softplus(x)(pos)));
        EXPECT_FALSE(std::isnan(fast::sigmoid(x)((pos + 1) % 19)));
    }
    EXPECT_TRUE(std::isnan(fast::sigmoid(kNaN)));
}

TEST(FunctionsReproducibility, ResultsDoNotDependOnTheThreadCount) {
    const Vector x = random<Vector>({3 * fast::parallel_threshold + 7}, 11, 20.0);
    const Vector s = fast::sigmoid(x), z = fast::softplus(x);
    for (int t : {1, 2, 3}) {
        const scoped_threads threads(t);
        EXPECT_EQ(fast::sigmoid(x), s) << t << " threads";
        EXPECT_EQ(fast::softplus(x), z) << t << " threads";
    }
}

// The kernel log(1 + t) that softplus uses, against a long double log1p
// (64-bit significand: 2^-11 u), on t in [0, 1]: uniform, spread over every
// binade down to 2^-1021, and on either side of the switch at √2 − 1; the
// bound is 7.4u (kernels/log.hpp, log1p_unit), and below 2^-1021 (where
// t/2 is subnormal) an absolute 2^-1074, one subnormal step.
TEST(FastLog1p, WithinItsBoundOnTheUnitInterval) {
    using dlmath::fast::detail::batch;
    using dlmath::fast::detail::W;
    std::mt19937_64 rng(17);
    std::uniform_real_distribution<double> unit(0.0, 1.0), binade(-1021.0, 0.0), switch_point(0.41, 0.42);
    double worst = 0.0, worst_t = 0.0;
    alignas(64) double in[W], out[W];
    for (int k = 0; k < 30000; ++k) {
        for (std::size_t l = 0; l < W; ++l) {
            const int kind = (k + static_cast<int>(l)) % 3;
            in[l] = kind == 0 ? unit(rng) : kind == 1 ? std::exp2(binade(rng)) : switch_point(rng);
        }
        dlmath::fast::detail::log1p_unit(batch::load_aligned(in)).store_aligned(out);
        for (std::size_t l = 0; l < W; ++l) {
            const long double exact = std::log1p(static_cast<long double>(in[l]));
            const double rel = exact == 0 ? std::fabs(out[l]) : static_cast<double>(std::fabs((out[l] - exact) / exact));
            if (rel > worst) {
                worst = rel;
                worst_t = in[l];
            }
        }
    }
    EXPECT_LE(worst, 7.4 * u) << "at t = " << worst_t;
    EXPECT_EQ(dlmath::fast::detail::log1p_unit(batch(0.0)).get(0), 0.0);
    EXPECT_LE(std::fabs(dlmath::fast::detail::log1p_unit(batch(4.9e-324)).get(0) - 4.9e-324), 0x1p-1074);
    EXPECT_LE(std::fabs(dlmath::fast::detail::log1p_unit(batch(0x1.8p-1030)).get(0) - 0x1.8p-1030), 0x1p-1074);
    EXPECT_EQ(dlmath::fast::detail::log1p_unit(batch(1e-300)).get(0), 1e-300);
    EXPECT_LE(std::fabs(dlmath::fast::detail::log1p_unit(batch(1.0)).get(0) - std::log(2.0)), 7.4 * u * std::log(2.0));
    EXPECT_TRUE(std::isnan(dlmath::fast::detail::log1p_unit(batch(kNaN)).get(0)));
}
