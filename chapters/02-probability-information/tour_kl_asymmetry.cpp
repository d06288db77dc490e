// Chapter 2, KL is asymmetric: the closed forms between Gaussians, the
// Monte-Carlo estimate, the two fits of one Gaussian to a two-mode mixture,
// reference vs fast Monte-Carlo KL, and the data of kl_asymmetry.svg.

#include <cmath>
#include <iostream>
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
using dlmath::reference::KLDirection;

namespace {

std::string str(double v) { return std::to_string(v); }

void closed_forms(dlmath::tour::Checks& c) {
    //! [example_kl_gaussians]
    const Gaussian p = Gaussian::from_variance(0.0, 1.0), q = Gaussian::from_variance(1.0, 4.0);
    const double pq = ref::kl_divergence(p, q);  // log 2 + (1 + 1)/8 - 1/2 = log 2 - 1/4
    const double qp = ref::kl_divergence(q, p);  // log(1/2) + (4 + 1)/2 - 1/2 = 2 - log 2
    //! [example_kl_gaussians]
    dlmath::tour::check(c, "D_KL(N(0,1) || N(1,4)) = log 2 - 1/4", pq, std::log(2.0) - 0.25, 2);
    dlmath::tour::check(c, "D_KL(N(1,4) || N(0,1)) = 2 - log 2 (not the same)", qp, 2.0 - std::log(2.0), 2);
    dlmath::tour::check(c, "D_KL(p || p)", ref::kl_divergence(p, p), 0.0);
    Rng rng(1);
    const auto mc = ref::kl_divergence_monte_carlo(Mixture<Gaussian>(p), Mixture<Gaussian>(q), rng, 100000);
    dlmath::tour::check_that(c, "Monte Carlo, 100000 draws: " + str(mc.value) + " +- " + str(mc.standard_error) +
                                    " (standard error) contains log 2 - 1/4 within 5 standard errors",
                             std::fabs(mc.value - pq) <= 5 * mc.standard_error);
}

//! [example_experiment]
// p: two well-separated modes (7 apart, widths 0.8 and 1.2)
const Mixture<Gaussian> p(Vector{0.45, 0.55}, {Gaussian::from_stddev(-4.0, 0.8), Gaussian::from_stddev(3.0, 1.2)});
const auto forward = ref::fit_gaussian(p, KLDirection::forward);  // argmin_q D_KL(p || q)
const auto reverse = ref::fit_gaussian(p, KLDirection::reverse);  // argmin_q D_KL(q || p)
//! [example_experiment]

void experiment(dlmath::tour::Checks& c) {
    const Mixture<Gaussian> qf(forward.q), qr(reverse.q);
    std::cout << "  forward fit: q = N(" << forward.q.mean() << ", " << forward.q.variance() << "), "
              << forward.iterations << " Nelder-Mead iterations\n";
    dlmath::tour::check_that(c, "forward fit matches the moments: mu = " + str(forward.q.mean()) + " vs E_p[x] = " +
                                    str(p.mean()) + ", sigma^2 = " + str(forward.q.variance()) + " vs Var_p[x] = " +
                                    str(p.variance()) + " (within 1e-6)",
                             std::fabs(forward.q.mean() - p.mean()) < 1e-6 &&
                                 std::fabs(forward.q.variance() / p.variance() - 1) < 1e-6);
    std::cout << "  reverse fit: q = N(" << reverse.q.mean() << ", " << reverse.q.variance() << "), "
              << reverse.iterations << " Nelder-Mead iterations\n";
    dlmath::tour::check_that(c, "reverse fit locks onto the heavier mode: mu = " + str(reverse.q.mean()) +
                                    " (mode at 3), sigma = " + str(reverse.q.stddev()) + " (mode's 1.2)",
                             std::fabs(reverse.q.mean() - 3.0) < 0.01 && std::fabs(reverse.q.stddev() / 1.2 - 1) < 0.01);
    const double f_pq = ref::kl_divergence_quadrature(p, qf), f_qp = ref::kl_divergence_quadrature(qf, p);
    const double r_pq = ref::kl_divergence_quadrature(p, qr), r_qp = ref::kl_divergence_quadrature(qr, p);
    std::cout << "                    D_KL(p || q)   D_KL(q || p)\n"
              << "  forward fit q*    " << f_pq << "       " << f_qp << "\n"
              << "  reverse fit q*    " << r_pq << "       " << r_qp << "\n";
    dlmath::tour::check_that(c, "D_KL(p || q*) != D_KL(q* || p) for both fits", std::fabs(f_pq - f_qp) > 0.1 &&
                                                                                 std::fabs(r_pq - r_qp) > 0.1);
    dlmath::tour::check_that(c, "reverse fit's D_KL(q || p) = " + str(r_qp) + " ~ -log 0.55 = " + str(-std::log(0.55)),
                             std::fabs(r_qp + std::log(0.55)) < 0.01);
}

void timings(bool quick) {
    const std::size_t n = quick ? 20'000 : 200'000, d = 10;
    std::vector<MultivariateGaussian> pc, qc;
    for (std::size_t i = 0; i < 8; ++i) {
        Vector mu = xt::zeros<double>({d});
        mu(i) = 2.0;
        pc.push_back(MultivariateGaussian::isotropic(mu, 1.0));
        qc.push_back(MultivariateGaussian::isotropic(0.5 * mu, 1.5));
    }
    const Mixture<MultivariateGaussian> P(xt::ones<double>({8}) / 8.0, pc), Q(xt::ones<double>({8}) / 8.0, qc);
    double a = 0, b = 0;
    std::cout << "  reference vs fast, best of 3 runs:\n";
    dlmath::tour::print_timing(
        "MC KL of GMMs (n = " + std::to_string(n) + ", k = 8, d = 10)", dlmath::tour::seconds([&] {
            Rng rng(3);
            a = ref::kl_divergence_monte_carlo(P, Q, rng, n).value;
        }, 3),
        dlmath::tour::seconds([&] {
            Rng rng(3);
            b = fast::kl_divergence_monte_carlo(P, Q, rng, n).value;
        }, 3));
    std::cout << "  estimates: reference " << a << ", fast " << b << " (the same draws)\n";
}

// Figure: p with both fitted Gaussians, as kl_asymmetry.csv: x, p, q_forward, q_reverse.
void figure(const std::filesystem::path& dir) {
    const std::size_t steps = 600;
    Matrix rows = Matrix::from_shape({steps + 1, 4});
    for (std::size_t k = 0; k <= steps; ++k) {
        const double x = -8.0 + 16.0 * static_cast<double>(k) / steps;
        rows(k, 0) = x;
        rows(k, 1) = p.pdf(x);
        rows(k, 2) = forward.q.pdf(x);
        rows(k, 3) = reverse.q.pdf(x);
    }
    dlmath::tour::write_csv(dir / "kl_asymmetry.csv", "x,p,q_forward,q_reverse", rows);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    closed_forms(c);
    experiment(c);
    timings(o.quick);
    figure(o.figures);
}

const dlmath::tour::Register section{"kl_asymmetry", run};

}  // namespace
