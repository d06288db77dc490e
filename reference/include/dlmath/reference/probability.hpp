/// \file
/// \brief Chapter 2, probability and information theory — the reference twin
/// (module header).
///
/// Reference rules: plain loops with the textbook's index names, the formula
/// in the comment above each function, no intrinsics, no OpenMP. Every
/// function has the same signature as its fast twin in
/// dlmath/fast/probability.hpp. The distributions themselves are value types
/// shared by both twins (dlmath/distributions.hpp). One header per section:
#pragma once

/// \defgroup chapter2 Chapter 2 — Probability and information theory
/// \brief Distributions, tables, expectations, mixtures, information measures.

#include "dlmath/distributions.hpp"
#include "dlmath/random.hpp"
#include "dlmath/reference/probability/distributions.hpp"
#include "dlmath/reference/probability/tables.hpp"
#include "dlmath/reference/probability/expectation.hpp"
#include "dlmath/reference/probability/functions.hpp"
#include "dlmath/reference/probability/information.hpp"
#include "dlmath/reference/probability/mixtures.hpp"
#include "dlmath/reference/probability/kl_asymmetry.hpp"
