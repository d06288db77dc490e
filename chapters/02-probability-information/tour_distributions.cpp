// Chapter 2, random variables and distributions: the worked examples,
// reference vs fast log-density and sampling, and the data of the figure
// equal_variance.svg.

#include <cmath>
#include <iostream>
#include <numbers>
#include <string>

#include "dlmath/fast/probability.hpp"
#include "dlmath/reference/probability.hpp"
#include "tour.hpp"

namespace ref = dlmath::reference;
namespace fast = dlmath::fast;
using dlmath::Bernoulli;
using dlmath::Categorical;
using dlmath::Gaussian;
using dlmath::Laplace;
using dlmath::Uniform;
using dlmath::Vector;

namespace {

void bernoulli(dlmath::tour::Checks& c) {
    //! [example_bernoulli]
    const Bernoulli b(0.3);  // P(x = 1) = phi = 0.3
    //! [example_bernoulli]
    dlmath::tour::check(c, "Bernoulli(0.3): E[x] = phi", b.mean(), 0.3);
    dlmath::tour::check(c, "Bernoulli(0.3): Var[x] = phi (1 - phi)", b.variance(), 0.3 * 0.7);
    dlmath::tour::check(c, "Bernoulli(0.3): P(1) = phi^1 (1 - phi)^0", b.pmf(1.0), 0.3);
    dlmath::tour::check(c, "Bernoulli(0.3): P(0) = phi^0 (1 - phi)^1", b.pmf(0.0), 1.0 - 0.3);
}

void uniform(dlmath::tour::Checks& c) {
    //! [example_uniform]
    const Categorical die(Vector{1, 1, 1, 1, 1, 1} / 6.0);  // k = 6 states
    const Uniform u(2.0, 6.0);                               // [a, b] = [2, 6]
    //! [example_uniform]
    dlmath::tour::check(c, "uniform PMF over k = 6 states: P(x = 4) = 1/k", die.pmf(4.0), 1.0 / 6.0);
    dlmath::tour::check(c, "uniform PDF on [2, 6]: p(3) = 1/(b - a)", u.pdf(3.0), 0.25);
    dlmath::tour::check(c, "uniform PDF on [0, 1/2]: p(1/4) = 2 (a density may exceed 1)", Uniform(0.0, 0.5).pdf(0.25), 2.0);
    dlmath::tour::check(c, "Categorical::from_first({0.2, 0.3}): p_3 = 1 - 1^T p", Categorical::from_first(Vector{0.2, 0.3}).pmf(2.0), 0.5);
}

void gaussian_forms(dlmath::tour::Checks& c) {
    //! [example_gaussian_forms]
    const Gaussian by_variance = Gaussian::from_variance(1.0, 4.0);     // sigma^2 = 4
    const Gaussian by_precision = Gaussian::from_precision(1.0, 0.25);  // beta = 1/4
    //! [example_gaussian_forms]
    dlmath::tour::check(c, "N(2.5; 1, sigma^2 = 4)", by_variance.pdf(2.5),
                        std::exp(-0.5 * 0.75 * 0.75) / std::sqrt(2.0 * M_PI * 4.0), 4);
    dlmath::tour::check(c, "N(2.5; 1, beta = 1/4) (the precision form)", by_precision.pdf(2.5), by_variance.pdf(2.5));
}

void tails(dlmath::tour::Checks& c) {
    //! [example_tails]
    const Gaussian z;                        // N(0, 1)
    const double underflows = z.cdf(-40.0);  // Phi(-40) ~ 3.7e-350: below the smallest double
    const double log_tail = z.log_cdf(-40.0);
    const double far = z.isf(1e-300);        // quantile(1 - 1e-300) would see quantile(1) = inf
    //! [example_tails]
    dlmath::tour::check(c, "Phi(-40) underflows", underflows, 0.0);
    dlmath::tour::check(c, "log Phi(-40), in log space", log_tail, -804.6084420137538, 2);
    dlmath::tour::check(c, "isf(1e-300) of N(0, 1)", far, 37.047096299361201, 4);
}

// Equal variance 1: Gaussian sigma = 1, Laplace gamma = 1/sqrt 2, uniform width sqrt 12.
void entropies(dlmath::tour::Checks& c) {
    //! [example_entropy]
    const Gaussian g = Gaussian::from_variance(0.0, 1.0);
    const Laplace l(0.0, 1.0 / std::sqrt(2.0));
    const Uniform u(-std::sqrt(3.0), std::sqrt(3.0));
    //! [example_entropy]
    dlmath::tour::check(c, "entropy of N(0, 1) = 1/2 ln(2 pi e)", g.entropy(),
                        0.5 * std::log(2 * std::numbers::pi * std::numbers::e), 2);
    dlmath::tour::check(c, "entropy of Laplace, variance 1 = 1 + ln(2 gamma)", l.entropy(), 1 + std::log(std::sqrt(2.0)), 2);
    dlmath::tour::check(c, "entropy of uniform, variance 1 = ln(b - a)", u.entropy(), std::log(2 * std::sqrt(3.0)), 2);
    dlmath::tour::check_that(c, "the Gaussian's is the largest: " + std::to_string(g.entropy()) + " > " +
                                    std::to_string(l.entropy()) + " > " + std::to_string(u.entropy()),
                             g.entropy() > l.entropy() && l.entropy() > u.entropy());
}

void timings(bool quick) {
    std::cout << "  reference vs fast, best of 5 runs:\n";
    const std::size_t n = quick ? 1'000'000 : 10'000'000;
    const Gaussian g = Gaussian::from_stddev(0.5, 2.0);
    dlmath::Rng rng(1);
    const Vector x = g.sample(rng, n);
    const std::string size = " (n = " + std::to_string(n) + ")";
    volatile double sink = 0;
    dlmath::tour::print_timing("Gaussian log_pdf" + size, dlmath::tour::seconds([&] { sink = ref::log_pdf(g, x)(0); }),
                               dlmath::tour::seconds([&] { sink = fast::log_pdf(g, x)(0); }));
    dlmath::tour::print_timing("Gaussian sample" + size, dlmath::tour::seconds([&] {
                                   dlmath::Rng r(2);
                                   sink = ref::sample(g, r, n)(0);
                               }),
                               dlmath::tour::seconds([&] {
                                   dlmath::Rng r(2);
                                   sink = fast::sample(g, r, n)(0);
                               }));
    (void)sink;
}

// Figure: the densities of N(0, 1), Laplace and uniform of variance 1,
// written as equal_variance.csv: x, then the three densities.
void equal_variance(const std::filesystem::path& dir) {
    const Gaussian g;
    const Laplace l(0.0, 1.0 / std::sqrt(2.0));
    const Uniform u(-std::sqrt(3.0), std::sqrt(3.0));
    const std::size_t steps = 800;
    dlmath::Matrix rows = dlmath::Matrix::from_shape({steps + 1, 4});
    for (std::size_t k = 0; k <= steps; ++k) {
        const double x = -4.0 + 8.0 * static_cast<double>(k) / steps;
        rows(k, 0) = x;
        rows(k, 1) = g.pdf(x);
        rows(k, 2) = l.pdf(x);
        rows(k, 3) = u.pdf(x);
    }
    dlmath::tour::write_csv(dir / "equal_variance.csv", "x,gaussian,laplace,uniform", rows);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    bernoulli(c);
    uniform(c);
    gaussian_forms(c);
    tails(c);
    entropies(c);
    timings(o.quick);
    equal_variance(o.figures);
}

const dlmath::tour::Register section{"distributions", run};

}  // namespace
