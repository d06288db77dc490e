/// \file
/// \brief Chapter 2, multivariate Gaussians and mixtures — reference twin:
/// the log-density of a whole sample, and the Monte-Carlo KL divergence
/// between mixtures. The distributions themselves are value types shared by
/// both twins (dlmath/multivariate.hpp, dlmath/mixture.hpp).
#pragma once

#include <cstddef>

#include "dlmath/distributions.hpp"
#include "dlmath/mixture.hpp"
#include "dlmath/multivariate.hpp"
#include "dlmath/random.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter2
/// \brief The log-density of every point of a sample under a multivariate Gaussian.
///
/// \f[ \ell_n = \log \mathcal N(x_n; \mu, \Sigma)
///    = -\tfrac12 \big( d \log 2\pi + \log\det\Sigma + \|z_n\|^2 \big), \qquad L z_n = x_n - \mu \f]
///
/// Shapes: `X ~ (n, d)`, one point per row; returns `~ (n)`. A row with an
/// infinite coordinate gets \f$ -\infty \f$; n = 0 gives an empty vector.
/// \throws dlmath::shape_error unless X has d columns.
/// \throws dlmath::domain_error naming the first NaN entry of X.
/// Accuracy: the triangular solve is backward stable (\f$ |\Delta L| \le \gamma_d |L| \f$),
/// so \f$ \|z_n\|^2 \f$ carries a relative error of order \f$ d\,\kappa(L)\,u \f$.
/// Complexity: \f$ O(n d^2) \f$, about \f$ n d^2 \f$ flops.
/// \sa dlmath::fast::log_pdf, dlmath::MultivariateGaussian::log_pdf (one point)
Vector log_pdf(const MultivariateGaussian& g, const Matrix& X);

/// \ingroup chapter2
/// \brief The log-density of every point of a sample under a 1-D mixture.
///
/// \f[ \ell_n = \log \sum_{i=1}^{k} w_i\, \mathcal N(x_n; \mu_i, \sigma_i^2) \f]
/// by log-sum-exp (never underflows to \f$ -\infty \f$ for a finite point).
///
/// Shapes: `x ~ (n)`; returns `~ (n)`; \f$ \pm\infty \f$ give \f$ -\infty \f$.
/// \throws dlmath::domain_error naming the first NaN of x.
/// Accuracy: a few \f$ u \f$ relative to the largest \f$ |a_i| = |\log w_i + \log p_i(x_n)| \f$, plus \f$ k u \f$.
/// Complexity: \f$ O(n k) \f$, k exponentials per point.
/// \sa dlmath::fast::log_pdf, dlmath::Mixture::log_pdf (one point)
Vector log_pdf(const Mixture<Gaussian>& m, const Vector& x);

/// \ingroup chapter2
/// \brief The log-density of every point of a sample under a Gaussian mixture in d dimensions,
/// the log-likelihood terms of a Gaussian mixture model.
///
/// \f[ \ell_n = \log \sum_{i=1}^{k} \exp\big( \log w_i + \log \mathcal N(x_n; \mu_i, \Sigma_i) \big) \f]
///
/// Shapes: `X ~ (n, d)`, one point per row; returns `~ (n)`; the
/// log-likelihood of the sample is the sum of the result.
/// \throws dlmath::shape_error unless X has d columns.
/// \throws dlmath::domain_error naming the first NaN entry of X.
/// Accuracy: as log_pdf of one Gaussian per component, then the log-sum-exp (\f$ (k + 4) u \f$).
/// Complexity: \f$ O(n k d^2) \f$.
/// \sa dlmath::fast::log_pdf, dlmath::Mixture::log_pdf (one point)
Vector log_pdf(const Mixture<MultivariateGaussian>& m, const Matrix& X);

/// \ingroup chapter2
/// \brief The KL divergence between two 1-D mixtures, estimated by Monte Carlo with its standard error.
///
/// \f[ D_{KL}(p \| q) = E_{x \sim p}\big[\log p(x) - \log q(x)\big]
///   \approx \frac1n \sum_{i=1}^{n} \big( \log p(x_i) - \log q(x_i) \big), \qquad x_i \sim p \f]
///
/// There is no closed form between mixtures; the estimate is unbiased and
/// its standard error \f$ s / \sqrt n \f$ shrinks as \f$ n^{-1/2} \f$. The
/// draws are the next ones of `rng` (Mixture::sample), so a seed fixes the result.
/// \throws dlmath::domain_error unless n >= 2.
/// Complexity: n draws and 2n mixture log-densities.
/// \sa dlmath::fast::kl_divergence_monte_carlo, dlmath::reference::kl_divergence (closed forms between Gaussians)
MonteCarloEstimate kl_divergence_monte_carlo(const Mixture<Gaussian>& p, const Mixture<Gaussian>& q, Rng& rng,
                                             std::size_t n);

/// \ingroup chapter2
/// \brief The same for two Gaussian mixtures in d dimensions.
/// \throws dlmath::shape_error if p and q differ in dimension; dlmath::domain_error unless n >= 2.
/// \sa dlmath::fast::kl_divergence_monte_carlo
MonteCarloEstimate kl_divergence_monte_carlo(const Mixture<MultivariateGaussian>& p,
                                             const Mixture<MultivariateGaussian>& q, Rng& rng, std::size_t n);

}  // namespace dlmath::reference
