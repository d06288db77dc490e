/// \file
/// \brief Chapter 3, numerical computation — the fast twin (module header).
///
/// Fast rules: OpenMP (`schedule(static)`, no threads below a size
/// threshold) and xsimd batches with a scalar tail; the same signatures and
/// the same input checks as dlmath/reference/numerical.hpp. Reductions are
/// split into fixed blocks combined in a fixed order, so results do not
/// depend on the number of threads. One header per section:
#pragma once

#include "dlmath/fast/config.hpp"
#include "dlmath/numeric.hpp"
#include "dlmath/fast/numerical/summation.hpp"
#include "dlmath/fast/numerical/stable.hpp"
#include "dlmath/fast/numerical/derivatives.hpp"
#include "dlmath/fast/numerical/integration.hpp"
