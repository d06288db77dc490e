/// \file
/// \brief Exercise (chapter 2): the entropy of a Bernoulli variable, in bits.
#pragma once

namespace dlmath::exercises {

/// The Shannon entropy of a Bernoulli(\f$ \phi \f$) variable in bits (see
/// \ref exercise_bernoulli_entropy):
/// \f[ H(\phi) = -\phi \log_2 \phi - (1 - \phi) \log_2 (1 - \phi) , \f]
/// with \f$ 0 \log_2 0 = 0 \f$, so \f$ H(0) = H(1) = 0 \f$.
///
/// Accurate to a few units in the last place for every \f$ \phi \f$,
/// \f$ \phi = 10^{-300} \f$ and \f$ \phi = 1 - 2^{-53} \f$ included.
///
/// \param phi the probability \f$ \phi = P(x = 1) \in [0, 1] \f$
/// \returns \f$ H(\phi) \in [0, 1] \f$ bits; 1 bit at \f$ \phi = 1/2 \f$
/// \throws dlmath::domain_error when \p phi is NaN or outside \f$ [0, 1] \f$
double bernoulli_entropy_bits(double phi);

}  // namespace dlmath::exercises
