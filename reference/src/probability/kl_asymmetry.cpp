// Chapter 2, KL divergence between continuous distributions and its
// asymmetry — reference twin (there is no fast twin: see the header).
//
// Rules of this file: each function reads like its formula; plain loops;
// no intrinsics, no OpenMP.

#include "dlmath/reference/probability/kl_asymmetry.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>

#include "dlmath/detail/checks/probability.hpp"
#include "dlmath/detail/cholesky.hpp"

namespace dlmath::reference {

namespace {

// e^t - 1 - t >= 0, the diagonal term of the Gaussian KL, with expm1 (no
// cancellation of e^t against 1 for small t); max(0, .) keeps the sign
// where expm1's last-bit rounding could fall below t for |t| ~ u.
double exp_minus_one_minus(double t) { return std::max(0.0, std::expm1(t) - t); }

}  // namespace

//! [kl_gaussian]
double kl_divergence(const Gaussian& p, const Gaussian& q) {
    // t = log(sigma_p^2 / sigma_q^2), m = (mu_p - mu_q) / sigma_q
    const double t = 2.0 * std::log(p.stddev() / q.stddev());
    const double m = (p.mean() - q.mean()) / q.stddev();
    return 0.5 * (exp_minus_one_minus(t) + m * m);
}
//! [kl_gaussian]

//! [kl_multivariate]
double kl_divergence(const MultivariateGaussian& p, const MultivariateGaussian& q) {
    detail::check_kl_gaussians(p.dim(), q.dim());
    const std::size_t d = p.dim();
    const Matrix& Lp = p.cholesky_factor();
    const Matrix& Lq = q.cholesky_factor();

    // A = Lq^{-1} Lp column by column (forward substitution); A is lower
    // triangular, tr(Sigma_q^{-1} Sigma_p) = ||A||_F^2 and a_jj = lp_jj / lq_jj.
    Matrix A = xt::zeros<double>({d, d});
    for (std::size_t c = 0; c < d; ++c) {
        for (std::size_t i = c; i < d; ++i) {
            double s = Lp(i, c);
            for (std::size_t k = c; k < i; ++k) s -= Lq(i, k) * A(k, c);
            A(i, c) = s / Lq(i, i);
        }
    }
    double off = 0.0, diag = 0.0;
    for (std::size_t j = 0; j < d; ++j) {
        for (std::size_t i = j + 1; i < d; ++i) off += A(i, j) * A(i, j);         // sum_{i>j} a_ij^2
        diag += exp_minus_one_minus(2.0 * std::log(Lp(j, j) / Lq(j, j)));         // e^t - 1 - t, t = log a_jj^2
    }
    // ||m||^2 = (mu_q - mu_p)^T Sigma_q^{-1} (mu_q - mu_p), with Lq m = mu_p - mu_q
    Vector z = Vector::from_shape({d});
    const double mahalanobis = detail::mahalanobis_squared(Lq, q.mean(), p.mean().data(), z.data());
    return 0.5 * (off + diag + mahalanobis);
}
//! [kl_multivariate]

//! [kl_quadrature]
double kl_divergence_quadrature(const Mixture<Gaussian>& p, const Mixture<Gaussian>& q) {
    // [a, b]: 12 standard deviations around every component of p and q;
    // h: 32 steps per smallest standard deviation (at most 2^18 steps)
    constexpr double K = 12.0, steps_per_sigma = 32.0, max_steps = 262144.0;
    double a = std::numeric_limits<double>::infinity(), b = -a, sigma_min = a;
    for (const Mixture<Gaussian>* m : {&p, &q}) {
        for (const Gaussian& g : m->components()) {
            a = std::min(a, g.mean() - K * g.stddev());
            b = std::max(b, g.mean() + K * g.stddev());
            sigma_min = std::min(sigma_min, g.stddev());
        }
    }
    const double N = std::min(std::ceil((b - a) / sigma_min * steps_per_sigma), max_steps);
    const double h = (b - a) / N;

    // trapezoidal rule: h (f_0/2 + f_1 + ... + f_{N-1} + f_N/2), f = p (log p - log q)
    double sum = 0.0;
    for (double n = 0; n <= N; ++n) {
        const double x = a + n * h;
        const double lp = p.log_pdf(x), lq = q.log_pdf(x);
        const double f = std::exp(lp) * (lp - lq);  // 0 where p underflows
        sum += (n == 0 || n == N) ? 0.5 * f : f;
    }
    return h * sum;
}
//! [kl_quadrature]

namespace {

// A vertex of the simplex: theta = (mu, s = log sigma) and the objective there.
struct Vertex {
    double mu, s, f;
};

// The divergence to minimise at theta = (mu, s); +inf where exp(s) is not a
// usable standard deviation (0 or infinite), so the simplex backs away.
double objective(const Mixture<Gaussian>& p, KLDirection direction, double mu, double s) {
    const double sigma = std::exp(s);
    if (!std::isfinite(mu) || !(sigma > 0.0) || !std::isfinite(sigma)) return std::numeric_limits<double>::infinity();
    const Mixture<Gaussian> q(Gaussian::from_stddev(mu, sigma));
    return direction == KLDirection::forward ? kl_divergence_quadrature(p, q) : kl_divergence_quadrature(q, p);
}

}  // namespace

//! [nelder_mead]
GaussianFit fit_gaussian(const Mixture<Gaussian>& p, KLDirection direction, const Gaussian& start, double tolerance,
                         std::size_t max_iterations) {
    detail::check_fit_gaussian(tolerance, max_iterations);
    const auto f = [&](double mu, double s) { return objective(p, direction, mu, s); };
    const auto at = [&](double mu, double s) { return Vertex{mu, s, f(mu, s)}; };
    const auto sort = [](std::array<Vertex, 3>& v) {
        std::sort(v.begin(), v.end(), [](const Vertex& x, const Vertex& y) { return x.f < y.f; });
    };

    // the first triangle: the start and a step in each coordinate
    const double mu0 = start.mean(), s0 = std::log(start.stddev());
    std::array<Vertex, 3> v = {at(mu0, s0), at(mu0 + 0.5 * start.stddev(), s0), at(mu0, s0 + 0.25)};
    sort(v);

    std::size_t it = 0;
    const auto converged = [&] {
        const double sigma = std::exp(v[0].s);
        for (std::size_t i = 1; i < 3; ++i) {
            if (std::fabs(v[i].mu - v[0].mu) > tolerance * sigma || std::fabs(v[i].s - v[0].s) > tolerance) return false;
        }
        return true;
    };
    for (; it < max_iterations && !converged(); ++it) {
        // v[0] best, v[1] second worst, v[2] worst; c the midpoint of the two best
        const double cmu = 0.5 * (v[0].mu + v[1].mu), cs = 0.5 * (v[0].s + v[1].s);
        const Vertex r = at(2 * cmu - v[2].mu, 2 * cs - v[2].s);  // reflect the worst through c
        if (r.f < v[0].f) {
            const Vertex e = at(3 * cmu - 2 * v[2].mu, 3 * cs - 2 * v[2].s);  // expand: twice as far
            v[2] = e.f < r.f ? e : r;
        } else if (r.f < v[1].f) {
            v[2] = r;
        } else {
            // contract: halfway to the reflected point if it beat the worst, else halfway to the worst
            const Vertex k = r.f < v[2].f ? at(0.5 * (cmu + r.mu), 0.5 * (cs + r.s))
                                          : at(0.5 * (cmu + v[2].mu), 0.5 * (cs + v[2].s));
            if (k.f < std::min(r.f, v[2].f)) {
                v[2] = k;
            } else {
                // shrink the triangle halfway towards the best vertex
                for (std::size_t i = 1; i < 3; ++i) v[i] = at(0.5 * (v[0].mu + v[i].mu), 0.5 * (v[0].s + v[i].s));
            }
        }
        sort(v);
    }
    return {Gaussian::from_stddev(v[0].mu, std::exp(v[0].s)), v[0].f,
            converged() ? Status::success : Status::no_convergence, it};
}
//! [nelder_mead]

GaussianFit fit_gaussian(const Mixture<Gaussian>& p, KLDirection direction) {
    // starts: the moment-matched Gaussian, then every component of p
    GaussianFit best = fit_gaussian(p, direction, Gaussian::from_variance(p.mean(), p.variance()));
    for (const Gaussian& g : p.components()) {
        const GaussianFit fit = fit_gaussian(p, direction, g);
        if (fit.kl < best.kl) best = fit;
    }
    return best;
}

}  // namespace dlmath::reference
