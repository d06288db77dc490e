// A vectorised exponential (internal) for the stable formulas: a Taylor
// polynomial of degree 13 on a reduced argument, no table, no branches on
// special values, and a proven error bound.
//
// Method. For x in [−746, 710] (other x are clamped there first; see the
// special values) write
//
//     e^x = 2^k e^r,   k = round(x / ln 2),   r = x − k ln 2,   |r| ≤ ln 2 / 2 + 2^-40 < 0.3467,
//
// where k comes from the rounding of x·log2(e) + 1.5·2^52 (the shifter puts
// the integer part in the low bits), and r is formed as (x − k·ln2_hi) −
// k·ln2_lo with ln 2 = ln2_hi + ln2_lo (ln2_hi has 42 significant bits).
// Then e^r is the Horner evaluation of the Taylor polynomial
// p(r) = Σ_{j=0}^{13} r^j / j!, and 2^k is applied as two factors 2^{k1}
// 2^{k2}, k1 = k/2 rounded, k2 = k − k1, both powers of two normal doubles
// (on AVX-512, one scalef instruction gives the same bits: p·2^k rounded
// once).
//
// Error bound. u = 2^-53. For every x with a normal result,
//
//     |exp_fast(x) − e^x| ≤ 3 u e^x,                                      (*)
//
// and where e^x is subnormal an absolute 2^-1075 (half the smallest
// subnormal) more; exp_fast(0) = 1 exactly. The budget, relative to e^x:
//  - k·ln2_hi is exact (|k| ≤ 1077 < 2^11, 42 + 11 ≤ 53 bits) and
//    x − k·ln2_hi is exact by Sterbenz's lemma (x and k ln2_hi lie within
//    a factor 2 of each other when k ≠ 0; k = 0 leaves x); subtracting
//    k·ln2_lo rounds once (u|r| ≤ 0.347u) and the split of ln 2 is exact to
//    2^-97 (1077·2^-97 is negligible). An absolute error δ in r is a
//    relative error δ in e^r: 0.35u;
//  - truncation: the Lagrange remainder is at most e^0.3467 0.3467^14 / 14!
//    = 5.9e-18, relative to e^r ≥ e^-0.3467 = 0.707 that is 8.4e-18 = 0.08u;
//  - Horner: write q_j = c_j + r q_{j+1} (q_0 = p(r)). Each step rounds once
//    (an FMA) and c_j = 1/j! is rounded (relative u, exact for j ≤ 2), so
//    the relative error e_j of q_j obeys e_j ≤ u + (c_j / q_j) u +
//    ρ_j e_{j+1}, ρ_j = |r q_{j+1}| / q_j. For |r| < 0.3467: ρ_j ≤ 0.15 and
//    c_j / q_j ≤ 1.15 for j ≥ 2 (so e_j ≤ 2.87u there); ρ_1 ≤ 0.23 with
//    c_1 = 1 exact (e_1 ≤ 1.66u); ρ_0 ≤ 0.413 / 0.707 = 0.584 with c_0 = 1
//    exact (e_0 ≤ u + 0.584 · 1.66u = 1.97u);
//  - the scaling by 2^{k1} is exact (a normal result), the one by 2^{k2}
//    exact for a normal result and rounded once (2^-1075 absolute) for a
//    subnormal one.
//  The total, 0.35u + 0.08u + 1.97u = 2.4u (plus products of u's), is below
//  3u. The agreement tests of the stable formulas take their tolerances from
//  (*); a test checks (*) on random and extreme arguments against a long
//  double exponential.
//
// Special values, as std::exp: exp(NaN) = NaN, exp(−inf) = 0, exp(+inf) =
// +inf; x > 709.79 overflows to +inf and x < −745.14 gives 0, both through
// the arithmetic on the clamped x (2^{k1} 2^{k2} overflows or underflows);
// the only select is the one that passes NaN through, and on AVX-512 there
// is none: the clamp keeps a NaN, and scalef returns it.
//
// Cost: 13 FMAs in the polynomial, 4 more operations of the floating-point
// pipes for the argument, and the scaling: 13 vector instructions of bit
// operations and products, or one scalef on AVX-512, where the whole
// exponential is 21 instructions against 34; no division, no table.
#pragma once

#include <cstdint>
#include <limits>

#include "simd.hpp"

// scalef, max and min inline AVX-512 intrinsics GCC 12 wrongly reports as
// reading uninitialised values (simd.hpp).
DLMATH_AVX512_FALSE_WARNINGS_OFF

namespace dlmath::fast::detail {

/// p·2^k for p in [0.7, 1.42] and k an integer (as a double) in [−1077, 1025]: exact where the
/// result is normal, rounded once where it is subnormal, +inf beyond the range. Two factors
/// 2^{k1} 2^{k2}, k1 = round(k / 2), k2 = k − k1, each a normal power of two made by bit
/// operations (its bits are (j + 1023) << 52), for any target. Lanes holding a NaN k:
/// unspecified.
inline batch times_pow2_bits(const batch& p, const batch& k) {
    using bits = xsimd::batch<std::uint64_t>;
    const batch shifter(0x1.8p52);
    const batch k1 = (k * batch(0.5) + shifter) - shifter;
    const batch k2 = k - k1;
    auto pow2 = [&](const batch& j) {  // j read from the low bits of j + shifter
        const bits b = xsimd::bitwise_cast<bits>(j + shifter) - xsimd::bitwise_cast<bits>(shifter);
        return xsimd::bitwise_cast<batch>((b + bits(1023)) << 52);
    };
    return (p * pow2(k1)) * pow2(k2);  // the first product exact, the second rounded for a subnormal
}

/// The same, bit for bit (a test checks it), where the machine scales in one instruction: on
/// AVX-512, scalef gives p·2^k rounded once (exact for a normal result, the one rounding of a
/// subnormal one, +inf on overflow), where the bit operations take 13. It also passes a NaN k
/// through as NaN.
inline batch times_pow2(const batch& p, const batch& k) {
#if defined(__AVX512F__)
    if constexpr (batch::size == 8) return batch(_mm512_scalef_pd(p, k));
#endif
    return times_pow2_bits(p, k);
}

/// e^r for |r| < 0.3467: the Taylor polynomial of degree 13 by Horner; relative error ≤ 1.97u
/// plus the truncation's 0.08u (the budget at the top).
inline batch exp_of_reduced(const batch& r) {
    batch p(0x1.6124613a86d09p-33);  // 1/13!
    p = detail::fma(p, r, batch(0x1.1eed8eff8d898p-29));  // 1/12!
    p = detail::fma(p, r, batch(0x1.ae64567f544e4p-26));  // 1/11!
    p = detail::fma(p, r, batch(0x1.27e4fb7789f5cp-22));  // 1/10!
    p = detail::fma(p, r, batch(0x1.71de3a556c734p-19));  // 1/9!
    p = detail::fma(p, r, batch(0x1.a01a01a01a01ap-16));  // 1/8!
    p = detail::fma(p, r, batch(0x1.a01a01a01a01ap-13));  // 1/7!
    p = detail::fma(p, r, batch(0x1.6c16c16c16c17p-10));  // 1/6!
    p = detail::fma(p, r, batch(0x1.1111111111111p-7));   // 1/5!
    p = detail::fma(p, r, batch(0x1.5555555555555p-5));   // 1/4!
    p = detail::fma(p, r, batch(0x1.5555555555555p-3));   // 1/3!
    p = detail::fma(p, r, batch(0.5));
    p = detail::fma(p, r, batch(1.0));
    return detail::fma(p, r, batch(1.0));
}

/// Steps 0 and 1: x clamped to [−746, 710] and split as k ln 2 + r, |r| < 0.3467, k an integer
/// as a double. The clamp is written so that a NaN x stays NaN (max and min return their second
/// operand when either is NaN), and so do k and r.
inline void reduce_exp_argument(const batch& x, batch& k, batch& r) {
    const batch shifter(0x1.8p52);  // x + shifter rounds x to an integer kept in the low bits
    const batch xc = xsimd::min(batch(710.0), xsimd::max(batch(-746.0), x));
    k = detail::fma(xc, batch(0x1.71547652b82fep0), shifter) - shifter;
    const batch ln2_hi(0x1.62e42fefa3800p-1), ln2_lo(0x1.ef35793c76730p-45);
    r = detail::fnma(k, ln2_lo, detail::fnma(k, ln2_hi, xc));
}

//! [fast_exp]
/// e^x for every lane of x; |error| ≤ 3u e^x (+2^-1075 for a subnormal result; see the top of the file).
inline batch exp(const batch& x) {
    batch k, r;
    reduce_exp_argument(x, k, r);  // e^x = 2^k e^r, |r| < 0.3467
    const batch y = times_pow2(exp_of_reduced(r), k);
#if defined(__AVX512F__)
    if constexpr (batch::size == 8) return y;  // scalef passed a NaN through already
#endif
    return xsimd::select(x == x, y, x);  // NaN passes through
}
//! [fast_exp]

/// The same exponential with the portable scaling: the bits exp() must give on every target
/// (a test compares them).
inline batch exp_portable(const batch& x) {
    batch k, r;
    reduce_exp_argument(x, k, r);
    return xsimd::select(x == x, times_pow2_bits(exp_of_reduced(r), k), x);
}

}  // namespace dlmath::fast::detail

DLMATH_AVX512_FALSE_WARNINGS_ON
