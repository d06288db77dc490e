/// \file
/// \brief Chapter 2, multivariate Gaussians and mixtures — fast twin.
#pragma once

#include <cstddef>

#include "dlmath/distributions.hpp"
#include "dlmath/fast/config.hpp"
#include "dlmath/mixture.hpp"
#include "dlmath/multivariate.hpp"
#include "dlmath/random.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::fast {

/// \ingroup chapter2
/// \copydoc dlmath::reference::log_pdf(const MultivariateGaussian&, const Matrix&)
///
/// \par Fast twin
/// Bound attacked: compute (about \f$ d^2/2 \f$ multiply-adds per point for
/// \f$ d \f$ loads of the point). Stages: the points are cut into blocks of
/// \f$ 4W \f$ (W the SIMD width); a block is transposed into a
/// coordinate-major buffer (the last block padded with zeros, whose lanes are
/// computed and dropped), and the forward substitution \f$ L z = x - \mu \f$
/// runs on four batches of W points at once — each step one broadcast
/// \f$ l_{jk} \f$ times a batch of \f$ z_k \f$, four independent FMA chains in
/// flight — with \f$ 1/l_{jj} \f$ multiplied instead of divided. Blocks run
/// in parallel (OpenMP) above `density_parallel_threshold` multiply-adds.
/// Every point is computed independently, so the result does not depend on
/// the thread count. Accuracy: the reference's bound plus one rounding per
/// \f$ z_j \f$ for the reciprocal.
/// \sa dlmath::reference::log_pdf(const MultivariateGaussian&, const Matrix&)
Vector log_pdf(const MultivariateGaussian& g, const Matrix& X);

/// \ingroup chapter2
/// \copydoc dlmath::reference::log_pdf(const Mixture<Gaussian>&, const Vector&)
///
/// \par Fast twin
/// Bound attacked: compute (k vectorised `exp` per point, xsimd). One batch
/// of W points at a time: a first pass over the components finds the
/// largest \f$ a_i = c_i - \tfrac12 ((x - \mu_i)/\sigma_i)^2 \f$ (with the
/// constant \f$ c_i = \log w_i - \tfrac12\log 2\pi - \log\sigma_i \f$
/// precomputed), a second adds \f$ e^{a_i - m} \f$; scalar tail; chunks of
/// points in parallel above `density_parallel_threshold`.
/// \sa dlmath::reference::log_pdf(const Mixture<Gaussian>&, const Vector&)
Vector log_pdf(const Mixture<Gaussian>& m, const Vector& x);

/// \ingroup chapter2
/// \copydoc dlmath::reference::log_pdf(const Mixture<MultivariateGaussian>&, const Matrix&)
///
/// \par Fast twin
/// Bound attacked: compute (\f$ k d^2/2 \f$ multiply-adds and k `exp` per
/// point). The block kernel of the single Gaussian runs once per component
/// on the same transposed block of points (it is read from L1, not from
/// memory, k times), writing \f$ a_c \f$ for the block's points; then a
/// vectorised log-sum-exp over the components (max, then the sum of
/// \f$ e^{a_c - m} \f$ with xsimd `exp`, then xsimd `log`). Blocks of points
/// in parallel above `density_parallel_threshold`; no reduction across
/// points, so the result does not depend on the thread count.
/// \sa dlmath::reference::log_pdf(const Mixture<MultivariateGaussian>&, const Matrix&)
Vector log_pdf(const Mixture<MultivariateGaussian>& m, const Matrix& X);

/// \ingroup chapter2
/// \copydoc dlmath::reference::kl_divergence_monte_carlo(const Mixture<Gaussian>&, const Mixture<Gaussian>&, Rng&, std::size_t)
///
/// \par Fast twin
/// The same composite (detail::monte_carlo_kl) over the fast batched
/// log_pdf; the draws are the same, so the estimate differs from the
/// reference's only by the rounding of the log-densities.
/// \sa dlmath::reference::kl_divergence_monte_carlo
MonteCarloEstimate kl_divergence_monte_carlo(const Mixture<Gaussian>& p, const Mixture<Gaussian>& q, Rng& rng,
                                             std::size_t n);

/// \ingroup chapter2
/// \copydoc dlmath::reference::kl_divergence_monte_carlo(const Mixture<MultivariateGaussian>&, const Mixture<MultivariateGaussian>&, Rng&, std::size_t)
///
/// \par Fast twin
/// The same composite over the fast batched log_pdf of Gaussian mixtures.
/// \sa dlmath::reference::kl_divergence_monte_carlo
MonteCarloEstimate kl_divergence_monte_carlo(const Mixture<MultivariateGaussian>& p,
                                             const Mixture<MultivariateGaussian>& q, Rng& rng, std::size_t n);

}  // namespace dlmath::fast
