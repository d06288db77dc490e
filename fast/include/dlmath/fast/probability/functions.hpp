/// \file
/// \brief Chapter 2, the logistic sigmoid and softplus — fast twin.
#pragma once

#include "dlmath/fast/config.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::fast {

/// \ingroup chapter2
/// \copydoc dlmath::reference::sigmoid(double)
///
/// \par Fast twin
/// One number has nothing to speed up: this is dlmath::reference::sigmoid(double).
double sigmoid(double x);

/// \ingroup chapter2
/// \copydoc dlmath::reference::sigmoid(const Vector&)
///
/// \par Fast twin
/// Bound attacked: compute (an exp and a division per 16 bytes moved). The same formula on
/// xsimd batches with the kernel exponential (within 3u) and a scalar tail, in parallel above
/// `parallel_threshold`. Below \f$ x = -708 \f$ the exponential is subnormal, which the
/// kernel gets only within an absolute \f$ 2^{-1075} \f$, so a batch holding such an entry is
/// computed by the reference formula.
/// Accuracy: within 5u relative (the exponential's 3u, the sum's and the quotient's roundings);
/// the twins agree within 16u relative.
/// \sa dlmath::reference::sigmoid
Vector sigmoid(const Vector& x);

/// \ingroup chapter2
/// \copydoc dlmath::reference::softplus(double)
///
/// \par Fast twin
/// One number has nothing to speed up: this is dlmath::reference::softplus(double).
double softplus(double x);

/// \ingroup chapter2
/// \copydoc dlmath::reference::softplus(const Vector&)
///
/// \par Fast twin
/// Bound attacked: compute (an exp and a log1p per 16 bytes moved). The same formula on xsimd
/// batches with the kernel exponential (within 3u) and the kernel's \f$ \log(1 + t) \f$ for
/// \f$ t \in (0, 1] \f$ (within 7.4u), a scalar tail, in parallel above `parallel_threshold`;
/// a batch with an entry below \f$ -708 \f$, where the exponential is subnormal, is computed
/// by the reference formula. Accuracy: within 11.4u relative; the twins agree within 16u.
/// \sa dlmath::reference::softplus
Vector softplus(const Vector& x);

}  // namespace dlmath::fast
