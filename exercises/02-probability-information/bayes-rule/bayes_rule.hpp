/// \file
/// \brief Exercise (chapter 2): Bayes' rule, from a joint table and from a
/// prior and a likelihood.
#pragma once

#include <cstddef>

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The posterior table \f$ P(x \mid y) \f$ from the joint table
/// \f$ P(x, y) \f$ (see \ref exercise_bayes_rule):
/// \f[ P(x = i \mid y = j) = \frac{P(x = i, y = j)}{P(y = j)}, \qquad
///     P(y = j) = \sum_{i} P(x = i, y = j) . \f]
///
/// \param joint \f$ P(x = i, y = j) \f$ in row \f$ i \f$, column \f$ j \f$,
///        \f$ \sim (n_x, n_y) \f$: entries finite and \f$ \ge 0 \f$, summing to 1 within
///        \f$ \sqrt{\varepsilon} \approx 1.5 \cdot 10^{-8} \f$
/// \returns \f$ P(x = i \mid y = j) \sim (n_x, n_y) \f$: each column a distribution over \f$ x \f$
/// \throws dlmath::domain_error when an entry is negative or not finite, the table does
///         not sum to 1 (an empty table sums to 0), or a column has \f$ P(y = j) = 0 \f$
///         (the posterior given an impossible observation is undefined)
Matrix posterior_from_joint(const Matrix& joint);

/// The posterior \f$ P(x \mid y) \f$ for one observed \f$ y \f$, by Bayes' rule from
/// the prior \f$ P(x) \f$ and the likelihood \f$ P(y \mid x) \f$ (see \ref exercise_bayes_rule):
/// \f[ P(x = i \mid y) = \frac{P(x = i)\, P(y \mid x = i)}{P(y)}, \qquad
///     P(y) = \sum_{i} P(x = i)\, P(y \mid x = i) . \f]
///
/// \param prior \f$ P(x = i) \sim (k) \f$, a distribution
/// \param likelihood \f$ P(y = j \mid x = i) \f$ in row \f$ i \f$, column \f$ j \f$,
///        \f$ \sim (k, m) \f$: each row a distribution over \f$ y \f$
/// \param y the observed outcome, a column of \p likelihood (\f$ 0 \le y < m \f$)
/// \returns \f$ P(x = i \mid y) \sim (k) \f$, a distribution
/// \throws dlmath::shape_error when \p likelihood does not have \f$ k \f$ rows, or
///         \p y is not one of its columns
/// \throws dlmath::domain_error when \p prior or a row of \p likelihood is not a
///         distribution (as for posterior_from_joint()), or the evidence \f$ P(y) \f$ is 0
Vector bayes_posterior(const Vector& prior, const Matrix& likelihood, std::size_t y);

}  // namespace dlmath::exercises
