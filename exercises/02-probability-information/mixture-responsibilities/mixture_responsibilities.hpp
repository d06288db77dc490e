/// \file
/// \brief Exercise (chapter 2): the responsibilities of a one-dimensional
/// Gaussian mixture, computed in log space.
#pragma once

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The posterior over the components of a mixture at one point, and the
/// mixture's log-density there.
struct MixturePosterior {
    Vector responsibilities;  ///< \f$ r_i = P(c = i \mid x) \f$, \f$ \sim (k) \f$, non-negative, summing to 1
    double log_density = 0.0;  ///< \f$ \log p(x) = \log \sum_i w_i \mathcal N(x; \mu_i, \sigma_i^2) \f$
};

/// The responsibilities of the components of the Gaussian mixture
/// \f$ p(x) = \sum_i w_i \mathcal N(x; \mu_i, \sigma_i^2) \f$ for the point
/// \p x, by Bayes' rule (see \ref exercise_mixture_responsibilities):
/// \f[ r_i = P(c = i \mid x) = \frac{w_i \mathcal N(x; \mu_i, \sigma_i^2)}{\sum_j w_j \mathcal N(x; \mu_j, \sigma_j^2)}
///         = \exp\big(\ell_i - \log \textstyle\sum_j e^{\ell_j}\big), \qquad
///     \ell_i = \log w_i + \log \mathcal N(x; \mu_i, \sigma_i^2) , \f]
/// computed from the \f$ \ell_i \f$ so that a point far from every component
/// (where every \f$ e^{\ell_i} \f$ underflows to 0) still gets its
/// responsibilities. A component of weight 0 has responsibility 0.
///
/// \param x the point, finite
/// \param weights the mixing weights \f$ w \sim (k) \f$, \f$ w_i \ge 0 \f$, summing to 1
///        within \f$ \sqrt{\varepsilon} \approx 1.5 \cdot 10^{-8} \f$
/// \param means the component means \f$ \mu \sim (k) \f$, finite
/// \param stddevs the component standard deviations \f$ \sigma \sim (k) \f$, finite and \f$ > 0 \f$
/// \returns the responsibilities \f$ r \sim (k) \f$ and \f$ \log p(x) \f$
/// \throws dlmath::shape_error when the three vectors differ in length or are empty
/// \throws dlmath::domain_error when \p x or a mean is not finite, a standard deviation
///         is not finite and positive, or the weights are negative, not finite or do not
///         sum to 1
MixturePosterior mixture_responsibilities(double x, const Vector& weights, const Vector& means,
                                          const Vector& stddevs);

}  // namespace dlmath::exercises
