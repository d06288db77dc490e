/// \file
/// \brief Chapter 2, expectation, variance and the central limit theorem — fast twin.
#pragma once

#include <cstddef>

#include "dlmath/fast/config.hpp"
#include "dlmath/random.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::fast {

/// \ingroup chapter2
/// \copydoc dlmath::reference::mean
///
/// \par Fast twin
/// Bound attacked: memory (1 flop per 8 bytes read). Fixed blocks of `reduction_block`
/// elements, each summed with four xsimd accumulators and a scalar tail, in parallel above
/// `parallel_threshold`, combined in block order: bitwise the same for every thread count.
/// Accuracy: any summation order is within \f$ \gamma_{n-1} \sum_i |x_i| \f$; the blocking
/// makes the actual error grow with the block length plus the number of blocks.
/// \sa dlmath::reference::mean
double mean(const Vector& x);

/// \ingroup chapter2
/// \copydoc dlmath::reference::var
///
/// \par Fast twin
/// Bound attacked: memory. The same corrected two-pass formula: pass 1 is fast::mean, pass 2
/// one fused blocked pass that accumulates \f$ \sum d_i^2 \f$ and \f$ \sum d_i \f$ together
/// (3 flops per 8 bytes), with the same blocks, SIMD accumulators and fixed combination order.
/// (Welford's one-pass update would read x once instead of twice, but costs a division per
/// element and is no more accurate than two passes.)
/// \sa dlmath::reference::var
double var(const Vector& x, std::size_t ddof = 1);

/// \ingroup chapter2
/// \copydoc dlmath::reference::cov
///
/// \par Fast twin
/// Bound attacked: compute — \f$ n d^2 \f$ multiply-adds on \f$ 8nd \f$ bytes, intensity
/// \f$ d/8 \f$ flop/byte. Stages: the column means and the centred copy
/// \f$ D = X - \mathbf 1 \bar x^\top \f$ (memory-bound SIMD passes over the rows), then
/// \f$ D^\top D \f$ by chapter 1's blocked GEMM on its lower triangle (threads above
/// `gemm_parallel_threshold` multiply-adds, summation order fixed by n: bitwise the same for
/// any thread count), mirrored to the upper triangle, then the correction of the two-pass
/// formula.
/// \sa dlmath::reference::cov
Matrix cov(const Matrix& X, std::size_t ddof = 1);

/// \ingroup chapter2
/// \copydoc dlmath::reference::expectation
///
/// \par Fast twin
/// Bound attacked: memory (3 flops per 16 bytes). After the shared entry check, one fused
/// blocked pass sums \f$ \sum p_i \f$ (for the normalisation check) and \f$ \sum p_i f_i \f$
/// with xsimd accumulators, in parallel above `parallel_threshold`, combined in block order.
/// \sa dlmath::reference::expectation
double expectation(const Vector& p, const Vector& f);

/// \ingroup chapter2
/// \copydoc dlmath::reference::standardized_uniform_sums
///
/// \par Fast twin
/// Bound attacked: compute (ten Philox rounds per uniform). Sum k is a pure function of the
/// stream's seed, its position and k (dlmath::detail::standardized_uniform_sum), so the sums
/// are shared among OpenMP threads (`schedule(static)`, above `parallel_threshold` uniforms)
/// and the sample is bitwise equal to the reference twin's for every thread count.
/// \sa dlmath::reference::standardized_uniform_sums
Vector standardized_uniform_sums(Rng& rng, std::size_t terms, std::size_t count);

}  // namespace dlmath::fast
