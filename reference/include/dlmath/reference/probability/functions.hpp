/// \file
/// \brief Chapter 2, the logistic sigmoid and softplus — reference twin.
#pragma once

#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter2
/// \brief The logistic sigmoid, the usual parameter of a Bernoulli: \f$ P(y = 1) = \sigma(x) \f$.
///
/// \f[ \sigma(x) = \frac{1}{1 + e^{-x}} = \frac{e^{x}}{1 + e^{x}} \f]
///
/// Properties: \f$ \sigma(-x) = 1 - \sigma(x) \f$, \f$ \sigma'(x) = \sigma(x)(1 - \sigma(x)) \f$,
/// values in [0, 1]. SciPy: `scipy.special.expit`.
///
/// Evaluated as \f$ 1/(1 + e^{-x}) \f$ for \f$ x \ge 0 \f$ and \f$ e^{x}/(1 + e^{x}) \f$ for
/// \f$ x < 0 \f$, so the exponential never overflows: \f$ \sigma(1000) = 1 \f$,
/// \f$ \sigma(-1000) = 0 \f$ (the true value \f$ e^{-1000} \f$ is below the smallest double), and
/// \f$ \sigma(x) = e^{x} \f$ to full relative accuracy for very negative x, down to the subnormals.
/// Accuracy: a few ulps (the exp, an addition and a division) where the result is normal.
/// No input is rejected: NaN gives NaN, \f$ \sigma(\pm\infty) = 1, 0 \f$.
/// \sa dlmath::fast::sigmoid; chapter 3 returns to its numerics.
double sigmoid(double x);

/// \ingroup chapter2
/// \brief The sigmoid of every entry: \f$ y_i = \sigma(x_i) \f$. Shapes: `x ~ (n)`, returns `(n)`.
/// \sa sigmoid(double), dlmath::fast::sigmoid
Vector sigmoid(const Vector& x);

/// \ingroup chapter2
/// \brief Softplus, a smooth \f$ \max(0, x) \f$ and the usual parameter of a positive scale
/// (\f$ \sigma \f$ or \f$ \beta \f$ of a normal distribution).
///
/// \f[ \zeta(x) = \log(1 + e^{x}) = \max(x, 0) + \log\big(1 + e^{-|x|}\big) \f]
///
/// Properties: \f$ \zeta(x) - \zeta(-x) = x \f$, \f$ \zeta'(x) = \sigma(x) \f$,
/// \f$ \log \sigma(x) = -\zeta(-x) \f$. PyTorch: `torch.nn.functional.softplus`
/// (SciPy has `np.logaddexp(0, x)`).
///
/// Evaluated by the right-hand form with `log1p`, so nothing overflows or cancels:
/// \f$ \zeta(x) = x \f$ exactly once \f$ e^{-x} < u x \f$ (x above about 37),
/// \f$ \zeta(1000) = 1000 \f$, and \f$ \zeta(x) = e^{x} \f$ to full relative accuracy for very
/// negative x (log1p of a tiny t is t), down to the subnormals.
/// Accuracy: a few ulps. No input is rejected: NaN gives NaN, \f$ \zeta(+\infty) = +\infty \f$,
/// \f$ \zeta(-\infty) = 0 \f$.
/// \sa dlmath::fast::softplus
double softplus(double x);

/// \ingroup chapter2
/// \brief Softplus of every entry: \f$ y_i = \zeta(x_i) \f$. Shapes: `x ~ (n)`, returns `(n)`.
/// \sa softplus(double), dlmath::fast::softplus
Vector softplus(const Vector& x);

}  // namespace dlmath::reference
