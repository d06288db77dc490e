// Chapter 2, multivariate Gaussians and mixtures — reference twin.
//
// Rules of this file: each function reads like its formula, with the
// textbook's index names; plain loops; no intrinsics, no OpenMP. The
// single-point formulas (the triangular solve, log-sum-exp) are the value
// types' own, in dlmath/detail/cholesky.hpp and dlmath/mixture.hpp.

#include "dlmath/reference/probability/mixtures.hpp"

#include <cstddef>

#include "dlmath/detail/checks/probability.hpp"
#include "dlmath/detail/cholesky.hpp"
#include "dlmath/detail/composites/mixtures.hpp"

namespace dlmath::reference {

//! [log_pdf_gaussian]
Vector log_pdf(const MultivariateGaussian& g, const Matrix& X) {
    // X ~ (n, d), returns l ~ (n)
    detail::check_points(detail::fn::mixture_batch_log_pdf, X, g.dim());
    const std::size_t n = X.shape(0), d = g.dim();
    Vector l = Vector::from_shape({n});
    Vector z = Vector::from_shape({d});  // scratch: L z = x_n - mu
    for (std::size_t i = 0; i < n; ++i) {
        const double q = detail::mahalanobis_squared(g.cholesky_factor(), g.mean(), X.data() + i * d, z.data());
        l(i) = g.log_normalizer() - 0.5 * q;
    }
    return l;
}
//! [log_pdf_gaussian]

Vector log_pdf(const Mixture<Gaussian>& m, const Vector& x) {
    // x ~ (n), returns l ~ (n)
    detail::check_points(detail::fn::mixture_batch_log_pdf, x);
    const std::size_t n = x.size();
    Vector l = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) l(i) = m.log_pdf(x(i));
    return l;
}

//! [log_pdf_mixture]
Vector log_pdf(const Mixture<MultivariateGaussian>& m, const Matrix& X) {
    // X ~ (n, d), k components; returns l ~ (n)
    detail::check_points(detail::fn::mixture_batch_log_pdf, X, m.dim());
    const std::size_t n = X.shape(0), d = m.dim(), k = m.size();
    Vector l = Vector::from_shape({n});
    Vector z = Vector::from_shape({d});  // scratch of the triangular solve
    for (std::size_t i = 0; i < n; ++i) {
        detail::LogSumExp lse;  // log sum_c exp(a_c)
        for (std::size_t c = 0; c < k; ++c) {
            // a_c = log w_c + log N(x_i; mu_c, Sigma_c)
            const MultivariateGaussian& g = m.components()[c];
            const double q = detail::mahalanobis_squared(g.cholesky_factor(), g.mean(), X.data() + i * d, z.data());
            lse.add(m.log_weights()(c) + g.log_normalizer() - 0.5 * q);
        }
        l(i) = lse.value();
    }
    return l;
}
//! [log_pdf_mixture]

MonteCarloEstimate kl_divergence_monte_carlo(const Mixture<Gaussian>& p, const Mixture<Gaussian>& q, Rng& rng,
                                             std::size_t n) {
    return detail::monte_carlo_kl(p, q, rng, n, [](const auto& m, const auto& x) { return log_pdf(m, x); });
}

MonteCarloEstimate kl_divergence_monte_carlo(const Mixture<MultivariateGaussian>& p,
                                             const Mixture<MultivariateGaussian>& q, Rng& rng, std::size_t n) {
    return detail::monte_carlo_kl(p, q, rng, n, [](const auto& m, const auto& x) { return log_pdf(m, x); });
}

}  // namespace dlmath::reference
