// A vectorised exponential (internal) for the stable formulas: a polynomial
// of degree 11 on a reduced argument, no table, no branches on special
// values, and a proven error bound.
//
// Method. For x in [−746, 710] (other x are clamped there first; see the
// special values) write
//
//     e^x = 2^k e^r,   k = round(x / ln 2),   r = x − k ln 2,   |r| ≤ ln 2 / 2 + 2^-40 < 0.3467,
//
// where k comes from the rounding of x·log2(e) + 1.5·2^52 (the shifter puts
// the integer part in the low bits), and r is formed as (x − k·ln2_hi) −
// k·ln2_lo with ln 2 = ln2_hi + ln2_lo (ln2_hi has 42 significant bits).
// Then e^r is the Horner evaluation of P(r) = Σ_{j=0}^{11} c_j r^j, the
// polynomial that interpolates e^r at the 12 Chebyshev points of
// [−0.3467, 0.3467] (coefficients computed in 80-digit arithmetic, then
// rounded to doubles, by scripts/exp-polynomial.py, which also checks the
// numbers of the error budget below; c_0 = c_1 = 1 exactly, and c_j lies
// within 0.3 % of the Taylor coefficient 1/j!). 2^k is applied as two
// factors 2^{k1} 2^{k2}, k1 = k/2 rounded, k2 = k − k1, both powers of two
// normal doubles (on AVX-512, one scalef instruction gives the same bits:
// p·2^k rounded once).
//
// Why not the Taylor polynomial: on |r| < 0.3467 it needs degree 13 for the
// same accuracy (0.05u; at degree 11 its error reaches 8.7e-15, 78u), while
// the interpolant spreads its error over the interval, as a minimax
// polynomial does: two FMAs fewer, and an exp-sum loop in L1 some 13% faster on the
// 2-core AVX-512 machine the kernel was measured on.
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
//  - the polynomial, with its coefficients as the doubles below, evaluated
//    exactly: within 0.141u of e^r, relative, on |r| ≤ 0.3467 (0.038u for
//    the interpolant itself, the rest the rounding of its coefficients;
//    both on 8001 points of the interval in 80-digit arithmetic);
//  - Horner: write q_j = c_j + r q_{j+1} (q_0 = P(r), q_11 = c_11). Each
//    step rounds once (an FMA), so the relative error e_j of q_j obeys
//    e_j ≤ u + ρ_j e_{j+1}, ρ_j = |r q_{j+1}| / q_j, with e_11 = 0. On
//    |r| ≤ 0.3467 the largest ρ_j are 0.414 (j = 0), 0.183, 0.119, 0.088
//    and below 0.07 from j = 4 on, which give e_0 ≤ 1.50u (at r = −0.3467);
//  - the scaling by 2^{k1} is exact (a normal result), the one by 2^{k2}
//    exact for a normal result and rounded once (2^-1075 absolute) for a
//    subnormal one.
//  The total, 0.35u + 0.141u + 1.50u = 2.0u (plus products of u's), is
//  below 3u. The agreement tests of the stable formulas take their
//  tolerances from (*); one test checks (*) on random and extreme arguments
//  against a long double exponential, another the polynomial's 1.65u on the
//  reduced interval.
//
// Special values, as std::exp: exp(NaN) = NaN, exp(−inf) = 0, exp(+inf) =
// +inf; x > 709.79 overflows to +inf and x < −745.14 gives 0, both through
// the arithmetic on the clamped x (2^{k1} 2^{k2} overflows or underflows);
// the only select is the one that passes NaN through, and on AVX-512 there
// is none: the clamp keeps a NaN, and scalef returns it.
//
// Cost: 11 FMAs in the polynomial, 4 more operations of the floating-point
// pipes for the argument, and the scaling: 13 vector instructions of bit
// operations and products, or one scalef on AVX-512, where the whole
// exponential is 19 instructions against 32; no division, no table.
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

/// e^r for |r| < 0.3467: the degree-11 interpolant of e^r at the Chebyshev points of the
/// interval, by Horner; relative error ≤ 0.141u + 1.50u (the budget at the top).
inline batch exp_of_reduced(const batch& r) {
    batch p(0x1.af634ca3cb41fp-26);                       // c_11 (1/11! = 0x1.ae64567f544e4p-26)
    p = detail::fma(p, r, batch(0x1.28b42c37558acp-22));  // c_10
    p = detail::fma(p, r, batch(0x1.71ddf55adb046p-19));  // c_9
    p = detail::fma(p, r, batch(0x1.a0199182a8573p-16));  // c_8
    p = detail::fma(p, r, batch(0x1.a01a01b14d19ep-13));  // c_7
    p = detail::fma(p, r, batch(0x1.6c16c1880b86fp-10));  // c_6
    p = detail::fma(p, r, batch(0x1.111111110f20ep-7));   // c_5
    p = detail::fma(p, r, batch(0x1.555555554f083p-5));   // c_4
    p = detail::fma(p, r, batch(0x1.555555555555ap-3));   // c_3
    p = detail::fma(p, r, batch(0x1.0000000000011p-1));   // c_2
    p = detail::fma(p, r, batch(1.0));                    // c_1
    return detail::fma(p, r, batch(1.0));                 // c_0
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
