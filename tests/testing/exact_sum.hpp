// The oracle of the summation tests: a sum carried in 113-bit binary
// floating point (Boost.Multiprecision's quad). Adding n floats or doubles
// there rounds n times by at most 2^-113 relative, so its error is below
// n 2^-113 sum |x_i| — for every n a test uses, some 10^15 times smaller than
// the double-precision bounds it checks (quad_error_bound gives it, and the
// tests add it to their tolerances).
#pragma once

#include <cmath>
#include <cstddef>

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <xtensor/xtensor.hpp>

namespace dlmath::testing {

using quad = boost::multiprecision::cpp_bin_float_quad;

/// The sum of x in quad precision, and the sum of |x_i| (plain double is
/// enough for a bound).
template <class T>
struct ExactSum {
    quad value = 0;
    double abs_sum = 0.0;
};

template <class T>
ExactSum<T> exact_sum(const xt::xtensor<T, 1>& x) {
    ExactSum<T> r;
    for (std::size_t i = 0; i < x.size(); ++i) {
        r.value += quad(x(i));
        r.abs_sum += std::fabs(static_cast<double>(x(i)));
    }
    return r;
}

/// |computed − exact| in double (the difference is formed in quad).
template <class T>
double error_of(T computed, const ExactSum<T>& exact) {
    return std::fabs(static_cast<double>(quad(computed) - exact.value));
}

/// How far the quad oracle itself can be off: n 2^-113 sum |x_i| (with the
/// sum of |x_i| rounded in double, hence the factor 2).
template <class T>
double quad_error_bound(std::size_t n, const ExactSum<T>& exact) {
    return 2.0 * static_cast<double>(n) * std::ldexp(1.0, -113) * exact.abs_sum;
}

/// ceil(log2 n) for n >= 1 (0 for n = 1).
inline std::size_t ceil_log2(std::size_t n) {
    std::size_t k = 0;
    while ((std::size_t{1} << k) < n) ++k;
    return k;
}

}  // namespace dlmath::testing
