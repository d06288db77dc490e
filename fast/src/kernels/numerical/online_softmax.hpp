// The online normaliser of a softmax (internal): the maximum and the sum of
// exponentials of a row in ONE pass, after M. Milakov and N. Gimelshein,
// "Online normalizer calculation for softmax" (arXiv:1805.02867, 2018).
//
// The state of a pass over x_1, ..., x_j is (m, r) with
//
//     m = max_i x_i,    sum_i e^(x_i) = e^m (1 + r),
//
// r summing e^(x_i − m) over every term but ONE occurrence of the maximum,
// whose term (exactly 1) is kept out: LSE = m + log1p(r) then keeps the
// digits of a dominant term (LSE([0, −40]) = 4.25e-18, as the reference's
// log1p form). A new x either stays below m — r += e^(x − m) — or becomes
// the new maximum — r = (r + 1) e^(m − x), the old maximum now an ordinary
// term. Both are one exponential of min(x, m) − max(x, m) ≤ 0: one exp per
// element, never an overflow, no branch. Two states combine the same way.
//
// Each SIMD lane runs its own state (Unroll batches of them, for independent
// chains), and the lanes, then the scalar tail, are combined in a fixed
// order: the result depends on the row's length only.
//
// Special values, as the reference: a NaN anywhere gives m = NaN; a +inf
// gives m = +inf (and the caller's finish() returns +inf); a row of −inf (or
// an empty one) gives m = −inf, r = 0.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>

#include "../exp.hpp"
#include "../simd.hpp"

namespace dlmath::fast::detail {

/// The state of an online pass: the sum of e^(x_i) is e^m (1 + r).
struct Normaliser {
    double m = -std::numeric_limits<double>::infinity();
    double r = 0.0;
};

/// The state of the concatenation of two passes (a's terms, then b's).
inline Normaliser combine(Normaliser a, Normaliser b) {
    if (std::isnan(a.m) || std::isnan(b.m)) return {std::numeric_limits<double>::quiet_NaN(), 0.0};
    if (b.m > a.m) std::swap(a, b);           // a holds the larger maximum
    if (b.m == -std::numeric_limits<double>::infinity()) return a;  // b adds nothing
    if (a.m == std::numeric_limits<double>::infinity()) return {a.m, 0.0};  // LSE = +inf
    return {a.m, a.r + (1.0 + b.r) * std::exp(b.m - a.m)};  // b's maximum and terms, rescaled
}

/// Folds one element into a scalar state (the scalar tail of a row).
inline Normaliser fold(Normaliser s, double x) { return combine(s, Normaliser{x, 0.0}); }

/// log sum e^(x_i) from a state: m + log1p(r); ±inf and NaN as they are.
inline double finish(const Normaliser& s) { return std::isfinite(s.m) ? s.m + std::log1p(s.r) : s.m; }

//! [online_normaliser]
/// The online normaliser of x[0, n), one SIMD pass, Unroll independent lane states.
template <std::size_t Unroll = 4>
inline Normaliser online_normaliser(const double* x, std::size_t n) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    std::array<batch, Unroll> m, r, nan;
    m.fill(batch(-inf));
    r.fill(batch(0.0));
    nan.fill(batch(0.0));
    Normaliser tail;
    for_each_batch<double, Unroll>(
        0, n,
        [&](std::size_t i, auto u) {
            const batch v = xsimd::load_unaligned(x + i);
            const auto gt = v > m[u];
            batch d = xsimd::min(v, m[u]) - xsimd::max(v, m[u]);  // <= 0
            d = xsimd::select(d == d, d, batch(-inf));  // -inf - (-inf): the term is 0
            const batch e = detail::exp(d);
            r[u] = xsimd::select(gt, detail::fma(r[u], e, e), r[u] + e);  // (r + 1) e, or r + e
            m[u] = xsimd::max(v, m[u]);
            nan[u] = xsimd::select(v == v, nan[u], batch(1.0));
        },
        [&](std::size_t i) { tail = fold(tail, x[i]); });
    // the lanes in a fixed order: accumulator by accumulator, lane by lane, then the tail
    Normaliser s;
    for (std::size_t u = 0; u < Unroll; ++u) {
        alignas(64) std::array<double, W> mu, ru, nu;
        m[u].store_unaligned(mu.data());
        r[u].store_unaligned(ru.data());
        nan[u].store_unaligned(nu.data());
        for (std::size_t l = 0; l < W; ++l) {
            s = combine(s, nu[l] != 0.0 ? Normaliser{std::numeric_limits<double>::quiet_NaN(), 0.0}
                                        : Normaliser{mu[l], mu[l] == -inf ? 0.0 : ru[l]});
        }
    }
    return combine(s, tail);
}
//! [online_normaliser]


//! [softmax_row]
/// y = e^(x − m) / S for a row whose online normaliser is s (S = 1 + r): a second SIMD pass
/// with the kernel exponential and a product by 1/S. An infinite maximum gives NaN everywhere,
/// as the reference (∞ − ∞ in its exponents).
inline void scale_exponentials(const double* x, double* y, std::size_t n, const Normaliser& s) {
    const double S = s.m == std::numeric_limits<double>::infinity() ? std::numeric_limits<double>::quiet_NaN()
                                                                      : 1.0 + s.r;
    const double inv = 1.0 / S;
    const batch m(s.m), vinv(inv);
    for_each_batch<double>(
        0, n, [&](std::size_t i) { (detail::exp(xsimd::load_unaligned(x + i) - m) * vinv).store_unaligned(y + i); },
        [&](std::size_t i) { y[i] = std::exp(x[i] - s.m) * inv; });  // scalar tail
}

/// y = x − lse for a row: one SIMD pass.
inline void subtract(const double* x, double* y, std::size_t n, double lse) {
    const batch l(lse);
    for_each_batch<double>(
        0, n, [&](std::size_t i) { (xsimd::load_unaligned(x + i) - l).store_unaligned(y + i); },
        [&](std::size_t i) { y[i] = x[i] - lse; });  // scalar tail
}

/// The softmax of one row, one thread: the online pass, then the scaled exponentials while the
/// row is still in cache (two reads of x, one from memory, one write of y).
inline void softmax_row(const double* x, double* y, std::size_t n) {
    scale_exponentials(x, y, n, online_normaliser(x, n));
}
//! [softmax_row]

/// The log_softmax of one row, one thread: x − LSE(x).
inline void log_softmax_row(const double* x, double* y, std::size_t n) {
    subtract(x, y, n, finish(online_normaliser(x, n)));
}

}  // namespace dlmath::fast::detail
