/// \file
/// \brief Chapter 1, linear algebra — the reference twin (module header).
///
/// Reference rules: plain loops with the textbook's index names, the formula
/// in the comment above each function, no intrinsics, no OpenMP. Every
/// function has the same signature as its fast twin in
/// dlmath/fast/linear_algebra.hpp. One header per section of the chapter:
#pragma once

/// \defgroup chapter1 Chapter 1 — Linear algebra
/// \brief Vectors, matrices and tensors; products, norms, decompositions.

#include "dlmath/reference/linear_algebra/vectors.hpp"
#include "dlmath/reference/linear_algebra/decompositions.hpp"
#include "dlmath/reference/linear_algebra/products.hpp"
#include "dlmath/reference/linear_algebra/numpy.hpp"
