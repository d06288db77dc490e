// Floating point, reference twin: the facts of float and double found by the
// code against std::numeric_limits, and every worked example of the section
// pinned (absorption, exp overflow and underflow, inf - inf, log(0),
// log(-1), sqrt's slope at 0, subnormals).

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>

#include "dlmath/numeric.hpp"
#include "dlmath/reference/numerical.hpp"
#include "prelude.hpp"

namespace {

template <class T>
class FloatingPoint : public ::testing::Test {};
using Scalars = ::testing::Types<float, double>;
TYPED_TEST_SUITE(FloatingPoint, Scalars);

TYPED_TEST(FloatingPoint, MachineEpsilonFoundByHalvingIsNumericLimitsEpsilon) {
    using T = TypeParam;
    EXPECT_EQ(ref::machine_epsilon<T>(), std::numeric_limits<T>::epsilon());
    EXPECT_EQ(ref::machine_epsilon<T>() / T(2), dlmath::unit_roundoff<T>());
    // one ulp of 1 is epsilon; half of it is absorbed by 1
    EXPECT_EQ(dlmath::ulp(T(1)), ref::machine_epsilon<T>());
    EXPECT_EQ(T(1) + dlmath::unit_roundoff<T>(), T(1));  // the tie rounds to even: 1
}

TYPED_TEST(FloatingPoint, SmallestSubnormalFoundByHalvingIsDenormMin) {
    using T = TypeParam;
    const T tiny = ref::smallest_subnormal<T>();
    EXPECT_EQ(tiny, std::numeric_limits<T>::denorm_min());
    EXPECT_EQ(tiny / T(2), T(0));
    EXPECT_EQ(dlmath::ulp(T(0)), tiny);
    // gradual underflow: below the smallest normal the numbers keep a fixed spacing
    const T min_normal = std::numeric_limits<T>::min();
    EXPECT_GT(min_normal / T(2), T(0));
    EXPECT_EQ(std::fpclassify(min_normal / T(2)), FP_SUBNORMAL);
    EXPECT_EQ(dlmath::ulp(min_normal / T(4)), tiny);
    // x - y == 0 only when x == y, even for neighbours just above the smallest normal
    const T x = std::nextafter(min_normal, T(1));
    EXPECT_NE(x - min_normal, T(0));
}

// The thresholds are found with the library's exp (std::exp) and compared
// with log of the limits, rounded to T: a correctly rounded exp and log put
// them within one ulp of each other; glibc's are within one ulp of correct,
// so 2 ulps is what a correct bisection can be off by.
TYPED_TEST(FloatingPoint, ExpOverflowThresholdIsLogOfMax) {
    using T = TypeParam;
    const T x = ref::exp_overflow_threshold<T>();
    EXPECT_TRUE(std::isfinite(std::exp(x)));
    EXPECT_TRUE(std::isinf(std::exp(std::nextafter(x, std::numeric_limits<T>::infinity()))));
    const T expected = static_cast<T>(std::log(static_cast<long double>(std::numeric_limits<T>::max())));
    EXPECT_LE(dlmath::ulp_distance(x, expected), 2u) << x << " vs log(max) = " << expected;
}

TYPED_TEST(FloatingPoint, ExpUnderflowThresholdIsLogOfSmallestSubnormal) {
    using T = TypeParam;
    const T x = ref::exp_underflow_threshold<T>();
    EXPECT_GT(std::exp(x), T(0));
    EXPECT_EQ(std::exp(std::nextafter(x, -std::numeric_limits<T>::infinity())), T(0));
    // exp(x) rounds to denorm_min from x = log(denorm_min / 2) up: half an ulp of 0 below log(denorm_min)
    const T expected =
        static_cast<T>(std::log(static_cast<long double>(std::numeric_limits<T>::denorm_min()) / 2.0L));
    EXPECT_LE(dlmath::ulp_distance(x, expected), 2u) << x << " vs log(denorm_min / 2) = " << expected;
}

TYPED_TEST(FloatingPoint, ExpSubnormalThresholdIsLogOfSmallestNormal) {
    using T = TypeParam;
    const T x = ref::exp_subnormal_threshold<T>();
    EXPECT_EQ(std::fpclassify(std::exp(x)), FP_NORMAL);
    EXPECT_EQ(std::fpclassify(std::exp(std::nextafter(x, -std::numeric_limits<T>::infinity()))), FP_SUBNORMAL);
    const T expected = static_cast<T>(std::log(static_cast<long double>(std::numeric_limits<T>::min())));
    EXPECT_LE(dlmath::ulp_distance(x, expected), 2u) << x << " vs log(min) = " << expected;
    EXPECT_LT(ref::exp_underflow_threshold<T>(), x);
}

TEST(FloatingPointUlps, SpacingGrowsWithMagnitude) {
    // ulp(1e8f) = 8: 1e8 lies in [2^26, 2^27), where floats are 2^(26-23) apart
    EXPECT_EQ(dlmath::ulp(1e8f), 8.0f);
    EXPECT_EQ(1e8f + 1.0f, 1e8f);
    EXPECT_EQ(1e8f + 8.0f, 100000008.0f);
    EXPECT_EQ(dlmath::ulp(1e8), std::ldexp(1.0, 26 - 52));
    EXPECT_EQ(dlmath::ulp_distance(1.0f, std::nextafter(1.0f, 2.0f)), 1u);
    EXPECT_EQ(dlmath::ulp_distance(-0.0, 0.0), 0u);
    EXPECT_EQ(dlmath::ulp_distance(1.0f, 2.0f), std::uint64_t{1} << 23);  // a binade holds 2^23 floats
}

TEST(FloatingPointBisection, FindsTheBoundaryBetweenNeighbours) {
    // the last double below 2.5 where x < 2.5 holds is the neighbour of 2.5
    EXPECT_EQ(ref::last_before_change(0.0, 10.0, [](double x) { return x < 2.5; }), std::nextafter(2.5, 0.0));
    EXPECT_EQ(ref::last_before_change(0.0f, 10.0f, [](float x) { return x < 2.5f; }), std::nextafter(2.5f, 0.0f));
}

// ▶ float32: argmax([0, 1e-8]) = 1 but argmax([0, 1e-8] + 1) = 0.
TEST(FloatingPointExamples, Float32ArgmaxAbsorption) {
    const std::array<float, 2> a{0.0f, 1e-8f};
    const std::array<float, 2> shifted{a[0] + 1.0f, a[1] + 1.0f};
    auto argmax = [](const std::array<float, 2>& v) { return std::distance(v.begin(), std::max_element(v.begin(), v.end())); };
    EXPECT_EQ(argmax(a), 1);
    EXPECT_EQ(argmax(shifted), 0);
    EXPECT_EQ(shifted[1], 1.0f);
    // in double 1 + 1e-8 survives (u = 1.1e-16), so argmax stays 1
    const std::array<double, 2> d{0.0 + 1.0, 1e-8 + 1.0};
    EXPECT_EQ(std::distance(d.begin(), std::max_element(d.begin(), d.end())), 1);
}

// ▶ exp overflows float32 near x = 88.72: exp(88.72f) is finite, exp(89.0f) is inf.
TEST(FloatingPointExamples, ExpOverflowsFloat32Near8872) {
    EXPECT_TRUE(std::isfinite(std::exp(88.72f)));
    EXPECT_TRUE(std::isinf(std::exp(89.0f)));
    EXPECT_NEAR(ref::exp_overflow_threshold<float>(), 88.7228f, 1e-4f);
    EXPECT_TRUE(std::isfinite(std::exp(89.0)));  // double overflows only past 709.78
    EXPECT_NEAR(ref::exp_overflow_threshold<double>(), 709.782712893384, 1e-12);
}

// ▶ exp of very negative x underflows to 0, fatal inside a log or a denominator.
TEST(FloatingPointExamples, ExpUnderflowIsFatalInsideLogAndDenominator) {
    const double e = std::exp(-800.0);
    EXPECT_EQ(e, 0.0);
    EXPECT_EQ(std::log(e), -kInf);  // the true log(exp(-800)) is -800
    // a ratio of two underflowed terms: the true exp(-800) / (exp(-800) + exp(-801)) is 1 / (1 + 1/e) = 0.731
    EXPECT_TRUE(std::isnan(e / (e + std::exp(-801.0))));
    EXPECT_EQ(std::exp(-110.0f), 0.0f);  // float underflows already at -104
    EXPECT_EQ(std::log(std::exp(-110.0f)), -std::numeric_limits<float>::infinity());
}

// ▶ if x and y both overflow to inf, x - y = NaN.
TEST(FloatingPointExamples, InfMinusInfIsNaN) {
    const double x = std::exp(1000.0), y = std::exp(1000.0);
    EXPECT_EQ(x, kInf);
    EXPECT_TRUE(std::isnan(x - y));  // the true difference is 0
    EXPECT_TRUE(std::isnan(x / y));
    EXPECT_TRUE(std::isnan(0.0 * x));
}

// ▶ log(0) = -inf, log of a negative is NaN, sqrt has an infinite derivative at 0.
TEST(FloatingPointExamples, LogOfZeroAndNegativeAndSqrtSlope) {
    EXPECT_EQ(std::log(0.0), -kInf);
    EXPECT_EQ(std::log(0.0f), -std::numeric_limits<float>::infinity());
    EXPECT_TRUE(std::isnan(std::log(-1.0)));
    // d/dx sqrt(x) = 1 / (2 sqrt(x)) is +inf at 0, and the difference quotient grows like 1/sqrt(h)
    EXPECT_EQ(1.0 / (2.0 * std::sqrt(0.0)), kInf);
    const double q1 = (std::sqrt(1e-8) - std::sqrt(0.0)) / 1e-8, q2 = (std::sqrt(1e-16) - std::sqrt(0.0)) / 1e-16;
    EXPECT_DOUBLE_EQ(q1, 1e4);
    EXPECT_DOUBLE_EQ(q2, 1e8);
}

// ▶ subnormals: the smallest double is 2^-1074 = 4.94e-324, float's 2^-149 = 1.4e-45.
TEST(FloatingPointExamples, SmallestSubnormals) {
    EXPECT_EQ(ref::smallest_subnormal<double>(), std::ldexp(1.0, -1074));
    EXPECT_EQ(ref::smallest_subnormal<float>(), std::ldexp(1.0f, -149));
}

// The relative error model fl(x op y) = (x op y)(1 + delta), |delta| <= u,
// checked on products of floats, whose exact value a double holds.
TEST(FloatingPointModel, FloatProductsHaveRelativeErrorAtMostU) {
    rc::check("|fl(x*y) - x*y| <= u |x*y| for float", [](int a, int b) {
        const float x = static_cast<float>(a % 100000) / 7.0f, y = static_cast<float>(b % 100000) / 3.0f;
        const double exact = static_cast<double>(x) * static_cast<double>(y);  // 48 bits: exact in double
        const double rounded = static_cast<double>(x * y);
        RC_ASSERT(std::fabs(rounded - exact) <= static_cast<double>(dlmath::unit_roundoff<float>()) * std::fabs(exact));
    });
}

}  // namespace
