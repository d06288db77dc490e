/// \file
/// \brief Chapter 3, numerical computation — the reference twin (module
/// header).
///
/// Reference rules: plain loops with the textbook's index names, the formula
/// in the comment above each function, no intrinsics, no OpenMP. Every
/// function has the same signature as its fast twin in
/// dlmath/fast/numerical.hpp. Functions whose lesson is float against double
/// are templates on the scalar type. One header per section:
#pragma once

/// \defgroup chapter3 Chapter 3 — Numerical computation
/// \brief Floating point, stable formulas, summation, conditioning,
/// derivatives, changes of variables, integration and Newton's method.

#include "dlmath/numeric.hpp"
#include "dlmath/reference/numerical/floating_point.hpp"
#include "dlmath/reference/numerical/summation.hpp"
#include "dlmath/reference/numerical/stable.hpp"
#include "dlmath/reference/numerical/derivatives.hpp"
#include "dlmath/reference/numerical/calculus.hpp"
#include "dlmath/reference/numerical/conditioning.hpp"
#include "dlmath/reference/numerical/integration.hpp"
#include "dlmath/reference/numerical/roots.hpp"
