// Vectors, reference twin: worked examples, edge cases, bad input, and
// the mathematics of inner products and norms as RapidCheck properties.

#include <cmath>
#include <limits>

#include "dlmath/numeric.hpp"
#include "prelude.hpp"

// ---------------------------------------------------------------- worked examples

// ▶ <x, y> = -0.43 for x = [0.1, 0, -0.3], y = [-4.0, 0.05, 0.1].
// None of 0.1, -0.3, 0.05 is a binary fraction, so each is rounded when it
// is read. Of the products, 0.1*(-4) is exact (-4 is a power of two times
// -1: only the exponent changes) and 0*0.05 is 0; only -0.3*0.1 rounds, and
// then the sum. So float64 does not land on the double nearest -0.43: it
// lands one ulp beside it, at -0.43000000000000005 (the value NumPy
// prints). Five roundings of relative size <= u each could move the result
// by at most a few ulps; the exact count for this input, with every
// operation rounded as written (no fused multiply-add), is one.
TEST(WorkedExample, DotOfTheSyllabusVectors) {
    const Vector x = {0.1, 0.0, -0.3};
    const Vector y = {-4.0, 0.05, 0.1};
    const double d = ref::dot(x, y);
    EXPECT_EQ(dlmath::testing::ulp_distance(d, -0.43), 1u) << "dot = " << d;
    EXPECT_EQ(d, -0.43000000000000005);
}

TEST(WorkedExample, NormsOfAThreeFourFiveVector) {
    const Vector x = {3.0, -4.0};
    EXPECT_EQ(ref::norm(x, 2.0), 5.0);
    EXPECT_EQ(ref::norm(x, 1.0), 7.0);
    EXPECT_EQ(ref::norm(x, kInf), 4.0);
    // (3^3 + 4^3)^(1/3) = 91^(1/3); two roundings of pow and one of the scaling
    EXPECT_NEAR(ref::norm(x, 3.0), std::cbrt(91.0), 4 * u * std::cbrt(91.0));
}

// ---------------------------------------------------------------- edge cases

TEST(Dot, EmptySumIsZero) { EXPECT_EQ(ref::dot(Vector{}, Vector{}), 0.0); }

TEST(Dot, OneOfOnes) {
    // <x, 1> = sum_i x_i
    const Vector x = {1.5, -2.0, 4.25};
    const Vector ones = {1.0, 1.0, 1.0};
    EXPECT_EQ(ref::dot(x, ones), 3.75);
}

TEST(Dot, NanAndInfinityFollowIeee) {
    EXPECT_TRUE(std::isnan(ref::dot(Vector{1.0, kNaN}, Vector{1.0, 1.0})));
    EXPECT_EQ(ref::dot(Vector{kInf, 1.0}, Vector{1.0, 1.0}), kInf);
    EXPECT_TRUE(std::isnan(ref::dot(Vector{kInf, 0.0}, Vector{0.0, 1.0})));  // kInf * 0
}

TEST(Norm, EmptyVectorHasNormZero) {
    for (double p : {1.0, 2.0, 3.5, kInf}) EXPECT_EQ(ref::norm(Vector{}, p), 0.0) << "p = " << p;
}

TEST(Norm, ZeroVectorHasNormZero) {
    for (double p : {1.0, 2.0, 3.5, kInf}) EXPECT_EQ(ref::norm(Vector{0.0, -0.0, 0.0}, p), 0.0) << "p = " << p;
}

TEST(Norm, NoOverflowWhereTheNormIsFinite) {
    // ||(1e200, 1e200)||_2 = sqrt(2) * 1e200, although 1e200^2 overflows.
    const Vector x = {1e200, 1e200};
    EXPECT_NEAR(ref::norm(x, 2.0), std::sqrt(2.0) * 1e200, 4 * u * std::sqrt(2.0) * 1e200);
    EXPECT_NEAR(ref::norm(x, 10.0), std::pow(2.0, 0.1) * 1e200, 8 * u * 1.1 * 1e200);
}

TEST(Norm, NoUnderflowWhereTheNormIsNormal) {
    // ||(3e-200, 4e-200)||_2 = 5e-200, although the squares underflow to 0.
    const Vector x = {3e-200, 4e-200};
    EXPECT_NEAR(ref::norm(x, 2.0), 5e-200, 4 * u * 5e-200);
}

TEST(Norm, NanWinsOverInfinity) {
    EXPECT_TRUE(std::isnan(ref::norm(Vector{kInf, kNaN}, 2.0)));
    EXPECT_TRUE(std::isnan(ref::norm(Vector{kNaN, kInf}, kInf)));
    EXPECT_EQ(ref::norm(Vector{1.0, -kInf}, 2.0), kInf);
    EXPECT_EQ(ref::norm(Vector{1.0, -kInf}, 1.0), kInf);
}

// ---------------------------------------------------------------- bad input

TEST(BadInput, DotOfDifferentLengthsNamesBothLengths) {
    EXPECT_THROW(ref::dot(Vector{1.0, 2.0, 3.0}, Vector{1.0, 2.0}), dlmath::shape_error);
    EXPECT_EQ(what_of([] { ref::dot(Vector{1.0, 2.0, 3.0}, Vector{1.0, 2.0}); }),
              "dot: lengths differ (x has 3 elements, y has 2)");
}

// Every real order and +-inf is an order NumPy accepts (p < 1 gives no norm;
// see test_numpy.cpp); only NaN is no order, and -inf of nothing has no value.
TEST(BadInput, NormOrderNanOrMinimumOfNothing) {
    EXPECT_THROW(ref::norm(Vector{1.0, 2.0}, kNaN), dlmath::domain_error);
    EXPECT_EQ(what_of([] { ref::norm(Vector{1.0, 2.0}, kNaN); }), "norm: the order p must not be NaN");
    EXPECT_THROW(ref::norm(Vector{}, -kInf), dlmath::shape_error);
}

// ---------------------------------------------------------------- properties

// Error budget used below: dot carries at most gamma_n * sum|x_i y_i| <=
// gamma_n ||x|| ||y||, each norm a relative gamma_{n+6} (n sums, a square per
// term, the scaling, the root), a product one more u.

RC_GTEST_PROP(DotProperties, IsSymmetric, ()) {
    const auto x = *dlmath::testing::small_vector();
    const Vector y = random<Vector>({x.size()}, *rc::gen::arbitrary<std::uint32_t>(), 10.0);
    RC_ASSERT(ref::dot(x, y) == ref::dot(y, x));  // x_i y_i == y_i x_i, same order
}

RC_GTEST_PROP(DotProperties, CauchySchwarz, ()) {
    const auto x = *dlmath::testing::small_vector();
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Vector y = random<Vector>({x.size()}, seed, 100.0);
    const double n = static_cast<double>(x.size());
    const double rhs = ref::norm(x) * ref::norm(y);
    RC_ASSERT(std::fabs(ref::dot(x, y)) <= rhs * (1.0 + gamma_n(n) + 2 * gamma_n(n + 6) + u));
}

RC_GTEST_PROP(DotProperties, CauchySchwarzIsAttainedByParallelVectors, ()) {
    const auto x = *dlmath::testing::small_vector();
    const double a = *rc::gen::inRange(-40, 41) / 4.0;  // exact multiples
    const Vector y = a * x;
    const double n = static_cast<double>(x.size());
    const double rhs = ref::norm(x) * ref::norm(y);
    RC_ASSERT(std::fabs(std::fabs(ref::dot(x, y)) - rhs) <= rhs * (gamma_n(n) + 2 * gamma_n(n + 6) + u));
}

RC_GTEST_PROP(DotProperties, SquaredDistanceExpands, ()) {
    // ||x - y||^2 = <x,x> + <y,y> - 2<x,y>
    const auto x = *dlmath::testing::small_vector();
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Vector y = random<Vector>({x.size()}, seed, 100.0);
    const Vector d = x - y;
    const double n = static_cast<double>(x.size());
    const double lhs = ref::dot(d, d);
    const double rhs = ref::dot(x, x) + ref::dot(y, y) - 2 * ref::dot(x, y);
    // each dot is off by gamma_n * (its absolute sum) <= gamma_n (||x||+||y||)^2,
    // the subtraction x - y by u per element, the final sums by 3u.
    const double scale = std::pow(ref::norm(x) + ref::norm(y), 2);
    RC_ASSERT(std::fabs(lhs - rhs) <= (5 * gamma_n(n + 2) + 3 * u) * scale);
}

RC_GTEST_PROP(NormProperties, TriangleInequality, ()) {
    const auto x = *dlmath::testing::small_vector();
    const Vector y = random<Vector>({x.size()}, *rc::gen::arbitrary<std::uint32_t>(), 100.0);
    const double p = *rc::gen::element(1.0, 1.5, 2.0, 3.0, 7.0, std::numeric_limits<double>::infinity());
    const double n = static_cast<double>(x.size());
    const double bound = ref::norm(x, p) + ref::norm(y, p);
    // each norm's relative error is at most (n + p + 8)u/p + 4u <= (n + 12)u
    // for p >= 1; x + y rounds each element by u.
    RC_ASSERT(ref::norm(x + y, p) <= bound * (1.0 + 3 * gamma_n(n + 13)));
}

RC_GTEST_PROP(NormProperties, AbsoluteHomogeneity, ()) {
    const auto x = *dlmath::testing::small_vector();
    const double a = *rc::gen::inRange(-64, 65) / 8.0;  // alpha * x_i is exact
    const double p = *rc::gen::element(1.0, 2.0, 2.5, 4.0, std::numeric_limits<double>::infinity());
    const double n = static_cast<double>(x.size());
    const Vector ax = a * x;
    const double lhs = ref::norm(ax, p), rhs = std::fabs(a) * ref::norm(x, p);
    RC_ASSERT(std::fabs(lhs - rhs) <= 2 * gamma_n(n + 13) * rhs);
}

RC_GTEST_PROP(NormProperties, ZeroOnlyForTheZeroVector, ()) {
    const auto x = *dlmath::testing::small_vector();
    const double p = *rc::gen::element(1.0, 2.0, 3.0, std::numeric_limits<double>::infinity());
    bool all_zero = true;
    for (double v : x) all_zero = all_zero && v == 0.0;
    RC_ASSERT((ref::norm(x, p) == 0.0) == all_zero);
}

RC_GTEST_PROP(NormProperties, InfinityNormBelowTwoNormBelowOneNorm, ()) {
    // ||x||_inf <= ||x||_2 <= ||x||_1, each up to its own rounding
    const auto x = *dlmath::testing::small_vector();
    const double n = static_cast<double>(x.size());
    const double ninf = ref::norm(x, std::numeric_limits<double>::infinity());  // exact
    const double n2 = ref::norm(x, 2.0), n1 = ref::norm(x, 1.0);
    RC_ASSERT(ninf <= n2 * (1.0 + gamma_n(n + 6)));
    RC_ASSERT(n2 <= n1 * (1.0 + gamma_n(n + 6) + gamma_n(n)));
}

RC_GTEST_PROP(NormProperties, TwoNormIsTheRootOfTheSelfInnerProduct, ()) {
    const auto x = *dlmath::testing::small_vector();
    const double n = static_cast<double>(x.size());
    const double n2 = ref::norm(x, 2.0);
    RC_ASSERT(std::fabs(n2 * n2 - ref::dot(x, x)) <= (2 * gamma_n(n + 6) + gamma_n(n) + u) * n2 * n2);
}

// ---------------------------------------------------------------- floating-point facts (dlmath/numeric.hpp)

TEST(Numeric, UnitRoundoffAndGammaPerScalarType) {
    EXPECT_EQ(dlmath::unit_roundoff<double>(), std::ldexp(1.0, -53));
    EXPECT_EQ(dlmath::unit_roundoff<float>(), std::ldexp(1.0f, -24));
    // gamma_1 = u / (1 - u); gamma_n is infinite once n u >= 1
    EXPECT_EQ(dlmath::gamma(1.0), std::ldexp(1.0, -53) / (1.0 - std::ldexp(1.0, -53)));
    EXPECT_TRUE(std::isinf(dlmath::gamma(std::ldexp(1.0f, 24))));
}

TEST(Numeric, UlpAtTheEdgesOfTheRange) {
    EXPECT_EQ(dlmath::ulp(1.0), std::numeric_limits<double>::epsilon());
    EXPECT_EQ(dlmath::ulp(-1.0), std::numeric_limits<double>::epsilon());
    EXPECT_EQ(dlmath::ulp(0.0), std::numeric_limits<double>::denorm_min());
    EXPECT_EQ(dlmath::ulp(std::numeric_limits<double>::denorm_min()), std::numeric_limits<double>::denorm_min());
    EXPECT_EQ(dlmath::ulp(std::numeric_limits<double>::max()), std::ldexp(1.0, 971));
    EXPECT_EQ(dlmath::ulp(1.0f), std::numeric_limits<float>::epsilon());
    EXPECT_TRUE(std::isnan(dlmath::ulp(kInf)));
    EXPECT_TRUE(std::isnan(dlmath::ulp(kNaN)));
}

TEST(Numeric, UlpDistanceCountsRepresentableNumbers) {
    EXPECT_EQ(dlmath::ulp_distance(1.0, 1.0), 0u);
    EXPECT_EQ(dlmath::ulp_distance(0.0, -0.0), 0u);
    EXPECT_EQ(dlmath::ulp_distance(1.0, std::nextafter(1.0, 2.0)), 1u);
    const double tiny = std::numeric_limits<double>::denorm_min();
    EXPECT_EQ(dlmath::ulp_distance(-tiny, tiny), 2u);  // -tiny, 0, +tiny
    EXPECT_EQ(dlmath::ulp_distance(1.0f, std::nextafter(1.0f, 0.0f)), 1u);
    EXPECT_EQ(dlmath::ulp_distance(-0.43000000000000005, -0.43), 1u);
}
