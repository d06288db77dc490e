/// \file
/// \brief Chapter 1, linear algebra — the fast twin (module header).
///
/// Fast rules: OpenMP (`schedule(static)`, no threads below a size
/// threshold) and xsimd batches with a scalar tail; the same signatures and
/// the same input checks as dlmath/reference/linear_algebra.hpp. Results are
/// bitwise reproducible from run to run: reductions are split into fixed
/// blocks whose partial results are combined in a fixed order, so they do
/// not even depend on the number of threads. One header per section:
#pragma once

#include "dlmath/fast/config.hpp"
#include "dlmath/fast/linear_algebra/vectors.hpp"
#include "dlmath/fast/linear_algebra/products.hpp"
#include "dlmath/fast/linear_algebra/decompositions.hpp"
#include "dlmath/fast/linear_algebra/numpy.hpp"
