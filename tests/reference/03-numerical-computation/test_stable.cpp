// Stable formulas, reference twin: the worked examples of section 3.2, the
// edge values of SciPy, the naive forms failing where the stable ones do
// not, a long-double oracle, and the properties of softmax and logsumexp
// as RapidCheck properties.

#include <cmath>
#include <cstdint>
#include <vector>

#include "dlmath/reference/numerical.hpp"
#include "dlmath/reference/probability.hpp"
#include "prelude.hpp"

namespace {

using FVector = xt::xtensor<float, 1>;

Vector vec(std::initializer_list<double> v) {
    Vector x = Vector::from_shape({v.size()});
    std::size_t i = 0;
    for (double e : v) x(i++) = e;
    return x;
}

// log sum e^(a_i) in long double with the max shift: 11 more bits than double.
double lse_oracle(const Vector& a) {
    long double m = a(0);
    for (double e : a) m = std::fmax(m, static_cast<long double>(e));
    long double s = 0;
    for (double e : a) s += std::exp(static_cast<long double>(e) - m);
    return static_cast<double>(m + std::log(s));
}

}  // namespace

// ---------------------------------------------------------------- worked examples

// ▶ logsumexp([1000, 1000]) = 1000 + ln 2 where the naive form overflows to +inf.
TEST(StableWorkedExample, LogsumexpOfLargeEntries) {
    const Vector a = vec({1000.0, 1000.0});
    EXPECT_EQ(ref::logsumexp_naive(a), kInf);
    EXPECT_EQ(ref::logsumexp(a), 1000.0 + std::log(2.0));
    // and of very negative ones: the naive form gives log 0 = -inf
    const Vector b = vec({-1000.0, -1000.0});
    EXPECT_EQ(ref::logsumexp_naive(b), -kInf);
    EXPECT_EQ(ref::logsumexp(b), -1000.0 + std::log(2.0));
}

// ▶ One dominant term: logsumexp([0, -40]) = log1p(e^-40) = 4.248e-18, not 0.
TEST(StableWorkedExample, DominantTermKeepsItsDigits) {
    const double v = ref::logsumexp(vec({0.0, -40.0}));
    EXPECT_GT(v, 0.0);
    EXPECT_LE(dlmath::testing::ulp_distance(v, std::exp(-40.0)), 1u);  // log1p(t) = t to 1 ulp for t = 4e-18
    EXPECT_NEAR(v, 4.248354255291589e-18, 1e-30);
}

// ▶ softmax([1000, 1000, 1000]) = 1/3 each; the naive one is inf/inf = NaN.
TEST(StableWorkedExample, SoftmaxOfLargeLogits) {
    const Vector x = vec({1000.0, 1000.0, 1000.0});
    const Vector naive = ref::softmax_naive(x), stable = ref::softmax(x);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_TRUE(std::isnan(naive(i)));
        EXPECT_EQ(stable(i), 1.0 / 3.0);
    }
}

// ▶ In float the naive softmax breaks already at 89 (e^88.73 > FLT_MAX); the stable one does not.
TEST(StableWorkedExample, FloatOverflowsNear88) {
    FVector x = FVector::from_shape({2});
    x(0) = 89.0f;
    x(1) = 0.0f;
    EXPECT_TRUE(std::isnan(ref::softmax_naive(x)(0)));
    EXPECT_NEAR(ref::softmax(x)(0), 1.0f, 1e-7f);
    EXPECT_EQ(ref::logsumexp_naive(x), std::numeric_limits<float>::infinity());
    EXPECT_EQ(ref::logsumexp(x), 89.0f);  // log1p(e^-89) = 2e-39 is far below half an ulp of 89
    x(0) = 88.0f;  // still finite: e^88 = 1.65e38 < FLT_MAX = 3.4e38
    EXPECT_TRUE(std::isfinite(ref::softmax_naive(x)(0)));
}

// ▶ A far logit: log_softmax([0, -1000]) = [-0, -1000]; log(softmax) gives -inf for the second.
TEST(StableWorkedExample, LogSoftmaxOfAFarLogit) {
    const Vector x = vec({0.0, -1000.0});
    const Vector ls = ref::log_softmax(x);
    EXPECT_EQ(ls(0), 0.0);
    EXPECT_EQ(ls(1), -1000.0);
    EXPECT_EQ(std::log(ref::softmax(x)(1)), -kInf);
}

// ▶ Cross-entropy of a far logit: 1000 from the logits, +inf from the probabilities.
TEST(StableWorkedExample, CrossEntropyFromLogitsVsProbabilities) {
    const Vector z = vec({0.0, -1000.0});
    EXPECT_EQ(ref::cross_entropy_from_logits(z, 1), 1000.0);
    EXPECT_EQ(ref::cross_entropy_from_probabilities(ref::softmax(z), 1), kInf);
    EXPECT_EQ(ref::cross_entropy_from_logits(z, vec({0.0, 1.0})), 1000.0);
    // an ordinary case: the two agree, -log(1/2) = ln 2
    EXPECT_DOUBLE_EQ(ref::cross_entropy_from_logits(vec({3.0, 3.0}), 0), std::log(2.0));
    EXPECT_DOUBLE_EQ(ref::cross_entropy_from_probabilities(vec({0.5, 0.5}), 0), std::log(2.0));
}

// ▶ log sigma(-1000) = -1000 (log of the underflowed sigmoid is -inf); log sigma(40) = -e^-40.
TEST(StableWorkedExample, LogSigmoidOverTheRange) {
    EXPECT_EQ(ref::log_sigmoid(-1000.0), -1000.0);
    EXPECT_EQ(std::log(ref::sigmoid(-1000.0)), -kInf);
    EXPECT_LE(dlmath::testing::ulp_distance(ref::log_sigmoid(40.0), -std::exp(-40.0)), 1u);
    EXPECT_EQ(std::log(ref::sigmoid(40.0)), 0.0);  // 1 - e^-40 rounds to 1
    EXPECT_EQ(ref::log_sigmoid(0.0), -std::log(2.0));
    EXPECT_EQ(ref::log_sigmoid(kInf), 0.0);
    EXPECT_EQ(ref::log_sigmoid(-kInf), -kInf);
    EXPECT_TRUE(std::isnan(ref::log_sigmoid(kNaN)));
    // log sigma(x) = -softplus(-x), chapter 2's function
    for (double x : {-30.0, -1.0, 0.5, 3.0, 50.0}) EXPECT_EQ(ref::log_sigmoid(x), -ref::softplus(-x)) << x;
}

// ---------------------------------------------------------------- SciPy's edge values

TEST(Stable, LogsumexpEdgeValuesAsScipy) {
    EXPECT_EQ(ref::logsumexp(Vector::from_shape({0})), -kInf);
    EXPECT_EQ(ref::logsumexp(vec({-kInf, -kInf})), -kInf);
    EXPECT_EQ(ref::logsumexp(vec({1.0, kInf, -kInf})), kInf);
    EXPECT_TRUE(std::isnan(ref::logsumexp(vec({1.0, kNaN, 2.0}))));
    EXPECT_TRUE(std::isnan(ref::logsumexp(vec({kInf, kNaN}))));
    EXPECT_EQ(ref::logsumexp(vec({5.0})), 5.0);
}

TEST(Stable, WeightedLogsumexp) {
    // a zero weight removes its term, even for a huge or infinite a
    EXPECT_EQ(ref::logsumexp(vec({1e308, 0.0}), vec({0.0, 1.0})), 0.0);
    EXPECT_EQ(ref::logsumexp(vec({kInf, 2.0}), vec({0.0, 1.0})), 2.0);
    // log(2 e^1) = 1 + ln 2
    EXPECT_DOUBLE_EQ(ref::logsumexp(vec({1.0}), vec({2.0})), 1.0 + std::log(2.0));
    // log(e^3 - e^1 / 2) against the oracle
    EXPECT_NEAR(ref::logsumexp(vec({3.0, 1.0}), vec({1.0, -0.5})), std::log(std::exp(3.0) - 0.5 * std::exp(1.0)),
                4 * u * 3.0);
    // a negative total: NaN, and the signed variant gives its log and sign -1
    EXPECT_TRUE(std::isnan(ref::logsumexp(vec({1.0, 2.0}), vec({1.0, -1.0}))));
    const auto s = ref::logsumexp_signed(vec({1.0, 2.0}), vec({1.0, -1.0}));
    EXPECT_EQ(s.sign, -1.0);
    EXPECT_NEAR(s.value, std::log(std::exp(2.0) - std::exp(1.0)), 4 * u * 2.0);
    // a zero total: (-inf, 0); all weights zero: an empty sum
    const auto z = ref::logsumexp_signed(vec({1.0, 1.0}), vec({1.0, -1.0}));
    EXPECT_EQ(z.value, -kInf);
    EXPECT_EQ(z.sign, 0.0);
    EXPECT_EQ(ref::logsumexp(vec({1.0, 2.0}), vec({0.0, 0.0})), -kInf);
    // a dominant positive term keeps the log1p accuracy: log(1 + 1e-20)
    EXPECT_EQ(ref::logsumexp(vec({0.0, -46.0517}), vec({1.0, 1.0})), ref::logsumexp(vec({0.0, -46.0517})));
    EXPECT_GT(ref::logsumexp(vec({0.0, -40.0}), vec({1.0, 1.0})), 0.0);
}

TEST(Stable, LogaddexpAsNumpy) {
    EXPECT_EQ(ref::logaddexp(1000.0, 1000.0), 1000.0 + std::log(2.0));
    EXPECT_EQ(ref::logaddexp(0.0, -40.0), ref::logsumexp(vec({0.0, -40.0})));
    EXPECT_EQ(ref::logaddexp(kInf, kInf), kInf);
    EXPECT_EQ(ref::logaddexp(-kInf, -kInf), -kInf);
    EXPECT_EQ(ref::logaddexp(-kInf, 3.0), 3.0);
    EXPECT_TRUE(std::isnan(ref::logaddexp(kNaN, 1.0)));
    EXPECT_EQ(ref::logaddexp(1.0f, 1.0f), 1.0f + std::log(2.0f));
}

TEST(Stable, Logit) {
    EXPECT_EQ(ref::logit(0.5), 0.0);
    EXPECT_EQ(ref::logit(0.0), -kInf);
    EXPECT_EQ(ref::logit(1.0), kInf);
    EXPECT_TRUE(std::isnan(ref::logit(kNaN)));
    // logit(sigma(x)) = x up to the rounding of sigma (relative u, amplified by 1/(1 - sigma))
    for (double x : {-30.0, -2.0, 0.3, 2.0, 10.0}) {
        const double s = ref::sigmoid(x);
        EXPECT_NEAR(ref::logit(s), x, 8 * u / (1.0 - s) + 8 * u * std::fabs(x)) << x;
    }
    // a small p keeps its digits: logit(1e-300) = log(1e-300) (1 - p is exactly 1)
    EXPECT_EQ(ref::logit(1e-300), std::log(1e-300));
}

TEST(Stable, MatrixAxes) {
    Matrix X = {{1.0, 2.0, 3.0}, {1000.0, 0.0, -1000.0}};
    const Vector r = ref::logsumexp(X, 1), c = ref::logsumexp(X, 0);
    ASSERT_EQ(r.size(), 2u);
    ASSERT_EQ(c.size(), 3u);
    EXPECT_EQ(r(0), ref::logsumexp(vec({1.0, 2.0, 3.0})));
    EXPECT_EQ(r(1), 1000.0);
    EXPECT_EQ(c(0), 1000.0);
    EXPECT_EQ(c(1), ref::logsumexp(vec({2.0, 0.0})));
    EXPECT_EQ(ref::logsumexp(X), 1000.0);
    const Matrix S1 = ref::softmax(X, 1), S0 = ref::softmax(X, 0), S = ref::softmax(X);
    const Matrix L1 = ref::log_softmax(X, 1), L0 = ref::log_softmax(X, 0), L = ref::log_softmax(X);
    for (std::size_t i = 0; i < 2; ++i) {
        const Vector row = ref::softmax(Vector(xt::row(X, i)));
        for (std::size_t j = 0; j < 3; ++j) EXPECT_EQ(S1(i, j), row(j));
    }
    for (std::size_t j = 0; j < 3; ++j) {
        const Vector col = ref::log_softmax(Vector(xt::col(X, j)));
        for (std::size_t i = 0; i < 2; ++i) EXPECT_EQ(L0(i, j), col(i));
        EXPECT_NEAR(S0(0, j) + S0(1, j), 1.0, 4 * u);
    }
    EXPECT_EQ(S(1, 0), 1.0);
    EXPECT_EQ(L(1, 0), 0.0);
    EXPECT_EQ(L1(1, 2), -2000.0);
}

// ---------------------------------------------------------------- bad input

TEST(Stable, BadInput) {
    const Matrix X = {{1.0, 2.0}};
    EXPECT_EQ(what_of([&] { ref::logsumexp(X, 2); }),
              "logsumexp: axis must be 0 (columns) or 1 (rows) (got axis = 2 for a matrix of shape 1x2)");
    EXPECT_THROW(ref::softmax(X, -1), dlmath::domain_error);
    EXPECT_THROW(ref::log_softmax(X, 3), dlmath::domain_error);
    EXPECT_EQ(what_of([&] { ref::logsumexp(vec({1.0, 2.0}), vec({1.0})); }),
              "logsumexp: a and b must have the same length (a has 2 elements, b has 1)");
    EXPECT_THROW(ref::logsumexp_signed(vec({1.0}), vec({1.0, 2.0})), dlmath::shape_error);
    EXPECT_EQ(what_of([] { ref::logit(1.5); }), "logit: p must be in [0, 1] (got p = 1.5)");
    EXPECT_THROW(ref::logit(-0.1f), dlmath::domain_error);
    EXPECT_EQ(what_of([] { ref::cross_entropy_from_logits(vec({1.0, 2.0}), 2); }),
              "cross_entropy_from_logits: label must be below the number of classes (got label = 2 for 2 classes)");
    EXPECT_THROW(ref::cross_entropy_from_logits(Vector::from_shape({0}), 0), dlmath::shape_error);
    EXPECT_THROW(ref::cross_entropy_from_logits(vec({1.0, 2.0}), vec({1.0})), dlmath::shape_error);
    EXPECT_THROW(ref::cross_entropy_from_logits(vec({1.0, 2.0}), vec({0.7, 0.7})), dlmath::domain_error);
    EXPECT_THROW(ref::cross_entropy_from_logits(vec({1.0, 2.0}), vec({-0.5, 1.5})), dlmath::domain_error);
    EXPECT_THROW(ref::cross_entropy_from_probabilities(vec({0.5, 0.5}), 5), dlmath::domain_error);
    EXPECT_THROW(ref::cross_entropy_from_probabilities(vec({1.5, -0.5}), 0), dlmath::domain_error);
}

// ---------------------------------------------------------------- properties

namespace {
// n normal entries of standard deviation `scale`, clamped to [-1e308, 1e308] (a draw of a
// normal with a deviation of 1e308 can round to +-inf)
Vector draw(std::size_t n, double scale) {
    Vector x = random<Vector>({n}, *rc::gen::arbitrary<std::uint32_t>(), scale);
    for (double& e : x) e = std::fmax(-1e308, std::fmin(1e308, e));
    return x;
}
}  // namespace

// Within (n + 4)u relative of a long-double oracle with the max shift, plus |m| u absolute
// for the final addition m + log1p(r) (the oracle's own error is 2^-11 of that).
RC_GTEST_PROP(StableProperties, LogsumexpMatchesTheOracle, ()) {
    const std::size_t n = *rc::gen::inRange<std::size_t>(1, 200);
    const double scale = *rc::gen::element(1.0, 50.0, 1e3, 1e300);
    const Vector a = draw(n, scale);
    const double v = ref::logsumexp(a), o = lse_oracle(a);
    RC_ASSERT(std::fabs(v - o) <= (static_cast<double>(n) + 4) * u * std::fabs(o) + 4 * u);
}

// Never overflows where the true value is finite (entries up to +-1e308), and equals the
// naive form where that is finite, within the naive form's own rounding ((n + 2)u relative
// on the sum, n u on each exp).
RC_GTEST_PROP(StableProperties, LogsumexpNeverOverflowsAndMatchesTheNaiveForm, ()) {
    const std::size_t n = *rc::gen::inRange<std::size_t>(1, 100);
    const double scale = *rc::gen::element(10.0, 700.0, 1e5, 1e308);
    const Vector a = draw(n, scale);
    const double v = ref::logsumexp(a), naive = ref::logsumexp_naive(a);
    RC_ASSERT(std::isfinite(v));
    if (std::isfinite(naive) && naive != 0.0) {
        RC_ASSERT(std::fabs(v - naive) <= 2 * (static_cast<double>(n) + 4) * u * (1.0 + std::fabs(v)));
    }
}

// softmax sums to 1 (within (n + 4) u: n roundings of the sum, one per division), has entries
// in [0, 1], and is invariant to adding a constant c: x + c moves m and every x_i by c, so the
// exponents x_i - m change by the rounding of x_i + c only, at most u |x_i + c| each.
RC_GTEST_PROP(StableProperties, SoftmaxSumsToOneAndIsShiftInvariant, ()) {
    const std::size_t n = *rc::gen::inRange<std::size_t>(1, 100);
    const double scale = *rc::gen::element(1.0, 30.0, 1000.0, 1e6);
    const Vector x = draw(n, scale);
    const Vector p = ref::softmax(x);
    double s = 0.0;
    for (double e : p) {
        RC_ASSERT(e >= 0.0);
        RC_ASSERT(e <= 1.0);
        s += e;
    }
    RC_ASSERT(std::fabs(s - 1.0) <= (2.0 * static_cast<double>(n) + 4) * u);
    const double c = static_cast<double>(*rc::gen::inRange(-1000, 1000));
    const Vector q = ref::softmax(Vector(x + c));
    double big = 0.0;
    for (double e : x) big = std::fmax(big, std::fabs(e) + std::fabs(c));
    // an exponent moves by at most 2u big (x_i + c and m + c rounded), its exp by that relative
    const double tol = (2.0 * big + 2.0 * static_cast<double>(n) + 8) * u;
    for (std::size_t i = 0; i < n; ++i) RC_ASSERT(std::fabs(q(i) - p(i)) <= tol * p(i) + 1e-300);
}

// log_softmax = log(softmax) where the latter is finite (within the log's and the
// softmax's relative error, u + (2n + 4)u, as an absolute error on the log, plus u |x_i - lse|),
// and log_softmax stays finite where log(softmax) is -inf.
RC_GTEST_PROP(StableProperties, LogSoftmaxIsLogOfSoftmaxWhereThatIsFinite, ()) {
    const std::size_t n = *rc::gen::inRange<std::size_t>(1, 60);
    const double scale = *rc::gen::element(1.0, 100.0, 2000.0);
    const Vector x = draw(n, scale);
    const Vector ls = ref::log_softmax(x), p = ref::softmax(x);
    for (std::size_t i = 0; i < n; ++i) {
        RC_ASSERT(std::isfinite(ls(i)));
        const double lp = std::log(p(i));
        if (std::isfinite(lp) && p(i) >= std::numeric_limits<double>::min()) {
            RC_ASSERT(std::fabs(ls(i) - lp) <= (2.0 * static_cast<double>(n) + 8) * u + 4 * u * std::fabs(ls(i)) +
                                                   4 * u * std::fabs(x(i)));
        }
    }
}

// float against double: the float logsumexp is within (n + 4) u_float of the double one.
RC_GTEST_PROP(StableProperties, FloatFollowsDouble, ()) {
    const std::size_t n = *rc::gen::inRange<std::size_t>(1, 50);
    const Vector x = draw(n, 80.0);
    FVector xf = FVector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) xf(i) = static_cast<float>(x(i));
    Vector xr = Vector::from_shape({n});  // the float inputs, exactly, in double
    for (std::size_t i = 0; i < n; ++i) xr(i) = static_cast<double>(xf(i));
    const double d = ref::logsumexp(xr);
    const double uf = dlmath::unit_roundoff<float>();
    RC_ASSERT(std::fabs(static_cast<double>(ref::logsumexp(xf)) - d) <=
              (static_cast<double>(n) + 4) * uf * (1.0 + std::fabs(d)));
}
