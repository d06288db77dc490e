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

// ------------------------------------------------------------- derivatives, changes of variables, Taylor

// ------------------------------------------------------------- conditioning, integration, Newton

}  // namespace dlmath::detail
