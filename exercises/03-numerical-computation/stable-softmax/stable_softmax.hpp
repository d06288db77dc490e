/// \file
/// \brief Exercise (chapter 3): a stable logsumexp, softmax and log_softmax.
#pragma once

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// \f$ \operatorname{LSE}(x) = \log \sum_i e^{x_i} \f$, computed as
/// \f$ m + \log \sum_i e^{x_i - m} \f$ with \f$ m = \max_i x_i \f$ so that
/// nothing overflows (see \ref exercise_stable_softmax).
/// \param x the logits \f$ \sim (n) \f$, finite, n >= 1
/// \throws dlmath::shape_error when x is empty
double logsumexp(const Vector& x);

/// \f$ \operatorname{softmax}(x)_i = e^{x_i - m} / \sum_j e^{x_j - m} \f$,
/// \f$ m = \max_j x_j \f$: non-negative, summing to 1, for any finite logits.
/// \param x the logits \f$ \sim (n) \f$, finite, n >= 1
/// \returns the probabilities \f$ \sim (n) \f$
/// \throws dlmath::shape_error when x is empty
Vector softmax(const Vector& x);

/// \f$ \log \operatorname{softmax}(x)_i = x_i - \operatorname{LSE}(x) \f$,
/// finite for every finite x (never computed as the log of the softmax).
/// \param x the logits \f$ \sim (n) \f$, finite, n >= 1
/// \returns the log-probabilities \f$ \sim (n) \f$
/// \throws dlmath::shape_error when x is empty
Vector log_softmax(const Vector& x);

}  // namespace dlmath::exercises
