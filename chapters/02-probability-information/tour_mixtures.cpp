// Chapter 2, multivariate Gaussians, mixtures and the Bayesian view: the
// worked examples, reference vs fast Gaussian-mixture log-likelihood, and
// the data of the figure mixture_histogram.svg.

#include <cmath>
#include <iostream>
#include <numbers>
#include <string>
#include <vector>

#include "dlmath/fast/probability.hpp"
#include "dlmath/reference/probability.hpp"
#include "tour.hpp"

namespace ref = dlmath::reference;
namespace fast = dlmath::fast;
using dlmath::Gaussian;
using dlmath::Matrix;
using dlmath::Mixture;
using dlmath::MultivariateGaussian;
using dlmath::Rng;
using dlmath::Vector;

namespace {

void multivariate(dlmath::tour::Checks& c) {
    //! [example_bivariate]
    const Vector mu = {1.0, -1.0};
    const Matrix Sigma = {{2.0, 0.6}, {0.6, 1.0}};           // det Sigma = 1.64
    const Matrix beta = {{1.0 / 1.64, -0.6 / 1.64},           // beta = Sigma^{-1}
                         {-0.6 / 1.64, 2.0 / 1.64}};
    const auto by_covariance = MultivariateGaussian::from_covariance(mu, Sigma);
    const auto by_precision = MultivariateGaussian::from_precision(mu, beta);
    const Vector x = {2.0, 0.0};                              // x - mu = (1, 1)
    // by hand: -log(2 pi) - log(det Sigma)/2 - (1 - 0.6 - 0.6 + 2)/(2 * 1.64)
    const double by_hand = -std::log(2 * std::numbers::pi) - 0.5 * std::log(1.64) - 0.9 / 1.64;
    //! [example_bivariate]
    dlmath::tour::check(c, "log N((2, 0); (1, -1), Sigma) with det Sigma", by_covariance.log_pdf(x), by_hand, 4);
    dlmath::tour::check(c, "the same with det beta (the precision form)", by_precision.log_pdf(x), by_hand, 4);
    const auto iso = MultivariateGaussian::isotropic(Vector{0.0, 0.0, 0.0}, 4.0);
    dlmath::tour::check(c, "isotropic N(0, 4 I) in 3-D at 0: -(3/2) log(8 pi)", iso.log_pdf(Vector{0.0, 0.0, 0.0}),
                        -1.5 * std::log(8 * std::numbers::pi), 2);
}

//! [example_mixture]
// p(x) = 0.45 N(x; -4, 0.8^2) + 0.55 N(x; 3, 1.2^2): the latent class c picks a component
const Mixture<Gaussian> p(Vector{0.45, 0.55}, {Gaussian::from_stddev(-4.0, 0.8), Gaussian::from_stddev(3.0, 1.2)});
//! [example_mixture]

void mixtures(dlmath::tour::Checks& c) {
    dlmath::tour::check(c, "E[x] = 0.45 (-4) + 0.55 (3)", p.mean(), -0.15, 4);
    dlmath::tour::check(c, "Var[x] = sum_i w_i (sigma_i^2 + (mu_i - E[x])^2)", p.variance(), 13.2075, 4);
    //! [example_posterior]
    const Vector prior = p.weights();        // P(c = i) before seeing x
    const Vector posterior = p.posterior(-1.0);  // P(c = i | x = -1) by Bayes' rule
    //! [example_posterior]
    const double a0 = 0.45 * Gaussian::from_stddev(-4.0, 0.8).pdf(-1.0), a1 = 0.55 * Gaussian::from_stddev(3.0, 1.2).pdf(-1.0);
    std::cout << "  prior (" << prior(0) << ", " << prior(1) << ") -> posterior at x = -1 (" << posterior(0) << ", "
              << posterior(1) << ")\n";
    dlmath::tour::check(c, "P(c = 1 | x = -1) = w_1 p_1 / (w_1 p_1 + w_2 p_2)", posterior(0), a0 / (a0 + a1), 4);
    dlmath::tour::check(c, "P(c = 1 | x = -1) + P(c = 2 | x = -1)", posterior(0) + posterior(1), 1.0, 2);
    // far from both components: p(x) underflows, log p(x) and the posterior do not
    const Vector far = p.posterior(200.0);
    dlmath::tour::check(c, "p(200) underflows to", p.pdf(200.0), 0.0);
    dlmath::tour::check(c, "log p(200) = log 0.55 + log N(200; 3, 1.44) (finite)", p.log_pdf(200.0),
                        std::log(0.55) + Gaussian::from_stddev(3.0, 1.2).log_pdf(200.0), 2);
    dlmath::tour::check(c, "P(c = 2 | x = 200) (no 0/0)", far(1), 1.0);
}

// The Bayesian view on a grid: a coin's bias theta, a uniform prior, and
// 7 heads in 10 tosses (in a fixed order). The posterior is proportional
// to likelihood x prior; the evidence p(D) = int theta^7 (1 - theta)^3 dtheta
// = B(8, 4) = 7! 3! / 11! = 1/1320, and the posterior is Beta(8, 4), of mean 2/3.
void bayes_on_a_grid(dlmath::tour::Checks& c) {
    //! [example_coin]
    const std::size_t m = 1000;                  // grid cells of width 1/m, midpoints theta_j
    const double h = 1.0 / m;
    double evidence = 0.0, mean = 0.0;
    std::vector<double> posterior(m);
    for (std::size_t j = 0; j < m; ++j) {
        const double theta = (j + 0.5) * h;
        const double prior = 1.0;                // uniform density on [0, 1]
        const double likelihood = std::pow(theta, 7) * std::pow(1 - theta, 3);
        posterior[j] = likelihood * prior;       // unnormalised
        evidence += posterior[j] * h;            // p(D) = int p(D | theta) p(theta) dtheta
    }
    for (std::size_t j = 0; j < m; ++j) {
        posterior[j] /= evidence;                // p(theta | D) = p(D | theta) p(theta) / p(D)
        mean += (j + 0.5) * h * posterior[j] * h;
    }
    //! [example_coin]
    // the midpoint rule's error is h^2/24 times the integral of the second derivative: ~1e-7 relative here
    dlmath::tour::check_that(c, "evidence p(D) on the grid = " + std::to_string(evidence) + ", B(8, 4) = 1/1320 = " +
                                    std::to_string(1.0 / 1320) + " (within 1e-6 relative)",
                             std::fabs(evidence * 1320 - 1.0) < 1e-6);
    dlmath::tour::check_that(c, "posterior mean = " + std::to_string(mean) + ", Beta(8, 4) mean 2/3 (within 1e-6)",
                             std::fabs(mean - 2.0 / 3.0) < 1e-6);
    std::cout << "  the maximum-likelihood estimate 7/10 is pulled towards the prior's 1/2: posterior mean 2/3\n";
}

// A Gaussian mixture model's log-likelihood: n points, 8 components, 10 dimensions.
void timings(bool quick) {
    const std::size_t n = quick ? 20'000 : 1'000'000, k = 8, d = 10;
    std::vector<MultivariateGaussian> comps;
    for (std::size_t i = 0; i < k; ++i) {
        Matrix S = xt::eye<double>(d);
        for (std::size_t j = 0; j + 1 < d; ++j) S(j, j + 1) = S(j + 1, j) = 0.3;  // tridiagonal, SPD
        Vector mu = xt::zeros<double>({d});
        mu(i % d) = 3.0;
        comps.push_back(MultivariateGaussian::from_covariance(mu, (1.0 + 0.1 * i) * S));
    }
    const Mixture<MultivariateGaussian> gmm(xt::ones<double>({k}) / static_cast<double>(k), comps);
    Rng rng(5);
    const Matrix X = gmm.sample(rng, n);
    double ll_ref = 0, ll_fast = 0;
    std::cout << "  reference vs fast, best of 3 runs:\n";
    dlmath::tour::print_timing("GMM log-likelihood (n = " + std::to_string(n) + ", k = 8, d = 10)",
                               dlmath::tour::seconds([&] { ll_ref = xt::sum(ref::log_pdf(gmm, X))(); }, 3),
                               dlmath::tour::seconds([&] { ll_fast = xt::sum(fast::log_pdf(gmm, X))(); }, 3));
    std::cout << "  log-likelihood: reference " << ll_ref << ", fast " << ll_fast << "\n";
}

// Figure: the density of p over a normalised histogram of 20000 of its samples.
void histogram(const std::filesystem::path& dir) {
    Rng rng(42);
    const std::size_t n = 20000, bins = 80;
    const double lo = -7.0, hi = 8.0, w = (hi - lo) / bins;
    const Vector x = p.sample(rng, n);
    Matrix rows = xt::zeros<double>({bins, std::size_t{3}});
    for (double v : x) {
        const double b = std::floor((v - lo) / w);
        if (b >= 0 && b < bins) rows(static_cast<std::size_t>(b), 2) += 1.0 / (n * w);  // a density: count / (n w)
    }
    for (std::size_t b = 0; b < bins; ++b) {
        rows(b, 0) = lo + (b + 0.5) * w;
        rows(b, 1) = p.pdf(rows(b, 0));
    }
    dlmath::tour::write_csv(dir / "mixture_histogram.csv", "x,density,histogram", rows);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    multivariate(c);
    mixtures(c);
    bayes_on_a_grid(c);
    timings(o.quick);
    histogram(o.figures);
}

const dlmath::tour::Register section{"mixtures", run};

}  // namespace
