/// \file
/// \brief Chapter 2, probability and information theory — the fast twin
/// (module header).
///
/// Fast rules: OpenMP (`schedule(static)`, no threads below a size
/// threshold) and xsimd batches with a scalar tail; the same signatures and
/// the same input checks as dlmath/reference/probability.hpp. Reductions are
/// split into fixed blocks combined in a fixed order, and samples are drawn
/// from counter-based streams, so results do not depend on the number of
/// threads. One header per section:
#pragma once

#include "dlmath/fast/config.hpp"
#include "dlmath/distributions.hpp"
#include "dlmath/random.hpp"
#include "dlmath/fast/probability/distributions.hpp"
#include "dlmath/fast/probability/expectation.hpp"
#include "dlmath/fast/probability/functions.hpp"
#include "dlmath/fast/probability/information.hpp"
#include "dlmath/fast/probability/mixtures.hpp"
