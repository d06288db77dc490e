// Multivariate Gaussians and mixtures, reference twin and the shared value
// types: worked examples, the Cholesky factor, Bayes' rule in log space,
// sampling, bad input, and the mathematics as RapidCheck properties.

#include <cmath>
#include <cstdint>
#include <functional>
#include <numbers>
#include <string>
#include <vector>

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include "dlmath/detail/cholesky.hpp"
#include "dlmath/reference/probability.hpp"
#include "prelude.hpp"

using dlmath::Gaussian;
using dlmath::Mixture;
using dlmath::MultivariateGaussian;
using dlmath::Rng;

namespace {

constexpr double log2pi = 1.8378770664093454836;  // log(2 pi)

// A random 1-D mixture of k components, means in [-5, 5], standard
// deviations in [0.3, 3], weights positive and normalised.
Mixture<Gaussian> random_mixture_1d(std::size_t k, std::uint64_t seed) {
    const Vector u = random<Vector>({2 * k}, seed);
    std::vector<Gaussian> c;
    for (std::size_t i = 0; i < k; ++i)
        c.push_back(Gaussian::from_stddev(5.0 * std::tanh(u(i)), 0.3 + 2.7 * (0.5 + 0.5 * std::tanh(u(k + i)))));
    return Mixture<Gaussian>(dlmath::testing::probability_vector(k, seed + 1), c);
}

// A d-dimensional Gaussian with covariance eigenvalues in [0.5, 2] (condition number <= 4).
MultivariateGaussian random_gaussian(std::size_t d, std::uint64_t seed) {
    Vector lambda = random<Vector>({d}, seed);
    for (auto& l : lambda) l = std::exp2(std::tanh(l));  // in (1/2, 2)
    return MultivariateGaussian::from_covariance(random<Vector>({d}, seed + 2), dlmath::testing::spd_matrix(lambda, seed + 3));
}

Mixture<MultivariateGaussian> random_mixture(std::size_t k, std::size_t d, std::uint64_t seed) {
    std::vector<MultivariateGaussian> c;
    for (std::size_t i = 0; i < k; ++i) c.push_back(random_gaussian(d, seed + 10 * i));
    return Mixture<MultivariateGaussian>(dlmath::testing::probability_vector(k, seed + 5), c);
}

double integrate(const std::function<double(double)>& f, double a, double b) {
    return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(f, a, b, 15, 1e-14);
}

}  // namespace

// ---------------------------------------------------------------- worked examples

// ▶ The density of N(mu, Sigma) at x by hand, for mu = (1, -1),
// Sigma = [[2, 0.6], [0.6, 1]], x = (2, 0): det Sigma = 2 - 0.36 = 1.64,
// Sigma^{-1} = [[1, -0.6], [-0.6, 2]] / 1.64, x - mu = (1, 1), so the
// quadratic form is (1 - 0.6 - 0.6 + 2) / 1.64 = 1.8 / 1.64 and
// log N = -log(2 pi) - log(1.64) / 2 - 0.9 / 1.64. With det beta = 1/1.64 the
// precision form gives the same. Each side is a handful of roundings of
// terms of size <= 2: 16 u * 2 covers both.
TEST(WorkedExample, BivariateDensityByHandInBothForms) {
    const Vector mu = {1.0, -1.0}, x = {2.0, 0.0};
    const Matrix Sigma = {{2.0, 0.6}, {0.6, 1.0}};
    const double by_hand = -log2pi - 0.5 * std::log(1.64) - 0.9 / 1.64;
    const auto g = MultivariateGaussian::from_covariance(mu, Sigma);
    EXPECT_NEAR(g.log_pdf(x), by_hand, 32 * u);
    EXPECT_NEAR(g.log_det_covariance(), std::log(1.64), 8 * u);
    EXPECT_NEAR(g.pdf(x), std::exp(by_hand), 64 * u * std::exp(by_hand));

    const Matrix beta = {{1.0 / 1.64, -0.6 / 1.64}, {-0.6 / 1.64, 2.0 / 1.64}};
    const double det_beta = 1.0 / 1.64;
    const double precision_form = 0.5 * std::log(det_beta) - log2pi - 0.5 * (1.0 - 0.6 - 0.6 + 2.0) / 1.64;
    const auto h = MultivariateGaussian::from_precision(mu, beta);
    EXPECT_NEAR(h.log_pdf(x), precision_form, 32 * u);
    EXPECT_NEAR(h.log_pdf(x), g.log_pdf(x), 32 * u);
    // the precision matrix and the covariance each recovered from the other: kappa(Sigma) ~ 3.4, d = 2
    for (std::size_t i = 0; i < 2; ++i)
        for (std::size_t j = 0; j < 2; ++j) {
            EXPECT_NEAR(g.precision()(i, j), beta(i, j), 64 * u) << i << "," << j;
            EXPECT_NEAR(h.covariance()(i, j), Sigma(i, j), 64 * u) << i << "," << j;
        }
}

TEST(WorkedExample, IsotropicIsSigmaSquaredTimesIdentity) {
    const Vector mu = {0.5, -2.0, 3.0};
    const auto iso = MultivariateGaussian::isotropic(mu, 4.0);
    const auto full = MultivariateGaussian::from_covariance(mu, Matrix{{4.0, 0, 0}, {0, 4.0, 0}, {0, 0, 4.0}});
    const Vector x = {1.0, 1.0, 1.0};
    EXPECT_EQ(iso.log_pdf(x), full.log_pdf(x));  // the same exact factor L = 2I
    // a product of three univariate densities N(x_j; mu_j, 4)
    double prod = 0.0;
    for (std::size_t j = 0; j < 3; ++j) prod += Gaussian::from_variance(mu(j), 4.0).log_pdf(x(j));
    EXPECT_NEAR(iso.log_pdf(x), prod, 16 * u * std::fabs(prod));
}

// ▶ A 1-D mixture's moments by the law of total variance, against quadrature.
TEST(WorkedExample, MixtureMeanAndVariance) {
    const Mixture<Gaussian> p(Vector{0.45, 0.55}, {Gaussian::from_stddev(-4.0, 0.8), Gaussian::from_stddev(3.0, 1.2)});
    EXPECT_NEAR(p.mean(), -0.15, 4 * u);  // 0.45 (-4) + 0.55 (3)
    // 0.45 (0.64 + 3.85^2) + 0.55 (1.44 + 3.15^2) = 6.958125 + 6.249375; a few roundings of terms <= 16
    EXPECT_NEAR(p.variance(), 13.2075, 32 * u * 16);
    const double m1 = integrate([&](double x) { return x * p.pdf(x); }, -20, 20);
    const double m2 = integrate([&](double x) { return (x - m1) * (x - m1) * p.pdf(x); }, -20, 20);
    EXPECT_NEAR(m1, p.mean(), 1e-12);
    EXPECT_NEAR(m2, p.variance(), 1e-11);
}

// ---------------------------------------------------------------- Cholesky

RC_GTEST_PROP(Cholesky, ReconstructsTheMatrixWithinTheBackwardErrorBound, ()) {
    const std::size_t d = *rc::gen::inRange<std::size_t>(1, 12);
    const auto g = random_gaussian(d, *rc::gen::arbitrary<std::uint32_t>());
    const Matrix& L = g.cholesky_factor();
    // L L^T = Sigma + dS, |dS| <= gamma_{d+1} |L| |L^T| (Higham, Thm. 10.3)
    for (std::size_t i = 0; i < d; ++i)
        for (std::size_t j = 0; j <= i; ++j) {
            double s = 0.0, a = 0.0;
            for (std::size_t k = 0; k <= j; ++k) {
                s += L(i, k) * L(j, k);
                a += std::fabs(L(i, k) * L(j, k));
            }
            RC_ASSERT(std::fabs(s - g.covariance()(i, j)) <= 2 * gamma_n(d + 1.0) * a);
            if (j < i) RC_ASSERT(L(j, i) == 0.0);
        }
}

RC_GTEST_PROP(MultivariateGaussian, CovarianceAndPrecisionFormsAgree, ()) {
    const std::size_t d = *rc::gen::inRange<std::size_t>(1, 10);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const auto g = random_gaussian(d, seed);
    const auto h = MultivariateGaussian::from_precision(g.mean(), g.precision());
    const Vector x = random<Vector>({d}, seed + 99);
    // beta is formed from the inverse factor (relative error ~ kappa d u with
    // kappa <= 4), then inverted and factored again: 64 d u kappa per unit of
    // the log-density's size covers both round trips.
    const double l = g.log_pdf(x);
    RC_ASSERT(std::fabs(h.log_pdf(x) - l) <= 256 * d * u * (1 + std::fabs(l)));
}

// ---------------------------------------------------------------- properties of mixtures

RC_GTEST_PROP(Mixture, ResponsibilitiesSumToOne, ()) {
    const std::size_t k = *rc::gen::inRange<std::size_t>(1, 8);
    const auto m = random_mixture_1d(k, *rc::gen::arbitrary<std::uint32_t>());
    const double x = *rc::gen::element(0.0, 1.5, -7.25, 40.0, -1e3, 1e6);  // also far from every component
    const Vector r = m.posterior(x);
    double s = 0.0;
    for (double ri : r) {
        RC_ASSERT(ri >= 0.0);
        RC_ASSERT(ri <= 1.0);
        s += ri;
    }
    // each r_i = exp(a_i - lse): a few u relative (exp, the subtraction
    // amplified by |a_i - lse| <= ...), then k additions; (k + 4) u per unit
    // of exponent size, with the exponents' scale log-bounded: 8 (k + 4) u
    RC_ASSERT(std::fabs(s - 1.0) <= 8 * (k + 4.0) * u * (1.0 + std::fabs(m.log_pdf(x))));
}

// Bayes' rule round trip: r_i(x) p(x) = w_i p_i(x), in logs:
// log r_i + log p(x) = log w_i + log p_i(x), for every component with r_i > 0.
RC_GTEST_PROP(Mixture, BayesRuleRoundTrip, ()) {
    const std::size_t k = *rc::gen::inRange<std::size_t>(1, 6);
    const auto m = random_mixture_1d(k, *rc::gen::arbitrary<std::uint32_t>());
    const double x = *rc::gen::inRange(-800, 800) / 8.0;
    const Vector r = m.posterior(x);
    const double lp = m.log_pdf(x);
    for (std::size_t i = 0; i < k; ++i) {
        if (r(i) < 1e-300) continue;  // log of a subnormal has lost its digits
        const double joint = m.log_weights()(i) + m.components()[i].log_pdf(x);
        // both sides are sums of terms of size <= |joint| + |lp|, each rounded a few times
        RC_ASSERT(std::fabs(std::log(r(i)) + lp - joint) <= 16 * (k + 4.0) * u * (1 + std::fabs(joint) + std::fabs(lp)));
    }
}

RC_GTEST_PROP(Mixture, OneDimensionalDensityIntegratesToOne, ()) {
    const std::size_t k = *rc::gen::inRange<std::size_t>(1, 5);
    const auto m = random_mixture_1d(k, *rc::gen::arbitrary<std::uint32_t>());
    // the mass beyond 12 sigma of every component is below 1e-32
    double a = 1e300, b = -1e300;
    for (const auto& g : m.components()) {
        a = std::min(a, g.mean() - 12 * g.stddev());
        b = std::max(b, g.mean() + 12 * g.stddev());
    }
    // Gauss-Kronrod at tolerance 1e-14, plus the rounding of the weights (8 (k+1) u)
    RC_ASSERT(std::fabs(integrate([&](double x) { return m.pdf(x); }, a, b) - 1.0) <= 1e-12);
}

TEST(Mixture, TwoDimensionalDensityIntegratesToOne) {
    const auto m = random_mixture(3, 2, 17);
    // trapezoidal rule on [-12, 12]^2 (the means are within +-3, sigma <= sqrt2):
    // geometric convergence for a smooth, decaying integrand; h = 0.06
    const double h = 0.06;
    const std::size_t N = 400;
    Matrix X = Matrix::from_shape({(N + 1) * (N + 1), 2});
    for (std::size_t i = 0; i <= N; ++i)
        for (std::size_t j = 0; j <= N; ++j) {
            X(i * (N + 1) + j, 0) = -12.0 + h * i;
            X(i * (N + 1) + j, 1) = -12.0 + h * j;
        }
    const Vector l = ref::log_pdf(m, X);
    double s = 0.0;
    for (double v : l) s += std::exp(v);
    EXPECT_NEAR(s * h * h, 1.0, 1e-10);
}

// The log-density of a point far from every component: the component
// densities underflow to 0, the log-density does not.
TEST(Mixture, LogDensityFarFromEveryComponentIsFinite) {
    const Mixture<Gaussian> m(Vector{0.3, 0.7}, {Gaussian::from_stddev(0.0, 1.0), Gaussian::from_stddev(1.0, 2.0)});
    const double x = 1e3;
    EXPECT_EQ(m.pdf(x), 0.0);
    // the second component dominates by e^(~375000): log(0.7) + log N(1e3; 1, 4)
    const double expected = std::log(0.7) + Gaussian::from_stddev(1.0, 2.0).log_pdf(x);
    EXPECT_NEAR(m.log_pdf(x), expected, 8 * u * std::fabs(expected));
    const Vector r = m.posterior(x);
    EXPECT_EQ(r(0), 0.0);
    EXPECT_EQ(r(1), 1.0);
    EXPECT_EQ(m.log_pdf(kInf), -kInf);
    EXPECT_EQ(m.log_pdf(-kInf), -kInf);
}

TEST(Mixture, WeightZeroComponentNeverContributes) {
    const Mixture<Gaussian> m(Vector{0.0, 1.0}, {Gaussian::from_stddev(0.0, 1.0), Gaussian::from_stddev(5.0, 1.0)});
    EXPECT_EQ(m.log_pdf(0.0), Gaussian::from_stddev(5.0, 1.0).log_pdf(0.0));
    EXPECT_EQ(m.posterior(0.0)(0), 0.0);
    Rng rng(3);
    const Vector x = m.sample(rng, 1000);
    EXPECT_GT(xt::amin(x)(), 0.0);  // never the first component (5 sigma away: P ~ 3e-7 per draw)
}

// ---------------------------------------------------------------- sampling

// Seeded: the class frequencies and the sample mean are within 5 standard
// errors (binomial and CLT) of the weights and the mean.
TEST(Mixture, SampleFollowsTheLatentClassThenTheComponent) {
    const Mixture<Gaussian> p(Vector{0.45, 0.55}, {Gaussian::from_stddev(-4.0, 0.8), Gaussian::from_stddev(3.0, 1.2)});
    Rng rng(2024);
    const std::size_t n = 40000;
    const Vector x = p.sample(rng, n);
    EXPECT_EQ(rng.position(), 2 * n);  // n classes, then n points
    double below = 0.0, mean = 0.0;
    for (double v : x) {
        below += v < -1.0 ? 1.0 : 0.0;  // the first component's side of the valley
        mean += v;
    }
    mean /= n;
    // + the mass across the valley: 3.75 and 3.33 standard deviations, below 1e-3
    EXPECT_NEAR(below / n, 0.45, 5 * std::sqrt(0.45 * 0.55 / n) + 1e-3);
    EXPECT_NEAR(mean, p.mean(), 5 * std::sqrt(p.variance() / n));
    Rng again(2024);
    EXPECT_EQ(p.sample(again, n), x);  // reproducible
}

TEST(MultivariateGaussian, SampleMeanAndCovarianceConverge) {
    const auto g = MultivariateGaussian::from_covariance(Vector{1.0, -2.0}, Matrix{{2.0, 0.6}, {0.6, 1.0}});
    Rng rng(7);
    const std::size_t n = 50000;
    const Matrix X = g.sample(rng, n);
    ASSERT_EQ(X.shape(1), 2u);
    Vector m = xt::mean(X, {0});
    for (std::size_t j = 0; j < 2; ++j) EXPECT_NEAR(m(j), g.mean()(j), 5 * std::sqrt(g.covariance()(j, j) / n));
    double c01 = 0.0;
    for (std::size_t i = 0; i < n; ++i) c01 += (X(i, 0) - m(0)) * (X(i, 1) - m(1));
    c01 /= (n - 1);
    // Var[(x0 - m0)(x1 - m1)] = S00 S11 + S01^2 = 2.36: 5 standard errors
    EXPECT_NEAR(c01, 0.6, 5 * std::sqrt(2.36 / n));
}

TEST(Mixture, MultivariateSampleHasOneRowPerDraw) {
    const auto m = random_mixture(3, 4, 5);
    Rng rng(1);
    const Matrix X = m.sample(rng, 17);
    EXPECT_EQ(X.shape(0), 17u);
    EXPECT_EQ(X.shape(1), 4u);
}

// ---------------------------------------------------------------- the batched reference

TEST(BatchedLogPdf, EqualsTheValueTypeOnePointAtATime) {
    const auto m = random_mixture(4, 3, 11);
    const Matrix X = random<Matrix>({25, 3}, 12, 3.0);
    const Vector l = ref::log_pdf(m, X), lg = ref::log_pdf(m.components()[0], X);
    for (std::size_t i = 0; i < 25; ++i) {
        const Vector x = xt::row(X, i);
        EXPECT_NEAR(l(i), m.log_pdf(x), 8 * 4 * u * std::fabs(l(i)));  // the same terms, added in the same order
        EXPECT_EQ(lg(i), m.components()[0].log_pdf(x));
    }
    const auto m1 = random_mixture_1d(3, 4);
    const Vector x = {-2.0, 0.0, 0.5, kInf, -kInf};
    const Vector l1 = ref::log_pdf(m1, x);
    for (std::size_t i = 0; i < x.size(); ++i) EXPECT_EQ(l1(i), m1.log_pdf(x(i)));
    EXPECT_EQ(ref::log_pdf(m, Matrix::from_shape({0, 3})).size(), 0u);
}

TEST(BatchedLogPdf, InfiniteCoordinateHasDensityZero) {
    const auto g = random_gaussian(3, 1);
    const Matrix X = {{kInf, 0.0, 0.0}, {1.0, -kInf, kInf}, {0.0, 0.0, 0.0}};
    const Vector l = ref::log_pdf(g, X);
    EXPECT_EQ(l(0), -kInf);
    EXPECT_EQ(l(1), -kInf);
    EXPECT_TRUE(std::isfinite(l(2)));
    EXPECT_EQ(g.log_pdf(Vector{0.0, kInf, 0.0}), -kInf);
}

// ---------------------------------------------------------------- bad input

TEST(BadInput, CovarianceNotPositiveDefiniteNamesThePivot) {
    const Vector mu = {0.0, 0.0};
    EXPECT_EQ(what_of([&] { MultivariateGaussian::from_covariance(mu, Matrix{{1.0, 2.0}, {2.0, 1.0}}); }),
              "MultivariateGaussian: covariance is not symmetric positive definite (covariance is 2x2; the "
              "Cholesky pivot of column 1 is -3, not > 0)");
    EXPECT_THROW(MultivariateGaussian::from_precision(mu, Matrix{{0.0, 0.0}, {0.0, 1.0}}), dlmath::domain_error);
    EXPECT_EQ(what_of([&] { MultivariateGaussian::from_precision(mu, Matrix{{-1.0, 0.0}, {0.0, 1.0}}); }),
              "MultivariateGaussian: precision is not symmetric positive definite (precision is 2x2; the "
              "Cholesky pivot of column 0 is -1, not > 0)");
}

TEST(BadInput, MultivariateGaussianShapesSymmetryAndValues) {
    EXPECT_EQ(what_of([] { MultivariateGaussian::from_covariance(Vector{0.0, 0.0}, Matrix{{1.0, 0.5}, {0.4, 1.0}}); }),
              "MultivariateGaussian: covariance must be symmetric (covariance is 2x2; |covariance(0,1) - "
              "covariance(1,0)| = 0.099999999999999978 exceeds 1.7763568394002505e-15)");
    EXPECT_EQ(what_of([] { MultivariateGaussian::from_covariance(Vector{0.0}, Matrix{{1.0, 0.0}, {0.0, 1.0}}); }),
              "MultivariateGaussian: covariance must be d x d for a mean of d = 1 entries (covariance is 2x2)");
    EXPECT_THROW(MultivariateGaussian::from_covariance(Vector{0.0, 0.0}, Matrix{{1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}}),
                 dlmath::shape_error);
    EXPECT_THROW(MultivariateGaussian::from_covariance(Vector{kNaN}, Matrix{{1.0}}), dlmath::domain_error);
    EXPECT_THROW(MultivariateGaussian::from_precision(Vector{0.0}, Matrix{{kInf}}), dlmath::domain_error);
    EXPECT_THROW(MultivariateGaussian::isotropic(Vector{0.0}, 0.0), dlmath::domain_error);
    EXPECT_THROW(MultivariateGaussian::isotropic(Vector{kInf}, 1.0), dlmath::domain_error);
    const auto g = MultivariateGaussian::isotropic(Vector{0.0, 0.0}, 1.0);
    EXPECT_EQ(what_of([&] { g.log_pdf(Vector{1.0}); }), "MultivariateGaussian::log_pdf: x must have d = 2 entries (x has 1)");
    EXPECT_THROW(g.log_pdf(Vector{0.0, kNaN}), dlmath::domain_error);
    EXPECT_THROW(g.pdf(Vector{kNaN, 0.0}), dlmath::domain_error);
}

TEST(BadInput, MixtureWeightsAndComponents) {
    const std::vector<Gaussian> two = {Gaussian(), Gaussian::from_stddev(1.0, 2.0)};
    EXPECT_EQ(what_of([&] { Mixture<Gaussian>(Vector{0.5, 0.6}, two); }),
              "Mixture: weights must sum to 1 (they sum to 1.1000000000000001; |sum - 1| = 0.10000000000000009 "
              "exceeds the tolerance 2.6645352591003757e-15)");
    EXPECT_EQ(what_of([&] { Mixture<Gaussian>(Vector{-0.5, 1.5}, two); }),
              "Mixture: weights must be finite and >= 0 (weight 0 is -0.5)");
    EXPECT_THROW(Mixture<Gaussian>(Vector{kNaN, 1.0}, two), dlmath::domain_error);
    EXPECT_EQ(what_of([&] { Mixture<Gaussian>(Vector{1.0}, two); }),
              "Mixture: one weight per component is needed (1 weights, 2 components)");
    EXPECT_THROW(Mixture<Gaussian>(Vector{}, {}), dlmath::domain_error);  // the empty sum is 0, not 1
    EXPECT_EQ(what_of([] {
                  Mixture<MultivariateGaussian>(Vector{0.5, 0.5}, {MultivariateGaussian::isotropic(Vector{0.0}, 1.0),
                                                                   MultivariateGaussian::isotropic(Vector{0.0, 0.0}, 1.0)});
              }),
              "Mixture: the components' dimensions differ (component 0 is 1-dimensional, component 1 is 2-dimensional)");
    // within the tolerance: weights that are a rounding away from summing to 1
    EXPECT_NO_THROW(Mixture<Gaussian>(Vector{0.1, 0.2, 0.7}, {Gaussian(), Gaussian(), Gaussian()}));
}

TEST(BadInput, MixtureDensityAndPosteriorPoints) {
    const Mixture<Gaussian> m(Gaussian{});
    EXPECT_THROW(m.log_pdf(kNaN), dlmath::domain_error);
    EXPECT_THROW(m.pdf(kNaN), dlmath::domain_error);
    EXPECT_EQ(what_of([&] { m.posterior(kInf); }), "Mixture::posterior: x must be finite (got x = inf)");
    EXPECT_THROW(m.posterior(kNaN), dlmath::domain_error);
    const auto md = random_mixture(2, 2, 3);
    EXPECT_THROW(md.log_pdf(Vector{0.0}), dlmath::shape_error);
    EXPECT_THROW(md.posterior(Vector{0.0, kInf}), dlmath::domain_error);
    EXPECT_THROW(md.posterior(Vector{0.0, 0.0, 0.0}), dlmath::shape_error);
    // finite, but so far that every squared distance overflows
    EXPECT_THROW(md.posterior(Vector{1e300, -1e300}), dlmath::domain_error);
}

TEST(BadInput, BatchedLogPdfAndMonteCarloKL) {
    const auto m = random_mixture(2, 3, 1);
    EXPECT_EQ(what_of([&] { ref::log_pdf(m, Matrix::from_shape({4, 2})); }),
              "log_pdf: X must have d = 3 columns, one point per row (X is 4x2)");
    Matrix X = xt::zeros<double>({3, 3});
    X(2, 1) = kNaN;
    EXPECT_EQ(what_of([&] { ref::log_pdf(m.components()[0], X); }),
              "log_pdf: X must not contain NaN (X is 3x3, X(2,1) is NaN)");
    EXPECT_THROW(ref::log_pdf(m, X), dlmath::domain_error);
    EXPECT_THROW(ref::log_pdf(Mixture<Gaussian>(Gaussian{}), Vector{0.0, kNaN}), dlmath::domain_error);
    Rng rng(1);
    EXPECT_EQ(what_of([&] { ref::kl_divergence_monte_carlo(m, random_mixture(2, 2, 1), rng, 100); }),
              "kl_divergence_monte_carlo: dimensions differ (p is 3-dimensional, q is 2-dimensional)");
    const Mixture<Gaussian> g(Gaussian{});
    EXPECT_EQ(what_of([&] { ref::kl_divergence_monte_carlo(g, g, rng, 1); }),
              "kl_divergence_monte_carlo: n must be >= 2 (a standard error needs two draws; got n = 1)");
}
