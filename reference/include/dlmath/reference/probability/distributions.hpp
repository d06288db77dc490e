/// \file
/// \brief Chapter 2, random variables and distributions — reference twin:
/// the log-density of a whole sample, and seeded sampling.
#pragma once

#include <cstddef>

#include "dlmath/distributions.hpp"
#include "dlmath/random.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter2
/// \brief The log-density of every point of a sample under a Gaussian.
///
/// \f[ y_i = \log \mathcal N(x_i; \mu, \sigma^2) = -\tfrac12\log(2\pi) - \log\sigma
///          - \tfrac12 \Big(\frac{x_i - \mu}{\sigma}\Big)^2 \f]
///
/// Shapes: `x ~ (n)`, returns `y ~ (n)`; the log-likelihood of the sample is
/// \f$ \sum_i y_i \f$. \f$ x_i = \pm\infty \f$ gives \f$ -\infty \f$.
/// \throws dlmath::domain_error if an entry of x is NaN (naming the first).
/// Accuracy: a few ulps of \f$ |\log\sigma| + \tfrac12\log 2\pi + z_i^2 \f$ per entry
/// (the member Gaussian::log_pdf applied to each point).
/// Complexity: \f$ O(n) \f$, about 6 flops per point.
/// \sa dlmath::fast::log_pdf(const Gaussian&, const Vector&)
Vector log_pdf(const Gaussian& dist, const Vector& x);

/// \ingroup chapter2
/// \brief The log-density of every point under a uniform distribution:
/// \f$ y_i = -\log(b - a) \f$ on \f$ [a, b] \f$, \f$ -\infty \f$ outside.
///
/// Shapes: `x ~ (n)`, returns `y ~ (n)`.
/// \throws dlmath::domain_error if an entry of x is NaN. Accuracy: exact up to the one rounding of the log.
/// \sa dlmath::fast::log_pdf(const Uniform&, const Vector&)
Vector log_pdf(const Uniform& dist, const Vector& x);

/// \ingroup chapter2
/// \brief The log-density of every point under an exponential distribution:
/// \f$ y_i = \log\lambda - \lambda x_i \f$ for \f$ x_i \ge 0 \f$, \f$ -\infty \f$ for \f$ x_i < 0 \f$.
///
/// Shapes: `x ~ (n)`, returns `y ~ (n)`.
/// \throws dlmath::domain_error if an entry of x is NaN. Accuracy: a few ulps of \f$ |\log\lambda| + \lambda|x_i| \f$.
/// \sa dlmath::fast::log_pdf(const Exponential&, const Vector&)
Vector log_pdf(const Exponential& dist, const Vector& x);

/// \ingroup chapter2
/// \brief The log-density of every point under a Laplace distribution:
/// \f$ y_i = -|x_i - \mu|/\gamma - \log(2\gamma) \f$.
///
/// Shapes: `x ~ (n)`, returns `y ~ (n)`.
/// \throws dlmath::domain_error if an entry of x is NaN. Accuracy: a few ulps of \f$ |x_i - \mu|/\gamma + |\log 2\gamma| \f$.
/// \sa dlmath::fast::log_pdf(const Laplace&, const Vector&)
Vector log_pdf(const Laplace& dist, const Vector& x);

/// \ingroup chapter2
/// \brief `n` Gaussian draws \f$ \mu + \sigma z_i \f$ from the stream `rng` (advanced by n).
///
/// Draw i is \f$ z_i = \sqrt{-2\ln u_1}\cos(2\pi u_2) \f$ (Box–Muller) from the
/// Philox block of counter `rng.position() + i` (dlmath::normal_at): a pure
/// function of the seed and the counter. This is the member Gaussian::sample.
/// Shapes: returns `x ~ (n)`; n = 0 gives an empty vector. No input to reject:
/// the distribution was checked when it was made.
/// Complexity: \f$ O(n) \f$; each draw costs a Philox block (10 rounds), a log, a square root and a cosine.
/// \sa dlmath::fast::sample(const Gaussian&, Rng&, std::size_t)
Vector sample(const Gaussian& dist, Rng& rng, std::size_t n);

/// \ingroup chapter2
/// \brief `n` uniform draws \f$ a + (b - a)u_i \f$, \f$ u_i \f$ = dlmath::uniform_at(seed, position + i)
/// (the member Uniform::sample); `rng` advanced by n.
/// \sa dlmath::fast::sample(const Uniform&, Rng&, std::size_t)
Vector sample(const Uniform& dist, Rng& rng, std::size_t n);

/// \ingroup chapter2
/// \brief `n` exponential draws \f$ -\ln(u_i)/\lambda \f$ by inverse transform (the member
/// Exponential::sample); `rng` advanced by n.
/// \sa dlmath::fast::sample(const Exponential&, Rng&, std::size_t)
Vector sample(const Exponential& dist, Rng& rng, std::size_t n);

/// \ingroup chapter2
/// \brief `n` Laplace draws by inverse transform: \f$ \mu + \gamma\ln(2u_i) \f$ for
/// \f$ u_i < \tfrac12 \f$, \f$ \mu - \gamma\ln(2(1 - u_i)) \f$ above (the member Laplace::sample);
/// `rng` advanced by n.
/// \sa dlmath::fast::sample(const Laplace&, Rng&, std::size_t)
Vector sample(const Laplace& dist, Rng& rng, std::size_t n);

}  // namespace dlmath::reference
