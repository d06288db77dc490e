/// \file
/// \brief Chapter 2, KL divergence between continuous distributions and its
/// asymmetry — reference twin only: the closed forms between Gaussians, the
/// KL between 1-D mixtures by quadrature, and the fit of one Gaussian to a
/// mixture in either direction of the KL divergence. None has a kernel
/// worth a fast twin (an \f$ O(d^3) \f$ formula of small matrices, a
/// quadrature of a few thousand points, a minimiser in two unknowns); the
/// Monte-Carlo KL, whose cost is a large sample, has both twins
/// (dlmath/reference/probability/mixtures.hpp).
#pragma once

#include <cstddef>
#include <vector>

#include "dlmath/distributions.hpp"
#include "dlmath/mixture.hpp"
#include "dlmath/multivariate.hpp"
#include "dlmath/status.hpp"

namespace dlmath::reference {

/// \ingroup chapter2
/// \brief The KL divergence between two univariate Gaussians, in closed form (nats).
///
/// \f[ D_{KL}\big(\mathcal N(\mu_p, \sigma_p^2) \,\|\, \mathcal N(\mu_q, \sigma_q^2)\big)
///   = \log\frac{\sigma_q}{\sigma_p} + \frac{\sigma_p^2 + (\mu_p - \mu_q)^2}{2\sigma_q^2} - \frac12
///   = \frac12 \Big( \big(e^{t} - 1 - t\big) + \frac{(\mu_p - \mu_q)^2}{\sigma_q^2} \Big),
///   \quad t = \log\frac{\sigma_p^2}{\sigma_q^2} \f]
///
/// The second form is a sum of two non-negative terms (\f$ e^t \ge 1 + t \f$),
/// evaluated with `expm1`, so the result is \f$ \ge 0 \f$, exactly 0 for
/// equal Gaussians, and free of the cancellation of the first form when
/// \f$ \sigma_p \approx \sigma_q \f$. Not symmetric in p and q.
/// Both Gaussians are valid by construction: no precondition.
/// Accuracy: a few u relative to each term.
/// \sa kl_divergence(const MultivariateGaussian&, const MultivariateGaussian&)
double kl_divergence(const Gaussian& p, const Gaussian& q);

/// \ingroup chapter2
/// \brief The KL divergence between two d-dimensional Gaussians, in closed form (nats).
///
/// \f[ D_{KL}(p \| q) = \tfrac12 \Big( \operatorname{tr}(\Sigma_q^{-1}\Sigma_p)
///     + (\mu_q - \mu_p)^\top \Sigma_q^{-1} (\mu_q - \mu_p) - d + \log\frac{\det\Sigma_q}{\det\Sigma_p} \Big) \f]
///
/// With the Cholesky factors and \f$ A = L_q^{-1} L_p \f$ (lower triangular,
/// \f$ a_{jj} = l^p_{jj} / l^q_{jj} \f$) this is
/// \f$ \tfrac12 \big( \sum_{i>j} a_{ij}^2 + \sum_j (e^{t_j} - 1 - t_j) + \|m\|^2 \big) \f$
/// with \f$ t_j = \log a_{jj}^2 \f$ and \f$ L_q m = \mu_q - \mu_p \f$: a sum
/// of non-negative terms, so the result is \f$ \ge 0 \f$ and exactly 0 when
/// p = q. The univariate formula is the case d = 1.
/// \throws dlmath::shape_error if p and q differ in dimension.
/// Complexity: \f$ O(d^3) \f$ (the triangular solve for A).
/// \sa kl_divergence(const Gaussian&, const Gaussian&), kl_divergence_monte_carlo
double kl_divergence(const MultivariateGaussian& p, const MultivariateGaussian& q);

/// \ingroup chapter2
/// \brief \f$ D_{KL}(p \| q) = \int p(x) \big( \log p(x) - \log q(x) \big)\, dx \f$
/// between two 1-D Gaussian mixtures, by the trapezoidal rule (nats).
///
/// A single Gaussian is the one-component mixture `Mixture<Gaussian>(g)`.
///
/// **Truncation.** The integral runs over \f$ [a, b] \f$ with
/// \f$ a = \min_i (\mu_i - 12\sigma_i) \f$, \f$ b = \max_i (\mu_i + 12\sigma_i) \f$
/// over the components of p and q. Beyond 12 standard deviations of every
/// component, each density is below \f$ \varphi(12) \approx 5 \cdot 10^{-32} \f$
/// times its peak and its tail mass below \f$ 2 \cdot 10^{-33} \f$; the log-ratio
/// grows only quadratically, so the part cut off is below \f$ 10^{-28} \f$ unless
/// the scales differ by a factor above \f$ 10^6 \f$.
///
/// **Rule.** The trapezoidal rule with step \f$ h = \sigma_{\min}/32 \f$
/// (\f$ \sigma_{\min} \f$ the smallest scale of all components; at most
/// \f$ 2^{18} \f$ steps, the step growing beyond that). For a smooth
/// integrand that vanishes at both ends, the trapezoidal rule converges
/// geometrically, not as \f$ h^2 \f$: its error is the aliasing of the
/// integrand's Fourier transform at frequency \f$ 2\pi/h \f$, of order
/// \f$ e^{-2\pi\tau/h} \f$ where \f$ \tau \f$ is the half-width of the strip
/// around the real axis in which the integrand is analytic (Trefethen and
/// Weideman, SIAM Review 56, 2014). With 32 steps per \f$ \sigma_{\min} \f$
/// the error is at the level of rounding for the mixtures of this chapter;
/// the tests check it against Boost.Math's adaptive Gauss–Kronrod rule.
///
/// No precondition: both arguments are valid 1-D mixtures by construction.
/// Accuracy: rounding of about \f$ N u \f$ times \f$ h \sum_n |f(x_n)| \f$ for N points.
/// Complexity: \f$ N (k_p + k_q) \f$ log-densities, N about \f$ 32 (b - a)/\sigma_{\min} \f$.
/// \sa fit_gaussian, kl_divergence_monte_carlo
double kl_divergence_quadrature(const Mixture<Gaussian>& p, const Mixture<Gaussian>& q);

/// \ingroup chapter2
/// \brief Which KL divergence a fit of q to p minimises.
enum class KLDirection {
    forward,  ///< \f$ D_{KL}(p \| q) \f$: mass-covering ("inclusive"); maximum likelihood minimises it
    reverse,  ///< \f$ D_{KL}(q \| p) \f$: mode-seeking ("exclusive"); variational inference minimises it
};

/// \ingroup chapter2
/// \brief The Gaussian q found by fit_gaussian and how the minimiser ended.
struct GaussianFit {
    Gaussian q;                     ///< the fitted \f$ \mathcal N(\mu, \sigma^2) \f$
    double kl = 0.0;                ///< the minimised divergence at q (nats)
    Status status = Status::success;  ///< success, or no_convergence within max_iterations
    std::size_t iterations = 0;     ///< Nelder–Mead iterations used (of the best start)
};

/// \ingroup chapter2
/// \brief Fits \f$ q = \mathcal N(\mu, \sigma^2) \f$ to the 1-D mixture p by
/// minimising \f$ D_{KL}(p \| q) \f$ (forward) or \f$ D_{KL}(q \| p) \f$ (reverse)
/// over \f$ \theta = (\mu, \log\sigma) \f$, starting from `start`.
///
/// The divergence is evaluated by kl_divergence_quadrature. The minimiser
/// is Nelder–Mead's downhill simplex (Nelder and Mead, 1965; chapter 4
/// teaches gradient-based optimisers): a triangle of three parameter points
/// in the \f$ (\mu, \log\sigma) \f$ plane is moved by reflecting its worst
/// vertex through the midpoint of the other two, expanding the step when
/// that helps (factor 2), contracting it when it does not (factor 1/2), and
/// shrinking the triangle towards its best vertex when nothing helps. It
/// needs no gradient and only compares objective values. \f$ \log\sigma \f$
/// keeps \f$ \sigma > 0 \f$ without a constraint. The first triangle has
/// sides \f$ \sigma_0/2 \f$ in \f$ \mu \f$ and 0.25 in \f$ \log\sigma \f$.
/// It stops when every vertex lies within `tolerance` of the best one in
/// both coordinates (\f$ |\Delta\mu| \le \text{tolerance}\cdot\sigma \f$,
/// \f$ |\Delta\log\sigma| \le \text{tolerance} \f$), or after `max_iterations`
/// with Status::no_convergence. Like every local method, it finds the
/// minimum of the basin it starts in: the reverse divergence of a
/// well-separated mixture has one basin per mode.
///
/// \throws dlmath::domain_error unless tolerance is finite and > 0 and max_iterations >= 1.
/// \sa fit_gaussian(const Mixture<Gaussian>&, KLDirection), kl_divergence_quadrature
GaussianFit fit_gaussian(const Mixture<Gaussian>& p, KLDirection direction, const Gaussian& start,
                         double tolerance = 1e-8, std::size_t max_iterations = 2000);

/// \ingroup chapter2
/// \brief The same from several starts, returning the fit of smallest divergence:
/// the moment-matched Gaussian \f$ \mathcal N(E_p[x], \mathrm{Var}_p[x]) \f$ and
/// each component of p. The forward divergence has a single minimum (it is
/// the moment-matched Gaussian); the reverse one has a local minimum near
/// each well-separated mode, and the starts on the modes find them all.
/// \sa fit_gaussian(const Mixture<Gaussian>&, KLDirection, const Gaussian&, double, std::size_t)
GaussianFit fit_gaussian(const Mixture<Gaussian>& p, KLDirection direction);

}  // namespace dlmath::reference
