/// \file
/// \brief Section 3.3, summation: the naive (recursive), compensated (Kahan)
/// and pairwise sums of a vector of float or double, with their textbook
/// error bounds.
#pragma once

#include <cstddef>

#include <xtensor/xtensor.hpp>

namespace dlmath::reference {

/// \ingroup chapter3
/// \brief The recursive sum \f$ s_i = \mathrm{fl}(s_{i-1} + x_i) \f$, left to right.
///
/// \f[ s = \sum_{i=0}^{n-1} x_i, \qquad
///     |\hat s - s| \le \gamma_{n-1} \sum_i |x_i| \approx (n-1)\,u \sum_i |x_i| \f]
/// (Higham, Accuracy and Stability, eq. 4.4). x ~ (n); the empty sum is 0.
/// Every input is valid: infinities and NaN give the IEEE sum, as NumPy's.
/// Complexity n additions. \sa sum_kahan, sum_pairwise
template <class T>
T sum_naive(const xt::xtensor<T, 1>& x);

/// \ingroup chapter3
/// \brief The compensated sum of Kahan: a second variable c carries the
/// low-order bits that each addition rounds away, and feeds them back.
///
/// \f[ y = x_i - c,\quad t = s + y,\quad c = (t - s) - y,\quad s = t, \qquad
///     |\hat s - s| \le \bigl(2u + O(n u^2)\bigr) \sum_i |x_i| \f]
/// (Higham, eq. 4.8): the bound does not grow with n to first order.
/// \f$ (t - s) - y \f$ is 0 in exact arithmetic; a compiler allowed to
/// reassociate (`-ffast-math`) may simplify it to 0 and turn the function
/// into the naive sum. x ~ (n); the empty sum is 0. When a term or the sum
/// is not finite the result is the IEEE sum (the compensation of an
/// infinite sum is inf − inf = NaN). Complexity 4n additions.
/// \sa sum_naive, sum_pairwise, dlmath::fast::sum_kahan
template <class T>
T sum_kahan(const xt::xtensor<T, 1>& x);

/// \ingroup chapter3
/// \brief The pairwise (cascade) sum: the two halves summed recursively,
/// then added.
///
/// \f[ S(x_{0..n}) = S(x_{0..m}) + S(x_{m..n}),\ m = \lfloor n/2 \rfloor, \qquad
///     |\hat s - s| \le \gamma_{\lceil \log_2 n \rceil} \sum_i |x_i| \f]
/// (Higham, eq. 4.6): each term goes through at most
/// \f$ \lceil \log_2 n \rceil \f$ additions. x ~ (n); the empty sum is 0.
/// Complexity n − 1 additions, recursion depth \f$ \lceil \log_2 n \rceil \f$.
/// \sa sum_naive, sum_kahan, dlmath::fast::sum_pairwise
template <class T>
T sum_pairwise(const xt::xtensor<T, 1>& x);

/// \ingroup chapter3
/// \brief The sum as a parallel reduction would form it: x cut into
/// `blocks` nearly equal parts, each summed left to right, the block sums
/// added in block order.
///
/// \f[ s = \sum_{b=0}^{B-1} \Bigl( \sum_{i = \lfloor bn/B \rfloor}^{\lfloor (b+1)n/B \rfloor - 1} x_i \Bigr) \f]
/// A different B is a different order of the additions, and so, in
/// general, different last bits; B = 1 is sum_naive. Each term goes through
/// at most \f$ n/B + B \f$ roundings:
/// \f$ |\hat s - s| \le \gamma_{\lceil n/B \rceil + B - 1} \sum_i |x_i| \f$.
/// x ~ (n); the empty sum is 0.
/// \throws dlmath::domain_error when `blocks` is 0
template <class T>
T sum_in_blocks(const xt::xtensor<T, 1>& x, std::size_t blocks);

}  // namespace dlmath::reference
