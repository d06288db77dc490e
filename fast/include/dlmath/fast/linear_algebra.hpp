/// \file
/// \brief Chapter 1, linear algebra — the fast twin.
///
/// Fast rules: OpenMP (`schedule(static)`, no threads below a size
/// threshold) and xsimd batches with a scalar tail; the same signatures and
/// the same input checks as dlmath/reference/linear_algebra.hpp. Results are
/// bitwise reproducible from run to run: reductions are split into fixed
/// blocks whose partial results are combined in a fixed order, so they do
/// not even depend on the number of threads.
#pragma once

#include <cstddef>

#include "dlmath/tensor.hpp"

namespace dlmath::fast {

/// Vectors shorter than this are reduced by one thread: below it the cost of
/// waking the OpenMP team (a few microseconds) exceeds the work.
inline constexpr std::size_t parallel_threshold = std::size_t{1} << 16;

/// Length of the fixed blocks a reduction is split into (16384 doubles,
/// 128 KiB per operand: two operands fit a typical L2 cache).
inline constexpr std::size_t reduction_block = std::size_t{1} << 14;

/// \ingroup chapter1
/// \brief Inner product \f$ \langle x, y \rangle = \sum_i x_i y_i \f$, fast twin.
///
/// Same contract as dlmath::reference::dot. Bound attacked: memory bandwidth
/// (2 flops per 16 bytes read, arithmetic intensity 1/8 flop/byte). Stages:
/// the vector is cut into blocks of `reduction_block` elements; each block is
/// summed with four independent xsimd FMA accumulators (to hide the FMA
/// latency) and a scalar tail; blocks run in parallel above
/// `parallel_threshold`; the block sums are added in index order.
/// Accuracy: the blocking makes it more accurate than the reference loop,
/// \f$ |\hat s - s| \le \gamma_{b/(4w) + n/b + 2w} \sum_i |x_i y_i| \f$
/// for SIMD width \f$ w \f$ and block length \f$ b \f$.
/// \throws dlmath::shape_error if the lengths differ.
/// \sa dlmath::reference::dot
double dot(const Vector& x, const Vector& y);

/// \ingroup chapter1
/// \brief The \f$ L^p \f$ norm \f$ \|x\|_p \f$, fast twin.
///
/// Same contract as dlmath::reference::norm. Bound attacked: memory
/// bandwidth for p = 1, 2, ∞ (one pass, 1–2 flops per 8 bytes); compute for
/// other p, where every term costs a vectorised `pow` (two passes: the max,
/// then the scaled sum). For p = 2 it first tries the unscaled sum of
/// squares in one pass and falls back to the scaled two-pass formula only
/// when that sum overflowed or is so small that underflow could matter.
/// \throws dlmath::domain_error if `p < 1` or `p` is NaN.
/// \sa dlmath::reference::norm
double norm(const Vector& x, double p = 2.0);

}  // namespace dlmath::fast
