/// \file
/// \brief Chapter 4, optimisation — the reference twin (module header).
///
/// Reference rules: plain loops with the textbook's index names, the formula
/// in the comment above each function, no intrinsics, no OpenMP. Every
/// optimiser takes an Objective (dlmath/optimization.hpp), a start and
/// OptimizeOptions, and returns an OptimizeResult with the reason it stopped;
/// its loop is the shared Run of detail/composites/optimization.hpp. One
/// header per section:
#pragma once

/// \defgroup chapter4 Chapter 4 — Optimisation
/// \brief Objectives and test problems, gradient descent and line searches,
/// momentum and adaptive methods, Newton and quasi-Newton methods,
/// constrained problems and the KKT conditions, empirical risk.

#include "dlmath/optimization.hpp"
#include "dlmath/reference/optimization/objectives.hpp"
#include "dlmath/reference/optimization/gradient_methods.hpp"
#include "dlmath/reference/optimization/momentum.hpp"
#include "dlmath/reference/optimization/second_order.hpp"
#include "dlmath/reference/optimization/constrained.hpp"
#include "dlmath/reference/optimization/empirical_risk.hpp"
#include "dlmath/reference/optimization/batched.hpp"
