// Stable formulas, fast twin: the kernel exponential within its proven
// bound (kernels/exp.hpp), the online normaliser's special values, and
// agreement with the reference on every lane count, tail, axis and
// threading path, within tolerances taken from those bounds.

#include <bit>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <random>
#include <string>

#include "dlmath/fast/numerical.hpp"
#include "dlmath/reference/numerical.hpp"
#include "kernels/exp.hpp"
#include "kernels/numerical/softmax_ladder.hpp"
#include "prelude.hpp"

namespace {

using dlmath::fast::detail::batch;

Vector vec(std::initializer_list<double> v) {
    Vector x = Vector::from_shape({v.size()});
    std::size_t i = 0;
    for (double e : v) x(i++) = e;
    return x;
}

double exp_kernel(double x) { return dlmath::fast::detail::exp(batch(x)).get(0); }

// Agreement bounds (see the fast header): logsumexp within (6n + 16)u + 2u|m| absolute of the
// reference (the fast one's (6n + 10)u from 3u per exponential, rescaled at most once per new
// lane maximum in the online pass — the two-pass blocks rescale a term only when blocks are
// combined, so the bound covers them too — plus the reference's (n + 3)u and both final
// additions' u|m|); softmax entries
// within (6n + 20)u relative (one more rounding for the product by 1/S) plus twice the smallest
// subnormal absolute; log_softmax within 2u|x_i| more than logsumexp.
double lse_tol(const Vector& x) {
    double m = 0.0;
    for (double e : x) m = std::isfinite(e) ? std::fmax(m, std::fabs(e)) : m;
    return (6.0 * static_cast<double>(x.size()) + 16) * u + 2 * u * m;
}

constexpr double kTiny = 2 * 4.9406564584124654e-324;

// Lengths: 0, 1, tails of every SIMD width and unroll, a block boundary, and above the
// threading threshold.
std::size_t any_length() {
    return *rc::gen::element<std::size_t>(0, 1, 2, 3, 5, 7, 8, 13, 31, 32, 33, 64, 97, 1021,
                                          fast::stable_block + 5, fast::stable_parallel_threshold + 3);
}

}  // namespace

// ---------------------------------------------------------------- the kernel exponential

// (*) of kernels/exp.hpp: |exp_fast(x) - e^x| <= 3u e^x (+2^-1075 where e^x is subnormal),
// against a long double exponential (11 more bits), on random and extreme arguments.
TEST(FastExp, WithinThreeUnitRoundoffsOfTheTrueExponential) {
    std::mt19937_64 gen(12);
    std::uniform_real_distribution<double> wide(-745.0, 709.7), narrow(-1.0, 1.0);
    auto check = [](double x) {
        const long double t = std::exp(static_cast<long double>(x));
        const double e = exp_kernel(x);
        const long double err = std::fabs(static_cast<long double>(e) - t);
        EXPECT_LE(err, 3.0L * u * t + 0x1p-1075L) << "x = " << x << ", exp_fast = " << e;
    };
    for (int k = 0; k < 200000; ++k) check(k % 2 ? wide(gen) : narrow(gen));
    for (double x : {0.3465, -0.3466, 0.3467, 1e-300, -1e-300, 709.78, -708.39, -708.4, -740.0, -745.1, 1.0, -1.0,
                     0.6931471805599453, 88.72, -88.72})
        check(x);
    // every SIMD lane sees the same arithmetic
    alignas(64) double in[dlmath::fast::detail::W], out[dlmath::fast::detail::W];
    for (std::size_t l = 0; l < dlmath::fast::detail::W; ++l) in[l] = -3.0 + 1.7 * static_cast<double>(l);
    dlmath::fast::detail::exp(batch::load_aligned(in)).store_aligned(out);
    for (std::size_t l = 0; l < dlmath::fast::detail::W; ++l) EXPECT_EQ(out[l], exp_kernel(in[l]));
}

// The polynomial of kernels/exp.hpp on the reduced interval: within 0.141u (its
// coefficients' distance to e^r) + 1.50u (Horner's roundings) of e^r, relative — tighter than
// (*), which adds the reduction's 0.35u; the ends of the interval and a dense grid, where an
// interpolant's error peaks between its nodes.
TEST(FastExp, ReducedPolynomialWithinItsBound) {
    constexpr double a = 0.3467;
    auto check = [](double r) {
        const long double t = std::exp(static_cast<long double>(r));
        const double p = dlmath::fast::detail::exp_of_reduced(batch(r)).get(0);
        EXPECT_LE(std::fabs(static_cast<long double>(p) - t), 1.65L * u * t) << "r = " << r << ", P(r) = " << p;
    };
    constexpr int M = 100000;
    for (int k = -M; k <= M; ++k) check(a * k / M);
    for (double r : {-a, a, std::nextafter(-a, 0.0), 0x1.62e42fefa39efp-2, -0x1.62e42fefa39efp-2, 1e-300, -1e-300, 0.0})
        check(r);
    EXPECT_EQ(dlmath::fast::detail::exp_of_reduced(batch(0.0)).get(0), 1.0);
}

// The machine's scaling (scalef on AVX-512) gives the bits of the portable one, subnormal results,
// overflow and NaN included; on a target without it the two are the same code.
TEST(FastExp, TheMachinesScalingGivesThePortableBits) {
    namespace d = dlmath::fast::detail;
    constexpr std::size_t L = d::W;
    auto same_bits = [](const batch& a, const batch& b, const char* what, double arg) {
        alignas(64) double x[L], y[L];
        a.store_aligned(x);
        b.store_aligned(y);
        for (std::size_t l = 0; l < L; ++l) {
            if (std::isnan(x[l]) && std::isnan(y[l])) continue;
            EXPECT_EQ(std::bit_cast<std::uint64_t>(x[l]), std::bit_cast<std::uint64_t>(y[l]))
                << what << " at " << arg << ", lane " << l << ": " << x[l] << " against " << y[l];
        }
    };
    // every power of two the exponential can ask for, times mantissas across [0.7, 1.42]
    std::mt19937_64 gen(31);
    std::uniform_real_distribution<double> mant(0.7, 1.42);
    for (int k = -1077; k <= 1025; ++k) {
        alignas(64) double p[L];
        for (std::size_t l = 0; l < L; ++l) p[l] = l == 0 ? 1.0 : mant(gen);
        const batch P = batch::load_aligned(p), K(static_cast<double>(k));
        same_bits(d::times_pow2(P, K), d::times_pow2_bits(P, K), "p 2^k", k);
    }
    // the whole exponential, on the argument range, its ends and the special values
    std::uniform_real_distribution<double> wide(-760.0, 720.0), sub(-745.2, -708.3);
    for (int i = 0; i < 20000; ++i) {
        alignas(64) double x[L];
        for (std::size_t l = 0; l < L; ++l) x[l] = i % 2 ? wide(gen) : sub(gen);
        const batch X = batch::load_aligned(x);
        same_bits(d::exp(X), d::exp_portable(X), "exp", x[0]);
    }
    for (double v : {0.0, -0.0, kInf, -kInf, kNaN, 709.78, 709.79, -745.13, -745.14, -746.0, 1e300, -1e300,
                     4.9e-324, -4.9e-324}) {
        same_bits(d::exp(batch(v)), d::exp_portable(batch(v)), "exp", v);
        EXPECT_EQ(std::isnan(d::exp(batch(v)).get(0)), std::isnan(v)) << v;
    }
}

TEST(FastExp, SpecialValuesAsStdExp) {
    EXPECT_EQ(exp_kernel(0.0), 1.0);
    EXPECT_EQ(exp_kernel(-0.0), 1.0);
    EXPECT_EQ(exp_kernel(kInf), kInf);
    EXPECT_EQ(exp_kernel(-kInf), 0.0);
    EXPECT_TRUE(std::isnan(exp_kernel(kNaN)));
    EXPECT_EQ(exp_kernel(709.79), kInf);
    EXPECT_EQ(exp_kernel(1000.0), kInf);
    EXPECT_EQ(exp_kernel(-746.0), 0.0);
    EXPECT_EQ(exp_kernel(-1000.0), 0.0);
    EXPECT_GT(exp_kernel(-744.0), 0.0);  // a subnormal, not flushed
    EXPECT_LT(exp_kernel(709.78), kInf);
}

// ---------------------------------------------------------------- worked examples, both twins

TEST(StableAgreement, WorkedExamples) {
    EXPECT_EQ(fast::logsumexp(vec({1000.0, 1000.0})), 1000.0 + std::log(2.0));
    const double v = fast::logsumexp(vec({0.0, -40.0}));  // the log1p form kept by the online pass
    EXPECT_LE(dlmath::testing::ulp_distance(v, ref::logsumexp(vec({0.0, -40.0}))), 4u);
    EXPECT_GT(v, 4.24e-18);
    const Vector s = fast::softmax(vec({1000.0, 1000.0, 1000.0}));
    for (double e : s) EXPECT_NEAR(e, 1.0 / 3.0, 8 * u);
    const Vector ls = fast::log_softmax(vec({0.0, -1000.0}));
    EXPECT_EQ(ls(0), 0.0);
    EXPECT_EQ(ls(1), -1000.0);
    EXPECT_EQ(fast::cross_entropy_from_logits(vec({0.0, -1000.0}), 1), 1000.0);
    EXPECT_EQ(fast::cross_entropy_from_probabilities(fast::softmax(vec({0.0, -1000.0})), 1), kInf);
    EXPECT_EQ(fast::log_sigmoid(-1000.0), -1000.0);
}

TEST(StableAgreement, EdgeValuesInEveryLane) {
    EXPECT_EQ(fast::logsumexp(Vector::from_shape({0})), -kInf);
    for (double v : {kInf, -kInf, kNaN, 1e308, -1e308, 1000.0}) {
        for (std::size_t pos = 0; pos < 37; pos += 3) {
            Vector x = random<Vector>({37}, pos);
            x(pos) = v;
            const double r = ref::logsumexp(x), f = fast::logsumexp(x);
            if (std::isnan(r)) EXPECT_TRUE(std::isnan(f)) << v << " at " << pos;
            else if (std::isinf(r)) EXPECT_EQ(f, r) << v << " at " << pos;
            else EXPECT_NEAR(f, r, lse_tol(x)) << v << " at " << pos;
            const Vector sr = ref::softmax(x), sf = fast::softmax(x);
            const Vector lr = ref::log_softmax(x), lf = fast::log_softmax(x);
            for (std::size_t i = 0; i < 37; ++i) {
                EXPECT_EQ(std::isnan(sf(i)), std::isnan(sr(i))) << v << " at " << pos << ", entry " << i;
                EXPECT_EQ(std::isnan(lf(i)), std::isnan(lr(i))) << v << " at " << pos << ", entry " << i;
                if (!std::isnan(sr(i))) {
                    EXPECT_NEAR(sf(i), sr(i), 300 * u * sr(i) + kTiny);
                }
                if (std::isinf(lr(i))) {
                    EXPECT_EQ(lf(i), lr(i));
                }
            }
        }
    }
    Vector all = Vector::from_shape({21});
    all.fill(-kInf);
    EXPECT_EQ(fast::logsumexp(all), -kInf);
}

// The rows keep the log1p form of the online pass: a dominant maximum keeps the digits of
// the small terms, and repeated maxima count exactly, wherever they fall (a SIMD lane or the tail).
TEST(StableAgreement, RowsKeepTheDigitsOfADominantTerm) {
    for (std::size_t n : {2, 37, 100}) {
        for (std::size_t pos : {std::size_t{0}, n - 1}) {
            Matrix X = Matrix::from_shape({2, n});
            X.fill(-1000.0);
            X(0, pos) = 0.0;
            X(0, (pos + 1) % n) = -40.0;  // row 0: LSE = log1p(e^-40) = 4.25e-18
            X(1, pos) = 7.0;
            X(1, (pos + 1) % n) = 7.0;  // row 1: two maxima, LSE = 7 + log 2
            const Vector lf = fast::logsumexp(X, 1), lr = ref::logsumexp(X, 1);
            EXPECT_LE(dlmath::testing::ulp_distance(lf(0), lr(0)), 4u) << n << " " << pos;
            EXPECT_GT(lf(0), 4.24e-18);
            EXPECT_LE(dlmath::testing::ulp_distance(lf(1), 7.0 + std::log(2.0)), 2u) << n << " " << pos;
        }
    }
}

// The two passes count every occurrence of the maximum but one as a term of exactly 1: n equal
// entries give m + log1p(n − 1), the integer n − 1 exact in both twins, in every lane, the tail
// and across blocks; a count that forgot the "but one" gives m + log1p(n) and fails.
TEST(StableAgreement, EqualEntriesAreCountedExactly) {
    for (const std::size_t n : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{8}, std::size_t{37},
                                fast::stable_block + 5, fast::stable_parallel_threshold + 3}) {
        for (const double c : {-3.5, 0.0, 1e300}) {
            Vector x = Vector::from_shape({n});
            x.fill(c);
            const double expected = c + std::log1p(static_cast<double>(n - 1));
            EXPECT_EQ(fast::logsumexp(x), expected) << "n = " << n << ", c = " << c;
            EXPECT_EQ(ref::logsumexp(x), expected) << "n = " << n << ", c = " << c;
            Matrix X = Matrix::from_shape({2, n});
            X.fill(c);
            X(1, n / 2) = c + 1.0;  // one maximum, the rest ties below it
            const Vector l = fast::logsumexp(X, 1);
            EXPECT_EQ(l(0), expected) << "row of " << n;
            EXPECT_NEAR(l(1), ref::logsumexp(X, 1)(1), lse_tol(Vector(xt::row(X, 1))));
        }
    }
}

// ---------------------------------------------------------------- agreement properties

RC_GTEST_PROP(StableAgreement, VectorFormsWithinTheirBounds, ()) {
    const std::size_t n = any_length();
    const double scale = *rc::gen::element(1.0, 30.0, 1000.0, 1e6);
    const Vector x = random<Vector>({n}, *rc::gen::arbitrary<std::uint32_t>(), scale);
    const double tl = lse_tol(x);
    const double lf = fast::logsumexp(x), lr = ref::logsumexp(x);
    RC_ASSERT(lf == lr || std::fabs(lf - lr) <= tl);  // equal: the -inf of an empty vector
    const Vector sr = ref::softmax(x), sf = fast::softmax(x);
    const double ts = (6.0 * static_cast<double>(n) + 20) * u;
    DLMATH_RC_ASSERT(agree_elementwise(sf, sr, [&](std::size_t i) { return ts * sr(i) + kTiny; },
                                       "softmax, n = " + std::to_string(n)));
    const Vector qr = ref::log_softmax(x), qf = fast::log_softmax(x);
    DLMATH_RC_ASSERT(agree_elementwise(qf, qr, [&](std::size_t i) { return tl + 2 * u * std::fabs(x(i)); },
                                       "log_softmax, n = " + std::to_string(n)));
    const Vector gr = ref::log_sigmoid(x), gf = fast::log_sigmoid(x);
    // each twin within a few ulps (3u exp, 4u xsimd's log1p, 2u the rest): 16u relative; where the
    // result is subnormal (x beyond about 708) a rounding is absolute instead, half of 2^-1074 in
    // each twin: kTiny
    DLMATH_RC_ASSERT(agree_elementwise(gf, gr, [&](std::size_t i) { return 16 * u * std::fabs(gr(i)) + kTiny; },
                                       "log_sigmoid, n = " + std::to_string(n)));
}

RC_GTEST_PROP(StableAgreement, MatrixAxesWithinTheirBounds, ()) {
    const std::size_t m = *rc::gen::element<std::size_t>(1, 3, 17, 200);
    const std::size_t n = *rc::gen::element<std::size_t>(1, 7, 33, 257);
    const double scale = *rc::gen::element(1.0, 100.0, 1e4);
    const Matrix X = random<Matrix>({m, n}, *rc::gen::arbitrary<std::uint32_t>(), scale);
    const double lt = (6.0 * static_cast<double>(m * n) + 16) * u + 2 * u * max_abs(X);
    const double st = (6.0 * static_cast<double>(m * n) + 20) * u;
    for (int axis : {0, 1}) {
        const Vector lr = ref::logsumexp(X, axis), lf = fast::logsumexp(X, axis);
        DLMATH_RC_ASSERT(agree_elementwise(lf, lr, [&](std::size_t) { return lt; }, "logsumexp rows/cols"));
        const Matrix sr = ref::softmax(X, axis), sf = fast::softmax(X, axis);
        DLMATH_RC_ASSERT(agree_elementwise(sf, sr, [&](std::size_t k) { return st * sr.data()[k] + kTiny; },
                                           "softmax along an axis"));
        const Matrix qr = ref::log_softmax(X, axis), qf = fast::log_softmax(X, axis);
        DLMATH_RC_ASSERT(agree_elementwise(qf, qr, [&](std::size_t) { return 2 * lt; }, "log_softmax along an axis"));
    }
    RC_ASSERT(std::fabs(fast::logsumexp(X) - ref::logsumexp(X)) <= lt);
    const Matrix sr = ref::softmax(X), sf = fast::softmax(X);
    DLMATH_RC_ASSERT(agree_elementwise(sf, sr, [&](std::size_t k) { return st * sr.data()[k] + kTiny; }, "softmax"));
    const Matrix qr = ref::log_softmax(X), qf = fast::log_softmax(X);
    DLMATH_RC_ASSERT(agree_elementwise(qf, qr, [&](std::size_t) { return 2 * lt; }, "log_softmax"));
}

// Rows are one thread's each and vector blocks are fixed: the thread count changes no bits.
TEST(StableAgreement, ThreadCountChangesNoBits) {
    const Matrix X = random<Matrix>({64, 1031}, 5, 20.0);
    const Vector x = random<Vector>({fast::stable_parallel_threshold * 3 + 7}, 6, 20.0);
    Matrix s1, l1;
    Vector v1;
    double z1;
    {
        const scoped_threads one(1);
        s1 = fast::softmax(X, 1);
        l1 = fast::log_softmax(X, 0);
        v1 = fast::softmax(x);
        z1 = fast::logsumexp(x);
    }
    EXPECT_EQ(fast::softmax(X, 1), s1);
    EXPECT_EQ(fast::log_softmax(X, 0), l1);
    EXPECT_EQ(fast::softmax(x), v1);
    EXPECT_EQ(fast::logsumexp(x), z1);
}

// An increasing row rescales at every element (a new maximum each time): the bound still holds.
TEST(StableAgreement, IncreasingRowRescalesEveryStep) {
    Vector x = Vector::from_shape({999});
    for (std::size_t i = 0; i < x.size(); ++i) x(i) = 0.37 * static_cast<double>(i);
    EXPECT_NEAR(fast::logsumexp(x), ref::logsumexp(x), lse_tol(x));
    const Vector sr = ref::softmax(x), sf = fast::softmax(x);
    for (std::size_t i = 0; i < x.size(); ++i) EXPECT_NEAR(sf(i), sr(i), (6.0 * 999 + 20) * u * sr(i) + kTiny);
}

TEST(StableAgreement, SameErrors) {
    const Matrix X = {{1.0, 2.0}};
    EXPECT_EQ(expect_same_error([&] { fast::logsumexp(X, 2); }, [&] { ref::logsumexp(X, 2); }),
              "logsumexp: axis must be 0 (columns) or 1 (rows) (got axis = 2 for a matrix of shape 1x2)");
    expect_same_error([&] { fast::softmax(X, -1); }, [&] { ref::softmax(X, -1); });
    expect_same_error([&] { fast::log_softmax(X, 5); }, [&] { ref::log_softmax(X, 5); });
    expect_same_error([&] { fast::logsumexp(vec({1.0}), vec({1.0, 2.0})); },
                      [&] { ref::logsumexp(vec({1.0}), vec({1.0, 2.0})); });
    expect_same_error([&] { fast::logsumexp_signed(vec({1.0}), vec({})); },
                      [&] { ref::logsumexp_signed(vec({1.0}), vec({})); });
    expect_same_error([&] { fast::logit(2.0); }, [&] { ref::logit(2.0); });
    expect_same_error([&] { fast::cross_entropy_from_logits(vec({1.0}), 3); },
                      [&] { ref::cross_entropy_from_logits(vec({1.0}), 3); });
    expect_same_error([&] { fast::cross_entropy_from_logits(vec({1.0, 2.0}), vec({0.2, 0.2})); },
                      [&] { ref::cross_entropy_from_logits(vec({1.0, 2.0}), vec({0.2, 0.2})); });
    expect_same_error([&] { fast::cross_entropy_from_probabilities(vec({2.0}), 0); },
                      [&] { ref::cross_entropy_from_probabilities(vec({2.0}), 0); });
    // the forwarding functions give the reference's values
    EXPECT_EQ(fast::logaddexp(3.0, 4.0), ref::logaddexp(3.0, 4.0));
    EXPECT_EQ(fast::logit(0.25), ref::logit(0.25));
    EXPECT_TRUE(std::isnan(fast::softmax_naive(vec({1000.0}))(0)));
    EXPECT_EQ(fast::logsumexp_naive(vec({1000.0})), kInf);
    EXPECT_EQ(fast::logsumexp_signed(vec({1.0, 2.0}), vec({1.0, -1.0})).sign, -1.0);
    EXPECT_NEAR(fast::cross_entropy_from_logits(vec({1.0, 2.0}), vec({0.5, 0.5})),
                ref::cross_entropy_from_logits(vec({1.0, 2.0}), vec({0.5, 0.5})), 16 * u);
}

// Every step of the softmax ladder computes the same softmax: within the fast twin's bound,
// (6n + 20)u relative per entry, of the reference (kernels/numerical/softmax_ladder.hpp).
TEST(SoftmaxLadder, EveryStepAgreesWithTheReference) {
    namespace ladder = dlmath::fast::detail::ladder;
    using Step = Matrix (*)(const Matrix&);
    const Step steps[] = {ladder::softmax_step1, ladder::softmax_step2, ladder::softmax_step3,
                          ladder::softmax_step4, ladder::softmax_step5, ladder::softmax_step6};
    static_assert(std::size(steps) == ladder::softmax_steps);
    for (const auto& [m, n] : {std::pair<std::size_t, std::size_t>{1, 1}, {3, 7}, {17, 33}, {40, 1031}}) {
        const Matrix X = random<Matrix>({m, n}, m + n, 300.0);
        const Matrix R = ref::softmax(X, 1);
        const double tol = (6.0 * static_cast<double>(n) + 20) * u;
        for (std::size_t k = 0; k < std::size(steps); ++k) {
            const Matrix Y = steps[k](X);
            EXPECT_TRUE(agree_elementwise(Y, R, [&](std::size_t i) { return tol * R.data()[i] + kTiny; }))
                << "step " << k + 1 << ", " << m << " x " << n;
        }
    }
}
