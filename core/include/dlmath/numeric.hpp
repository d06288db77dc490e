/// \file
/// \brief Facts of floating-point arithmetic per scalar type: the unit
/// roundoff, Higham's \f$ \gamma_n \f$, the spacing of the numbers (ulp)
/// and the distance between two numbers in ulps.
///
/// Every tolerance and every error bound of the course is written in these
/// units, for `float` and `double` alike (chapter 3 compares the two).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

namespace dlmath {

/// \brief The unit roundoff \f$ u = \varepsilon / 2 \f$ of `T`: the largest
/// relative error of one correctly rounded operation,
/// \f$ \mathrm{fl}(a \circ b) = (a \circ b)(1 + \delta),\ |\delta| \le u \f$.
/// \f$ 2^{-53} \f$ for `double`, \f$ 2^{-24} \f$ for `float`.
template <class T>
constexpr T unit_roundoff() {
    static_assert(std::is_floating_point_v<T>, "unit_roundoff: T must be a floating-point type");
    return std::numeric_limits<T>::epsilon() / 2;
}

/// \brief Higham's \f$ \gamma_n = n u / (1 - n u) \f$: the relative error
/// bound of \f$ n \f$ successive roundings (a recursive sum of \f$ n + 1 \f$
/// terms, a dot product of length \f$ n \f$). Infinite when \f$ n u \ge 1 \f$.
template <class T>
constexpr T gamma(T n) {
    const T nu = n * unit_roundoff<T>();
    return nu < T(1) ? nu / (T(1) - nu) : std::numeric_limits<T>::infinity();
}

/// \brief The spacing of `T` at `x`: the distance from \f$ |x| \f$ to the
/// next representable number away from zero (one ulp of x). NaN for NaN
/// and for \f$ \pm\infty \f$; the smallest subnormal at 0.
template <class T>
T ulp(T x) {
    static_assert(std::is_floating_point_v<T>, "ulp: T must be a floating-point type");
    if (!std::isfinite(x)) return std::numeric_limits<T>::quiet_NaN();
    const T a = std::fabs(x);
    if (a == std::numeric_limits<T>::max()) return a - std::nextafter(a, T(0));
    return std::nextafter(a, std::numeric_limits<T>::infinity()) - a;
}

/// \brief How many representable numbers of `T` lie between `a` and `b`
/// (0 when equal, 1 for neighbours; +0 and −0 are 0 apart). For finite
/// arguments; the result for NaN is meaningless.
template <class T>
std::uint64_t ulp_distance(T a, T b) {
    static_assert(std::is_same_v<T, double> || std::is_same_v<T, float>, "ulp_distance: float or double");
    using I = std::conditional_t<std::is_same_v<T, double>, std::int64_t, std::int32_t>;
    // map the bit patterns to integers that are ordered like the numbers
    auto key = [](T d) {
        I i;
        std::memcpy(&i, &d, sizeof d);
        return static_cast<std::int64_t>(i < 0 ? std::numeric_limits<I>::min() - i : i);
    };
    const std::int64_t ka = key(a), kb = key(b);
    return ka > kb ? static_cast<std::uint64_t>(ka - kb) : static_cast<std::uint64_t>(kb - ka);
}

}  // namespace dlmath
