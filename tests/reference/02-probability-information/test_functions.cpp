// The logistic sigmoid and softplus, reference twin: worked values, the
// whole double range (no overflow, no early underflow), a long-double
// oracle, and the identities as RapidCheck properties.

#include <cmath>
#include <cstdint>

#include "dlmath/reference/probability.hpp"
#include "prelude.hpp"

namespace {

// Oracles in long double (64-bit significand on x86: 11 bits beyond double),
// the textbook formulas, which are accurate in that precision for |x| < 700.
double sigmoid_oracle(double x) { return static_cast<double>(1.0L / (1.0L + std::exp(-static_cast<long double>(x)))); }
double softplus_oracle(double x) { return static_cast<double>(std::log1p(std::exp(static_cast<long double>(x)))); }

}  // namespace

// ---------------------------------------------------------------- worked examples

// ▶ sigma(0) = 1/2 and softplus(0) = ln 2 exactly (one correctly rounded log1p(1)).
TEST(FunctionsWorkedExample, AtZero) {
    EXPECT_EQ(ref::sigmoid(0.0), 0.5);
    EXPECT_EQ(ref::softplus(0.0), std::log(2.0));
    // sigma(ln 3) = 3/4: the odds of 3 to 1; exp(-ln 3) = 1/3 rounded, so a few ulps
    EXPECT_LE(dlmath::testing::ulp_distance(ref::sigmoid(std::log(3.0)), 0.75), 2u);
}

// ▶ No overflow anywhere in the range: sigma(+-1000) = 1, 0 and
// softplus(1000) = 1000, softplus(-1000) = 0 (e^-1000 is below the smallest double).
TEST(FunctionsWorkedExample, TheWholeDoubleRange) {
    EXPECT_EQ(ref::sigmoid(1000.0), 1.0);
    EXPECT_EQ(ref::sigmoid(-1000.0), 0.0);
    EXPECT_EQ(ref::softplus(1000.0), 1000.0);
    EXPECT_EQ(ref::softplus(-1000.0), 0.0);
    EXPECT_EQ(ref::softplus(1e308), 1e308);
    EXPECT_EQ(ref::sigmoid(kInf), 1.0);
    EXPECT_EQ(ref::sigmoid(-kInf), 0.0);
    EXPECT_EQ(ref::softplus(kInf), kInf);
    EXPECT_EQ(ref::softplus(-kInf), 0.0);
}

// softplus(x) = x once e^-x < u x / 2 (x > 37 or so): log1p adds less than half an ulp.
TEST(Functions, SoftplusIsTheIdentityForLargeX) {
    for (double x : {40.0, 100.0, 709.0, 1e10}) EXPECT_EQ(ref::softplus(x), x) << x;
    EXPECT_GT(ref::softplus(30.0), 30.0);  // e^-30 = 9e-14 is still above half an ulp of 30
}

// For very negative x both are e^x to full accuracy (no 1 + e^x rounded to 1 too early):
// log1p(t) = t and t / (1 + t) = t once t < u. Down into the subnormals they are std::exp itself.
TEST(Functions, VeryNegativeArgumentsGiveExpOfX) {
    for (double x : {-40.0, -300.0, -700.0, -740.0}) {
        EXPECT_EQ(ref::sigmoid(x), std::exp(x)) << x;
        EXPECT_EQ(ref::softplus(x), std::exp(x)) << x;
    }
    EXPECT_GT(ref::sigmoid(-744.0), 0.0);  // a subnormal, not 0
    EXPECT_EQ(ref::sigmoid(-746.0), 0.0);  // below half the smallest subnormal
}

// Against the long-double oracle across [-700, 700]: the exp, one addition and
// one division each round by about u, the exp by 1 ulp: 4 ulp allowed.
TEST(Functions, AgainstALongDoubleOracle) {
    for (double x = -700.0; x <= 700.0; x += 0.37) {
        EXPECT_LE(dlmath::testing::ulp_distance(ref::sigmoid(x), sigmoid_oracle(x)), 4u) << x;
        EXPECT_LE(dlmath::testing::ulp_distance(ref::softplus(x), softplus_oracle(x)), 4u) << x;
    }
}

TEST(Functions, VectorOverloadsApplyEveryEntry) {
    const Vector x = {-1000.0, -3.5, 0.0, 2.25, 1000.0, kNaN};
    const Vector s = ref::sigmoid(x), z = ref::softplus(x);
    ASSERT_EQ(s.size(), x.size());
    for (std::size_t i = 0; i + 1 < x.size(); ++i) {
        EXPECT_EQ(s(i), ref::sigmoid(x(i)));
        EXPECT_EQ(z(i), ref::softplus(x(i)));
    }
    EXPECT_EQ(ref::sigmoid(Vector{}).size(), 0u);
}

// No input is rejected: NaN is not bad input here but a value that IEEE
// arithmetic carries through (SciPy's expit(nan) is nan).
TEST(FunctionsBadInput, NanPropagatesAndNothingIsRejected) {
    EXPECT_TRUE(std::isnan(ref::sigmoid(kNaN)));
    EXPECT_TRUE(std::isnan(ref::softplus(kNaN)));
    EXPECT_TRUE(std::isnan(ref::sigmoid(Vector{kNaN})(0)));
    EXPECT_TRUE(std::isnan(ref::softplus(Vector{kNaN})(0)));
}

// ---------------------------------------------------------------- properties

rc::Gen<double> argument() {
    return rc::gen::map(rc::gen::inRange(-800000, 800001), [](int k) { return k / 1000.0; });
}

// softplus(x) - softplus(-x) = x. For x >= 0 both share L = log1p(e^-x)
// bit for bit: fl(fl(x + L) - L) is within u (|x| + L) + u |x| of x, and L <= ln 2.
RC_GTEST_PROP(FunctionsProperties, SoftplusDifferenceIsX, ()) {
    const double x = *argument();
    RC_ASSERT(std::fabs(ref::softplus(x) - ref::softplus(-x) - x) <= 2 * u * (std::fabs(x) + 1.0));
}

// sigma(-x) = 1 - sigma(x): for x >= 0, 1 - sigma(x) is exact (Sterbenz) and
// the two sigmas carry at most 3u relative each, of values <= 1: 6u absolute.
RC_GTEST_PROP(FunctionsProperties, SigmoidIsSymmetric, ()) {
    const double x = *argument();
    RC_ASSERT(std::fabs(ref::sigmoid(-x) - (1.0 - ref::sigmoid(x))) <= 6 * u);
}

// sigma'(x) = sigma(x)(1 - sigma(x)) and softplus'(x) = sigma(x), by central
// differences with the step actually taken (xp - xm): truncation
// (h^2 / 6) max|f'''| <= 2e-12 (|sigma''| <= 0.1, |sigma'''| <= 1/8), rounding
// 2 * 3u * max|f| / (2h): 3.3e-11 for sigma; softplus values are larger, up to
// |x| + 1, so its rounding term is 3u (|x| + 1) / h.
RC_GTEST_PROP(FunctionsProperties, DerivativesBySigmoid, ()) {
    const double x = *rc::gen::map(rc::gen::inRange(-30000, 30001), [](int k) { return k / 1000.0; });
    const double h = 1e-5, xp = x + h, xm = x - h, step = xp - xm;
    const double s = ref::sigmoid(x);
    const double ds = (ref::sigmoid(xp) - ref::sigmoid(xm)) / step;
    RC_ASSERT(std::fabs(ds - s * (1.0 - s)) <= 2e-12 + 3 * u / h + 4 * u);
    const double dz = (ref::softplus(xp) - ref::softplus(xm)) / step;
    RC_ASSERT(std::fabs(dz - s) <= 2e-12 + 3 * u * (std::fabs(x) + 1.0) / h + 4 * u);
}

// 0 <= sigma <= 1, softplus >= max(x, 0), and log sigma(x) = -softplus(-x).
RC_GTEST_PROP(FunctionsProperties, RangesAndTheLogSigmoid, ()) {
    const double x = *argument();
    const double s = ref::sigmoid(x);
    RC_ASSERT(s >= 0.0 && s <= 1.0);
    RC_ASSERT(ref::softplus(x) >= std::fmax(x, 0.0));
    if (x > -700.0) {  // where sigma(x) is a normal number, its log is accurate to a few u relative
        RC_ASSERT(std::fabs(std::log(s) + ref::softplus(-x)) <= 8 * u * (std::fabs(std::log(s)) + 1.0));
    }
}
