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
#include "dlmath/detail/scaling.hpp"
#include "dlmath/reference/linear_algebra/vectors.hpp"
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
    return detail::sum_streams<double, 2>(
        std::array<const double*, 1>{x}, begin, end,
        [](batch acc, const std::array<batch, 1>& v) {
            if constexpr (Power == 1) return acc + xsimd::abs(v[0]);
            else return acc + v[0] * v[0];
        },
        [x](double s, std::size_t i) { return s + ((Power == 1) ? std::fabs(x[i]) : x[i] * x[i]); });
}

// max |x[i]| (Largest) or min |x[i]| over a block, and whether a NaN was
// seen. Bound attacked: memory (one compare per 8 bytes read).
struct Extreme {
    double value;
    bool nan = false;
};
template <bool Largest>
constexpr double extreme_start = Largest ? 0.0 : std::numeric_limits<double>::infinity();

template <bool Largest>
Extreme abs_extreme_block(const double* x, std::size_t begin, std::size_t end) {
    const auto pick = [](auto a, auto b) {
        if constexpr (Largest) return xsimd::max(a, b);
        else return xsimd::min(a, b);
    };
    batch m(extreme_start<Largest>);
    xsimd::batch_bool<double> nan(false);
    Extreme r{extreme_start<Largest>};  // the tail's share; max and min are exact, so the order of the parts does not matter
    detail::for_each_batch<double>(
        begin, end,
        [&](std::size_t i) {
            const batch v = xsimd::load_unaligned(x + i);
            nan = nan || xsimd::isnan(v);
            m = pick(m, xsimd::abs(v));
        },
        [&](std::size_t i) {
            const double a = std::fabs(x[i]);
            if (std::isnan(a)) r.nan = true;
            else if (Largest ? a > r.value : a < r.value) r.value = a;
        });
    alignas(batch::arch_type::alignment()) double lanes[W];
    m.store_aligned(lanes);
    r.nan = r.nan || xsimd::any(nan);
    for (std::size_t k = 0; k < W; ++k) r.value = (Largest ? lanes[k] > r.value : lanes[k] < r.value) ? lanes[k] : r.value;
    return r;
}

template <bool Largest>
Extreme abs_extreme(const double* x, std::size_t n) {
    return detail::blocked_reduce(
        n, Extreme{extreme_start<Largest>},
        [x](std::size_t b, std::size_t e) { return abs_extreme_block<Largest>(x, b, e); },
        [](Extreme a, Extreme b) {
            const bool take_a = Largest ? a.value > b.value : a.value < b.value;
            return Extreme{take_a ? a.value : b.value, a.nan || b.nan};
        });
}

// #{i : x[i] != 0} over a block (NaN counts, as NumPy). Bound attacked:
// memory (one compare and one add per 8 bytes read).
double nonzero_count_block(const double* x, std::size_t begin, std::size_t end) {
    const batch one(1.0), zero(0.0);
    return detail::sum_batches<double>(
        begin, end,
        [x, one, zero](batch acc, std::size_t i) {
            // x == 0 is false for NaN (an ordered compare), so NaN counts, as in the tail
            return acc + xsimd::select(xsimd::load_unaligned(x + i) == zero, zero, one);
        },
        [x](double s, std::size_t i) { return s + (x[i] != 0.0 ? 1.0 : 0.0); });
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
    const double s = detail::blocked_reduce(
        x.size(), 0.0, [px, py](std::size_t b, std::size_t e) { return dot_block(px, py, b, e); }, plus);
    // an overflowed sum of finite terms: the same rescue as the reference twin
    return dlmath::detail::recompute_overflowed_sum(x, y, s, dot);
}
//! [fast_dot]

double norm(const Vector& x, double p) {
    dlmath::detail::check_norm(x, p);
    const std::size_t n = x.size();
    const double* px = x.data();
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();

    if (p == 0.0) {  // one pass; counts below 2^53 are exact in any order
        return detail::blocked_reduce(
            n, 0.0, [px](std::size_t b, std::size_t e) { return nonzero_count_block(px, b, e); }, plus);
    }
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

    // the scale m: max |x_i| for p > 0, min |x_i| for p < 0 (every scaled term in [0, 1])
    const Extreme mx = p > 0.0 ? abs_extreme<true>(px, n) : abs_extreme<false>(px, n);
    if (mx.nan) return nan;
    const double m = mx.value;
    if (std::isinf(p) || m == 0.0 || std::isinf(m)) return m;
    // 1/m overflows for a subnormal m: the scaled terms need a division, as in the reference
    if (!std::isfinite(1.0 / m)) return reference::norm(x, p);

    const double s = detail::blocked_reduce(
        n, 0.0, [px, m, p](std::size_t b, std::size_t e) { return scaled_pow_sum_block(px, b, e, m, p); }, plus);
    return m * ((p == 2.0) ? std::sqrt(s) : std::pow(s, 1.0 / p));
}

}  // namespace dlmath::fast
