/// \file
/// \brief Chapter 1, operations and products — fast twin.
///
/// The products of dlmath/reference/linear_algebra/products.hpp with the
/// same signatures. The element-wise operations and transpose forward to
/// xtensor's expressions, trace and the Frobenius norm to the reference:
/// there is nothing to speed up in them.
///
/// All of them rest on one blocked GEMM (general matrix multiply), built in
/// the stages of the classic "how to optimise GEMM" ladder — see
/// fast/src/kernels/linear_algebra/gemm.cpp and the products page of the notes for the
/// stages and their measured speed.
#pragma once

#include <cstddef>
#include <string_view>

#include <xtensor/xarray.hpp>

#include "dlmath/fast/config.hpp"  // gemm_parallel_threshold and the other thresholds
#include "dlmath/tensor.hpp"

namespace dlmath::fast {

/// \ingroup chapter1
/// \copydoc dlmath::reference::add
///
/// \par Fast twin
/// The xtensor expression `A + B`: one vectorised, memory-bound pass, which is all there is to it.
/// \sa dlmath::reference::add
Matrix add(const Matrix& A, const Matrix& B);

/// \ingroup chapter1
/// \copydoc dlmath::reference::scale
///
/// \par Fast twin
/// The xtensor expression `t * A`: one vectorised, memory-bound pass.
/// \sa dlmath::reference::scale
Matrix scale(double t, const Matrix& A);

/// \ingroup chapter1
/// \copydoc dlmath::reference::hadamard
///
/// \par Fast twin
/// The xtensor expression `A * B`: one vectorised, memory-bound pass.
/// \sa dlmath::reference::hadamard
Matrix hadamard(const Matrix& A, const Matrix& B);

/// \ingroup chapter1
/// \copydoc dlmath::reference::transpose
///
/// \par Fast twin
/// Copies the view `xt::transpose(A)`; the fast products read a transposed operand through strides instead.
/// \sa dlmath::reference::transpose
Matrix transpose(const Matrix& A);

/// \ingroup chapter1
/// \copydoc dlmath::reference::trace
///
/// \par Fast twin
/// Forwards to the reference: n additions are not worth threads or SIMD.
/// \sa dlmath::reference::trace
double trace(const Matrix& A);

/// \ingroup chapter1
/// \copydoc dlmath::reference::frobenius
///
/// \par Fast twin
/// Forwards to the reference's scaled two-pass sum (memory bound either way; `xt::norm_l2` would overflow).
/// \sa dlmath::reference::frobenius
double frobenius(const Matrix& A);

/// \ingroup chapter1
/// \copydoc dlmath::reference::matmul
///
/// \par Fast twin
/// Bound attacked: compute (2mkn flops on \f$ 8(mk + kn + mn) \f$ bytes: arithmetic intensity grows
/// like n/12 flop/byte, so a good GEMM runs near the FMA peak). Stages: cache blocking (kc × nc
/// panels of B, mc × kc blocks of A), packing each into contiguous micro-panels, a register-blocked
/// xsimd micro-kernel of 6 × 2W FMAs (W doubles per SIMD register, fixed at compile time), zero
/// padding at the edges, and OpenMP over tasks (an A block against a range of B micro-panels, two
/// barriers per B panel) above `gemm_parallel_threshold`. Accuracy: each entry is a sum over
/// kc-long chunks, each accumulated with FMAs; \f$ |\hat C - C| \le \gamma_k |A||B| \f$ as for the
/// reference. Reproducible: the summation order of every entry depends only on k, not on the number
/// of threads.
/// \sa dlmath::reference::matmul
Matrix matmul(const Matrix& A, const Matrix& B);

/// \ingroup chapter1
/// \copydoc dlmath::reference::matvec
///
/// \par Fast twin
/// Bound attacked: memory (2 flops per 8 bytes of A, intensity 1/4 flop/byte: A is read once). Each
/// row is an xsimd dot product with four FMA accumulators and a scalar tail; rows run in parallel
/// above `parallel_threshold` entries of A. Accuracy: \f$ \gamma_n |A||x| \f$.
/// \sa dlmath::reference::matvec
Vector matvec(const Matrix& A, const Vector& x);

/// \ingroup chapter1
/// \copydoc dlmath::reference::bmm
///
/// \par Fast twin
/// Each batch entry goes through the blocked GEMM of matmul. With at least two entries per thread,
/// or small entries, the threads share out the batch (one fork, no barriers); a few large entries
/// run one after the other with threads inside each. Either way the bits are the same.
/// \sa dlmath::reference::bmm
Tensor3 bmm(const Tensor3& A, const Tensor3& B);

/// \ingroup chapter1
/// \copydoc dlmath::reference::gram
///
/// \par Fast twin
/// The blocked GEMM reads \f$ X^\top \f$ through strides (no copy) and skips every micro-tile that
/// lies wholly above the diagonal; the upper triangle is then mirrored, so it costs about half a
/// matmul and is exactly symmetric.
/// \sa dlmath::reference::gram
Matrix gram(const Matrix& X);

/// \ingroup chapter1
/// \copydoc dlmath::reference::gdt
///
/// \par Fast twin
/// Bound attacked: memory (as dlmath::fast::dot, on the flattened tensors): fixed blocks summed
/// with xsimd FMAs, in parallel above `parallel_threshold`, combined in order.
/// \sa dlmath::reference::gdt
double gdt(const Tensor3& X, const Tensor3& Y);

/// \ingroup chapter1
/// \copydoc dlmath::reference::einsum(std::string_view, const xt::xarray<double>&, const xt::xarray<double>&)
///
/// \par Fast twin
/// After renaming the letters in order of appearance it recognises the contractions that are GEMMs
/// and sends them to the fast kernels: `"ij,jk->ik"` → matmul, `"ijz,izk->ijk"` → bmm,
/// `"ijz,ikz->ijk"` → bmm reading the second operand transposed through strides, `"ij,j->i"` →
/// matvec, `"ijk,ijk->"` → gdt (and the same patterns with other letters). Every other spec falls
/// back to the reference loop. First, as in the reference, letters private to one operand are
/// summed out of it, so `"ijk,kl->il"` reaches the GEMM as `"ik,kl->il"`.
/// \sa dlmath::reference::einsum
xt::xarray<double> einsum(std::string_view spec, const xt::xarray<double>& a, const xt::xarray<double>& b);

/// \ingroup chapter1
/// \copydoc dlmath::reference::einsum(std::string_view, const xt::xarray<double>&)
///
/// \par Fast twin
/// Validates exactly as the reference. The sums that read contiguous memory — a term without
/// repeated letters whose output is its first letters (`"ijk->ij"`, `"ij->"`: a SIMD sum per
/// entry, a blocked reduction for a full sum) or its last letters (`"ijk->jk"`: whole rows
/// added in the reference's order, with the reference's bits) — run in one SIMD pass; every
/// other spec (trace, transpose, diagonal, other sums) calls the reference.
/// \sa dlmath::reference::einsum
xt::xarray<double> einsum(std::string_view spec, const xt::xarray<double>& a);

}  // namespace dlmath::fast
