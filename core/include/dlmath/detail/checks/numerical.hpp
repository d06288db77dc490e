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

// ------------------------------------------------------------- stable formulas

// ------------------------------------------------------------- derivatives, changes of variables, Taylor

// ------------------------------------------------------------- conditioning, integration, Newton

}  // namespace dlmath::detail
