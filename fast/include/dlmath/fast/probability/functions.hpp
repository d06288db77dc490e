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
/// xsimd batches with xsimd::exp and a scalar tail, in parallel above `parallel_threshold`.
/// xsimd's exp returns 0 below \f$ x \approx -708.4 \f$ instead of a subnormal, so a batch
/// holding such an entry is computed by the reference formula.
/// Accuracy: a few ulps, like the reference; the twins agree within about 10u relative.
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
/// batches (xsimd::exp, xsimd::log1p) with a scalar tail, in parallel above
/// `parallel_threshold`; a batch with an entry below \f$ -708.4 \f$, where xsimd's exp
/// flushes to 0, is computed by the reference formula.
/// \sa dlmath::reference::softplus
Vector softplus(const Vector& x);

}  // namespace dlmath::fast
