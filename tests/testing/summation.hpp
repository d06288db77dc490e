// The kit of the summation tests. The oracle: a sum carried in 113-bit binary
// floating point (Boost.Multiprecision's quad). Adding n floats or doubles
// there rounds n times by at most 2^-113 relative, so its error is below
// n 2^-113 sum |x_i| — for every n a test uses, some 10^15 times smaller than
// the double-precision bounds it checks (quad_error_bound gives it, and the
// tests add it to their tolerances).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <xtensor/xtensor.hpp>

#include "dlmath/numeric.hpp"
#include "generators.hpp"

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

/// A vector of T of n normal entries (mean `mean`, standard deviation 1),
/// from random<Vector>(n, seed) rounded to T.
template <class T>
xt::xtensor<T, 1> random_sum_terms(std::size_t n, std::uint64_t seed, double mean = 0.0) {
    const auto d = random<xt::xtensor<double, 1>>({n}, seed);
    xt::xtensor<T, 1> x = xt::xtensor<T, 1>::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) x(i) = static_cast<T>(d(i) + mean);
    return x;
}

/// The reference twins' bounds as multiples of sum |x_i| (Higham, ch. 4):
/// naive gamma_{n-1}, pairwise gamma_{ceil(log2 n)}, Kahan 2u + O(n u^2)
/// (eq. 4.8) with the second-order term written with the constant 4, above
/// the constants of Knuth's and Goldberg's proofs.
template <class T>
double naive_factor(std::size_t n) {
    return n < 2 ? 0.0 : static_cast<double>(dlmath::gamma<T>(static_cast<T>(n - 1)));
}
template <class T>
double pairwise_factor(std::size_t n) {
    return n < 2 ? 0.0 : static_cast<double>(dlmath::gamma<T>(static_cast<T>(ceil_log2(n))));
}
template <class T>
double kahan_factor(std::size_t n) {
    const double uu = static_cast<double>(dlmath::unit_roundoff<T>());
    return 2.0 * uu + 4.0 * static_cast<double>(n) * uu * uu;
}

}  // namespace dlmath::testing
