/// \file
/// \brief Chapter 4, optimisation — the fast twin (module header).
///
/// Fast rules: many starts at once in blocks of points stored as a structure
/// of arrays, xsimd across the points of a block, OpenMP across blocks
/// (`schedule(static)`, no threads below a threshold in config.hpp); the
/// same signatures and the same input checks as the reference twin. One
/// header per section:
#pragma once

#include "dlmath/fast/config.hpp"
#include "dlmath/fast/optimization/batched.hpp"
