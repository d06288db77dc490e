/// \file
/// \brief Chapter 1, inner products and norms — fast twin.
#pragma once

#include "dlmath/fast/config.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::fast {

/// \ingroup chapter1
/// \copydoc dlmath::reference::dot
///
/// \par Fast twin
/// Bound attacked: memory bandwidth (2 flops per 16 bytes read, arithmetic intensity 1/8
/// flop/byte). Stages: the vector is cut into blocks of `reduction_block` elements; each block is
/// summed with four independent xsimd FMA accumulators (to hide the FMA latency) and a scalar tail;
/// blocks run in parallel above `parallel_threshold`; the block sums are added in index order.
/// Accuracy: the blocking makes it more accurate than the reference loop, \f$ |\hat s - s| \le
/// \gamma_{b/(4w) + n/b + 2w} \sum_i |x_i y_i| \f$ for SIMD width \f$ w \f$ and block length \f$ b
/// \f$.
/// \sa dlmath::reference::dot
double dot(const Vector& x, const Vector& y);

/// \ingroup chapter1
/// \copydoc dlmath::reference::norm
///
/// \par Fast twin
/// Bound attacked: memory bandwidth for p = 1, 2, ∞ (one pass, 1–2 flops per 8 bytes); compute for
/// other p, where every term costs a vectorised `pow` (two passes: the max, then the scaled sum).
/// For p = 2 it first tries the unscaled sum of squares in one pass and falls back to the scaled
/// two-pass formula only when that sum overflowed or is so small that underflow could matter.
/// p = 0 counts non-zeros in one memory-bound pass; p < 0 scales by the minimum (a SIMD min pass)
/// instead of the maximum. A subnormal scale, whose reciprocal overflows, falls back to the
/// reference twin's division.
/// \sa dlmath::reference::norm
double norm(const Vector& x, double p = 2.0);

}  // namespace dlmath::fast
