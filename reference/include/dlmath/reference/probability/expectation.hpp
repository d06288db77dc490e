/// \file
/// \brief Chapter 2, expectation, variance and the central limit theorem —
/// reference twin: the sample estimators, the expectation under a PMF, and
/// the central-limit experiment.
#pragma once

#include <cstddef>

#include "dlmath/random.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter2
/// \brief The sample mean.
///
/// \f[ \bar x = \frac{1}{n} \sum_{i=1}^{n} x_i \f]
///
/// Shapes: `x ~ (n)`; returns a scalar. NaN and infinities propagate (IEEE, as NumPy).
/// \throws dlmath::shape_error if x is empty (the mean of nothing is undefined).
/// Accuracy: recursive summation and one division,
/// \f$ |\hat{\bar x} - \bar x| \le \gamma_n \frac{1}{n} \sum_i |x_i| \f$.
/// Complexity: \f$ O(n) \f$.
/// \sa dlmath::fast::mean
double mean(const Vector& x);

/// \ingroup chapter2
/// \brief The sample variance with `ddof` delta degrees of freedom; by default
/// the unbiased estimator (ddof = 1).
///
/// \f[ s^2 = \frac{1}{n - \mathrm{ddof}} \sum_{i=1}^{n} (x_i - \bar x)^2 \f]
///
/// With ddof = 1, \f$ E[s^2] = \sigma^2 \f$ for independent draws; ddof = 0 is the
/// variance of the empirical distribution (NumPy's `np.var` default; `torch.var` and
/// `np.cov` default to 1, as here).
///
/// Algorithm: the corrected two-pass formula (Chan, Golub and LeVeque 1983)
/// \f$ \sum_i d_i^2 - \frac{1}{n}\big(\sum_i d_i\big)^2 \f$ with \f$ d_i = x_i - \hat{\bar x} \f$:
/// the correction cancels, to first order, the rounding of the computed mean.
/// Accuracy: relative error about \f$ (n + 3)u + n^2 \kappa^2 u^2 \f$ with
/// \f$ \kappa = \|x\|_2 / \sqrt{\sum_i (x_i - \bar x)^2} \f$ the condition number of the data.
/// The one-pass textbook identity \f$ E[x^2] - E[x]^2 \f$ has error \f$ \approx \kappa^2 n u \f$
/// instead: for data near \f$ 10^9 \f$ with spread 1 it has no correct digit.
///
/// Shapes: `x ~ (n)`; returns a scalar. NaN propagates; an infinite entry gives NaN (inf − inf).
/// \throws dlmath::shape_error if \f$ n \le \mathrm{ddof} \f$ (a single point with ddof = 1:
/// NumPy returns NaN with a warning, "Degrees of freedom <= 0"; no value is defined, so
/// this is an error, as the mean of nothing is).
/// Complexity: two passes, \f$ O(n) \f$.
/// \sa dlmath::fast::var
double var(const Vector& x, std::size_t ddof = 1);

/// \ingroup chapter2
/// \brief The sample covariance matrix of a data matrix whose rows are observations.
///
/// \f[ C_{jk} = \frac{1}{n - \mathrm{ddof}} \sum_{i=1}^{n} (X_{ij} - \bar x_j)(X_{ik} - \bar x_k) \f]
///
/// The covariance matrix of a random vector, estimated from n draws; symmetric and
/// positive semi-definite (\f$ v^\top C v \f$ is the sample variance of \f$ Xv \f$).
/// NumPy: `np.cov(X, rowvar=False, ddof=ddof)`. Computed by the corrected two-pass
/// formula of var, entry by entry.
///
/// Shapes: `X ~ (n, d)`; returns `(d, d)`, exactly symmetric.
/// \throws dlmath::shape_error if \f$ n \le \mathrm{ddof} \f$.
/// Accuracy: \f$ |\hat C_{jk} - C_{jk}| \lesssim \gamma_{n+3} \frac{1}{n - \mathrm{ddof}}
/// \sum_i |X_{ij} - \bar x_j|\,|X_{ik} - \bar x_k| \f$, plus the second-order term of var.
/// Complexity: \f$ O(n d^2) \f$.
/// \sa dlmath::fast::cov
Matrix cov(const Matrix& X, std::size_t ddof = 1);

/// \ingroup chapter2
/// \brief The expectation of f under a discrete distribution.
///
/// \f[ E_{x \sim P}[f(x)] = \sum_{i=1}^{k} P(x = i)\, f(i) \f]
///
/// Shapes: `p ~ (k)` the PMF, `f ~ (k)` the values \f$ f(i) \f$; returns a scalar.
/// Infinite or NaN values of f propagate (an infinite expectation is returned; an outcome of
/// probability 0 with an infinite value gives NaN, \f$ 0 \cdot \infty \f$, as NumPy's `dot`).
/// \throws dlmath::shape_error if the lengths differ.
/// \throws dlmath::domain_error if an entry of p is negative, infinite or NaN, or p does not
/// sum to 1 within table_tolerance (the message gives the sum; the empty p sums to 0).
/// Accuracy: \f$ \gamma_k \sum_i p_i |f_i| \f$.
/// \sa dlmath::fast::expectation
double expectation(const Vector& p, const Vector& f);

/// \ingroup chapter2
/// \brief The central-limit experiment: `count` standardised sums of `terms`
/// independent uniforms.
///
/// \f[ z_k = \frac{\sum_{t=1}^{T} u_{k,t} - T/2}{\sqrt{T/12}}, \qquad u_{k,t} \sim U(0, 1) \f]
///
/// Each \f$ z_k \f$ has mean 0 and variance 1 for any T; by the central limit theorem its
/// distribution tends to \f$ \mathcal N(0, 1) \f$ as T grows. The uniforms are the next
/// `terms * count` draws of `rng` (dlmath::uniform_at): sum k takes draws
/// \f$ kT, \ldots, kT + T - 1 \f$ after the stream's position, added in that order.
///
/// Shapes: returns `(count)`.
/// \throws dlmath::domain_error if `terms` is 0.
/// Complexity: \f$ O(T \cdot \mathrm{count}) \f$ Philox blocks.
/// \sa dlmath::fast::standardized_uniform_sums, ks_statistic
Vector standardized_uniform_sums(Rng& rng, std::size_t terms, std::size_t count);

/// \ingroup chapter2
/// \brief The Kolmogorov–Smirnov statistic of a sample against the standard normal:
/// the largest distance between the sample's empirical cdf and \f$ \Phi \f$.
///
/// \f[ D_m = \sup_z |F_m(z) - \Phi(z)|
///     = \max_{i=1}^{m} \max\Big( \frac{i}{m} - \Phi(x_{(i)}), \; \Phi(x_{(i)}) - \frac{i-1}{m} \Big) \f]
///
/// with \f$ x_{(1)} \le \cdots \le x_{(m)} \f$ the sorted sample and
/// \f$ \Phi(z) = \tfrac12 \operatorname{erfc}(-z/\sqrt 2) \f$ (SciPy: `kstest(x, "norm").statistic`).
/// For a sample of the normal itself, \f$ D_m \approx 0.87/\sqrt m \f$ typically, and
/// \f$ P(D_m > \varepsilon) \le 2 e^{-2 m \varepsilon^2} \f$ (Dvoretzky–Kiefer–Wolfowitz):
/// this is the noise floor of the central-limit experiment.
///
/// Shapes: `x ~ (m)`; returns a scalar in [0, 1]. ±inf are allowed (\f$ \Phi = 0, 1 \f$).
/// Reference only: the sort dominates, and the experiment's samples are small.
/// \throws dlmath::shape_error if x is empty.
/// \throws dlmath::domain_error if an entry is NaN.
/// Complexity: \f$ O(m \log m) \f$.
double ks_statistic(const Vector& x);

}  // namespace dlmath::reference
