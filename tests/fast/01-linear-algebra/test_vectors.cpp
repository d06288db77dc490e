// Vectors, fast twin: agrees with the reference twin within an error
// bound, is bitwise reproducible, and rejects the same bad input.

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "kernels/simd.hpp"
#include "prelude.hpp"

namespace {

double abs_dot(const Vector& x, const Vector& y) {
    double s = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) s += std::fabs(x(i) * y(i));
    return s;
}

// Relative error bound of one twin's ||x||_p (see the norm doc comments):
// the scaled sum of n terms in [0,1] carries gamma_n relative error plus, per
// term, the scaling rounding amplified by p (p u) and the pow error (<= 4u
// absolute per term, since w^p |p ln w| <= 1/e); the root divides all that
// by p; the final root and product add 4u.
double norm_rel_bound(double n, double p) {
    if (std::isinf(p)) return 0.0;  // a max is exact
    return (gamma_n(n) + 4 * n * u + p * u) / p + 4 * u;
}
}  // namespace

// ---------------------------------------------------------------- agreement

// For a dot product of length n both twins are within gamma_n * sum|x_i y_i|
// of the exact value (Higham, Accuracy and Stability, eq. 3.5), so they are
// within 2 gamma_n * sum|x_i y_i| of each other.
RC_GTEST_PROP(DotAgreement, FastMatchesReferenceWithinTheDotBound, ()) {
    const std::size_t n = *dlmath::testing::kernel_length();
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Vector x = random<Vector>({n}, seed);
    const Vector y = random<Vector>({n}, seed + 1, 1e3);
    const double bound = 2 * gamma_n(static_cast<double>(n)) * abs_dot(x, y);
    DLMATH_RC_ASSERT(agree(fast::dot(x, y), ref::dot(x, y), bound, "dot, n = " + std::to_string(n)));
}

RC_GTEST_PROP(NormAgreement, FastMatchesReferenceWithinTheNormBound, ()) {
    const std::size_t n = *dlmath::testing::kernel_length();
    const double p = *rc::gen::element(1.0, 1.5, 2.0, 3.0, 8.0, kInf);
    const double scale = *rc::gen::element(1.0, 1e-170, 1e170);  // also the under/overflow paths
    const Vector x = random<Vector>({n}, *rc::gen::arbitrary<std::uint32_t>(), scale);
    const double r = ref::norm(x, p);
    const double bound = 2 * norm_rel_bound(static_cast<double>(n), p) * r;
    DLMATH_RC_ASSERT(agree(fast::norm(x, p), r, bound,
                           "norm, n = " + std::to_string(n) + ", p = " + std::to_string(p)));
}

// The SIMD layer's multiply-add rounds once wherever the machine has an FMA
// (kernels/simd.hpp): (1 + 2^-30)(1 - 2^-30) - 1 = -2^-60 exactly, which a
// product rounded before the sum loses (it gives 0, as on a machine with no
// FMA instruction at all).
TEST(SimdLayer, MultiplyAddRoundsOnceWhereTheMachineHasAnFma) {
    using dlmath::fast::detail::batch;
#if defined(__FMA__) || defined(__AVX512F__) || defined(__aarch64__)
    const double once = 0x1p-60;
#else
    const double once = 0.0;
#endif
    const batch a(1.0 + 0x1p-30), b(1.0 - 0x1p-30), one(1.0);
    for (std::size_t l = 0; l < dlmath::fast::detail::W; ++l) {
        EXPECT_EQ(dlmath::fast::detail::fma(a, b, -one).get(l), -once);
        EXPECT_EQ(dlmath::fast::detail::fms(a, b, one).get(l), -once);
        EXPECT_EQ(dlmath::fast::detail::fnma(a, b, one).get(l), once);
    }
}

// The aligned loop of the SIMD layer (aligned_unrolled, sum_streams) gives
// the bits of the plain one (batch_loop, sum_batches) wherever the arrays
// start: a sum, a two-array dot, and a Kahan step — which is not the
// identity on a zero, so a foreign lane of the partial first or last
// register must leave its accumulator alone, not add zero to it.
RC_GTEST_PROP(SimdLayer, AlignedLoopGivesThePlainLoopsBitsAtEveryOffset, ()) {
    namespace d = dlmath::fast::detail;
    using d::batch;
    constexpr std::size_t w = d::W;
    // lengths on both sides of aligned_loop_min, where the aligned loop starts
    const std::size_t n = *rc::gen::inRange<std::size_t>(0, 3 * d::aligned_loop_min + 5);
    const std::size_t ox = *rc::gen::inRange<std::size_t>(0, 2 * w), oy = *rc::gen::inRange<std::size_t>(0, 2 * w);
    const std::size_t begin = *rc::gen::inRange<std::size_t>(0, 3);
    const Vector vx = random<Vector>({n + ox + begin}, *rc::gen::arbitrary<std::uint32_t>(), 1e3);
    const Vector vy = random<Vector>({n + oy + begin}, *rc::gen::arbitrary<std::uint32_t>());
    const double* x = vx.data() + ox;
    const double* y = vy.data() + oy;
    const std::size_t end = begin + n;
    const auto tail = [x, y](double s, std::size_t i) { return s + x[i] * y[i]; };

    const double plain = d::sum_batches<double, 4>(
        begin, end, [x, y](batch a, std::size_t i) { return d::fma(batch::load_unaligned(x + i), batch::load_unaligned(y + i), a); },
        tail);
    const double aligned = d::sum_streams<double, 4>(
        std::array<const double*, 2>{x, y}, begin, end,
        [](batch a, const std::array<batch, 2>& v) { return d::fma(v[0], v[1], a); }, tail);
    RC_ASSERT(aligned == plain);

    // Kahan in every lane of two accumulators: compare every lane's (sum, compensation)
    std::array<batch, 2> s_plain{batch(0.0), batch(0.0)}, c_plain{batch(0.0), batch(0.0)};
    const auto kahan = [](batch& s, batch& c, batch v) {
        const batch yv = v - c, t = s + yv;
        c = (t - s) - yv;
        s = t;
    };
    auto plain_step = [&](std::size_t i, auto u) {
        kahan(s_plain[decltype(u)::value], c_plain[decltype(u)::value], batch::load_unaligned(x + i));
    };
    const std::size_t stop = d::batch_loop<double, 2>(begin, end, plain_step);
    std::array<std::array<batch, 2>, 2> acc{};
    for (auto& a : acc) a = {batch(0.0), batch(0.0)};
    auto step = [&kahan](std::array<batch, 2>& sc, const std::array<batch, 1>& v) { kahan(sc[0], sc[1], v[0]); };
    std::size_t i = d::aligned_unrolled<double, 2>(std::array<const double*, 1>{x}, begin, end, acc, step);
    for (; i + w <= end; i += w) step(acc[0], d::load_batches(std::array<const double*, 1>{x}, i));
    RC_ASSERT(i == stop);
    for (std::size_t u = 0; u < 2; ++u)
        for (std::size_t l = 0; l < w; ++l) {
            RC_ASSERT(acc[u][0].get(l) == s_plain[u].get(l));
            RC_ASSERT(acc[u][1].get(l) == c_plain[u].get(l));
        }
}

TEST(DotAgreement, SyllabusExample) {
    const Vector x = {0.1, 0.0, -0.3};
    const Vector y = {-4.0, 0.05, 0.1};
    // n = 3 is all scalar tail: the same operations in the same order.
    EXPECT_EQ(fast::dot(x, y), ref::dot(x, y));
}

TEST(NormAgreement, EdgeCasesMatchTheReference) {
    for (double p : {1.0, 2.0, 3.0, kInf}) {
        EXPECT_EQ(fast::norm(Vector{}, p), 0.0);
        EXPECT_EQ(fast::norm(Vector{0.0, -0.0}, p), 0.0);
        EXPECT_TRUE(std::isnan(fast::norm(Vector{kInf, kNaN, 1., 2., 3., 4., 5., 6., 7.}, p)));
        EXPECT_TRUE(std::isnan(fast::norm(Vector{1., 2., 3., 4., 5., 6., 7., kNaN, kInf}, p)));
        EXPECT_EQ(fast::norm(Vector{1., 2., 3., 4., 5., 6., 7., -kInf}, p), kInf);
    }
    const Vector big = {1e200, 1e200, 1e200, 1e200, 1e200};
    EXPECT_NEAR(fast::norm(big, 2.0), ref::norm(big, 2.0), 2 * norm_rel_bound(5, 2) * ref::norm(big, 2.0));
    const Vector tiny = {3e-200, 4e-200};
    EXPECT_NEAR(fast::norm(tiny, 2.0), 5e-200, 8 * u * 5e-200);
}

TEST(NormAgreement, NanIsFoundInEveryBlockAboveTheThreshold) {
    Vector x = random<Vector>({3 * fast::parallel_threshold + 5}, 42);
    x(2 * fast::parallel_threshold + 1) = kNaN;
    for (double p : {1.0, 2.0, 3.0, kInf}) EXPECT_TRUE(std::isnan(fast::norm(x, p))) << "p = " << p;
}

// ---------------------------------------------------------------- reproducibility

RC_GTEST_PROP(Reproducibility, FastDotAndNormAreBitwiseEqualRunToRun, ()) {
    const std::size_t n = *dlmath::testing::kernel_length();
    const Vector x = random<Vector>({n}, *rc::gen::arbitrary<std::uint32_t>());
    const Vector y = random<Vector>({n}, 7);
    RC_ASSERT(fast::dot(x, y) == fast::dot(x, y));
    RC_ASSERT(fast::norm(x, 2.0) == fast::norm(x, 2.0));
    RC_ASSERT(fast::norm(x, 3.0) == fast::norm(x, 3.0));
}

TEST(Reproducibility, ResultDoesNotDependOnTheThreadCount) {
    const Vector x = random<Vector>({4 * fast::parallel_threshold + 3}, 1);
    const Vector y = random<Vector>({4 * fast::parallel_threshold + 3}, 2);
    const double d = fast::dot(x, y), n3 = fast::norm(x, 3.0);
    for (int t : {1, 2, 3, 5}) {
        const scoped_threads threads(t);
        EXPECT_EQ(fast::dot(x, y), d) << t << " threads";
        EXPECT_EQ(fast::norm(x, 3.0), n3) << t << " threads";
    }
}

// ---------------------------------------------------------------- bad input

TEST(BadInput, FastDotOfDifferentLengthsNamesBothLengths) {
    const Vector x = {1.0, 2.0, 3.0}, y = {1.0, 2.0};
    EXPECT_EQ(expect_same_error([&] { fast::dot(x, y); }, [&] { ref::dot(x, y); }),
              "dot: lengths differ (x has 3 elements, y has 2)");
    EXPECT_THROW(fast::dot(x, y), dlmath::shape_error);
}

TEST(BadInput, FastNormOrderNanOrMinimumOfNothing) {
    expect_same_error([] { fast::norm(Vector{1.0, 2.0}, kNaN); }, [] { ref::norm(Vector{1.0, 2.0}, kNaN); });
    expect_same_error([] { fast::norm(Vector{}, -kInf); }, [] { ref::norm(Vector{}, -kInf); });
    EXPECT_THROW(fast::norm(Vector{1.0, 2.0}, kNaN), dlmath::domain_error);
    EXPECT_THROW(fast::norm(Vector{}, -kInf), dlmath::shape_error);
}
