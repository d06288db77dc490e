// Distributions, fast twin: the batched log-densities and the samplers
// agree with the reference within bounds from their arithmetic, reject the
// same bad input with the same message, and give bitwise the same sample
// for every thread count.

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "dlmath/fast/probability.hpp"
#include "dlmath/reference/probability.hpp"
#include "prelude.hpp"

using dlmath::Exponential;
using dlmath::Gaussian;
using dlmath::Laplace;
using dlmath::Rng;
using dlmath::Uniform;

namespace {

// Points for a log-density: normal entries of scale 3 around 0.5, with the
// infinities at a few places (the batches, the tail).
Vector points(std::size_t n, std::uint64_t seed) {
    Vector x = random<Vector>({n}, seed, 3.0) + 0.5;
    if (n > 2) {
        x(1) = kInf;
        x(n - 1) = -kInf;
    }
    return x;
}

// |fast - ref| <= c u (scale(x_i)) at every point, the scale being what the
// terms of the formula add up to in magnitude. The fast twin does the same
// operations in the same order as the member function; a fused
// multiply-add may skip one rounding, so c = 4 covers it.
template <class D, class Scale>
void expect_log_pdf_agrees(const D& d, const Vector& x, Scale scale) {
    const Vector f = fast::log_pdf(d, x), r = ref::log_pdf(d, x);
    EXPECT_TRUE(agree_elementwise(f, r, [&](std::size_t i) { return 4 * u * scale(x(i)); },
                                  std::string(D::family) + " log_pdf, n = " + std::to_string(x.size())));
}

}  // namespace

// Every path of the kernel: the tail alone, primes, sizes that are not
// multiples of the SIMD width, one reduction block and its neighbours, and
// sizes around and above the threading threshold.
TEST(Agreement, LogPdfOfASample) {
    constexpr std::size_t t = fast::parallel_threshold, b = fast::reduction_block;
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{8}, std::size_t{13},
                          std::size_t{97}, b - 1, b + 1, t - 1, t, t + 3, 3 * t + 17}) {
        const Vector x = points(n, n + 1);
        const Gaussian g = Gaussian::from_stddev(0.3, 1.7);
        const double c = 0.5 * std::log(2 * std::numbers::pi) + std::fabs(std::log(1.7));
        expect_log_pdf_agrees(g, x, [&](double v) { return c + std::pow((v - 0.3) / 1.7, 2); });
        expect_log_pdf_agrees(Uniform(-1, 2), x, [](double) { return 0.0; });  // the same select of one constant: exact
        expect_log_pdf_agrees(Exponential(2.5), x, [](double v) { return std::log(2.5) + 2.5 * std::fabs(v); });
        expect_log_pdf_agrees(Laplace(0.5, 0.7), x,
                              [](double v) { return std::fabs(std::log(1.4)) + std::fabs(v - 0.5) / 0.7; });
    }
}

TEST(Agreement, LogPdfRejectsNanLikeTheReference) {
    const std::size_t n = 3 * fast::parallel_threshold + 17;  // threaded, with a tail
    for (std::size_t where : {std::size_t{0}, std::size_t{5}, n / 2, n - 1}) {
        Vector x = points(n, 3);
        x(where) = kNaN;
        expect_same_error([&] { fast::log_pdf(Gaussian(), x); }, [&] { ref::log_pdf(Gaussian(), x); });
        expect_same_error([&] { fast::log_pdf(Uniform(0, 1), x); }, [&] { ref::log_pdf(Uniform(0, 1), x); });
        expect_same_error([&] { fast::log_pdf(Exponential(1), x); }, [&] { ref::log_pdf(Exponential(1), x); });
        expect_same_error([&] { fast::log_pdf(Laplace(0, 1), x); }, [&] { ref::log_pdf(Laplace(0, 1), x); });
    }
    const Vector small = {1.0, kNaN, 2.0};  // below the threshold, in the tail
    EXPECT_EQ(expect_same_error([&] { fast::log_pdf(Gaussian(), small); }, [&] { ref::log_pdf(Gaussian(), small); }),
              "log_pdf(Gaussian, x): x must not contain NaN (x has 3 entries, entry 1 is NaN)");
}

// The sample sizes of the sampling tests: the SIMD tail alone, one block,
// a block and a tail, and threaded sizes with a tail.
const std::vector<std::size_t> sample_sizes = {0, 1, 3, 13, fast::sample_block, fast::sample_block + 5,
                                               fast::sample_parallel_threshold - 1, 3 * fast::sample_parallel_threshold + 7};

// Gaussian draws: u_1, u_2 are bitwise the reference's (the same Philox
// words); xsimd's log and cos are within 2 ulps of the C library's (which
// are within 1), so r = sqrt(-2 ln u_1) differs by at most 4u relative (the
// log's error halved by the square root, plus the root's rounding), and the
// cosine by at most 4u of |cos| plus 2u absolute (its argument is the same
// double in both; near the zeros the error is absolute). Hence
// |dz| <= 4u |z| + 2u r, r <= sqrt(2 · 54 ln 2) = 8.65 (u_1 >= 2^-54), and the
// draw mu + sigma z adds one rounding of |x| each: 16u sigma (|z| + 8.65) + 2u |x|
// has a factor of 2 to spare.
TEST(Agreement, GaussianSamplesWithinTheBound) {
    const Gaussian g = Gaussian::from_stddev(-2.0, 3.0);
    for (std::size_t n : sample_sizes) {
        Rng a(42), b(42);
        const Vector f = fast::sample(g, a, n), r = ref::sample(g, b, n);
        EXPECT_EQ(a.position(), n);
        EXPECT_TRUE(agree_elementwise(f, r, [&](std::size_t i) {
            return 16 * u * 3.0 * (std::fabs((r(i) + 2.0) / 3.0) + 8.65) + 2 * u * std::fabs(r(i));
        }, "n = " + std::to_string(n)));
    }
}

// Uniform draws: the same u_i bit for bit, a + (b - a) u_i at most one rounding apart (an FMA).
TEST(Agreement, UniformSamplesWithinOneRounding) {
    const Uniform d(-3.0, 5.0);
    for (std::size_t n : sample_sizes) {
        Rng a(7), b(7);
        const Vector f = fast::sample(d, a, n), r = ref::sample(d, b, n);
        EXPECT_TRUE(agree_elementwise(f, r, [&](std::size_t i) { return 2 * u * (3.0 + 8.0 * std::fabs(r(i))); },
                                      "n = " + std::to_string(n)));
    }
}

// Exponential and Laplace draws: the same u_i, a log within 2 ulps of the C
// library's (within 1), one rounding of the division or the multiply-add:
// 8u of |log| gamma plus 2u |x|.
TEST(Agreement, ExponentialAndLaplaceSamplesWithinTheBound) {
    const Exponential e(0.5);
    const Laplace l(1.0, 2.0);
    for (std::size_t n : sample_sizes) {
        Rng a(9), b(9), c(9), d(9);
        const Vector fe = fast::sample(e, a, n), re = ref::sample(e, b, n);
        EXPECT_TRUE(agree_elementwise(fe, re, [&](std::size_t i) { return 8 * u * re(i); }, "exponential"));
        const Vector fl = fast::sample(l, c, n), rl = ref::sample(l, d, n);
        EXPECT_TRUE(agree_elementwise(
            fl, rl, [&](std::size_t i) { return 8 * u * std::fabs(rl(i) - 1.0) + 2 * u * std::fabs(rl(i)); }, "Laplace"));
    }
}

// The blocks depend on n only: 1, 2 and 3 threads give the same bits.
TEST(Agreement, SamplesAreBitwiseTheSameForEveryThreadCount) {
    const std::size_t n = 5 * fast::sample_parallel_threshold + 3;
    auto draw = [&](int threads, auto dist) {
        const dlmath::testing::scoped_threads t(threads);
        Rng rng(2024);
        rng.take(17);  // not from the stream's start
        return fast::sample(dist, rng, n);
    };
    const auto same_for_all = [&](auto dist) {
        const Vector one = draw(1, dist);
        EXPECT_EQ(draw(2, dist), one) << dist.family;
        EXPECT_EQ(draw(3, dist), one) << dist.family;
    };
    same_for_all(Gaussian());
    same_for_all(Uniform(0, 1));
    same_for_all(Exponential(1));
    same_for_all(Laplace(0, 1));
    const Vector x = points(n, 5);
    const auto log_pdf_with = [&](int threads) {
        const dlmath::testing::scoped_threads t(threads);
        return fast::log_pdf(Gaussian(), x);
    };
    EXPECT_EQ(log_pdf_with(2), log_pdf_with(1));
    EXPECT_EQ(log_pdf_with(3), log_pdf_with(1));
}

// The stream continues where it stopped, in both twins alike.
TEST(Agreement, SamplingAdvancesTheStreamLikeTheReference) {
    Rng a(3), b(3);
    fast::sample(Gaussian(), a, 1000);
    ref::sample(Gaussian(), b, 1000);
    EXPECT_EQ(a.position(), b.position());
    const Vector f = fast::sample(Uniform(0, 1), a, 10), r = ref::sample(Uniform(0, 1), b, 10);
    EXPECT_TRUE(agree_elementwise(f, r, [](std::size_t) { return 2 * u; }));
}
