// Expectation, variance and the central limit theorem, reference twin:
// worked examples, the estimators' properties (linearity, the variance
// identity, a symmetric PSD covariance, convergence of sample moments),
// the central-limit experiment against the exact Irwin–Hall law, bad input.

#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>

#include <xtensor-blas/xlinalg.hpp>

#include "dlmath/reference/probability.hpp"
#include "prelude.hpp"

namespace {

using dlmath::testing::probability_vector;

double Phi(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

// The cdf of the sum of T independent U(0,1) (Irwin–Hall):
// F(s) = (1/T!) sum_{k <= s} (-1)^k C(T, k) (s - k)^T on [0, T]. The
// alternating sum loses about log10(max term) digits, ~5 for T = 16: the
// result is good to 1e-10, far below the statistical tolerances it meets.
double irwin_hall_cdf(double s, int T) {
    if (s <= 0) return 0.0;
    if (s >= T) return 1.0;
    double sum = 0.0, binom = 1.0;
    for (int k = 0; k <= static_cast<int>(std::floor(s)); ++k) {
        sum += (k % 2 ? -1.0 : 1.0) * binom * std::pow(s - k, T);
        binom = binom * (T - k) / (k + 1);
    }
    return sum / std::tgamma(T + 1.0);
}

// sup_z |F_T(z) - Phi(z)| for the standardised sum, on a grid of step h over
// the support [-sqrt(3T), sqrt(3T)] (outside it |F - Phi| is smaller than at
// its ends). Both cdfs have densities <= 0.4, so between grid points the
// difference moves by at most 0.8 h / 2: the grid value is within 4e-4 of the
// supremum for h = 1e-3.
double exact_clt_distance(int T) {
    const double L = std::sqrt(3.0 * T), h = 1e-3;
    double D = 0.0;
    for (double z = -L; z <= L + h / 2; z += h) {
        D = std::max(D, std::fabs(irwin_hall_cdf(T / 2.0 + z * std::sqrt(T / 12.0), T) - Phi(z)));
    }
    return D;
}

}  // namespace

// ---------------------------------------------------------------- worked examples

// ▶ x = (2, 4, 4, 4, 5, 5, 7, 9): mean 5, variance 4 with ddof = 0 and 32/7
// with the unbiased ddof = 1. Integers: every sum is exact, the one division
// correctly rounded.
TEST(ExpectationWorkedExample, MeanAndVarianceOfEightNumbers) {
    const Vector x = {2, 4, 4, 4, 5, 5, 7, 9};
    EXPECT_EQ(ref::mean(x), 5.0);
    EXPECT_EQ(ref::var(x, 0), 4.0);
    EXPECT_EQ(ref::var(x), 32.0 / 7.0);
}

// ▶ Far from zero, E[x^2] - E[x]^2 cancels catastrophically; two passes do
// not: 1e9 + (4, 7, 13, 16) has variance 30 exactly (the mean 1e9 + 10 and
// every deviation are exact integers), while the one-pass identity loses all
// its digits (x^2 ~ 1e18 carries rounding of ulp(1e18) = 128).
TEST(ExpectationWorkedExample, TwoPassVarianceSurvivesAnOffsetOfOneBillion) {
    const Vector x = {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16};
    EXPECT_EQ(ref::var(x), 30.0);
    double s = 0.0, s2 = 0.0;
    for (double v : x) { s += v; s2 += v * v; }
    const double one_pass = (s2 - s * s / 4.0) / 3.0;
    EXPECT_GT(std::fabs(one_pass - 30.0), 1.0) << "one-pass gave " << one_pass;
}

// ▶ A fair die: E[x] = 3.5, E[x^2] = 91/6, Var = 35/12. The PMF 1/6 is
// rounded once; each expectation is within gamma_6 sum p|f| of the exact
// value plus that input rounding: 8 ulp allowed.
TEST(ExpectationWorkedExample, AFairDie) {
    const Vector p = xt::ones<double>({6}) / 6.0;
    const Vector f = {1, 2, 3, 4, 5, 6};
    const double E = ref::expectation(p, f), E2 = ref::expectation(p, f * f);
    EXPECT_LE(dlmath::testing::ulp_distance(E, 3.5), 8u) << E;
    EXPECT_LE(dlmath::testing::ulp_distance(E2, 91.0 / 6.0), 8u) << E2;
    EXPECT_NEAR(ref::expectation(p, (f - 3.5) * (f - 3.5)), 35.0 / 12.0, 16 * u * 91.0 / 6.0);
}

// ▶ Perfectly correlated columns: x_2 = 2 x_1 gives cov = [[1, 2], [2, 4]]
// (ddof = 1); every deviation and product is an exact integer.
TEST(ExpectationWorkedExample, CovarianceOfPerfectlyCorrelatedColumns) {
    const Matrix X = {{1, 2}, {2, 4}, {3, 6}};
    const Matrix expected = {{1, 2}, {2, 4}};
    EXPECT_EQ(ref::cov(X), expected);
    const Matrix expected0 = {{2.0 / 3, 4.0 / 3}, {4.0 / 3, 8.0 / 3}};
    EXPECT_EQ(ref::cov(X, 0), expected0);
}

TEST(Expectation, EdgeCases) {
    EXPECT_EQ(ref::mean(Vector{7.5}), 7.5);
    EXPECT_EQ(ref::var(Vector{7.5}, 0), 0.0);
    EXPECT_TRUE(std::isnan(ref::mean(Vector{1.0, kNaN})));
    EXPECT_EQ(ref::mean(Vector{1.0, kInf}), kInf);
    EXPECT_TRUE(std::isnan(ref::var(Vector{1.0, kInf})));  // inf - inf, as NumPy
    EXPECT_EQ(ref::cov(Matrix::from_shape({3, 0})).size(), 0u);
    // an impossible outcome with an infinite value: 0 * inf is NaN (IEEE, as NumPy's dot)
    EXPECT_TRUE(std::isnan(ref::expectation(Vector{1.0, 0.0}, Vector{2.0, kInf})));
    EXPECT_EQ(ref::expectation(Vector{0.5, 0.5}, Vector{2.0, kInf}), kInf);  // an infinite expectation is returned
}

// var(x) is cov of the one-column matrix x, bit for bit (the same formula in the same order).
TEST(Expectation, VarIsTheCovarianceOfOneColumn) {
    const Vector x = random<Vector>({37}, 5, 3.0);
    Matrix X = Matrix::from_shape({37, 1});
    for (std::size_t i = 0; i < 37; ++i) X(i, 0) = x(i);
    EXPECT_EQ(ref::var(x), ref::cov(X)(0, 0));
    EXPECT_EQ(ref::var(x, 0), ref::cov(X, 0)(0, 0));
}

// ---------------------------------------------------------------- the central-limit experiment

TEST(CentralLimit, StandardisedSumsAreSeededAndReproducible) {
    dlmath::Rng a(42), b(42);
    const Vector z1 = ref::standardized_uniform_sums(a, 4, 100), z2 = ref::standardized_uniform_sums(b, 4, 100);
    EXPECT_EQ(z1, z2);
    EXPECT_EQ(a.position(), 400u);  // 4 uniforms per sum
    // the first sum is built from draws 0..3 of the stream
    double s = 0.0;
    for (std::uint64_t t = 0; t < 4; ++t) s += dlmath::uniform_at(42, t);
    EXPECT_EQ(z1(0), (s - 2.0) / std::sqrt(4.0 / 12.0));
    // the next call continues the stream
    EXPECT_NE(ref::standardized_uniform_sums(a, 4, 1)(0), z1(0));
}

// ▶ The sample's distance to the Gaussian matches the exact distance of the
// standardised Irwin–Hall law, sup |F_T - Phi|, within the statistical
// noise: by the Dvoretzky–Kiefer–Wolfowitz inequality
// P(sup |F_m - F_T| > eps) <= 2 exp(-2 m eps^2), so eps = 0.0128 for
// m = 2^16 fails once in 10^9 (seeded: it does not fail). The exact
// distances fall from 0.057 (T = 1) to 0.0035 (T = 8): the sample's fall too.
TEST(CentralLimit, DistanceToTheGaussianFallsAsTheExactIrwinHallDistance) {
    const std::size_t m = std::size_t{1} << 16;
    const double eps = std::sqrt(std::log(2e9) / (2.0 * m)) + 4e-4;  // DKW + the grid of exact_clt_distance
    dlmath::Rng rng(2024);
    double D_first = 0.0, D_last = 0.0;
    for (int T : {1, 2, 4, 8}) {
        const double D = ref::ks_statistic(ref::standardized_uniform_sums(rng, T, m));
        const double exact = exact_clt_distance(T);
        EXPECT_NEAR(D, exact, eps) << "T = " << T;
        (T == 1 ? D_first : D_last) = D;
    }
    EXPECT_GT(D_first, D_last);
}

TEST(CentralLimit, KsStatisticOfSmallSamples) {
    // one point at 0: F_1 jumps from 0 to 1 where Phi = 1/2
    EXPECT_EQ(ref::ks_statistic(Vector{0.0}), 0.5);
    // at -inf and +inf Phi is 0 and 1, and F_2 is 1/2 between them
    EXPECT_EQ(ref::ks_statistic(Vector{-kInf, kInf}), 0.5);
    // order does not matter
    EXPECT_EQ(ref::ks_statistic(Vector{1.0, -0.5, 0.25}), ref::ks_statistic(Vector{-0.5, 0.25, 1.0}));
}

// ---------------------------------------------------------------- bad input

TEST(ExpectationBadInput, MeanOfNothing) {
    EXPECT_EQ(what_of([] { ref::mean(Vector{}); }), "mean: x is empty (x is 0)");
    EXPECT_THROW(ref::mean(Vector{}), dlmath::shape_error);
}

// Decided: a variance with n <= ddof (one point, unbiased) has no value; NumPy
// returns NaN with a warning, dlmath throws, as for the mean of nothing.
TEST(ExpectationBadInput, VarianceOfASinglePoint) {
    EXPECT_EQ(what_of([] { ref::var(Vector{3.0}); }),
              "var: needs more than ddof = 1 observations (x has 1 elements, so n - ddof <= 0)");
    EXPECT_THROW(ref::var(Vector{}, 0), dlmath::shape_error);
    EXPECT_THROW(ref::var(Vector{1.0, 2.0}, 2), dlmath::shape_error);
}

TEST(ExpectationBadInput, CovarianceOfTooFewRows) {
    EXPECT_EQ(what_of([] { ref::cov(Matrix{{1.0, 2.0}}); }),
              "cov: needs more than ddof = 1 observations (rows) (X is 1x2, so n - ddof <= 0)");
    EXPECT_THROW(ref::cov(Matrix::from_shape({0, 3}), 0), dlmath::shape_error);
}

TEST(ExpectationBadInput, ExpectationNeedsAPmf) {
    EXPECT_EQ(what_of([] { ref::expectation(Vector{0.5, 0.5}, Vector{1.0}); }),
              "expectation: lengths differ (p has 2 elements, f has 1)");
    EXPECT_EQ(what_of([] { ref::expectation(Vector{0.5, 0.25}, Vector{1.0, 2.0}); }),
              "expectation: p must sum to 1 (the sum is 0.75, |sum - 1| = 0.25 exceeds the tolerance "
              "1.4901161193847656e-08)");
    EXPECT_THROW(ref::expectation(Vector{1.5, -0.5}, Vector{1.0, 2.0}), dlmath::domain_error);
    EXPECT_THROW(ref::expectation(Vector{kNaN, 1.0}, Vector{1.0, 2.0}), dlmath::domain_error);
    EXPECT_THROW(ref::expectation(Vector{}, Vector{}), dlmath::domain_error);  // sums to 0
}

TEST(ExpectationBadInput, CentralLimitArguments) {
    dlmath::Rng rng(1);
    EXPECT_THROW(ref::standardized_uniform_sums(rng, 0, 10), dlmath::domain_error);
    EXPECT_EQ(what_of([] { ref::ks_statistic(Vector{}); }), "ks_statistic: x is empty (x is 0)");
    EXPECT_EQ(what_of([] { ref::ks_statistic(Vector{0.0, kNaN}); }),
              "ks_statistic: the sample must not hold NaN (x has 2 elements, x_1 is NaN)");
}

// ---------------------------------------------------------------- properties

// E[a f + b g] = a E[f] + b E[g]. Each expectation is within gamma_k sum p|.|
// of its exact value and a f + b g rounds twice per entry:
// 3 gamma_{k+4} (|a| E|f| + |b| E|g|) covers the difference.
RC_GTEST_PROP(ExpectationProperties, Linearity, ()) {
    const std::size_t k = *rc::gen::inRange<std::size_t>(1, 50);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Vector p = probability_vector(k, seed);
    const Vector f = random<Vector>({k}, seed + 1, 10.0), g = random<Vector>({k}, seed + 2, 0.1);
    const double a = *rc::gen::inRange(-100, 101) / 8.0, b = *rc::gen::inRange(-100, 101) / 8.0;
    const double lhs = ref::expectation(p, a * f + b * g);
    const double rhs = a * ref::expectation(p, f) + b * ref::expectation(p, g);
    const double scale = std::fabs(a) * ref::expectation(p, xt::abs(f)) + std::fabs(b) * ref::expectation(p, xt::abs(g));
    RC_ASSERT(std::fabs(lhs - rhs) <= 3 * gamma_n(k + 4.0) * scale);
}

// Var[f] = E[(f - E f)^2] = E[f^2] - (E f)^2. Both sides carry gamma_k E[f^2]
// from their sums; the error of E f enters the left squared. 6 gamma_{k+4} E[f^2].
RC_GTEST_PROP(ExpectationProperties, VarianceIdentity, ()) {
    const std::size_t k = *rc::gen::inRange<std::size_t>(1, 50);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Vector p = probability_vector(k, seed);
    const Vector f = random<Vector>({k}, seed + 1, 3.0) + *rc::gen::inRange(-4, 5);
    const double E = ref::expectation(p, f), E2 = ref::expectation(p, f * f);
    const double lhs = ref::expectation(p, (f - E) * (f - E));
    RC_ASSERT(lhs >= 0.0);
    RC_ASSERT(std::fabs(lhs - (E2 - E * E)) <= 6 * gamma_n(k + 4.0) * E2);
    // the sample version: var(x, 0) is the variance of the empirical distribution (mass 1/k each)
    const Vector uniform = xt::ones<double>({k}) / static_cast<double>(k);
    const double m = ref::mean(f);
    RC_ASSERT(std::fabs(ref::var(f, 0) - ref::expectation(uniform, (f - m) * (f - m))) <=
              6 * gamma_n(k + 4.0) * ref::mean(f * f));
}

// The covariance matrix is exactly symmetric and positive semi-definite: its
// eigenvalues are >= 0 up to its rounding (|E_jk| <= gamma_{n+4} sqrt(C_jj C_kk)
// (n-ddof) / (n-ddof), so ||E||_2 <= gamma_{n+4} trace C) and LAPACK's
// backward error (a small multiple of d u ||C||_2 <= d u trace C).
RC_GTEST_PROP(ExpectationProperties, CovarianceIsSymmetricPositiveSemidefinite, ()) {
    const std::size_t n = *rc::gen::inRange<std::size_t>(2, 40), d = *rc::gen::inRange<std::size_t>(1, 12);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Matrix X = random<Matrix>({n, d}, seed, 2.0) + 5.0;  // also rank-deficient when n <= d
    const Matrix C = ref::cov(X);
    RC_ASSERT(C == xt::transpose(C));
    const double trace = xt::sum(xt::diagonal(C))();
    const auto lambda = xt::linalg::eigvalsh(C);
    RC_ASSERT(xt::amin(lambda)() >= -(gamma_n(n + 4.0) + 20 * d * u) * trace);
    // v^T C v is the sample variance of X v. With M = max|X_ij|: X v is off by
    // gamma_d |v|_1 M per entry, which moves the variance by at most
    // 2 (gamma_d |v|_1 M)(2 |v|_1 M); var and v^T C v round by gamma_{n+4} and
    // gamma_{2d} times |v|_1^2 (2M)^2. 16 gamma_{n+d+4} |v|_1^2 M^2 covers all three.
    const Vector v = random<Vector>({d}, seed + 1);
    const Vector Xv = xt::linalg::dot(X, v);
    const double quad = xt::linalg::dot(v, xt::linalg::dot(C, v))();
    const double v1 = xt::sum(xt::abs(v))(), M = max_abs(X);
    RC_ASSERT(std::fabs(quad - ref::var(Xv)) <= 16 * gamma_n(n + d + 4.0) * v1 * v1 * M * M);
}

// Sample moments converge: the mean and the unbiased variance of m uniforms
// (mean 1/2, variance 1/12, fourth central moment 1/80) are within 6 standard
// errors, sqrt(1/12 / m) and sqrt((1/80 - 1/144) / m): by the CLT a 6-sigma
// miss has probability 2e-9 (seeded: it does not happen).
RC_GTEST_PROP(ExpectationProperties, SampleMomentsConverge, ()) {
    const std::size_t m = *rc::gen::inRange<std::size_t>(1000, 20000);
    dlmath::Rng rng(*rc::gen::arbitrary<std::uint32_t>());
    Vector x = Vector::from_shape({m});
    for (auto& v : x) v = rng.uniform();
    const double dm = static_cast<double>(m);
    RC_ASSERT(std::fabs(ref::mean(x) - 0.5) <= 6 * std::sqrt(1.0 / 12.0 / dm));
    RC_ASSERT(std::fabs(ref::var(x) - 1.0 / 12.0) <= 6 * std::sqrt((1.0 / 80.0 - 1.0 / 144.0) / dm));
}
