// Chapter 1, linear algebra — fast twin.
//
// Rules of this file: OpenMP + xsimd, same signatures and checks as the
// reference twin; every SIMD loop ends with a scalar tail; each kernel says
// which bound (memory or compute) it attacks.

#include "dlmath/fast/linear_algebra/vectors.hpp"

#include <cmath>
#include <cstddef>
#include <limits>

#include <xsimd/xsimd.hpp>

#include "dlmath/detail/checks/linear_algebra.hpp"
#include "../reduce.hpp"
#include "dot_kernel.hpp"

namespace dlmath::fast {
namespace {

using detail::dot_block;

using batch = xsimd::batch<double>;
constexpr std::size_t W = batch::size;  // doubles per SIMD register


// Sum of |x[i]|^k for k = 1 (`Power == 1`) or k = 2 over [begin, end).
template <int Power>
double abs_power_sum_block(const double* x, std::size_t begin, std::size_t end) {
    batch acc0(0.0), acc1(0.0);
    std::size_t i = begin;
    auto term = [](batch v) {
        if constexpr (Power == 1) return xsimd::abs(v);
        else return v * v;
    };
    for (; i + 2 * W <= end; i += 2 * W) {
        acc0 += term(xsimd::load_unaligned(x + i));
        acc1 += term(xsimd::load_unaligned(x + i + W));
    }
    for (; i + W <= end; i += W) acc0 += term(xsimd::load_unaligned(x + i));
    double s = xsimd::hadd(acc0 + acc1);
    for (; i < end; ++i) s += (Power == 1) ? std::fabs(x[i]) : x[i] * x[i];  // scalar tail
    return s;
}

// max |x[i]| over a block, and whether a NaN was seen.
struct MaxAbs {
    double max = 0.0;
    bool nan = false;
};
MaxAbs max_abs_block(const double* x, std::size_t begin, std::size_t end) {
    batch m(0.0);
    xsimd::batch_bool<double> nan(false);
    std::size_t i = begin;
    for (; i + W <= end; i += W) {
        const batch v = xsimd::load_unaligned(x + i);
        nan = nan || xsimd::isnan(v);
        m = xsimd::max(m, xsimd::abs(v));
    }
    alignas(batch::arch_type::alignment()) double lanes[W];
    m.store_aligned(lanes);
    MaxAbs r{0.0, xsimd::any(nan)};
    for (std::size_t k = 0; k < W; ++k) r.max = lanes[k] > r.max ? lanes[k] : r.max;
    for (; i < end; ++i) {  // scalar tail
        const double a = std::fabs(x[i]);
        if (std::isnan(a)) r.nan = true;
        else if (a > r.max) r.max = a;
    }
    return r;
}

MaxAbs max_abs(const double* x, std::size_t n) {
    return detail::blocked_reduce(
        n, MaxAbs{}, [x](std::size_t b, std::size_t e) { return max_abs_block(x, b, e); },
        [](MaxAbs a, MaxAbs b) { return MaxAbs{a.max > b.max ? a.max : b.max, a.nan || b.nan}; });
}

// sum_i (|x_i| / m)^p over a block: every term lies in [0, 1].
double scaled_pow_sum_block(const double* x, std::size_t begin, std::size_t end, double m, double p) {
    const batch inv_m(1.0 / m), pb(p);
    batch acc(0.0);
    std::size_t i = begin;
    for (; i + W <= end; i += W) {
        // |x_i| / m as |x_i| * (1/m): one extra rounding per term, counted in the bound
        acc += xsimd::pow(xsimd::abs(xsimd::load_unaligned(x + i)) * inv_m, pb);
    }
    double s = xsimd::hadd(acc);
    for (; i < end; ++i) s += std::pow(std::fabs(x[i]) * (1.0 / m), p);  // scalar tail
    return s;
}

double plus(double a, double b) { return a + b; }

}  // namespace

//! [fast_dot]
double dot(const Vector& x, const Vector& y) {
    dlmath::detail::check_dot(x, y);
    const double* px = x.data();
    const double* py = y.data();
    return detail::blocked_reduce(
        x.size(), 0.0, [px, py](std::size_t b, std::size_t e) { return dot_block(px, py, b, e); }, plus);
}
//! [fast_dot]

double norm(const Vector& x, double p) {
    dlmath::detail::check_norm(p);
    const std::size_t n = x.size();
    const double* px = x.data();
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();

    if (p == 1.0) {  // one pass: NaN and inf propagate through the sum by IEEE rules
        return detail::blocked_reduce(
            n, 0.0, [px](std::size_t b, std::size_t e) { return abs_power_sum_block<1>(px, b, e); }, plus);
    }
    if (p == 2.0) {
        // One pass, unscaled. Accept it when it is finite and far from the
        // underflow range: terms below DBL_MIN then carry at most n*2^-1074
        // absolute error against a sum >= 2^-900, i.e. far below one ulp.
        const double s = detail::blocked_reduce(
            n, 0.0, [px](std::size_t b, std::size_t e) { return abs_power_sum_block<2>(px, b, e); }, plus);
        if (std::isnan(s)) return nan;
        if (s >= 0x1p-900 && s < std::numeric_limits<double>::infinity()) return std::sqrt(s);
        // otherwise fall through to the scaled two-pass formula
    }

    const MaxAbs mx = max_abs(px, n);
    if (mx.nan) return nan;
    const double m = mx.max;
    if (std::isinf(p) || m == 0.0 || std::isinf(m)) return m;

    const double s = detail::blocked_reduce(
        n, 0.0, [px, m, p](std::size_t b, std::size_t e) { return scaled_pow_sum_block(px, b, e, m, p); }, plus);
    return m * ((p == 2.0) ? std::sqrt(s) : std::pow(s, 1.0 / p));
}

}  // namespace dlmath::fast
