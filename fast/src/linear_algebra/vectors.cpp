// Chapter 1, inner products and norms — fast twin.
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
#include "../kernels/dot.hpp"
#include "../kernels/reduce.hpp"
#include "../kernels/simd.hpp"

namespace dlmath::fast {
namespace {

using detail::batch;
using detail::dot_block;
using detail::W;

// Sum of |x[i]|^k for k = 1 (`Power == 1`) or k = 2 over [begin, end), two
// accumulators. Bound attacked: memory (1 or 2 flops per 8 bytes read).
template <int Power>
double abs_power_sum_block(const double* x, std::size_t begin, std::size_t end) {
    return detail::sum_batches<double, 2>(
        begin, end,
        [x](batch acc, std::size_t i) {
            const batch v = xsimd::load_unaligned(x + i);
            if constexpr (Power == 1) return acc + xsimd::abs(v);
            else return acc + v * v;
        },
        [x](double s, std::size_t i) { return s + ((Power == 1) ? std::fabs(x[i]) : x[i] * x[i]); });
}

// max |x[i]| over a block, and whether a NaN was seen.
struct MaxAbs {
    double max = 0.0;
    bool nan = false;
};
MaxAbs max_abs_block(const double* x, std::size_t begin, std::size_t end) {
    batch m(0.0);
    xsimd::batch_bool<double> nan(false);
    MaxAbs r;  // the tail's share; max is exact, so the order of the parts does not matter
    detail::for_each_batch<double>(
        begin, end,
        [&](std::size_t i) {
            const batch v = xsimd::load_unaligned(x + i);
            nan = nan || xsimd::isnan(v);
            m = xsimd::max(m, xsimd::abs(v));
        },
        [&](std::size_t i) {
            const double a = std::fabs(x[i]);
            if (std::isnan(a)) r.nan = true;
            else if (a > r.max) r.max = a;
        });
    alignas(batch::arch_type::alignment()) double lanes[W];
    m.store_aligned(lanes);
    r.nan = r.nan || xsimd::any(nan);
    for (std::size_t k = 0; k < W; ++k) r.max = lanes[k] > r.max ? lanes[k] : r.max;
    return r;
}

MaxAbs max_abs(const double* x, std::size_t n) {
    return detail::blocked_reduce(
        n, MaxAbs{}, [x](std::size_t b, std::size_t e) { return max_abs_block(x, b, e); },
        [](MaxAbs a, MaxAbs b) { return MaxAbs{a.max > b.max ? a.max : b.max, a.nan || b.nan}; });
}

// sum_i (|x_i| / m)^p over a block: every term lies in [0, 1]. Bound
// attacked: compute (a pow per element costs far more than its 8 bytes).
double scaled_pow_sum_block(const double* x, std::size_t begin, std::size_t end, double m, double p) {
    const batch inv_m(1.0 / m), pb(p);
    // |x_i| / m as |x_i| * (1/m): one extra rounding per term, counted in the bound
    return detail::sum_batches<double>(
        begin, end,
        [x, inv_m, pb](batch acc, std::size_t i) {
            return acc + xsimd::pow(xsimd::abs(xsimd::load_unaligned(x + i)) * inv_m, pb);
        },
        [x, m, p](double s, std::size_t i) { return s + std::pow(std::fabs(x[i]) * (1.0 / m), p); });
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
