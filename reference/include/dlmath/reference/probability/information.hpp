/// \file
/// \brief Chapter 2, information theory — reference twin: self-information,
/// entropy, cross-entropy, KL and Jensen–Shannon divergences, mutual
/// information, and SciPy's element-wise building blocks.
///
/// Conventions (SciPy's): natural logarithms, so results are in nats; a
/// `base` argument rescales them (2 for bits, also called shannons); a
/// measure along an `axis` of a matrix takes one distribution per column
/// (axis 0, as `scipy.stats.entropy`'s default) or per row (axis 1: a batch
/// of predictions, one row per example). \f$ 0 \log 0 = 0 \f$, and a term with
/// \f$ q_i = 0 < p_i \f$ makes a divergence or a cross-entropy \f$ +\infty \f$ (returned,
/// not thrown).
///
/// Preconditions shared by the measures of distributions: no NaN, no
/// negative entry, and each distribution sums to 1 within
/// \f$ \tau_n = 4 \max(n, 1)\, u \f$ for n outcomes (the rounding a normalisation
/// leaves, doubled: dlmath::detail::normalisation_tolerance); a `base` that
/// is finite, > 0 and != 1. Otherwise `dlmath::domain_error`, naming the
/// function, the entry or the sum, and the tolerance. Operands of different
/// shapes, or an axis other than 0 and 1, give `dlmath::shape_error`.
///
/// Empty input: the measures are sums over the outcomes, and the empty sum
/// is 0 — the entropy, cross-entropy and divergences of distributions with
/// no outcome are 0, as `scipy.stats.entropy([])` is (the normalisation
/// check needs at least one outcome).
#pragma once

#include <cstddef>
#include <numbers>

#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter2
/// \brief The self-information of an event of probability p: how surprising it is.
///
/// \f[ I(p) = -\log_b p = -\frac{\ln p}{\ln b} \f]
///
/// In nats by default (b = e); `base = 2` gives bits. \f$ I(1) = 0 \f$ (a sure
/// event tells nothing), \f$ I(0) = +\infty \f$, and \f$ I(1/e) = 1 \f$ nat.
/// \throws dlmath::domain_error if p is NaN or outside [0, 1], or `base` is
///   not finite, > 0 and != 1.
/// Accuracy: one rounding of `std::log` (and one of the division by \f$ \ln b \f$).
/// \sa dlmath::fast::self_information
double self_information(double p, double base = std::numbers::e);

/// \ingroup chapter2
/// \brief The self-information of each of the events of probabilities p:
/// \f$ I_i = -\log_b p_i \f$.
///
/// Shapes: `p ~ (n)` (n events, not one distribution: the entries need not
/// sum to 1); returns `~ (n)`.
/// \throws dlmath::domain_error if an entry is NaN or outside [0, 1], or for a bad `base`.
/// \sa dlmath::fast::self_information
Vector self_information(const Vector& p, double base = std::numbers::e);

/// \ingroup chapter2
/// \brief The Shannon entropy of a discrete distribution: the expected self-information.
///
/// \f[ H(P) = \mathbb E_{x \sim P}[I(x)] = -\sum_{i=1}^{n} p_i \log p_i
///          = \sum_{i=1}^{n} \mathrm{entr}(p_i), \qquad 0 \log 0 = 0 . \f]
///
/// \f$ 0 \le H(P) \le \log n \f$, with equality on the left for a sure outcome and
/// on the right for the uniform distribution. Shapes: `p ~ (n)`; the empty
/// vector gives 0. Same as `scipy.stats.entropy(p, base=base)` for a
/// normalised p (SciPy normalises silently; this throws instead).
/// \throws dlmath::domain_error if p has NaN or a negative entry, or does not sum to
///   1 within \f$ 4 n u \f$; for a bad `base`.
/// Accuracy: each term carries a few u relative error, the sum \f$ \gamma_n \f$:
/// \f$ |\hat H - H| \le \gamma_{n+3} \sum_i |p_i \log p_i| \f$ (in nats).
/// Complexity: one pass to check, one to sum, n logarithms.
/// \sa dlmath::fast::entropy
double entropy(const Vector& p, double base = std::numbers::e);

/// \ingroup chapter2
/// \brief The entropy of each column (axis = 0) or each row (axis = 1) of P.
///
/// Shapes: `P ~ (m, k)`; returns `~ (k)` for axis 0, `~ (m)` for axis 1.
/// \throws dlmath::shape_error if axis is not 0 or 1.
/// \throws dlmath::domain_error as entropy(const Vector&, double), naming the column or row.
/// \sa dlmath::fast::entropy
Vector entropy(const Matrix& P, std::size_t axis, double base = std::numbers::e);

/// \ingroup chapter2
/// \brief The cross-entropy of Q relative to P: the expected code length,
/// in nats or bits, of outcomes drawn from P coded for Q.
///
/// \f[ H(P, Q) = -\mathbb E_{x \sim P}[\log Q(x)] = -\sum_{i=1}^{n} p_i \log q_i
///             = H(P) + D_{KL}(P \| Q) . \f]
///
/// With a one-hot P (the label y) it is \f$ -\log q_y \f$, the classification loss.
/// Computed directly (one pass), not as H(P) + KL: the identity is a test.
/// \f$ +\infty \f$ where some \f$ q_i = 0 < p_i \f$. Shapes: `p ~ (n)`, `q ~ (n)`.
/// \throws dlmath::shape_error if the lengths differ.
/// \throws dlmath::domain_error if p or q is not a distribution (see the file), or for a bad `base`.
/// Accuracy: \f$ |\hat H - H| \le \gamma_{n+3} \sum_i |p_i \log q_i| \f$.
/// \sa dlmath::fast::cross_entropy
double cross_entropy(const Vector& p, const Vector& q, double base = std::numbers::e);

/// \ingroup chapter2
/// \brief The cross-entropy of each column (axis 0) or row (axis 1) of Q
/// relative to the same column or row of P.
/// \throws dlmath::shape_error if P and Q differ in shape or axis is not 0 or 1.
/// \sa dlmath::fast::cross_entropy
Vector cross_entropy(const Matrix& P, const Matrix& Q, std::size_t axis, double base = std::numbers::e);

/// \ingroup chapter2
/// \brief The Kullback–Leibler divergence of Q from P.
///
/// \f[ D_{KL}(P \| Q) = \mathbb E_{x \sim P}\Big[\log \frac{P(x)}{Q(x)}\Big]
///   = \sum_{i=1}^{n} p_i \log \frac{p_i}{q_i} = \sum_{i=1}^{n} \mathrm{rel\_entr}(p_i, q_i) . \f]
///
/// \f$ D_{KL} \ge 0 \f$ with equality iff P = Q (Gibbs' inequality); not symmetric,
/// so not a distance. \f$ +\infty \f$ where some \f$ q_i = 0 < p_i \f$. Same as
/// `scipy.stats.entropy(p, q, base=base)` for normalised p and q.
/// \throws dlmath::shape_error if the lengths differ.
/// \throws dlmath::domain_error if p or q is not a distribution, or for a bad `base`.
/// Accuracy: \f$ |\hat D - D| \le \gamma_{n+3} \sum_i |p_i \log(p_i/q_i)| + 2u \f$ (the
/// rounding of \f$ p_i / q_i \f$ is an absolute error u in its logarithm, weighted by \f$ p_i \f$).
/// \sa dlmath::fast::kl_divergence
double kl_divergence(const Vector& p, const Vector& q, double base = std::numbers::e);

/// \ingroup chapter2
/// \brief \f$ D_{KL} \f$ of each column (axis 0) or row (axis 1) of Q from the same one of P.
/// \throws dlmath::shape_error if P and Q differ in shape or axis is not 0 or 1.
/// \sa dlmath::fast::kl_divergence
Vector kl_divergence(const Matrix& P, const Matrix& Q, std::size_t axis, double base = std::numbers::e);

/// \ingroup chapter2
/// \brief The Jensen–Shannon *divergence*: KL to the average distribution, symmetrised.
///
/// \f[ \mathrm{JS}(P, Q) = \tfrac12 D_{KL}(P \| M) + \tfrac12 D_{KL}(Q \| M),
///     \qquad M = \tfrac12 (P + Q) . \f]
///
/// Symmetric, finite, \f$ 0 \le \mathrm{JS} \le \ln 2 \f$ (1 bit). Note: SciPy's
/// `scipy.spatial.distance.jensenshannon` returns the Jensen–Shannon
/// *distance*, the square root of this divergence (a metric); take
/// `std::sqrt(jensen_shannon_divergence(p, q))` to compare.
/// Computed from KL once for both twins (dlmath::detail::jensen_shannon_divergence).
/// \throws dlmath::shape_error if the lengths differ.
/// \throws dlmath::domain_error if p or q is not a distribution, or for a bad `base`.
/// \sa dlmath::fast::jensen_shannon_divergence
double jensen_shannon_divergence(const Vector& p, const Vector& q, double base = std::numbers::e);

/// \ingroup chapter2
/// \brief The mutual information of X and Y from their joint table P(X = i, Y = j).
///
/// \f[ I(X; Y) = D_{KL}\big(P_{XY} \,\|\, P_X P_Y\big) = \sum_{i,j} P_{ij} \log \frac{P_{ij}}{P_i P_j}
///             = \sum_i P_i\, D_{KL}\big(P(Y \mid X = i) \,\|\, P(Y)\big) \ge 0, \f]
///
/// 0 iff X and Y are independent (P is the outer product of its marginals).
/// Computed once for both twins as the expected KL (dlmath::detail::mutual_information).
/// Shapes: `P ~ (m, k)`, one distribution over all m·k cells; an empty table gives 0.
/// \throws dlmath::domain_error if P has NaN or a negative entry or does not sum to 1
///   within \f$ 4 m k u \f$; for a bad `base`.
/// \sa dlmath::fast::mutual_information
double mutual_information(const Matrix& P, double base = std::numbers::e);

/// \ingroup chapter2
/// \brief SciPy's `xlogy`, element-wise: \f$ x \log y \f$, and 0 where x = 0 (unless y is NaN).
///
/// SciPy's values everywhere: \f$ x \log 0 = -\infty \f$ for x > 0, NaN for a
/// negative y with x != 0, NaN in gives NaN out. Shapes: x and y of one shape.
/// \throws dlmath::shape_error if the shapes differ.
/// \sa dlmath::fast::xlogy
Vector xlogy(const Vector& x, const Vector& y);
/// \ingroup chapter2
/// \brief \copybrief xlogy(const Vector&, const Vector&) (matrices, entry by entry).
/// \throws dlmath::shape_error if the shapes differ.
/// \sa dlmath::fast::xlogy
Matrix xlogy(const Matrix& x, const Matrix& y);

/// \ingroup chapter2
/// \brief SciPy's `entr`, element-wise: \f$ -x \log x \f$ for x > 0, 0 at 0,
/// \f$ -\infty \f$ for x < 0, NaN for NaN. \f$ H(P) = \sum_i \mathrm{entr}(p_i) \f$.
/// Every input is accepted (no bad input).
/// \sa dlmath::fast::entr
Vector entr(const Vector& x);
/// \ingroup chapter2
/// \brief \copybrief entr(const Vector&) (matrices, entry by entry).
/// \sa dlmath::fast::entr
Matrix entr(const Matrix& x);

/// \ingroup chapter2
/// \brief SciPy's `rel_entr`, element-wise: \f$ x \log(x/y) \f$ for x, y > 0,
/// 0 for \f$ x = 0 \le y \f$, \f$ +\infty \f$ otherwise (also where \f$ y = 0 < x \f$), NaN for NaN.
/// \f$ D_{KL}(P \| Q) = \sum_i \mathrm{rel\_entr}(p_i, q_i) \f$.
/// \throws dlmath::shape_error if the shapes differ.
/// \sa dlmath::fast::rel_entr
Vector rel_entr(const Vector& x, const Vector& y);
/// \ingroup chapter2
/// \brief \copybrief rel_entr(const Vector&, const Vector&) (matrices, entry by entry).
/// \throws dlmath::shape_error if the shapes differ.
/// \sa dlmath::fast::rel_entr
Matrix rel_entr(const Matrix& x, const Matrix& y);

/// \ingroup chapter2
/// \brief SciPy's `kl_div`, element-wise: \f$ x \log(x/y) - x + y \f$ for x, y > 0,
/// y for \f$ x = 0 \le y \f$, \f$ +\infty \f$ otherwise, NaN for NaN. Each term is
/// \f$ \ge 0 \f$; summed over two distributions it equals \f$ D_{KL} \f$ (the extra
/// terms cancel), and it stays a divergence for unnormalised measures.
/// \throws dlmath::shape_error if the shapes differ.
/// \sa dlmath::fast::kl_div
Vector kl_div(const Vector& x, const Vector& y);
/// \ingroup chapter2
/// \brief \copybrief kl_div(const Vector&, const Vector&) (matrices, entry by entry).
/// \throws dlmath::shape_error if the shapes differ.
/// \sa dlmath::fast::kl_div
Matrix kl_div(const Matrix& x, const Matrix& y);

}  // namespace dlmath::reference
