/// \file
/// \brief Chapter 3, section 3.2: stable formulas — fast twin.
///
/// The row-wise softmax, logsumexp and log_softmax of a matrix, and their
/// vector forms, are one fused online pass (kernels/numerical/
/// online_softmax.hpp) with a vectorised exponential of proven accuracy
/// (kernels/exp.hpp), threads across rows. The fast twin is for `double`;
/// the `float` forms of the reference exist for the float-against-double
/// lesson. The other functions of the section (weights, one number, the
/// naive forms shown failing) have nothing to speed up and forward to the
/// reference, as each comment says.
#pragma once

#include "dlmath/fast/config.hpp"
#include "dlmath/detail/signed_log.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::fast {

using dlmath::SignedLog;

/// \ingroup chapter3
/// \copydoc dlmath::reference::logsumexp_naive
///
/// \par Fast twin
/// A naive form exists to be shown failing: this is the reference's.
double logsumexp_naive(const Vector& a);

/// \ingroup chapter3
/// \copydoc dlmath::reference::logsumexp(const xt::xtensor<T, 1>&)
///
/// \par Fast twin
/// Bound attacked: compute (an exponential per 8 bytes read). One online pass (maximum and
/// sum together) on xsimd batches with the kernel exponential, in fixed blocks of
/// `stable_block` entries combined in block order (in parallel above
/// `stable_parallel_threshold`). Accuracy: within \f$ (6n + 16)u + 2u|m| \f$ of the reference
/// (each term's exponential within 3u, rescaled at most once per new maximum of its lane).
double logsumexp(const Vector& a);

/// \ingroup chapter3
/// \copydoc dlmath::reference::logsumexp(const xt::xtensor<T, 1>&, const xt::xtensor<T, 1>&)
///
/// \par Fast twin
/// The weighted form is a lesson in edge values (zero and negative weights), two passes of
/// scalar decisions: this is the reference's.
double logsumexp(const Vector& a, const Vector& b);

/// \ingroup chapter3
/// \copydoc dlmath::reference::logsumexp_signed
///
/// \par Fast twin
/// As the weighted logsumexp: this is the reference's.
SignedLog<double> logsumexp_signed(const Vector& a, const Vector& b);

/// \ingroup chapter3
/// \copydoc dlmath::reference::logsumexp(const Matrix&)
///
/// \par Fast twin
/// The vector form on the matrix's entries in row-major order.
double logsumexp(const Matrix& A);

/// \ingroup chapter3
/// \copydoc dlmath::reference::logsumexp(const Matrix&, int)
///
/// \par Fast twin
/// Bound attacked: compute, then memory. Axis 1: one online pass per row, rows shared among
/// the threads above `stable_parallel_threshold` entries. Axis 0: the same on the transpose
/// (one extra pass over the matrix). Accuracy as the vector form.
Vector logsumexp(const Matrix& A, int axis);

/// \ingroup chapter3
/// \copydoc dlmath::reference::logaddexp
///
/// \par Fast twin
/// Two numbers: this is the reference's.
double logaddexp(double x, double y);

/// \ingroup chapter3
/// \copydoc dlmath::reference::softmax_naive
///
/// \par Fast twin
/// A naive form exists to be shown failing: this is the reference's.
Vector softmax_naive(const Vector& x);

/// \ingroup chapter3
/// \copydoc dlmath::reference::softmax(const xt::xtensor<T, 1>&)
///
/// \par Fast twin
/// Bound attacked: memory (read x, write y) once the exponentials are vectorised. The online
/// pass gives m and the sum \f$ S = 1 + r \f$; a second pass writes \f$ e^{x_i - m} / S \f$
/// (a product by 1/S). Accuracy: each entry within \f$ (6n + 20)u \f$ relative of the
/// reference's (and \f$ 2^{-1074} \f$ absolute where it is subnormal).
Vector softmax(const Vector& x);

/// \ingroup chapter3
/// \copydoc dlmath::reference::softmax(const Matrix&)
///
/// \par Fast twin
/// The vector form on the matrix's entries.
Matrix softmax(const Matrix& X);

/// \ingroup chapter3
/// \copydoc dlmath::reference::softmax(const Matrix&, int)
///
/// \par Fast twin
/// Axis 1: per row, the online pass and the scaled exponentials while the row is in cache,
/// rows shared among the threads (the top of the softmax ladder, bench_stable.cpp). Axis 0:
/// the same on the transpose.
Matrix softmax(const Matrix& X, int axis);

/// \ingroup chapter3
/// \copydoc dlmath::reference::log_softmax(const xt::xtensor<T, 1>&)
///
/// \par Fast twin
/// The online pass gives LSE(x); a second pass writes \f$ x_i - \operatorname{LSE}(x) \f$.
/// Accuracy: within \f$ 2u|x_i| \f$ + the vector logsumexp's bound of the reference.
Vector log_softmax(const Vector& x);

/// \ingroup chapter3
/// \copydoc dlmath::reference::log_softmax(const Matrix&)
///
/// \par Fast twin
/// The vector form on the matrix's entries.
Matrix log_softmax(const Matrix& X);

/// \ingroup chapter3
/// \copydoc dlmath::reference::log_softmax(const Matrix&, int)
///
/// \par Fast twin
/// As softmax along an axis, writing \f$ x_{ij} - \operatorname{LSE}_i \f$.
Matrix log_softmax(const Matrix& X, int axis);

/// \ingroup chapter3
/// \copydoc dlmath::reference::log_sigmoid
///
/// \par Fast twin
/// One number: this is the reference's.
double log_sigmoid(double x);

/// \ingroup chapter3
/// \copydoc dlmath::reference::log_sigmoid(const Vector&)
///
/// \par Fast twin
/// Bound attacked: compute. \f$ \min(x, 0) - \operatorname{log1p}(e^{-|x|}) \f$ on xsimd
/// batches (xsimd's log1p, the kernel exponential) with a scalar tail, in parallel above
/// `stable_parallel_threshold`; a batch with an entry below −708 (where e^{-|x|} is
/// subnormal) takes the reference's formula. Accuracy: within 16u relative of the reference.
Vector log_sigmoid(const Vector& x);

/// \ingroup chapter3
/// \copydoc dlmath::reference::logit
///
/// \par Fast twin
/// One number: this is the reference's.
double logit(double p);

/// \ingroup chapter3
/// \copydoc dlmath::reference::cross_entropy_from_logits(const Vector&, std::size_t)
///
/// \par Fast twin
/// The fast logsumexp minus one logit.
double cross_entropy_from_logits(const Vector& logits, std::size_t label);

/// \ingroup chapter3
/// \copydoc dlmath::reference::cross_entropy_from_logits(const Vector&, const Vector&)
///
/// \par Fast twin
/// The fast logsumexp and one pass over the target.
double cross_entropy_from_logits(const Vector& logits, const Vector& target);

/// \ingroup chapter3
/// \copydoc dlmath::reference::cross_entropy_from_probabilities
///
/// \par Fast twin
/// One logarithm: this is the reference's.
double cross_entropy_from_probabilities(const Vector& p, std::size_t label);

}  // namespace dlmath::fast
