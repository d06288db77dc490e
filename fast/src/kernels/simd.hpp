// The SIMD layer of the fast kernels (internal): the batch type, its width,
// and the one loop every SIMD kernel is written with.
//
// The architecture is chosen at compile time: with DLMATH_NATIVE the
// compiler targets this machine (-march=native) and xsimd picks its widest
// registers — W = 2 doubles for SSE2 and NEON, 4 for AVX2, 8 for AVX-512;
// without it, the baseline of the target. No intrinsics of one architecture
// appear in the kernels, so they build everywhere.
//
// A loop over n elements runs in three parts, as in xsimd's documentation:
//
//   [begin ............................................. end)
//   | Unroll batches at a time | one batch at a time | tail |
//
// the last part — fewer than W elements — element by element in scalar
// code. Every SIMD loop of the fast twin goes through for_each_batch or
// sum_batches (the same loop for sums), so no loop forgets its tail; the
// streaming reductions through sum_streams or aligned_unrolled, the same
// loop with its loads on aligned addresses.
//
// Fused multiply-add: the kernels call detail::fma / fms / fnma below, never
// xsimd's. xsimd 8 (Debian 12) has no AVX-512 kernel for them and falls back
// to a*b + c, which the project's -ffp-contract=off keeps as two roundings
// and two instructions: on an AVX-512 machine every "FMA" of the GEMM
// micro-kernel, the dot products and the logarithm's polynomial cost twice
// its instructions, and an error analysis that counts one rounding per FMA
// (kernels/log.hpp) would not hold. Where the compiler targets AVX-512F these
// call the fused instructions; elsewhere xsimd's (fused on FMA3 and NEON
// targets; a*b + c only where the machine has no FMA at all). The FMA here,
// the lane rotation below, the exponent split of kernels/log.hpp and the
// scaling of kernels/exp.hpp are the only places where an architecture's
// intrinsics appear, each behind its own macro with a portable path.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#include <xsimd/xsimd.hpp>

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

// GCC 12 warns, wrongly, that xsimd's AVX-512 kernels (horizontal add,
// max, the integer shifts inside pow) read uninitialised values once they
// are inlined through the loop helpers below: the intrinsics they use, such
// as _mm256_undefined_pd, are *meant* to be undefined (every lane they
// stand for is overwritten). The warning is silenced for these helpers only,
// and for the kernels of a header that brackets them with the two macros.
#if defined(__GNUC__) && !defined(__clang__)
#define DLMATH_AVX512_FALSE_WARNINGS_OFF                                      \
    _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wmaybe-uninitialized\"") \
        _Pragma("GCC diagnostic ignored \"-Wuninitialized\"")
#define DLMATH_AVX512_FALSE_WARNINGS_ON _Pragma("GCC diagnostic pop")
#else
#define DLMATH_AVX512_FALSE_WARNINGS_OFF
#define DLMATH_AVX512_FALSE_WARNINGS_ON
#endif
DLMATH_AVX512_FALSE_WARNINGS_OFF

namespace dlmath::fast::detail {

/// A SIMD register of T (double or float) for the compile-time architecture.
template <class T>
using batch_of = xsimd::batch<T>;

//! [simd_fma]
/// a·b + c, rounded once where the machine has an FMA (see the top of the file).
template <class T, class A>
inline xsimd::batch<T, A> fma(const xsimd::batch<T, A>& a, const xsimd::batch<T, A>& b,
                              const xsimd::batch<T, A>& c) {
#if defined(__AVX512F__)
    if constexpr (sizeof(xsimd::batch<T, A>) == 64 && std::is_same_v<T, double>) return _mm512_fmadd_pd(a, b, c);
    else if constexpr (sizeof(xsimd::batch<T, A>) == 64 && std::is_same_v<T, float>) return _mm512_fmadd_ps(a, b, c);
    else return xsimd::fma(a, b, c);
#else
    return xsimd::fma(a, b, c);
#endif
}

/// a·b − c, rounded once where the machine has an FMA.
template <class T, class A>
inline xsimd::batch<T, A> fms(const xsimd::batch<T, A>& a, const xsimd::batch<T, A>& b,
                              const xsimd::batch<T, A>& c) {
    return detail::fma(a, b, -c);
}

/// c − a·b, rounded once where the machine has an FMA.
template <class T, class A>
inline xsimd::batch<T, A> fnma(const xsimd::batch<T, A>& a, const xsimd::batch<T, A>& b,
                               const xsimd::batch<T, A>& c) {
    return detail::fma(-a, b, c);
}
//! [simd_fma]

/// Elements of T per SIMD register.
template <class T>
inline constexpr std::size_t width_of = batch_of<T>::size;

/// The batch of the double-precision kernels and its width.
using batch = batch_of<double>;
inline constexpr std::size_t W = width_of<double>;  // doubles per SIMD register

//! [simd_loop]
/// The batch part of every SIMD loop: runs `body` on the full batches of
/// [begin, end) and returns where the scalar tail starts. Use it through
/// for_each_batch or sum_batches, which add the tail.
template <class T, std::size_t Unroll, class Body>
inline std::size_t batch_loop(std::size_t begin, std::size_t end, Body& body) {
    constexpr std::size_t w = width_of<T>;
    auto run = [&body](std::size_t i, auto u) {
        if constexpr (std::is_invocable_v<Body&, std::size_t, decltype(u)>) body(i, u);
        else body(i);
    };
    std::size_t i = begin;
    if constexpr (Unroll > 1) {
        for (; i + Unroll * w <= end; i += Unroll * w) {
            [&]<std::size_t... u>(std::index_sequence<u...>) {
                (run(i + u * w, std::integral_constant<std::size_t, u>{}), ...);
            }(std::make_index_sequence<Unroll>{});
        }
    }
    for (; i + w <= end; i += w) run(i, std::integral_constant<std::size_t, 0>{});
    return i;
}

/// Runs `body` on every full batch of [begin, end) and `tail` on each
/// remaining element, all in increasing index order:
///  - body(i) handles elements [i, i + W) (it loads and stores them itself);
///    with Unroll > 1 the body may take a second argument u, a compile-time
///    constant in [0, Unroll): in the unrolled part the batch i + u·W gets
///    u, so that u can pick one of Unroll independent accumulators; the
///    full batches left after the unrolled part all get u = 0;
///  - tail(i) handles the single element i, for the last (end − begin) mod W.
template <class T, std::size_t Unroll = 1, class Body, class Tail>
inline void for_each_batch(std::size_t begin, std::size_t end, Body&& body, Tail&& tail) {
    for (std::size_t i = batch_loop<T, Unroll>(begin, end, body); i < end; ++i) tail(i);  // scalar tail
}
//! [simd_loop]

/// The sum of a batch's lanes (xsimd::hadd), for kernels that keep their own
/// accumulators; here, where GCC's false warning about it is silenced.
template <class B>
inline auto lanes_sum(const B& b) {
    return xsimd::hadd(b);
}

/// The lanes of v turned by r places: lane l of the result is lane (l + r) mod W of v, for
/// r in [0, W). On AVX-512, one permute; elsewhere through memory.
template <class B>
inline B rotate_lanes(const B& v, std::size_t r) {
    using T = typename B::value_type;
    constexpr std::size_t w = B::size;
#if defined(__AVX512F__)
    if constexpr (sizeof(B) == 64 && std::is_same_v<T, double>) {
        const __m512i idx = _mm512_add_epi64(_mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0), _mm512_set1_epi64(
                                                 static_cast<long long>(r)));  // permutexvar reads the low 3 bits
        return B(_mm512_permutexvar_pd(idx, v));
    } else if constexpr (sizeof(B) == 64 && std::is_same_v<T, float>) {
        const __m512i idx = _mm512_add_epi32(
            _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
            _mm512_set1_epi32(static_cast<int>(r)));  // the low 4 bits
        return B(_mm512_permutexvar_ps(idx, v));
    }
#endif
    alignas(64) T in[w], out[w];
    v.store_aligned(in);
    for (std::size_t l = 0; l < w; ++l) out[l] = in[(l + r) % w];
    return B::load_aligned(out);
}

/// Sum of the accumulators a[first], ..., a[first + count − 1] in a fixed
/// pairwise order, e.g. for four: (a0 + a1) + (a2 + a3). count must be a
/// power of two.
template <std::size_t first, std::size_t count, class B, std::size_t Unroll>
inline B pairwise_sum(const std::array<B, Unroll>& a) {
    static_assert(count > 0 && (count & (count - 1)) == 0, "pairwise_sum: count must be a power of two");
    if constexpr (count == 1) return a[first];
    else return pairwise_sum<first, count / 2>(a) + pairwise_sum<first + count / 2, count / 2>(a);
}

/// A sum over [begin, end) with the same loop: `step(acc, i)` folds the
/// batch at i into the accumulator acc and returns it (Unroll accumulators,
/// so that Unroll additions or FMAs are in flight at once); then the
/// accumulators are added pairwise, their lanes added (xsimd::hadd), and
/// `tail(s, i)` folds each remaining element into that scalar s, in order.
/// The order depends on end − begin only: the result is reproducible.
template <class T, std::size_t Unroll = 1, class Step, class Tail>
inline T sum_batches(std::size_t begin, std::size_t end, Step&& step, Tail&& tail) {
    std::array<batch_of<T>, Unroll> acc;
    acc.fill(batch_of<T>(T(0)));
    auto body = [&](std::size_t i, auto u) { acc[u] = step(acc[u], i); };
    std::size_t i = batch_loop<T, Unroll>(begin, end, body);
    T s = xsimd::hadd(pairwise_sum<0, Unroll>(acc));
    for (; i < end; ++i) s = tail(s, i);  // scalar tail
    return s;
}

/// The S batches at element i of the arrays x[0], ..., x[S − 1].
template <class T, std::size_t S>
inline std::array<batch_of<T>, S> load_batches(const std::array<const T*, S>& x, std::size_t i) {
    std::array<batch_of<T>, S> v;
    for (std::size_t s = 0; s < S; ++s) v[s] = batch_of<T>::load_unaligned(x[s] + i);
    return v;
}

/// The shortest unrolled part (in elements) that aligned_unrolled aligns.
inline constexpr std::size_t aligned_loop_min = 1024;

//! [simd_aligned]
/// The unrolled part of batch_loop for a kernel that streams the arrays
/// x[0], ..., x[S − 1] over [begin, end), with the loads of x[0] on aligned
/// addresses — and the result bit for bit that of batch_loop.
///
/// Why: std::allocator gives a large array 16-byte alignment, so on a
/// machine with 64-byte registers every load of batch_loop straddles two
/// cache lines. Reading 10^8 doubles on one core, that cost a quarter of
/// the rate (26.5 against 35.2 GB/s).
///
/// How the bits stay the same: batch_loop sends element p (counted from
/// begin) to lane p mod W of accumulator (p / W) mod Unroll — position
/// p mod G of a ring of G = Unroll·W lanes. Loaded from off elements before
/// begin, element p sits in lane (p + off) mod W of register (p + off) / W:
/// ring position (p + off) mod G. Every ring position still sees the same
/// elements in the same order, only at a place turned by off; so the ring
/// is turned back at the end. The first and the last register, which hold
/// elements outside [begin, begin + nfull), are copied into a buffer (the
/// kernel never reads outside its arrays) and their foreign lanes keep the
/// accumulator unchanged (a select, not a zero: a Kahan step on zero is
/// not the identity).
///
/// acc[u] is accumulator u's state: K batches (a sum; a sum and its
/// compensation); `step(state, v)` folds the S batches v[s] of the same
/// elements into a state. Returns where the unrolled part ends: the caller
/// continues as batch_loop does (the remaining full batches into acc[0],
/// then its scalar tail).
template <class T, std::size_t Unroll, std::size_t S, std::size_t K, class Step>
inline std::size_t aligned_unrolled(const std::array<const T*, S>& x, std::size_t begin, std::size_t end,
                                    std::array<std::array<batch_of<T>, K>, Unroll>& state, Step& step) {
    // the accumulators in a local copy: through the reference, every step would store them, lest x alias them
    std::array<std::array<batch_of<T>, K>, Unroll> acc = state;
    using B = batch_of<T>;
    constexpr std::size_t w = width_of<T>;
    constexpr std::size_t G = Unroll * w;
    const std::size_t nfull = (end - begin) / G * G;
    const auto load = [&x](std::size_t i) { return load_batches(x, i); };
    const auto address = reinterpret_cast<std::uintptr_t>(x[0] + begin);
    const std::size_t off = address % sizeof(T) == 0 ? address % sizeof(B) / sizeof(T) : 0;
    // aligned already, not even T-aligned, or too short: the first and last register and the turn cost
    // some tens of elements' time, under a twentieth from aligned_loop_min on
    if (off == 0 || nfull < aligned_loop_min) {
        for (std::size_t i = begin; i < begin + nfull; i += G) {
            [&]<std::size_t... u>(std::index_sequence<u...>) {
                (step(std::get<u>(acc), load(i + u * w)), ...);
            }(std::make_index_sequence<Unroll>{});
        }
        state = acc;
        return begin + nfull;
    }
    // register k holds elements [k·W − off, (k + 1)·W − off) of the range, into accumulator k mod Unroll
    const std::size_t last = nfull / w;  // registers 0 and `last` are partial; last mod Unroll = 0
    const auto at = [&](std::size_t k) { return begin + k * w - off; };  // the range's index of lane 0 of register k
    alignas(64) T lane_index[w];
    for (std::size_t l = 0; l < w; ++l) lane_index[l] = static_cast<T>(l);
    const B lanes = B::load_aligned(lane_index);
    auto partial = [&](std::size_t k, auto u, bool head) {  // register 0 (lanes ≥ off) or `last` (lanes < off)
        std::array<B, S> v;
        for (std::size_t s = 0; s < S; ++s) {
            alignas(64) T buf[w] = {};
            for (std::size_t l = head ? off : 0; l < (head ? w : off); ++l) buf[l] = x[s][at(k) + l];
            v[s] = B::load_aligned(buf);
        }
        const auto mine = head ? (lanes >= B(static_cast<T>(off))) : (lanes < B(static_cast<T>(off)));
        auto next = std::get<u>(acc);
        step(next, v);
        for (std::size_t j = 0; j < K; ++j) std::get<u>(acc)[j] = xsimd::select(mine, next[j], std::get<u>(acc)[j]);
    };
    partial(0, std::integral_constant<std::size_t, 0>{}, true);
    [&]<std::size_t... u>(std::index_sequence<u...>) {  // registers 1, ..., Unroll − 1
        ((u > 0 ? step(std::get<u>(acc), load(at(u))) : void()), ...);
    }(std::make_index_sequence<Unroll>{});
    for (std::size_t k = Unroll; k < last; k += Unroll) {
        [&]<std::size_t... u>(std::index_sequence<u...>) {
            (step(std::get<u>(acc), load(at(k + u))), ...);
        }(std::make_index_sequence<Unroll>{});
    }
    partial(last, std::integral_constant<std::size_t, 0>{}, false);
    // turn the ring back: position r of batch_loop's ring is position (r + off) mod G here
    for (std::size_t j = 0; j < K; ++j) {
        alignas(64) T turned[G], ring[G];
        for (std::size_t u = 0; u < Unroll; ++u) acc[u][j].store_aligned(turned + u * w);
        for (std::size_t r = 0; r < G; ++r) ring[r] = turned[(r + off) % G];
        for (std::size_t u = 0; u < Unroll; ++u) acc[u][j] = B::load_aligned(ring + u * w);
    }
    state = acc;
    return begin + nfull;
}
//! [simd_aligned]

/// sum_batches over the arrays x[0], ..., x[S − 1]: `step(acc, v)` folds
/// the S batches v of the same elements into the accumulator acc, and
/// `tail(s, i)` folds element i. The same order and the same bits as
/// sum_batches with a step that loads its own batches; the loads of x[0]
/// are aligned (aligned_unrolled).
template <class T, std::size_t Unroll, std::size_t S, class Step, class Tail>
inline T sum_streams(const std::array<const T*, S>& x, std::size_t begin, std::size_t end, Step&& step, Tail&& tail) {
    using B = batch_of<T>;
    constexpr std::size_t w = width_of<T>;
    std::array<std::array<B, 1>, Unroll> acc;
    for (auto& a : acc) a[0] = B(T(0));
    auto fold = [&step](std::array<B, 1>& a, const std::array<B, S>& v) { a[0] = step(a[0], v); };
    std::size_t i = aligned_unrolled<T, Unroll>(x, begin, end, acc, fold);
    for (; i + w <= end; i += w) fold(acc[0], load_batches(x, i));  // the full batches left, into accumulator 0
    std::array<B, Unroll> sums;
    for (std::size_t u = 0; u < Unroll; ++u) sums[u] = acc[u][0];
    T s = xsimd::hadd(pairwise_sum<0, Unroll>(sums));
    for (; i < end; ++i) s = tail(s, i);  // scalar tail
    return s;
}

}  // namespace dlmath::fast::detail

DLMATH_AVX512_FALSE_WARNINGS_ON
