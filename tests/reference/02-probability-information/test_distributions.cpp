// Distributions, reference twin and the value types: worked examples,
// every univariate function against Boost.Math (in long double, so that the
// difference is our error), the edges, bad input, and the mathematics as
// RapidCheck properties (normalisation by Boost.Math quadrature, cdf and
// quantile inverse to each other, tails without cancellation, maximal
// entropy of the Gaussian, sample moments within CLT bounds).

#include <algorithm>
#include <cmath>
#include <functional>
#include <numbers>
#include <string>
#include <vector>

#include <boost/math/distributions/bernoulli.hpp>
#include <boost/math/distributions/exponential.hpp>
#include <boost/math/distributions/laplace.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/uniform.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>

#include "dlmath/reference/probability.hpp"
#include "prelude.hpp"

using dlmath::Bernoulli;
using dlmath::Categorical;
using dlmath::Empirical;
using dlmath::Exponential;
using dlmath::Gaussian;
using dlmath::Laplace;
using dlmath::Rng;
using dlmath::Uniform;

namespace {

using Real = long double;  // the oracle's precision: 64-bit significand, exponent to 1e-4932
namespace bm = boost::math;

// |ours - theirs| <= bound, or both the same infinity.
::testing::AssertionResult near(double ours, Real theirs, double bound, const std::string& what) {
    return agree(ours, static_cast<double>(theirs), bound, what);
}

// 61-point Gauss–Kronrod, adaptive (at most 8 bisections, to a relative error
// estimate of 1e-13), on [a, b]: the integrator of the normalisation tests.
template <class F>
double integrate(F f, double a, double b) {
    return bm::quadrature::gauss_kronrod<double, 61>::integrate(f, a, b, 8, 1e-13);
}

// log p from p and its complement 1 - p, both in long double: log1p(-(1 - p))
// where p is near 1, so that the oracle keeps the digits of the tiny log.
Real log_of(Real p, Real complement) { return p < 0.5L ? std::log(p) : std::log1p(-complement); }

std::string at(double x) { return "x = " + std::to_string(x); }

}  // namespace

// ---------------------------------------------------------------- worked examples

// ▶ Bernoulli: E[x] = phi, Var[x] = phi (1 - phi), P(x) = phi^x (1 - phi)^(1 - x).
TEST(WorkedExample, BernoulliMeanVarianceAndPmf) {
    for (double phi : {0.0, 0.3, 0.5, 0.9, 1.0}) {
        const Bernoulli b(phi);
        EXPECT_EQ(b.mean(), phi);
        EXPECT_EQ(b.variance(), phi * (1.0 - phi));
        for (double x : {0.0, 1.0}) {
            // phi^x (1 - phi)^(1 - x) with x in {0, 1} is one factor times 1: exact
            EXPECT_EQ(b.pmf(x), std::pow(phi, x) * std::pow(1.0 - phi, 1.0 - x)) << "phi = " << phi << ", x = " << x;
        }
    }
}

// ▶ The uniform PMF over k states is 1/k, the uniform PDF on [a, b] is 1/(b - a).
TEST(WorkedExample, UniformPmfAndPdf) {
    for (std::size_t k : {1u, 2u, 5u, 10u}) {
        const Categorical c(xt::ones<double>({k}) / static_cast<double>(k));
        for (std::size_t i = 0; i < k; ++i) EXPECT_EQ(c.pmf(static_cast<double>(i)), 1.0 / k) << "k = " << k;
    }
    const Uniform u(2.0, 6.0);
    EXPECT_EQ(u.pdf(3.0), 0.25);
    EXPECT_EQ(Uniform(0.0, 0.5).pdf(0.25), 2.0);  // a density may exceed 1
}

// ▶ The Gaussian by variance and by precision beta = 1/sigma^2 is the same density.
TEST(WorkedExample, GaussianVarianceAndPrecisionFormsAgree) {
    const Gaussian by_variance = Gaussian::from_variance(1.0, 4.0);
    const Gaussian by_precision = Gaussian::from_precision(1.0, 0.25);
    EXPECT_EQ(by_precision.variance(), 4.0);  // 1/sqrt(1/4) = 2 exactly
    for (double x : {-3.0, 0.0, 1.0, 2.5, 10.0}) {
        EXPECT_EQ(by_variance.pdf(x), by_precision.pdf(x)) << at(x);
        // the precision form written out: sqrt(beta / 2 pi) exp(-beta (x - mu)^2 / 2), a few roundings apart
        const double written = std::sqrt(0.25 / (2 * std::numbers::pi)) * std::exp(-0.25 * (x - 1) * (x - 1) / 2);
        EXPECT_NEAR(by_precision.pdf(x), written, 8 * u * written) << at(x);
    }
}

// The tail in log space: log Phi(-40) = -804.6084420137538 (Phi(-40) ~ 1e-350 underflows).
TEST(WorkedExample, GaussianLogCdfFarInTheTail) {
    const Gaussian g;
    EXPECT_EQ(g.cdf(-40.0), 0.0);
    EXPECT_LE(dlmath::testing::ulp_distance(g.log_cdf(-40.0), -804.6084420137538), 2u) << g.log_cdf(-40.0);
    EXPECT_LE(dlmath::testing::ulp_distance(g.log_sf(40.0), -804.6084420137538), 2u);
    // isf(1e-300) = -Phi^{-1}(1e-300), where quantile(1 - 1e-300) = quantile(1) = inf
    const Real z = bm::quantile(bm::complement(bm::normal_distribution<Real>(), 1e-300L));
    EXPECT_TRUE(near(g.isf(1e-300), z, 4 * u * 37.05, "isf(1e-300)"));
}

TEST(WorkedExample, DifferentialEntropiesInNats) {
    EXPECT_NEAR(Gaussian::from_variance(0, 2.0).entropy(), 0.5 * std::log(2 * std::numbers::pi * std::numbers::e * 2.0), 4 * u);
    EXPECT_NEAR(Laplace(0, 1.5).entropy(), 1 + std::log(3.0), 4 * u);
    EXPECT_NEAR(Uniform(1, 4).entropy(), std::log(3.0), 4 * u);
    EXPECT_NEAR(Exponential(2.0).entropy(), 1 - std::log(2.0), 4 * u);
    EXPECT_LT(Uniform(0, 0.5).entropy(), 0.0);  // a differential entropy can be negative
    EXPECT_EQ(Bernoulli(0.5).entropy(), std::log(2.0));
}

// ---------------------------------------------------------------- against Boost.Math

// The bound of every comparison: c u times the conditioning of the function at
// the point. A Gaussian's functions of z = (x - mu)/sigma change by about
// z^2 times a relative change of z (d log Phi/dz ~ |z| in the tail), and z is
// computed with a relative error of u; the quantile's conditioning is
// q / phi(z) (a relative change of q moves z by that much).
TEST(Oracle, GaussianAgainstBoost) {
    for (const auto& [mu, sigma] : std::vector<std::pair<double, double>>{{0, 1}, {1.5, 0.2}, {-3, 7}, {1e3, 1e-3}}) {
        const Gaussian g = Gaussian::from_stddev(mu, sigma);
        const bm::normal_distribution<Real> b(mu, sigma);
        for (double z : {-38.4, -37.0, -30.0, -20.0, -8.5, -3.0, -1.0, -0.1, 0.0, 0.3, 1.0, 2.5, 6.0, 9.0, 30.0, 38.0}) {
            const double x = mu + sigma * z, t = (x - mu) / sigma;  // t: z as our functions see it
            const double tol = 16 * u * (1 + t * t);
            const Real pdf = bm::pdf(b, Real(x)), cdf = bm::cdf(b, Real(x)), sf = bm::cdf(bm::complement(b, Real(x)));
            EXPECT_TRUE(near(g.pdf(x), pdf, tol * pdf, "pdf, " + at(x)));
            EXPECT_TRUE(near(g.log_pdf(x), std::log(pdf), tol * (1 + std::fabs(std::log(sigma))), "log_pdf, " + at(x)));
            EXPECT_TRUE(near(g.cdf(x), cdf, tol * cdf + 1e-320, "cdf, " + at(x)));  // may underflow to a subnormal
            EXPECT_TRUE(near(g.sf(x), sf, tol * sf + 1e-320, "sf, " + at(x)));
            EXPECT_TRUE(near(g.log_cdf(x), log_of(cdf, sf), tol * std::fabs(static_cast<double>(log_of(cdf, sf))) + 1e-320, "log_cdf, " + at(x)));
            EXPECT_TRUE(near(g.log_sf(x), log_of(sf, cdf), tol * std::fabs(static_cast<double>(log_of(sf, cdf))) + 1e-320, "log_sf, " + at(x)));
        }
        for (double q : {1e-320, 1e-300, 1e-100, 1e-10, 0.01, 0.1, 0.3, 0.5, 0.7, 0.99, 1 - 1e-10}) {
            const Real zq = bm::quantile(bm::normal_distribution<Real>(), Real(q));
            const double cond = std::min(q, 1 - q) / static_cast<double>(bm::pdf(bm::normal_distribution<Real>(), zq));
            const double tol = 16 * u * sigma * (std::fabs(static_cast<double>(zq)) + cond) + 4 * u * std::fabs(mu);
            EXPECT_TRUE(near(g.quantile(q), bm::quantile(b, Real(q)), tol, "quantile, q = " + std::to_string(q)));
            EXPECT_TRUE(near(g.isf(q), bm::quantile(bm::complement(b, Real(q))), tol, "isf, q = " + std::to_string(q)));
        }
        EXPECT_EQ(g.mean(), static_cast<double>(bm::mean(b)));
        EXPECT_NEAR(g.variance(), static_cast<double>(bm::variance(b)), 2 * u * sigma * sigma);
        EXPECT_EQ(g.stddev(), static_cast<double>(bm::standard_deviation(b)));
        EXPECT_EQ(g.median(), static_cast<double>(bm::median(b)));
        EXPECT_EQ(g.mode(), static_cast<double>(bm::mode(b)));
        EXPECT_EQ(g.skewness(), static_cast<double>(bm::skewness(b)));
        EXPECT_EQ(g.kurtosis(), static_cast<double>(bm::kurtosis(b)));
        EXPECT_EQ(g.kurtosis_excess(), static_cast<double>(bm::kurtosis_excess(b)));
        EXPECT_TRUE(near(g.entropy(), bm::entropy(b), 4 * u * (1.5 + std::fabs(std::log(sigma))), "entropy"));
    }
}

// Laplace's functions of t = |x - mu|/gamma are exponentials of t: relative error ~ t u.
TEST(Oracle, LaplaceAgainstBoost) {
    for (const auto& [mu, gamma] : std::vector<std::pair<double, double>>{{0, 1}, {2, 0.5}, {-10, 30}}) {
        const Laplace d(mu, gamma);
        const bm::laplace_distribution<Real> b(mu, gamma);
        for (double t : {-700.0, -50.0, -3.0, -0.5, 0.0, 0.25, 1.0, 20.0, 700.0}) {
            const double x = mu + gamma * t, tol = 16 * u * (1 + std::fabs((x - mu) / gamma));
            const Real pdf = bm::pdf(b, Real(x)), cdf = bm::cdf(b, Real(x)), sf = bm::cdf(bm::complement(b, Real(x)));
            EXPECT_TRUE(near(d.pdf(x), pdf, tol * pdf, "pdf, " + at(x)));
            EXPECT_TRUE(near(d.log_pdf(x), std::log(pdf), tol * (1 + std::fabs(std::log(2 * gamma))), "log_pdf, " + at(x)));
            EXPECT_TRUE(near(d.cdf(x), cdf, tol * cdf, "cdf, " + at(x)));
            EXPECT_TRUE(near(d.sf(x), sf, tol * sf, "sf, " + at(x)));
            EXPECT_TRUE(near(d.log_cdf(x), log_of(cdf, sf), tol * std::fabs(static_cast<double>(log_of(cdf, sf))) + 1e-320, "log_cdf, " + at(x)));
            EXPECT_TRUE(near(d.log_sf(x), log_of(sf, cdf), tol * std::fabs(static_cast<double>(log_of(sf, cdf))) + 1e-320, "log_sf, " + at(x)));
        }
        for (double q : {1e-300, 1e-20, 0.1, 0.5, 0.75, 1 - 1e-12}) {
            const Real x = bm::quantile(b, Real(q)), xc = bm::quantile(bm::complement(b, Real(q)));
            const double tol = 8 * u * (std::fabs(static_cast<double>(x)) + gamma * (1 + std::fabs(std::log(2 * std::min(q, 1 - q)))));
            EXPECT_TRUE(near(d.quantile(q), x, tol, "quantile, q = " + std::to_string(q)));
            EXPECT_TRUE(near(d.isf(q), xc, tol, "isf, q = " + std::to_string(q)));
        }
        EXPECT_EQ(d.mean(), static_cast<double>(bm::mean(b)));
        EXPECT_NEAR(d.variance(), static_cast<double>(bm::variance(b)), 2 * u * d.variance());
        EXPECT_NEAR(d.stddev(), static_cast<double>(bm::standard_deviation(b)), 2 * u * d.stddev());
        EXPECT_EQ(d.median(), static_cast<double>(bm::median(b)));
        EXPECT_EQ(d.mode(), static_cast<double>(bm::mode(b)));
        EXPECT_EQ(d.skewness(), static_cast<double>(bm::skewness(b)));
        EXPECT_EQ(d.kurtosis(), static_cast<double>(bm::kurtosis(b)));
        EXPECT_EQ(d.kurtosis_excess(), static_cast<double>(bm::kurtosis_excess(b)));
        EXPECT_TRUE(near(d.entropy(), bm::entropy(b), 4 * u * (2 + std::fabs(std::log(gamma))), "entropy"));
    }
}

// Exponential: functions of t = lambda x, relative error ~ t u.
TEST(Oracle, ExponentialAgainstBoost) {
    for (double lambda : {1.0, 0.01, 3.5, 1e6}) {
        const Exponential d(lambda);
        const bm::exponential_distribution<Real> b(lambda);
        for (double t : {1e-300, 1e-12, 0.01, 0.5, std::numbers::ln2, 1.0, 5.0, 40.0, 700.0}) {
            const double x = t / lambda, tol = 16 * u * (1 + lambda * x);
            const Real pdf = bm::pdf(b, Real(x)), cdf = bm::cdf(b, Real(x)), sf = bm::cdf(bm::complement(b, Real(x)));
            EXPECT_TRUE(near(d.pdf(x), pdf, tol * pdf, "pdf, " + at(x)));
            EXPECT_TRUE(near(d.log_pdf(x), std::log(pdf), tol * (1 + std::fabs(std::log(lambda))), "log_pdf, " + at(x)));
            EXPECT_TRUE(near(d.cdf(x), cdf, tol * cdf, "cdf, " + at(x)));
            EXPECT_TRUE(near(d.sf(x), sf, tol * sf, "sf, " + at(x)));
            EXPECT_TRUE(near(d.log_cdf(x), log_of(cdf, sf), tol * std::fabs(static_cast<double>(log_of(cdf, sf))) + 1e-320, "log_cdf, " + at(x)));
            EXPECT_TRUE(near(d.log_sf(x), log_of(sf, cdf), tol * std::fabs(static_cast<double>(log_of(sf, cdf))) + 1e-320, "log_sf, " + at(x)));
        }
        for (double q : {1e-300, 1e-12, 0.1, 0.5, 0.9, 1 - 1e-12}) {
            const Real x = bm::quantile(b, Real(q)), xc = bm::quantile(bm::complement(b, Real(q)));
            EXPECT_TRUE(near(d.quantile(q), x, 8 * u * static_cast<double>(x), "quantile, q = " + std::to_string(q)));
            EXPECT_TRUE(near(d.isf(q), xc, 8 * u * static_cast<double>(xc), "isf, q = " + std::to_string(q)));
        }
        EXPECT_NEAR(d.mean(), static_cast<double>(bm::mean(b)), u * d.mean());
        EXPECT_NEAR(d.variance(), static_cast<double>(bm::variance(b)), 2 * u * d.variance());
        EXPECT_NEAR(d.stddev(), static_cast<double>(bm::standard_deviation(b)), 2 * u * d.stddev());
        EXPECT_NEAR(d.median(), static_cast<double>(bm::median(b)), 2 * u * d.median());
        EXPECT_EQ(d.mode(), static_cast<double>(bm::mode(b)));
        EXPECT_EQ(d.skewness(), static_cast<double>(bm::skewness(b)));
        EXPECT_EQ(d.kurtosis(), static_cast<double>(bm::kurtosis(b)));
        EXPECT_EQ(d.kurtosis_excess(), static_cast<double>(bm::kurtosis_excess(b)));
        EXPECT_TRUE(near(d.entropy(), bm::entropy(b), 4 * u * (1 + std::fabs(std::log(lambda))), "entropy"));
    }
}

// Uniform: ratios of differences, a few roundings.
TEST(Oracle, UniformAgainstBoost) {
    for (const auto& [a, bb] : std::vector<std::pair<double, double>>{{0, 1}, {-2, 3}, {1e-3, 2e-3}, {-1e6, 1e6}}) {
        const Uniform d(a, bb);
        const bm::uniform_distribution<Real> b(a, bb);
        const double w = bb - a, tol = 8 * u;
        for (double s : {0.0, 1e-12, 0.1, 0.5, 0.9, 1 - 1e-12, 1.0}) {
            const double x = a + s * w;
            const Real pdf = bm::pdf(b, Real(x)), cdf = bm::cdf(b, Real(x)), sf = bm::cdf(bm::complement(b, Real(x)));
            EXPECT_TRUE(near(d.pdf(x), pdf, tol * pdf, "pdf, " + at(x)));
            EXPECT_TRUE(near(d.log_pdf(x), std::log(pdf), tol * (1 + std::fabs(std::log(pdf))), "log_pdf, " + at(x)));
            // x = a + s w is rounded: the cdf is within u (|a| + |x|)/w of s
            const double cx = tol + 2 * u * (std::fabs(a) + std::fabs(x)) / w;
            EXPECT_TRUE(near(d.cdf(x), cdf, cx, "cdf, " + at(x)));
            EXPECT_TRUE(near(d.sf(x), sf, cx, "sf, " + at(x)));
            if (cdf > 0) {
                EXPECT_TRUE(near(d.log_cdf(x), log_of(cdf, sf), 2 * cx / static_cast<double>(cdf), "log_cdf, " + at(x)));
            }
            if (sf > 0) {
                EXPECT_TRUE(near(d.log_sf(x), log_of(sf, cdf), 2 * cx / static_cast<double>(sf), "log_sf, " + at(x)));
            }
        }
        for (double q : {0.0, 1e-300, 0.25, 0.5, 0.8, 1.0}) {
            const double tol_q = 4 * u * (std::fabs(a) + std::fabs(bb));
            EXPECT_TRUE(near(d.quantile(q), bm::quantile(b, Real(q)), tol_q, "quantile, q = " + std::to_string(q)));
            EXPECT_TRUE(near(d.isf(q), bm::quantile(bm::complement(b, Real(q))), tol_q, "isf, q = " + std::to_string(q)));
        }
        EXPECT_NEAR(d.mean(), static_cast<double>(bm::mean(b)), 2 * u * (std::fabs(a) + std::fabs(bb)));
        EXPECT_NEAR(d.variance(), static_cast<double>(bm::variance(b)), 4 * u * d.variance());
        EXPECT_NEAR(d.stddev(), static_cast<double>(bm::standard_deviation(b)), 4 * u * d.stddev());
        EXPECT_NEAR(d.median(), static_cast<double>(bm::median(b)), 2 * u * (std::fabs(a) + std::fabs(bb)));
        EXPECT_EQ(d.mode(), static_cast<double>(bm::mode(b)));
        EXPECT_EQ(d.skewness(), static_cast<double>(bm::skewness(b)));
        EXPECT_NEAR(d.kurtosis(), static_cast<double>(bm::kurtosis(b)), 2 * u * 1.8);
        EXPECT_NEAR(d.kurtosis_excess(), static_cast<double>(bm::kurtosis_excess(b)), 2 * u * 1.2);
        EXPECT_TRUE(near(d.entropy(), bm::entropy(b), 4 * u * (1 + std::fabs(std::log(w))), "entropy"));
    }
}

TEST(Oracle, BernoulliAgainstBoost) {
    for (double phi : {0.0, 1e-10, 0.2, 0.5, 0.7, 1 - 1e-10, 1.0}) {
        const Bernoulli d(phi);
        const bm::bernoulli_distribution<Real> b(phi);
        for (int k : {0, 1}) {
            const double x = k;
            const Real pmf = bm::pdf(b, Real(k));
            EXPECT_TRUE(near(d.pmf(x), pmf, 2 * u * pmf, "pmf, " + at(x)));
            EXPECT_TRUE(near(d.log_pmf(x), std::log(pmf), 4 * u * std::fabs(std::log(pmf)) + 4 * u, "log_pmf, " + at(x)));
            const Real cdf = bm::cdf(b, Real(k)), sf = bm::cdf(bm::complement(b, Real(k)));
            EXPECT_TRUE(near(d.cdf(x), cdf, 2 * u * cdf, "cdf, " + at(x)));
            EXPECT_TRUE(near(d.sf(x), sf, 2 * u * sf, "sf, " + at(x)));
            EXPECT_TRUE(near(d.log_cdf(x), log_of(cdf, sf), 4 * u * std::fabs(static_cast<double>(log_of(cdf, sf))) + 4 * u, "log_cdf, " + at(x)));
            EXPECT_TRUE(near(d.log_sf(x), log_of(sf, cdf), 4 * u * std::fabs(static_cast<double>(log_of(sf, cdf))) + 4 * u, "log_sf, " + at(x)));
        }
        // (not at a jump of F, q = 1 - phi, where the rounding of 1 - phi in double
        // or long double decides the side)
        for (double q : {0.0, 0.1, 0.5, 0.75, 1.0}) {
            EXPECT_EQ(d.quantile(q), static_cast<double>(bm::quantile(b, Real(q)))) << "phi = " << phi << ", q = " << q;
            // isf(q), the smallest k with S(k) <= q, against its definition: Boost.Math
            // 1.74's quantile(complement(bernoulli, q)) returns 1 for q <= 1 - phi,
            // mistaking pdf(0) for S(0) = phi (its comment says so)
            EXPECT_EQ(d.isf(q), d.sf(0.0) <= q ? 0.0 : 1.0) << "phi = " << phi << ", q = " << q;
            EXPECT_EQ(d.isf(q), d.quantile(1.0 - q)) << "phi = " << phi << ", q = " << q;  // 1 - q exact for these q
        }
        EXPECT_EQ(d.mean(), static_cast<double>(bm::mean(b)));
        EXPECT_NEAR(d.variance(), static_cast<double>(bm::variance(b)), 2 * u * d.variance());
        EXPECT_EQ(d.median(), static_cast<double>(bm::median(b)));
        EXPECT_EQ(d.mode(), static_cast<double>(bm::mode(b)));
        if (phi > 0 && phi < 1) {  // skewness and kurtosis divide by phi (1 - phi)
            const double c = 16 * u / d.variance();
            EXPECT_NEAR(d.skewness(), static_cast<double>(bm::skewness(b)), c * (1 + std::fabs(d.skewness())));
            EXPECT_NEAR(d.kurtosis(), static_cast<double>(bm::kurtosis(b)), c * d.kurtosis());
            EXPECT_NEAR(d.kurtosis_excess(), static_cast<double>(bm::kurtosis_excess(b)), c * d.kurtosis());
        }
    }
}

// Categorical and Empirical have no Boost.Math twin: their functions against
// the sums that define them.
TEST(Categorical, FunctionsAreTheSumsThatDefineThem) {
    const Vector p = {0.1, 0.0, 0.25, 0.4, 0.25};
    const Categorical c(p);
    double F = 0.0, mean = 0.0, h = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        F += p(i);
        mean += i * p(i);
        h -= p(i) > 0 ? p(i) * std::log(p(i)) : 0.0;
        EXPECT_EQ(c.pmf(i), p(i));
        EXPECT_NEAR(c.cdf(i), F, 4 * u);
        EXPECT_NEAR(c.cdf(i + 0.5), F, 4 * u);
        EXPECT_NEAR(c.sf(i), 1 - F, 4 * u);
    }
    double var = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) var += (i - mean) * (i - mean) * p(i);
    EXPECT_NEAR(c.mean(), mean, 8 * u * mean);
    EXPECT_NEAR(c.variance(), var, 16 * u * var);
    EXPECT_NEAR(c.stddev(), std::sqrt(var), 16 * u);
    EXPECT_NEAR(c.entropy(), h, 8 * u * h);
    EXPECT_EQ(c.mode(), 3.0);
    EXPECT_EQ(c.median(), 3.0);  // F(2) = 0.35 < 1/2 <= F(3) = 0.75
    EXPECT_EQ(c.quantile(0.0), 0.0);
    EXPECT_EQ(c.quantile(0.1), 0.0);
    EXPECT_EQ(c.quantile(0.11), 2.0);  // state 1 has no mass
    EXPECT_EQ(c.quantile(1.0), 4.0);
    EXPECT_EQ(c.isf(0.0), 4.0);
    EXPECT_EQ(c.isf(0.25), 3.0);  // S(3) = 0.25
    EXPECT_EQ(c.isf(1.0), 0.0);
    EXPECT_EQ(c.pmf(1.5), 0.0);
    EXPECT_EQ(c.pmf(-1.0), 0.0);
    EXPECT_EQ(c.log_pmf(1.0), -kInf);
    EXPECT_EQ(c.cdf(-0.5), 0.0);
    EXPECT_EQ(c.cdf(kInf), 1.0);
    EXPECT_EQ(c.sf(kInf), 0.0);
    EXPECT_EQ(c.log_sf(-kInf), 0.0);
    // skewness and kurtosis from the central moments
    double m3 = 0.0, m4 = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        m3 += std::pow(i - mean, 3) * p(i);
        m4 += std::pow(i - mean, 4) * p(i);
    }
    EXPECT_NEAR(c.skewness(), m3 / std::pow(var, 1.5), 64 * u);
    EXPECT_NEAR(c.kurtosis(), m4 / (var * var), 64 * u);
    EXPECT_NEAR(c.kurtosis_excess(), m4 / (var * var) - 3, 64 * u);
}

// The last probability from the others: 1 - 1^T p (the slip: the constraint is 1^T p <= 1).
TEST(Categorical, FromTheFirstKMinusOne) {
    const Categorical c = Categorical::from_first(Vector{0.2, 0.3});
    EXPECT_EQ(c.size(), 3u);
    EXPECT_EQ(c.pmf(2.0), 0.5);
    EXPECT_EQ(Categorical::from_first(Vector{}).pmf(0.0), 1.0);  // k = 1: all mass on state 0
    EXPECT_EQ(Categorical::from_first(Vector{0.5, 0.5}).pmf(2.0), 0.0);
    const std::string m = what_of([] { Categorical::from_first(Vector{0.6, 0.5}); });
    EXPECT_NE(m.find("must sum to at most 1"), std::string::npos) << m;
    EXPECT_NE(m.find("1.1"), std::string::npos) << m;
}

TEST(Empirical, TheDiracMixtureOfTheData) {
    const Empirical e(Vector{3.0, -1.0, 2.0, 2.0, 7.0});
    EXPECT_EQ(e.size(), 5u);
    EXPECT_EQ(e.points(), (Vector{-1.0, 2.0, 2.0, 3.0, 7.0}));
    EXPECT_EQ(e.pmf(2.0), 0.4);
    EXPECT_EQ(e.pmf(2.5), 0.0);
    EXPECT_EQ(e.log_pmf(2.5), -kInf);
    EXPECT_EQ(e.cdf(1.9), 0.2);  // the step function
    EXPECT_EQ(e.cdf(2.0), 0.6);
    EXPECT_EQ(e.sf(2.0), 0.4);
    EXPECT_EQ(e.cdf(-kInf), 0.0);
    EXPECT_EQ(e.sf(kInf), 0.0);
    EXPECT_EQ(e.log_cdf(-2.0), -kInf);
    EXPECT_NEAR(e.log_sf(3.0), std::log(0.2), 2 * u);
    EXPECT_EQ(e.quantile(0.0), -1.0);
    EXPECT_EQ(e.quantile(0.2), -1.0);
    EXPECT_EQ(e.quantile(0.21), 2.0);
    EXPECT_EQ(e.quantile(1.0), 7.0);
    EXPECT_EQ(e.isf(0.0), 7.0);
    EXPECT_EQ(e.isf(0.2), 3.0);  // S(3) = 0.2
    EXPECT_EQ(e.isf(1.0), -1.0);
    EXPECT_EQ(e.median(), 2.0);
    EXPECT_EQ(e.mode(), 2.0);
    EXPECT_NEAR(e.mean(), 13.0 / 5, 4 * u * 13.0 / 5);
    const double var = ((-1 - 2.6) * (-1 - 2.6) + 2 * (2 - 2.6) * (2 - 2.6) + (3 - 2.6) * (3 - 2.6) + (7 - 2.6) * (7 - 2.6)) / 5;
    EXPECT_NEAR(e.variance(), var, 16 * u * var);
    EXPECT_NEAR(e.entropy(), -(3 * 0.2 * std::log(0.2) + 0.4 * std::log(0.4)), 8 * u);
    EXPECT_TRUE(std::isnan(Empirical(Vector{4.0, 4.0}).skewness()));  // 0/0: no spread
    Rng rng(5);
    const Vector s = e.sample(rng, 1000);
    for (double v : s) EXPECT_GT(e.pmf(v), 0.0) << "a draw that is not a data point: " << v;
}

// ---------------------------------------------------------------- edges

TEST(Edges, InfinitiesGiveTheLimits) {
    const Gaussian g;
    const Laplace l(1, 2);
    const Exponential e(3);
    const Uniform un(-1, 1);
    for (auto [lo, hi] : {std::pair{g.cdf(-kInf), g.cdf(kInf)}, {l.cdf(-kInf), l.cdf(kInf)}, {e.cdf(-kInf), e.cdf(kInf)},
                          {un.cdf(-kInf), un.cdf(kInf)}}) {
        EXPECT_EQ(lo, 0.0);
        EXPECT_EQ(hi, 1.0);
    }
    EXPECT_EQ(g.pdf(kInf), 0.0);
    EXPECT_EQ(g.log_pdf(-kInf), -kInf);
    EXPECT_EQ(g.log_cdf(-kInf), -kInf);
    EXPECT_EQ(g.log_cdf(kInf), 0.0);
    EXPECT_EQ(g.log_sf(kInf), -kInf);
    EXPECT_EQ(l.log_pdf(kInf), -kInf);
    EXPECT_EQ(l.log_sf(kInf), -kInf);
    EXPECT_EQ(l.log_cdf(-kInf), -kInf);
    EXPECT_EQ(e.log_pdf(-kInf), -kInf);
    EXPECT_EQ(e.log_sf(kInf), -kInf);
    EXPECT_EQ(e.log_cdf(kInf), 0.0);
    EXPECT_EQ(e.pdf(0.0), 3.0);  // the indicator 1[x >= 0] includes 0
    EXPECT_EQ(un.log_pdf(kInf), -kInf);
    EXPECT_EQ(un.pdf(1.0), 0.5);  // the closed interval
}

TEST(Edges, QuantileAtZeroAndOneIsTheEndOfTheSupport) {
    EXPECT_EQ(Gaussian().quantile(0.0), -kInf);
    EXPECT_EQ(Gaussian().quantile(1.0), kInf);
    EXPECT_EQ(Gaussian().isf(0.0), kInf);
    EXPECT_EQ(Gaussian().isf(1.0), -kInf);
    EXPECT_EQ(Gaussian::from_stddev(3, 2).quantile(0.5), 3.0);
    EXPECT_EQ(Laplace(1, 2).quantile(0.0), -kInf);
    EXPECT_EQ(Laplace(1, 2).quantile(1.0), kInf);
    EXPECT_EQ(Laplace(1, 2).quantile(0.5), 1.0);
    EXPECT_EQ(Exponential(2).quantile(0.0), 0.0);
    EXPECT_FALSE(std::signbit(Exponential(2).quantile(0.0)));
    EXPECT_EQ(Exponential(2).quantile(1.0), kInf);
    EXPECT_EQ(Exponential(2).isf(0.0), kInf);
    EXPECT_FALSE(std::signbit(Exponential(2).isf(1.0)));
    EXPECT_EQ(Uniform(0.1, 0.7).quantile(1.0), 0.7);
    EXPECT_EQ(Uniform(0.1, 0.7).quantile(0.0), 0.1);
    EXPECT_EQ(Uniform(0.1, 0.7).isf(0.0), 0.7);
    EXPECT_EQ(Uniform(0.1, 0.7).isf(1.0), 0.1);
    EXPECT_EQ(Bernoulli(0.3).quantile(0.0), 0.0);
    EXPECT_EQ(Bernoulli(0.3).quantile(1.0), 1.0);
}

// ---------------------------------------------------------------- bad input

TEST(BadInput, ConstructorsNameTheParameter) {
    EXPECT_EQ(what_of([] { Gaussian::from_stddev(0, 0); }), "Gaussian: sigma must be finite and > 0 (got sigma = 0)");
    EXPECT_THROW(Gaussian::from_variance(kNaN, 1), dlmath::domain_error);
    EXPECT_THROW(Gaussian::from_variance(0, -1), dlmath::domain_error);
    EXPECT_THROW(Gaussian::from_precision(0, kInf), dlmath::domain_error);
    EXPECT_EQ(what_of([] { Bernoulli(1.5); }), "Bernoulli: phi must be a probability in [0, 1] (got phi = 1.5)");
    EXPECT_THROW(Bernoulli{kNaN}, dlmath::domain_error);
    EXPECT_THROW(Bernoulli(-0.1), dlmath::domain_error);
    EXPECT_EQ(what_of([] { Exponential(0); }), "Exponential: lambda must be finite and > 0 (got lambda = 0)");
    EXPECT_THROW(Exponential(-2), dlmath::domain_error);
    EXPECT_THROW(Exponential{kNaN}, dlmath::domain_error);
    EXPECT_EQ(what_of([] { Laplace(0, -1); }), "Laplace: gamma must be finite and > 0 (got gamma = -1)");
    EXPECT_THROW(Laplace(kInf, 1), dlmath::domain_error);
    EXPECT_EQ(what_of([] { Uniform(2, 1); }), "Uniform: a must be less than b (got a = 2, b = 1)");
    EXPECT_THROW(Uniform(1, 1), dlmath::domain_error);
    EXPECT_THROW(Uniform(kNaN, 1), dlmath::domain_error);
    EXPECT_THROW(Uniform(0, kInf), dlmath::domain_error);
    EXPECT_THROW(Uniform(-1e308, 1e308), dlmath::domain_error);  // b - a overflows
    EXPECT_EQ(what_of([] { Categorical(Vector{0.5, 0.6}); }),
              "Categorical: the probabilities must sum to 1 (2 probabilities sum to 1.1000000000000001, off by "
              "0.10000000000000009; the tolerance is 1.7763568394002505e-15)");
    EXPECT_EQ(what_of([] { Categorical(Vector{0.5, -0.1, 0.6}); }),
              "Categorical: p(1) must be a probability in [0, 1] (got p(1) = -0.10000000000000001)");
    EXPECT_THROW(Categorical(Vector{kNaN, 1.0}), dlmath::domain_error);
    EXPECT_THROW(Categorical(Vector{}), dlmath::shape_error);
    EXPECT_THROW(Categorical::from_first(Vector{-0.5}), dlmath::domain_error);
    EXPECT_THROW(Categorical::from_first(Vector{kNaN}), dlmath::domain_error);
    EXPECT_THROW(Empirical(Vector{}), dlmath::shape_error);
    EXPECT_EQ(what_of([] { Empirical(Vector{1.0, kNaN}); }),
              "Empirical: data must be finite (data is 2, entry 1 in row-major order is nan)");
}

// Every member that takes a point or a probability, for every family.
template <class D>
void expect_bad_arguments_rejected(const D& d) {
    const std::string family(D::family);
    std::vector<std::pair<std::string, std::function<double(double)>>> at_points = {
        {"cdf", [&](double x) { return d.cdf(x); }},         {"sf", [&](double x) { return d.sf(x); }},
        {"log_cdf", [&](double x) { return d.log_cdf(x); }}, {"log_sf", [&](double x) { return d.log_sf(x); }}};
    if constexpr (requires { d.pdf(0.0); }) {
        at_points.push_back({"pdf", [&](double x) { return d.pdf(x); }});
        at_points.push_back({"log_pdf", [&](double x) { return d.log_pdf(x); }});
    } else {
        at_points.push_back({"pmf", [&](double x) { return d.pmf(x); }});
        at_points.push_back({"log_pmf", [&](double x) { return d.log_pmf(x); }});
    }
    for (const auto& [name, f] : at_points) {
        EXPECT_EQ(what_of([&] { f(kNaN); }), family + "::" + name + ": x must not be NaN");
    }
    for (double q : {-0.1, 1.5, kNaN, kInf}) {
        EXPECT_THROW(d.quantile(q), dlmath::domain_error) << family << ", q = " << q;
        EXPECT_THROW(d.isf(q), dlmath::domain_error) << family << ", q = " << q;
    }
    EXPECT_EQ(what_of([&] { d.quantile(2.0); }), family + "::quantile: q must be a probability in [0, 1] (got q = 2)");
    EXPECT_EQ(what_of([&] { d.isf(-1.0); }), family + "::isf: q must be a probability in [0, 1] (got q = -1)");
}

TEST(BadInput, EveryMemberRejectsNanAndProbabilitiesOutsideTheUnitInterval) {
    expect_bad_arguments_rejected(Gaussian());
    expect_bad_arguments_rejected(Uniform(0, 1));
    expect_bad_arguments_rejected(Exponential(1));
    expect_bad_arguments_rejected(Laplace(0, 1));
    expect_bad_arguments_rejected(Bernoulli(0.5));
    expect_bad_arguments_rejected(Categorical(Vector{0.5, 0.5}));
    expect_bad_arguments_rejected(Empirical(Vector{1.0}));
}

TEST(BadInput, BatchedLogPdfRejectsNan) {
    const Vector x = {0.0, 1.0, kNaN, 2.0};
    EXPECT_EQ(what_of([&] { ref::log_pdf(Gaussian(), x); }),
              "log_pdf(Gaussian, x): x must not contain NaN (x has 4 entries, entry 2 is NaN)");
    EXPECT_THROW(ref::log_pdf(Uniform(0, 1), x), dlmath::domain_error);
    EXPECT_THROW(ref::log_pdf(Exponential(1), x), dlmath::domain_error);
    EXPECT_THROW(ref::log_pdf(Laplace(0, 1), x), dlmath::domain_error);
}

// ---------------------------------------------------------------- the batched functions

TEST(Batched, LogPdfIsTheMemberAtEachPoint) {
    const Vector x = {-kInf, -3.0, -0.5, 0.0, 0.25, 1.0, 4.0, kInf};
    const auto each = [&](const auto& d) {
        const Vector y = ref::log_pdf(d, x);
        ASSERT_EQ(y.size(), x.size());
        for (std::size_t i = 0; i < x.size(); ++i) EXPECT_EQ(y(i), d.log_pdf(x(i))) << i;
    };
    each(Gaussian::from_stddev(0.5, 2));
    each(Uniform(-1, 1));
    each(Exponential(2));
    each(Laplace(1, 0.5));
    EXPECT_EQ(ref::log_pdf(Gaussian(), Vector{}).size(), 0u);
}

TEST(Batched, SampleIsTheMemberAndAdvancesTheStream) {
    Rng a(11), b(11);
    const Vector x = ref::sample(Laplace(0, 1), a, 100);
    EXPECT_EQ(x, Laplace(0, 1).sample(b, 100));
    EXPECT_EQ(a.position(), 100u);
    // the next draws continue the stream: 100 then 50 draws are the first 150
    Rng c(11);
    const Vector all = ref::sample(Laplace(0, 1), c, 150);
    const Vector next = ref::sample(Laplace(0, 1), a, 50);
    for (std::size_t i = 0; i < 50; ++i) EXPECT_EQ(next(i), all(100 + i));
}

// ---------------------------------------------------------------- properties

// Probabilities and parameters from shrinkable integers: probabilities k/1000.
namespace {
rc::Gen<double> scale_gen() {  // 2^-8 .. 2^8
    return rc::gen::map(rc::gen::inRange(-80, 81), [](int e) { return std::exp2(e / 10.0); });
}
rc::Gen<double> location_gen() {
    return rc::gen::map(rc::gen::inRange(-4000, 4001), [](int k) { return k / 8.0; });
}
}  // namespace

RC_GTEST_PROP(Property, PmfsSumToOne, ()) {
    const double phi = *rc::gen::inRange(0, 1001) / 1000.0;
    const Bernoulli b(phi);
    RC_ASSERT(b.pmf(0.0) + b.pmf(1.0) == 1.0);  // (1 - phi) + phi: Sterbenz, exact
    const auto k = *rc::gen::inRange<std::size_t>(1, 40);
    const Vector p = dlmath::testing::probability_vector(k, *rc::gen::arbitrary<std::uint32_t>());
    const Categorical c(p);
    double sum = 0.0;
    for (std::size_t i = 0; i < k; ++i) sum += c.pmf(static_cast<double>(i));
    RC_ASSERT(std::fabs(sum - 1.0) <= 4 * k * u);  // the generator's 2ku plus the sum's ku
    const Vector data = *dlmath::testing::small_vector(30, 5);  // few distinct values: ties
    RC_PRE(data.size() > 0u);
    const Empirical e(data);
    double mass = 0.0;
    for (std::size_t i = 0; i < e.size(); ++i) {
        if (i == 0 || e.points()(i) != e.points()(i - 1)) mass += e.pmf(e.points()(i));
    }
    RC_ASSERT(std::fabs(mass - 1.0) <= 2 * e.size() * u);
}

// Adaptive Gauss–Kronrod over the support, cut where the mass left out is
// below 1e-17 (12 standard deviations of a Gaussian, 40 scales of a Laplace
// or exponential) and split at the kinks: the integral is 1 within the
// quadrature's 1e-13, the mass cut off, and the rounding of the nodes
// mu + s t, which moves each by u |mu| and the density by u |mu| / s relative.
RC_GTEST_PROP(Property, PdfsIntegrateToOne, ()) {
    const double mu = *location_gen(), s = *scale_gen();
    const Gaussian g = Gaussian::from_stddev(mu, s);
    const Laplace l(mu, s);
    const Exponential e(s);
    const Uniform un(mu, mu + s);
    const double tol = 1e-12 + 16 * u * (1 + std::fabs(mu) / s);
    const double ig = integrate([&](double x) { return g.pdf(x); }, mu - 12 * s, mu + 12 * s);
    const double il = integrate([&](double x) { return l.pdf(x); }, mu - 40 * s, mu) +
                      integrate([&](double x) { return l.pdf(x); }, mu, mu + 40 * s);
    const double ie = integrate([&](double x) { return e.pdf(x); }, 0.0, 40 / s);
    const double iu = integrate([&](double x) { return un.pdf(x); }, mu, mu + s);
    RC_ASSERT(std::fabs(ig - 1) <= tol);
    RC_ASSERT(std::fabs(il - 1) <= tol);
    RC_ASSERT(std::fabs(ie - 1) <= tol);
    RC_ASSERT(std::fabs(iu - 1) <= tol);
}

// The entropies as integrals too: -∫ p log p = the closed form.
TEST(Property, EntropiesAreTheIntegralOfMinusPLogP) {
    const Gaussian g = Gaussian::from_stddev(0.5, 1.7);
    const Laplace l(0.5, 1.7);
    const Exponential e(1.7);
    auto h = [](const auto& d, double a, double b) {
        return integrate([&](double x) { return -d.pdf(x) * d.log_pdf(x); }, a, b);
    };
    EXPECT_NEAR(h(g, 0.5 - 12 * 1.7, 0.5 + 12 * 1.7), g.entropy(), 1e-12);
    EXPECT_NEAR(h(l, 0.5 - 45 * 1.7, 0.5) + h(l, 0.5, 0.5 + 45 * 1.7), l.entropy(), 1e-12);
    EXPECT_NEAR(h(e, 0.0, 45 / 1.7), e.entropy(), 1e-12);
}

// quantile(cdf) and sf(isf) round trips, q from 1e-300 to 1/2 (log-uniform):
// the relative error of F(F^{-1}(q)) is the quantile's error times the
// density over the tail mass, about t^2 u for a Gaussian (t the standardised
// point) and t u for Laplace and exponential.
RC_GTEST_PROP(Property, CdfAndQuantileInvertEachOther, ()) {
    const double q = std::pow(10.0, -*rc::gen::inRange(30, 30001) / 100.0);  // 1e-300 .. 0.5
    const double mu = *location_gen(), s = *scale_gen();
    const Gaussian g = Gaussian::from_stddev(mu, s);
    const double zg = g.quantile(q);
    // the rounding of mu + s z moves z by u |mu| / s, F by that times phi/Phi <= 1 + |z|
    const double t = std::fabs((zg - mu) / s);
    const double tg = 32 * u * (1 + t * t) + 8 * u * std::fabs(mu) / s * (1 + t);
    RC_ASSERT(std::fabs(g.cdf(zg) - q) <= tg * q + 1e-320);
    RC_ASSERT(std::fabs(g.sf(g.isf(q)) - q) <= tg * q + 1e-320);
    RC_ASSERT(std::fabs(g.log_cdf(zg) - std::log(q)) <= tg);
    const Laplace l(mu, s);
    const double zl = l.quantile(q), tl = 32 * u * (1 + std::fabs((zl - mu) / s) + std::fabs(mu) / s);
    RC_ASSERT(std::fabs(l.cdf(zl) - q) <= tl * q);
    RC_ASSERT(std::fabs(l.sf(l.isf(q)) - q) <= tl * q);
    const Exponential e(s);
    RC_ASSERT(std::fabs(e.sf(e.isf(q)) - q) <= 32 * u * (1 + s * e.isf(q)) * q);
    RC_ASSERT(std::fabs(e.cdf(e.quantile(q)) - q) <= 32 * u * q);
    // discrete: the quantile of F(k) is k for every state of positive mass
    const Categorical c(dlmath::testing::probability_vector(7, static_cast<std::uint64_t>(q * 1e6)));
    for (int k = 0; k < 7; ++k) RC_ASSERT(c.quantile(c.cdf(k)) == k);
}

// sf = 1 - cdf, but computed without the subtraction: far in the upper tail
// sf keeps its relative accuracy (Boost's complement as the oracle) where
// 1 - cdf is 0; in the body the two add up to 1 within a few u.
RC_GTEST_PROP(Property, SurvivalIsOneMinusCdfWithoutCancellation, ()) {
    const double t = *rc::gen::inRange(0, 3701) / 100.0;  // 0 .. 37 scales above the centre
    const Gaussian g;
    const Real sf = bm::cdf(bm::complement(bm::normal_distribution<Real>(), Real(t)));
    RC_ASSERT(std::fabs(g.sf(t) - static_cast<double>(sf)) <= 16 * u * (1 + t * t) * static_cast<double>(sf));
    RC_ASSERT(std::fabs(g.sf(t) + g.cdf(t) - 1.0) <= 4 * u);
    const Laplace l(0, 1);
    RC_ASSERT(std::fabs(l.sf(t) - 0.5 * std::exp(-t)) <= 8 * u * (1 + t) * l.sf(t));
    RC_ASSERT(std::fabs(l.sf(t) + l.cdf(t) - 1.0) <= 4 * u);
    const Exponential e(1);
    RC_ASSERT(std::fabs(e.sf(t) - std::exp(-t)) <= 2 * u * e.sf(t));
    RC_ASSERT(std::fabs(e.sf(t) + e.cdf(t) - 1.0) <= 4 * u);
    if (t > 9) RC_ASSERT(1.0 - g.cdf(t) < 0.5 * g.sf(t));  // the subtraction would have lost it
}

// Among densities of variance s^2, the Gaussian's entropy 1/2 ln(2 pi e s^2)
// beats Laplace's 1 + ln(2 gamma), gamma = s / sqrt 2, and the uniform's
// ln(b - a), b - a = s sqrt 12, by constants (0.0724 and 0.1765 nats).
RC_GTEST_PROP(Property, GaussianHasTheLargestEntropyForItsVariance, ()) {
    const double s = *scale_gen(), mu = *location_gen();
    const Gaussian g = Gaussian::from_stddev(mu, s);
    const Laplace l(mu, s / std::sqrt(2.0));
    const Uniform un(mu - s * std::sqrt(3.0), mu + s * std::sqrt(3.0));
    RC_ASSERT(std::fabs(l.variance() - g.variance()) <= 4 * u * g.variance());
    RC_ASSERT(std::fabs(un.variance() - g.variance()) <= 64 * u * g.variance() * (1 + std::fabs(mu) / s));
    RC_ASSERT(g.entropy() > l.entropy() + 0.07);
    RC_ASSERT(l.entropy() > un.entropy() + 0.10);
}

// Seeded samples of n = 20000: the sample mean is within 5 standard errors
// sigma/sqrt(n) of the mean (CLT; a 5-sigma miss has probability 6e-7 and the
// seeds are fixed), the sample variance within 5 sqrt((mu_4 - sigma^4)/n) =
// 5 sigma^2 sqrt((kurtosis - 1)/n) of the variance.
template <class D>
void expect_moments_converge(const D& d, std::uint64_t seed) {
    const std::size_t n = 20000;
    Rng rng(seed);
    const Vector x = d.sample(rng, n);
    ASSERT_EQ(rng.position(), n);
    double mean = 0.0;
    for (double v : x) mean += v;
    mean /= n;
    double var = 0.0;
    for (double v : x) var += (v - mean) * (v - mean);
    var /= n;
    const double se_mean = d.stddev() / std::sqrt(n), se_var = d.variance() * std::sqrt((d.kurtosis() - 1) / n);
    EXPECT_LE(std::fabs(mean - d.mean()), 5 * se_mean) << D::family << ": sample mean " << mean;
    EXPECT_LE(std::fabs(var - d.variance()), 5 * se_var) << D::family << ": sample variance " << var;
}

TEST(Property, SampleMomentsConvergeWithinCltBounds) {
    expect_moments_converge(Gaussian::from_stddev(2, 3), 1);
    expect_moments_converge(Uniform(-1, 4), 2);
    expect_moments_converge(Exponential(0.5), 3);
    expect_moments_converge(Laplace(-1, 2), 4);
    expect_moments_converge(Bernoulli(0.3), 5);
    expect_moments_converge(Categorical(Vector{0.1, 0.2, 0.3, 0.4}), 6);
    expect_moments_converge(Empirical(Vector{1.0, 2.0, 2.0, 10.0}), 7);
}
