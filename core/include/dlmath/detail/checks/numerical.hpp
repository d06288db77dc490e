/// \file
/// \brief Chapter 3's input checks: one `check_<function>` per public
/// function, called first thing by both twins, so that the reference and the
/// fast function reject exactly the same inputs with the same message. Each
/// function's name is written once, in `fn::`. One block per area of the
/// chapter, each with its own `fn` names.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>

#include "dlmath/detail/checks/common.hpp"

namespace dlmath::detail {

// ------------------------------------------------------------- floating point and summation

/// The names of the summation functions, as the messages write them.
namespace fn {
inline constexpr std::string_view sum_in_blocks = "sum_in_blocks";
}  // namespace fn

/// `sum_in_blocks(x, blocks)`: `domain_error` unless there is at least one
/// block (the sums themselves accept every vector: the empty sum is 0, and
/// infinities and NaN give the IEEE sum).
inline void check_sum_in_blocks(std::size_t blocks) {
    if (blocks == 0) throw domain_error(message(fn::sum_in_blocks, ": blocks must be >= 1 (got blocks = 0)"));
}

// ------------------------------------------------------------- stable formulas

namespace fn {
inline constexpr std::string_view logsumexp = "logsumexp", logsumexp_signed = "logsumexp_signed",
                                  softmax = "softmax", log_softmax = "log_softmax", logit = "logit",
                                  cross_entropy_from_logits = "cross_entropy_from_logits",
                                  cross_entropy_from_probabilities = "cross_entropy_from_probabilities";
}  // namespace fn

/// The axis of a matrix reduction: 0 (down each column, one result per
/// column) or 1 (along each row, one result per row), as NumPy's `axis`.
inline void check_axis(std::string_view function, const std::string& shape, int axis) {
    if (axis != 0 && axis != 1) {
        throw domain_error(message(function, ": axis must be 0 (columns) or 1 (rows) (got axis = ", axis,
                                   " for a matrix of shape ", shape, ")"));
    }
}

/// Weights b of a weighted logsumexp: one per term of a.
inline void check_logsumexp_weights(std::string_view function, std::size_t na, std::size_t nb) {
    if (na != nb) {
        throw shape_error(message(function, ": a and b must have the same length (a has ", na, " elements, b has ",
                                  nb, ")"));
    }
}

/// logit(p) is defined for a probability p in [0, 1] (NaN passes through).
inline void check_logit(double p) {
    if (p < 0.0 || p > 1.0) throw domain_error(message(fn::logit, ": p must be in [0, 1] (got p = ", p, ")"));
}

/// A class label for k scores or probabilities: 0 <= label < k, k > 0.
inline void check_label(std::string_view function, std::size_t k, std::size_t label) {
    if (k == 0) throw shape_error(message(function, ": there are no classes (the scores are empty)"));
    if (label >= k) {
        throw domain_error(message(function, ": label must be below the number of classes (got label = ", label,
                                   " for ", k, " classes)"));
    }
}

/// A probability target t for k logits: same length, entries in [0, 1]
/// summing to 1 within 8(k + 1)u.
inline void check_probability_target(std::string_view function, std::size_t k, const double* t, std::size_t nt) {
    if (k == 0) throw shape_error(message(function, ": there are no classes (the logits are empty)"));
    if (nt != k) {
        throw shape_error(message(function, ": the target must have one entry per logit (logits has ", k,
                                  " elements, target has ", nt, ")"));
    }
    double sum = 0.0;
    for (std::size_t i = 0; i < nt; ++i) {
        if (!(t[i] >= 0.0 && t[i] <= 1.0)) {
            throw domain_error(message(function, ": target(", i, ") must be a probability in [0, 1] (got ", t[i], ")"));
        }
        sum += t[i];
    }
    const double tol = 8.0 * static_cast<double>(nt + 1) * unit_roundoff<double>();
    if (std::fabs(sum - 1.0) > tol) {
        throw domain_error(message(function, ": the target must sum to 1 (its ", nt, " entries sum to ", sum, ")"));
    }
}

/// cross_entropy_from_probabilities needs probabilities p in [0, 1].
inline void check_probabilities(std::string_view function, const double* p, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        if (!(p[i] >= 0.0 && p[i] <= 1.0)) {
            throw domain_error(message(function, ": p(", i, ") must be a probability in [0, 1] (got ", p[i], ")"));
        }
    }
}

// ------------------------------------------------------------- derivatives, changes of variables, Taylor

// ------------------------------------------------------------- conditioning, integration, Newton

}  // namespace dlmath::detail
