/// \file
/// \brief The result type of the signed logsumexp of chapter 3, shared by
/// both twins.
#pragma once

namespace dlmath {

/// \ingroup chapter3
/// \brief A logarithm with its sign: the result of logsumexp_signed,
/// \f$ \sum_i b_i e^{a_i} = \text{sign} \cdot e^{\text{value}} \f$ (SciPy's `return_sign=True`).
template <class T>
struct SignedLog {
    T value;  ///< \f$ \log \lvert \sum_i b_i e^{a_i} \rvert \f$ (−∞ for a zero total)
    T sign;   ///< +1, −1, or 0 for a zero total (NaN when the total is NaN)
};

}  // namespace dlmath
