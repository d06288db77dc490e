/// \file
/// \brief Chapter 2's probability distributions as small value types,
/// shared by both twins: validated on construction, with the scalar surface
/// of SciPy and Boost.Math as members (written once: a scalar formula has no
/// kernel to speed up). The batched functions over a whole sample
/// (`log_pdf` of a `Vector`, `sample`) are the twins' own.
///
/// | family | made from | support |
/// | --- | --- | --- |
/// | dlmath::Bernoulli | \f$ \phi \in [0, 1] \f$ | {0, 1} |
/// | dlmath::Categorical | \f$ p \in [0,1]^k \f$, \f$ \mathbf 1^\top p = 1 \f$ (or the first k − 1) | {0, …, k − 1} |
/// | dlmath::Uniform | \f$ a < b \f$ | [a, b] |
/// | dlmath::Gaussian | \f$ \mu \f$ and \f$ \sigma^2 \f$, \f$ \sigma \f$ or \f$ \beta \f$ | \f$ \mathbb R \f$ |
/// | dlmath::Exponential | \f$ \lambda > 0 \f$ | \f$ [0, \infty) \f$ |
/// | dlmath::Laplace | \f$ \mu \f$, \f$ \gamma > 0 \f$ | \f$ \mathbb R \f$ |
/// | dlmath::Empirical | n finite points | the points |
///
/// Every family has `cdf`, `sf`, `log_cdf`, `log_sf`, `quantile`, `isf`,
/// `mean`, `variance`, `stddev`, `median`, `mode`, `skewness`, `kurtosis`,
/// `kurtosis_excess`, `entropy`, `sample(rng, n)`, and `pdf`/`log_pdf`
/// (continuous) or `pmf`/`log_pmf` (discrete); see
/// dlmath::detail::Univariate for the edges shared by all.
#pragma once

#include "dlmath/distributions/continuous.hpp"
#include "dlmath/distributions/discrete.hpp"
#include "dlmath/distributions/special.hpp"
#include "dlmath/distributions/univariate.hpp"
