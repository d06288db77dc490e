/// \file
/// \brief Chapter 4, many starts at once — fast twin: blocks of points as a
/// structure of arrays, SIMD across points, threads across blocks, and the
/// exercise function's batch evaluated by xsimd's sin and cos.
#pragma once

#include "dlmath/fast/config.hpp"
#include "dlmath/optimization.hpp"
#include "dlmath/reference/optimization/batched.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::fast {

using reference::AdamParameters;

/// \ingroup chapter4
/// \brief The exercise function \f$ f(x) = \sin x_1 \cos x_2 + \sin(x_1/2)\cos(x_2/2) \f$ of
/// every row of `X ~ (m, 2)`: values `f ~ (m)` and gradients `G ~ (m, 2)`, evaluated W rows
/// at a time with xsimd's sincos of x1/2 and x2/2 (two sincos pairs per row), the full angles
/// by the double-angle identities sin x = 2 sin(x/2) cos(x/2), cos x = cos²(x/2) − sin²(x/2).
///
/// Accuracy: xsimd's double sin and cos (Cephes' range reduction and polynomials) are within
/// 2u absolute of the correctly rounded values on |x| <= 10⁴ (measured against std::sin/cos by
/// the fast tests), so the half-angle factors are within 3u of the exact values and the
/// full-angle factors within 11u; the value and gradient are then within 37u of the
/// reference's exercise_batch (each is a sum of two products of two factors bounded by 1, plus
/// each twin's roundings of the products and the sum).
/// Throws as reference::exercise_batch (shape_error for X not (m, 2), domain_error for
/// non-finite X).
void exercise_batch(const Matrix& X, Vector& f, Matrix& G);

/// \ingroup chapter4
/// \brief The exercise function as an Objective whose batch is fast::exercise_batch (value,
/// gradient and Hessian are the reference's). The batched optimisers of this twin recognise
/// this batch and evaluate it in place on their blocks of points, fused with the update.
Objective exercise_function();

/// \ingroup chapter4
/// \copydoc dlmath::reference::gradient_descent_batch
///
/// \par Fast twin
/// The points are cut into blocks of `batched_block`; a block keeps its points' coordinates,
/// gradients and optimiser state as a structure of arrays (coordinate j of every point
/// contiguous) and runs all its steps while it stays in cache; blocks are shared among threads
/// from `batched_parallel_threshold` points on. The update is SIMD across the points, with the
/// reference's operations in the reference's order (no fused multiply-add), and every point
/// stops by the rules of the single-start optimiser (detail::step_verdict). For
/// fast::exercise_function the evaluation is the SIMD kernel, fused with the update on the
/// block's arrays, and the stopping rules are tried as one vector test on W points (the scalar
/// rules only for a batch where a point stops): bound attacked, compute — 2 sincos pairs and
/// some 40 further operations per point and step. For any other objective, f.batch is called once per block and step on the
/// block's live points (**so from several threads at once**: it must be safe to call
/// concurrently); with a batch that computes exactly value and gradient the result is the
/// reference's bit for bit. Each point's arithmetic is independent of the blocks and threads.
/// \sa dlmath::reference::gradient_descent_batch
BatchResult gradient_descent_batch(const Objective& f, const Matrix& X0, double learning_rate,
                                   const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \copydoc dlmath::reference::momentum_batch
///
/// \par Fast twin
/// As fast::gradient_descent_batch, with one more array per block (the velocity).
BatchResult momentum_batch(const Objective& f, const Matrix& X0, double learning_rate, double momentum,
                           const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \copydoc dlmath::reference::adam_batch
///
/// \par Fast twin
/// As fast::gradient_descent_batch, with two more arrays per block (the moments); the bias
/// corrections are one std::pow per step for the whole block.
BatchResult adam_batch(const Objective& f, const Matrix& X0, const AdamParameters& parameters = {},
                       const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \copydoc dlmath::reference::logistic_loss_gradient
///
/// \par Fast twin
/// One pass over X: X is read in fixed blocks of `logistic_row_block` rows; for each row
/// \f$ z_i = x_i^\top w \f$ (SIMD dot product), then the row, still in cache, is added into
/// the block's partial gradient \f$ (\sigma(z_i) - y_i)\,x_i \f$ (SIMD FMA). The block partials
/// are added in block order (reproducible for every thread count); blocks are shared among
/// threads from `logistic_parallel_threshold` entries on. Bound attacked: memory — 2 FMAs
/// (4 flops) per 8-byte entry of X, an arithmetic intensity of 0.5 flop/byte, where the pair
/// of BLAS matrix-vector products reads X twice (0.25 flop/byte). Agreement with the
/// reference: the dot products and sums within \f$ 2(n + d)u \f$ of the sums of magnitudes
/// (the fast tests state the bound entry by entry).
LossGradient logistic_loss_gradient(const Matrix& X, const Vector& y, const Vector& w);

}  // namespace dlmath::fast
