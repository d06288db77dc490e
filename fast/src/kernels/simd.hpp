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
// sum_batches (the same loop for sums), so no loop forgets its tail.
//
// Fused multiply-add: the kernels call detail::fma / fms / fnma below, never
// xsimd's. xsimd 8 (Debian 12) has no AVX-512 kernel for them and falls back
// to a*b + c, which the project's -ffp-contract=off keeps as two roundings
// and two instructions: on an AVX-512 machine every "FMA" of the GEMM
// micro-kernel, the dot products and the logarithm's polynomial cost twice
// its instructions, and an error analysis that counts one rounding per FMA
// (kernels/log.hpp) would not hold. Where the compiler targets AVX-512F these
// call the fused instructions; elsewhere xsimd's (fused on FMA3 and NEON
// targets; a*b + c only where the machine has no FMA at all). This is the one
// place where an architecture's intrinsics appear, behind its own macro.
#pragma once

#include <array>
#include <cstddef>
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
// stand for is overwritten). The warning is silenced for these helpers only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif

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

}  // namespace dlmath::fast::detail

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
