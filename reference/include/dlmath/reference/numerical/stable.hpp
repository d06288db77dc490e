/// \file
/// \brief Chapter 3, section 3.2: stable formulas — logsumexp, softmax,
/// log_softmax, the log-sigmoid and logit, cross-entropy from logits; each
/// beside the naive form it replaces — reference twin.
///
/// The vector forms are templates on the scalar type (instantiated for
/// `float` and `double`): the section compares the two precisions. The
/// matrix forms are for `double`. The logistic sigmoid and softplus are in
/// chapter 2 (dlmath/reference/probability/functions.hpp).
#pragma once

#include <xtensor/xtensor.hpp>

#include "dlmath/detail/signed_log.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::reference {

using dlmath::SignedLog;

/// \ingroup chapter3
/// \brief The naive \f$ \log \sum_i e^{a_i} \f$, exactly as written — shown failing:
/// overflows to +∞ once one \f$ a_i > 709.78 \f$ (88.72 in float) and gives −∞ once all
/// \f$ a_i < -745 \f$. Use logsumexp. Shapes: `a ~ (n)`.
template <class T>
T logsumexp_naive(const xt::xtensor<T, 1>& a);

/// \ingroup chapter3
/// \brief \f$ \operatorname{LSE}(a) = \log \sum_i e^{a_i} \f$, never overflowing (SciPy
/// `scipy.special.logsumexp`). Shapes: `a ~ (n)`.
///
/// \f[ \operatorname{LSE}(a) = m + \operatorname{log1p}\Big(\sum_{i \ne k} e^{a_i - m}\Big),
///     \qquad m = a_k = \max_i a_i \f]
///
/// Every exponent \f$ a_i - m \le 0 \f$, so no term overflows, and the term of the maximum
/// (exactly 1) is taken out of the sum and added by `log1p`, so a dominant term loses
/// nothing: \f$ \operatorname{LSE}([0, -40]) = e^{-40} \approx 4.25 \cdot 10^{-18} \f$, not 0.
/// Edge values as SciPy: no terms gives −∞, all −∞ gives −∞, any +∞ gives +∞, NaN propagates.
/// Accuracy: \f$ |m| u + (n + 3) u \f$ absolute (the sum of n terms each within a few u, one
/// log1p, one addition). No input is rejected.
/// \sa logsumexp_signed, dlmath::fast::logsumexp
template <class T>
T logsumexp(const xt::xtensor<T, 1>& a);

/// \ingroup chapter3
/// \brief The weighted \f$ \log \sum_i b_i e^{a_i} \f$ (SciPy `logsumexp(a, b=b)`).
/// Shapes: `a ~ (n)`, `b ~ (n)`.
///
/// A zero weight removes its term, even for \f$ a_i = +\infty \f$ (the maximum m is taken over
/// the terms with \f$ b_i \ne 0 \f$). A negative total has no real logarithm and gives NaN as
/// in SciPy; logsumexp_signed returns its logarithm and sign. Throws `shape_error` when a and
/// b differ in length.
/// \sa logsumexp_signed
template <class T>
T logsumexp(const xt::xtensor<T, 1>& a, const xt::xtensor<T, 1>& b);

/// \ingroup chapter3
/// \brief \f$ \log \lvert \sum_i b_i e^{a_i} \rvert \f$ and the sign of the sum (SciPy
/// `logsumexp(a, b=b, return_sign=True)`). Shapes: `a ~ (n)`, `b ~ (n)`.
///
/// \f[ \sum_i b_i e^{a_i} = e^{m} (b_k + r), \qquad r = \sum_{i \ne k} b_i e^{a_i - m} \f]
/// with m the largest \f$ a_i \f$ of nonzero weight; the value is
/// \f$ m + \log b_k + \operatorname{log1p}(r / b_k) \f$ when \f$ b_k > 0 \f$ and the total is
/// positive, \f$ m + \log\lvert b_k + r \rvert \f$ otherwise. A zero total gives
/// \f$ (-\infty, 0) \f$. Throws `shape_error` when a and b differ in length.
template <class T>
SignedLog<T> logsumexp_signed(const xt::xtensor<T, 1>& a, const xt::xtensor<T, 1>& b);

/// \ingroup chapter3
/// \brief logsumexp over all entries of a matrix (SciPy `axis=None`). Shapes: `A ~ (m, n)`.
double logsumexp(const Matrix& A);

/// \ingroup chapter3
/// \brief logsumexp along an axis: `axis = 1` gives one value per row (the row-wise
/// log-partition of a batch of logits), `axis = 0` one per column. Shapes: `A ~ (m, n)`,
/// returns `(m)` for axis 1, `(n)` for axis 0. Throws `domain_error` for another axis.
Vector logsumexp(const Matrix& A, int axis);

/// \ingroup chapter3
/// \brief \f$ \log(e^{x} + e^{y}) \f$ without overflow (NumPy `np.logaddexp`):
/// \f$ \max(x, y) + \operatorname{log1p}(e^{-|x - y|}) \f$; \f$ x + \ln 2 \f$ when x = y
/// (so \f$ \pm\infty \f$ with itself gives \f$ \pm\infty \f$). NaN propagates.
template <class T>
T logaddexp(T x, T y);

/// \ingroup chapter3
/// \brief The naive softmax \f$ e^{x_i} / \sum_j e^{x_j} \f$, exactly as written — shown
/// failing: NaN (∞/∞) once an entry exceeds 709.78 (88.72 in float), and 0/0 once every entry
/// is below −745. Use softmax. Shapes: `x ~ (n)`.
template <class T>
xt::xtensor<T, 1> softmax_naive(const xt::xtensor<T, 1>& x);

/// \ingroup chapter3
/// \brief The softmax \f$ \operatorname{softmax}(x)_i = e^{x_i - m} / \sum_j e^{x_j - m} \f$,
/// m = max x (SciPy `scipy.special.softmax`). Shapes: `x ~ (n)`, returns `(n)`.
///
/// Subtracting m changes nothing mathematically (the factor \f$ e^{-m} \f$ cancels) but makes
/// every exponent \f$ \le 0 \f$: no overflow, and the largest term is exactly 1, so the sum is
/// in [1, n] and never 0. Accuracy: each entry within \f$ (n + 4) u \f$ relative. No input is
/// rejected; an infinite maximum gives NaN where SciPy does (∞ − ∞).
template <class T>
xt::xtensor<T, 1> softmax(const xt::xtensor<T, 1>& x);

/// \ingroup chapter3
/// \brief softmax over all entries of a matrix (SciPy `axis=None`). Shapes: `X ~ (m, n)`.
Matrix softmax(const Matrix& X);

/// \ingroup chapter3
/// \brief softmax along an axis: `axis = 1` normalises each row (a batch of logits), `axis =
/// 0` each column. Shapes: `X ~ (m, n)`, returns `(m, n)`. Throws `domain_error` for another axis.
Matrix softmax(const Matrix& X, int axis);

/// \ingroup chapter3
/// \brief \f$ \log \operatorname{softmax}(x)_i = x_i - \operatorname{LSE}(x) \f$, computed by
/// that formula and never as log(softmax(x)) (SciPy `scipy.special.log_softmax`).
/// Shapes: `x ~ (n)`, returns `(n)`.
///
/// log(softmax) fails for a far logit: \f$ e^{x_i - m} \f$ underflows to 0 once
/// \f$ x_i - m < -745 \f$ and its log is −∞, where \f$ x_i - \operatorname{LSE}(x) \f$ is a
/// finite number like −1000. Accuracy: \f$ |x_i| u + \f$ the absolute error of logsumexp.
template <class T>
xt::xtensor<T, 1> log_softmax(const xt::xtensor<T, 1>& x);

/// \ingroup chapter3
/// \brief log_softmax over all entries of a matrix. Shapes: `X ~ (m, n)`.
Matrix log_softmax(const Matrix& X);

/// \ingroup chapter3
/// \brief log_softmax along an axis (1: each row, 0: each column). Shapes: `X ~ (m, n)`,
/// returns `(m, n)`. Throws `domain_error` for another axis.
Matrix log_softmax(const Matrix& X, int axis);

/// \ingroup chapter3
/// \brief \f$ \log \sigma(x) = -\operatorname{softplus}(-x) \f$ (SciPy `scipy.special.log_expit`).
///
/// \f[ \log\sigma(x) = \begin{cases} -\operatorname{log1p}(e^{-x}) & x \ge 0
///     \\ x - \operatorname{log1p}(e^{x}) & x < 0 \end{cases} \f]
/// Stable over the whole range: \f$ \log\sigma(-1000) = -1000 \f$ (log of the underflowed
/// sigmoid would be −∞), \f$ \log\sigma(40) = -e^{-40} \f$ (not 0). No input is rejected:
/// NaN gives NaN, \f$ \log\sigma(+\infty) = 0 \f$, \f$ \log\sigma(-\infty) = -\infty \f$.
/// Accuracy: a few ulps.
/// \sa dlmath::reference::sigmoid, dlmath::reference::softplus
template <class T>
T log_sigmoid(T x);

/// \ingroup chapter3
/// \brief log_sigmoid of every entry. Shapes: `x ~ (n)`, returns `(n)`.
Vector log_sigmoid(const Vector& x);

/// \ingroup chapter3
/// \brief The log-odds \f$ \operatorname{logit}(p) = \log \frac{p}{1 - p} = \log p -
/// \operatorname{log1p}(-p) \f$, the inverse of the sigmoid (SciPy `scipy.special.logit`).
///
/// The log1p form keeps the digits of a p close to 0 (where 1 − p is exact anyway) and does
/// not form the quotient. logit(0) = −∞, logit(1) = +∞, NaN gives NaN. Throws `domain_error`
/// for p outside [0, 1] (SciPy returns NaN).
template <class T>
T logit(T p);

/// \ingroup chapter3
/// \brief The cross-entropy loss of one example from its logits z and class label y:
/// \f$ -\log \operatorname{softmax}(z)_y = \operatorname{LSE}(z) - z_y \f$.
/// Shapes: `z ~ (k)`.
///
/// Finite for every finite z, however far \f$ z_y \f$ lies below the others (the loss is then
/// about \f$ \max z - z_y \f$), where cross_entropy_from_probabilities(softmax(z), y) gives
/// +∞. Throws `shape_error` for no logits, `domain_error` for a label ≥ k.
double cross_entropy_from_logits(const Vector& logits, std::size_t label);

/// \ingroup chapter3
/// \brief The cross-entropy of a probability target t against the softmax of logits z:
/// \f$ -\sum_i t_i \log \operatorname{softmax}(z)_i = \sum_i t_i (\operatorname{LSE}(z) - z_i) \f$
/// (a zero \f$ t_i \f$ contributes nothing). Shapes: `z ~ (k)`, `t ~ (k)`. Throws
/// `shape_error` for no logits or a target of another length, `domain_error` for a target
/// entry outside [0, 1] or a target not summing to 1.
double cross_entropy_from_logits(const Vector& logits, const Vector& target);

/// \ingroup chapter3
/// \brief The cross-entropy from probabilities, \f$ -\log p_y \f$ — the form that fails when p
/// came from a softmax that underflowed (\f$ p_y = 0 \f$ gives +∞). Shapes: `p ~ (k)`. Throws
/// `shape_error` for no probabilities, `domain_error` for a label ≥ k or an entry outside [0, 1].
double cross_entropy_from_probabilities(const Vector& p, std::size_t label);

}  // namespace dlmath::reference
