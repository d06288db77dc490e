/// \file
/// \brief Input checks shared by both twins, so that the reference and the
/// fast function reject exactly the same inputs with the same message.
#pragma once

#include <cmath>
#include <string_view>

#include "dlmath/errors.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::detail {

/// Throws `shape_error` unless the vectors `x` and `y` have the same length.
inline void require_same_length(std::string_view function, const Vector& x, const Vector& y) {
    if (x.size() != y.size()) {
        throw shape_error(message(function, ": lengths differ (x has ", x.size(),
                                  " elements, y has ", y.size(), ")"));
    }
}

/// Throws `domain_error` unless `p` is a valid order of an Lp norm
/// (a real `p >= 1`, or `+inf`).
inline void require_norm_order(std::string_view function, double p) {
    if (std::isnan(p) || p < 1.0) {
        throw domain_error(message(function, ": the order p must be >= 1 or +inf (got p = ", p, ")"));
    }
}

}  // namespace dlmath::detail
