/// \file
/// \brief Chapter 3's stable-formula composites — the cross-entropy from
/// logits, written once on either twin's logsumexp.
#pragma once

#include <cstddef>

#include "dlmath/detail/checks/numerical.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::detail {

/// \f$ -\log \operatorname{softmax}(z)_y = \operatorname{LSE}(z) - z_y \f$ with the twin's `lse`.
template <class Lse>
double cross_entropy_from_logits(const Vector& logits, std::size_t label, Lse lse) {
    check_label(fn::cross_entropy_from_logits, logits.size(), label);
    return lse(logits) - logits(label);
}

/// \f$ \sum_i t_i (\operatorname{LSE}(z) - z_i) \f$ with the twin's `lse`; a zero \f$ t_i \f$ adds nothing.
template <class Lse>
double cross_entropy_from_logits(const Vector& logits, const Vector& target, Lse lse) {
    check_probability_target(fn::cross_entropy_from_logits, logits.size(), target.data(), target.size());
    const double l = lse(logits);
    double h = 0.0;
    for (std::size_t i = 0; i < logits.size(); ++i) {
        if (target(i) != 0.0) h += target(i) * (l - logits(i));
    }
    return h;
}

}  // namespace dlmath::detail
