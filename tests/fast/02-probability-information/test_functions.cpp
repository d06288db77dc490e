// The logistic sigmoid and softplus, fast twin: agrees with the reference
// twin within a few ulps (xsimd's exp and log1p against the C library's),
// on every lane count, tail and threading path, and at the ends of the range.

#include <cmath>
#include <cstdint>
#include <string>

#include "dlmath/fast/probability.hpp"
#include "dlmath/reference/probability.hpp"
#include "prelude.hpp"

// Each twin's sigmoid is within about (e_exp + 3) u relative of the exact
// value, its softplus within (e_exp + e_log1p + 3) u, where e_exp and e_log1p
// (a few ulps: xsimd's are ports of Boost.SIMD's, the C library's are
// within 1) are the errors of the elementary functions. 8 ulps each, so the
// twins agree within 16 u relative. Subnormal results (x < -708) come from
// the same std::exp in both twins.
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
