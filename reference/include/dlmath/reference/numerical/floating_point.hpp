/// \file
/// \brief Section 3.1, floating point: machine epsilon, the smallest
/// subnormal and the overflow and underflow thresholds of `exp`, each found
/// by the code on the representable numbers of `T` (float or double) and
/// compared in the tests with `std::numeric_limits`. Reference twin only:
/// these are demonstrations, not kernels.
#pragma once

namespace dlmath::reference {

/// \ingroup chapter3
/// \brief Machine epsilon of `T`, found by halving: the smallest power of two
/// \f$ \varepsilon \f$ with \f$ \mathrm{fl}(1 + \varepsilon) > 1 \f$.
///
/// \f[ \varepsilon = 2^{1-p}, \qquad u = \varepsilon / 2 \f]
/// with p the significand's bits (24 for float, 53 for double). Equals
/// `std::numeric_limits<T>::epsilon()`. \sa dlmath::unit_roundoff
template <class T>
T machine_epsilon();

/// \ingroup chapter3
/// \brief The smallest positive number of `T`, found by halving 1 until the
/// next halving gives 0: the smallest subnormal,
/// \f$ 2^{e_{\min} + 1 - p} \f$ (`std::numeric_limits<T>::denorm_min()`).
template <class T>
T smallest_subnormal();

/// \ingroup chapter3
/// \brief The boundary between two adjacent representable numbers of `T` in
/// \f$ [lo, hi] \f$ where a monotone predicate changes value, found by
/// bisection: returns the largest x with `pred(x) == pred(lo)`.
///
/// Requires pred(lo) != pred(hi); the interval halves until lo and hi are
/// neighbours, at most about 2·(bits of T) steps. Used with "exp(x) is
/// finite" and "exp(x) > 0".
template <class T, class Pred>
T last_before_change(T lo, T hi, Pred pred) {
    const bool at_lo = pred(lo);
    for (;;) {
        const T mid = lo + (hi - lo) / T(2);
        if (mid == lo || mid == hi) return lo;  // lo and hi are neighbours
        if (pred(mid) == at_lo) lo = mid;
        else hi = mid;
    }
}

/// \ingroup chapter3
/// \brief The largest x of `T` with `exp(x)` finite: the overflow threshold,
/// found by bisection; \f$ \approx \ln(\max T) \f$, 88.72 for float and
/// 709.78 for double.
template <class T>
T exp_overflow_threshold();

/// \ingroup chapter3
/// \brief The smallest x of `T` with `exp(x) > 0`: below it `exp` underflows
/// to 0; \f$ \approx \ln(\text{smallest subnormal}) \f$, −103.97 for float
/// and −745.13 for double.
template <class T>
T exp_underflow_threshold();

/// \ingroup chapter3
/// \brief The smallest x of `T` with `exp(x)` a normal number (not
/// subnormal); \f$ \approx \ln(\text{smallest normal}) \f$, −87.34 for float
/// and −708.40 for double. Between this and exp_underflow_threshold, `exp`
/// underflows gradually and loses significant bits.
template <class T>
T exp_subnormal_threshold();

}  // namespace dlmath::reference
