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

/// The maximum of x[0, n) (−inf for n = 0), one SIMD pass with U accumulators; nan is set
/// when an entry is NaN (the maximum is then unspecified).
inline double maximum(const double* x, std::size_t n, bool& nan) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    constexpr std::size_t U = 4;
    std::array<batch, U> mx, bad;
    mx.fill(batch(-inf));
    bad.fill(batch(0.0));
    double m = -inf, tail_bad = 0.0;
    for_each_batch<double, U>(
        0, n,
        [&](std::size_t i, auto u) {
            const batch v = xsimd::load_unaligned(x + i);
            mx[u] = xsimd::max(mx[u], v);
            bad[u] = xsimd::select(v == v, bad[u], batch(1.0));
        },
        [&](std::size_t i) {
            m = std::fmax(m, x[i]);
            if (std::isnan(x[i])) tail_bad = 1.0;
        });
    for (std::size_t u = 0; u < U; ++u) {
        alignas(64) std::array<double, W> mu, bu;
        mx[u].store_aligned(mu.data());
        bad[u].store_aligned(bu.data());
        for (std::size_t l = 0; l < W; ++l) {
            m = std::fmax(m, mu[l]);
            tail_bad = std::fmax(tail_bad, bu[l]);
        }
    }
    nan = tail_bad != 0.0;
    return m;
}

//! [two_pass_normaliser]
/// The same state in two passes over x[0, n), for a block that stays in cache between them:
/// (1) m = max x; (2) r = the sum of e^(x_i − m) over the entries below m, plus one for every
/// occurrence of m but one — the reference's formula, one exponential per element and none of
/// the online pass's bookkeeping (its compare, minimum, maximum and three selects per batch).
/// A block whose maximum is not finite (a NaN, a +inf, or every entry −inf) takes the online
/// pass, whose special values are the reference's. Lanes and tail are added in a fixed order:
/// the result depends on n only.
///
/// The first pass only waits on memory and the second only computes, so nothing overlaps the
/// two unless the caller names the block it takes next (next[0, next_n)): the second pass then
/// prefetches it into L2, one line per batch, and the next first pass reads it from there. On
/// the rows of a 4096² matrix, one A/B run: 6.5 ms with the prefetch, 9.2 without, 7.5 for the
/// online pass.
inline Normaliser two_pass_normaliser(const double* x, std::size_t n, const double* next = nullptr,
                                      std::size_t next_n = 0) {
    bool nan = false;
    const double m = maximum(x, n, nan);
    if (nan || !std::isfinite(m)) return online_normaliser(x, n);
    constexpr std::size_t U = 4;
    std::array<batch, U> r, ties;
    r.fill(batch(0.0));
    ties.fill(batch(0.0));
    double r_tail = 0.0, ties_tail = 0.0;
    const batch vm(m);
    for_each_batch<double, U>(
        0, n,
        [&](std::size_t i, auto u) {
            __builtin_prefetch(i < next_n ? next + i : x, 0, 2);  // the next block, into L2
            const batch v = xsimd::load_unaligned(x + i);
            const auto top = v == vm;  // a term of exactly 1, counted apart
            r[u] += xsimd::select(top, batch(0.0), detail::exp(v - vm));
            ties[u] += xsimd::select(top, batch(1.0), batch(0.0));
        },
        [&](std::size_t i) {
            if (x[i] == m) ties_tail += 1.0;
            else r_tail += std::exp(x[i] - m);
        });
    double sum = 0.0, count = 0.0;
    for (std::size_t u = 0; u < U; ++u) {
        alignas(64) std::array<double, W> ru, tu;
        r[u].store_aligned(ru.data());
        ties[u].store_aligned(tu.data());
        for (std::size_t l = 0; l < W; ++l) {
            sum += ru[l];
            count += tu[l];
        }
    }
    return {m, (count + ties_tail - 1.0) + (sum + r_tail)};  // one occurrence of m is the "1 +"
}
//! [two_pass_normaliser]


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

/// The softmax of one row, one thread, with the online pass (two exponentials per element:
/// one in the pass, one for y) — the ladder's step 4, kept as runnable code.
inline void softmax_row_online(const double* x, double* y, std::size_t n) {
    scale_exponentials(x, y, n, online_normaliser(x, n));
}

//! [softmax_row]
/// The softmax of one row, one thread, with ONE exponential per element. Compute bound: the
/// exponential is ~30 vector instructions, while a row (32 KiB for n = 4096) stays in cache
/// between the passes, so the online pass's single read saves no memory traffic and its second
/// exponential is pure cost. Three passes: (1) m = max x, with a SIMD max; (2) y = e^(x − m),
/// stored and summed (4 accumulators, added in a fixed order: the result depends on n only);
/// (3) y times 1/S, S = sum of y in [1, n]. A row whose maximum is not finite (a NaN, a +inf,
/// or every entry −inf) takes the online path, whose special values are the reference's.
/// As in two_pass_normaliser, a caller that names the row it takes next (next[0, next_n))
/// has pass 2 prefetch it into L2, one line per batch, so that the next row's pass 1, which
/// only waits on memory, reads it from there.
inline void softmax_row(const double* x, double* y, std::size_t n, const double* next = nullptr,
                        std::size_t next_n = 0) {
    constexpr std::size_t U = 4;
    bool nan = false;
    const double m = maximum(x, n, nan);  // pass 1
    if (nan || !std::isfinite(m)) return softmax_row_online(x, y, n);
    const batch vm(m);
    const double S = sum_batches<double, U>(
        0, n,
        [&](const batch& acc, std::size_t i) {  // pass 2: e^(x − m), stored and summed
            __builtin_prefetch(i < next_n ? next + i : x, 0, 2);  // the next row, into L2
            const batch e = detail::exp(xsimd::load_unaligned(x + i) - vm);
            e.store_unaligned(y + i);
            return acc + e;
        },
        [&](double acc, std::size_t i) { return acc + (y[i] = std::exp(x[i] - m)); });
    const double inv = 1.0 / S;
    const batch vinv(inv);
    for_each_batch<double>(  // pass 3: y / S, y still in cache
        0, n, [&](std::size_t i) { (xsimd::load_unaligned(y + i) * vinv).store_unaligned(y + i); },
        [&](std::size_t i) { y[i] *= inv; });
}
//! [softmax_row]

/// The log_softmax of one row, one thread: x − LSE(x), LSE by the two passes, the second of
/// which prefetches the next row (next[0, next_n)) when the caller names it.
inline void log_softmax_row(const double* x, double* y, std::size_t n, const double* next = nullptr,
                            std::size_t next_n = 0) {
    subtract(x, y, n, finish(two_pass_normaliser(x, n, next, next_n)));
}

}  // namespace dlmath::fast::detail
