/// \file
/// \brief Exercise (chapter 1): a SIMD dot product with its scalar tail, in a
/// fixed order of additions.
#pragma once

#include <cstddef>

#include <xsimd/xsimd.hpp>

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// Doubles per SIMD register of the machine the exercise is compiled for:
/// `xsimd::batch<double>::size` (2 with SSE2 or NEON, 4 with AVX2, 8 with
/// AVX-512). The order of additions of simd_dot_range is written in terms of it.
inline constexpr std::size_t simd_dot_width = xsimd::batch<double>::size;

/// The inner product of the slices \f$ x_{f:f+c} \f$ and \f$ y_{f:f+c} \f$
/// (see \ref exercise_simd_dot), in the exercise's fixed order: with
/// \f$ W \f$ = simd_dot_width, one accumulator batch takes the full batches
/// by fused multiply-adds, its lanes are added from lane 0 to lane
/// \f$ W - 1 \f$, then the scalar tail is added term by term:
/// \f[ \langle x_{f:f+c},\, y_{f:f+c} \rangle = \sum_{i=0}^{c-1} x_{f+i}\, y_{f+i} \f]
///
/// \param x a vector \f$ x \sim (n) \f$
/// \param y a vector \f$ y \sim (n) \f$
/// \param first the first index \f$ f \f$ of the slices
/// \param count their length \f$ c \f$; \f$ f + c \le n \f$
/// \returns the inner product of the slices (0 for \f$ c = 0 \f$), the same
///          bits for the same values wherever the slices start
/// \throws dlmath::shape_error when the lengths of \p x and \p y differ or the
///         slice does not lie inside them
double simd_dot_range(const Vector& x, const Vector& y, std::size_t first, std::size_t count);

/// The inner product \f$ x^\top y \f$ of two whole vectors, in the order of
/// simd_dot_range (see \ref exercise_simd_dot).
///
/// \param x a vector \f$ x \sim (n) \f$
/// \param y a vector \f$ y \sim (n) \f$
/// \returns \f$ \sum_i x_i y_i \f$
/// \throws dlmath::shape_error when the lengths of \p x and \p y differ
double simd_dot(const Vector& x, const Vector& y);

}  // namespace dlmath::exercises
