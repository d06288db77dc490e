/// \file
/// \brief Exercise (chapter 2): the KL divergence of two discrete distributions.
#pragma once

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The Kullback–Leibler divergence of \p q from \p p, in nats (see
/// \ref exercise_kl_divergence):
/// \f[ D_{\mathrm{KL}}(P \,\|\, Q) = \sum_{i} p_i \log \frac{p_i}{q_i} , \f]
/// with the limits \f$ 0 \log(0 / q_i) = 0 \f$ (also when \f$ q_i = 0 \f$)
/// and \f$ p_i \log(p_i / 0) = +\infty \f$ for \f$ p_i > 0 \f$.
///
/// \param p the distribution \f$ P \sim (k) \f$ the expectation is taken under
/// \param q the distribution \f$ Q \sim (k) \f$ that approximates it
/// \returns \f$ D_{\mathrm{KL}}(P \| Q) \in [0, +\infty] \f$, in nats (natural log)
/// \throws dlmath::shape_error when the lengths of \p p and \p q differ
/// \throws dlmath::domain_error when an entry of \p p or \p q is negative, NaN or
///         infinite, or when one of them does not sum to 1 within
///         \f$ \sqrt{\varepsilon} \approx 1.5 \cdot 10^{-8} \f$ (an empty vector sums to 0)
double kl_divergence(const Vector& p, const Vector& q);

}  // namespace dlmath::exercises
