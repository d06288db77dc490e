/// \file
/// \brief Exercise (chapter 2): the log-density of a Gaussian given by its
/// precision, univariate and multivariate.
#pragma once

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The log-density of \f$ \mathcal N(\mu, \beta^{-1}) \f$, the Gaussian of
/// precision \f$ \beta = 1/\sigma^2 \f$ (see \ref exercise_gaussian_log_density_precision):
/// \f[ \log \mathcal N(x; \mu, \beta^{-1}) = \tfrac12 \log \frac{\beta}{2\pi}
///     - \tfrac12 \beta (x - \mu)^2 . \f]
///
/// \param x the point; \f$ \pm\infty \f$ give the limit \f$ -\infty \f$
/// \param mu the mean, finite
/// \param beta the precision, finite and \f$ > 0 \f$
/// \returns \f$ \log \mathcal N(x; \mu, \beta^{-1}) \f$
/// \throws dlmath::domain_error when \p x is NaN, \p mu is not finite, or \p beta
///         is not finite and positive
double gaussian_log_density_precision(double x, double mu, double beta);

/// The log-density of the multivariate Gaussian with mean \f$ \mu \f$ and
/// precision matrix \f$ \Lambda = \Sigma^{-1} \f$ (see
/// \ref exercise_gaussian_log_density_precision):
/// \f[ \log \mathcal N(x; \mu, \Lambda^{-1}) = \tfrac12 \log\det\Lambda
///     - \tfrac{n}{2} \log(2\pi) - \tfrac12 (x - \mu)^\top \Lambda (x - \mu) , \f]
/// with \f$ \log\det\Lambda = 2 \sum_i \log L_{ii} \f$ from the Cholesky
/// factor \f$ \Lambda = L L^\top \f$, which exists exactly when
/// \f$ \Lambda \f$ is positive definite.
///
/// \param x the point \f$ x \sim (n) \f$, finite
/// \param mu the mean \f$ \mu \sim (n) \f$, finite
/// \param precision \f$ \Lambda \sim (n, n) \f$, symmetric (entries \f$ \Lambda_{ij} \f$
///        and \f$ \Lambda_{ji} \f$ within \f$ 8 n u \max|\Lambda| \f$ of each other)
///        and positive definite
/// \returns \f$ \log \mathcal N(x; \mu, \Lambda^{-1}) \f$; 0 for \f$ n = 0 \f$
/// \throws dlmath::shape_error when \p precision is not \f$ n \times n \f$ for the
///         length \f$ n \f$ of \p x and \p mu, or \p x and \p mu differ in length
/// \throws dlmath::domain_error when an entry of \p x, \p mu or \p precision is not
///         finite, or \p precision is not symmetric or not positive definite
double mvn_log_density_precision(const Vector& x, const Vector& mu, const Matrix& precision);

}  // namespace dlmath::exercises
