// A vectorised natural logarithm (internal) for the information measures:
// one division, a polynomial of degree 6, no branches on special values,
// and a proven error bound.
//
// Method. For finite x > 0 write x = 2^k m exactly, with m in [√½, √2)
// (split_exponent below: on AVX-512 the instructions that read an exponent
// and a mantissa, subnormals included; elsewhere bit operations on the
// exponent, a subnormal x first scaled by 2^52, exactly). Then
//
//     log x = k ln 2 + log m,   log m = 2 atanh(s) = 2s + s z P(z),
//     s = f / (2 + f),  f = m − 1,  z = s²,  |s| ≤ 3 − 2√2 = 0.1716,  z ≤ 0.02944,
//
// where P(z) = Σ_{j≥0} 2 z^j / (2j + 3) is approximated by the degree-6
// polynomial interpolating it at the 7 Chebyshev points of [0, 0.02944]
// (coefficients computed in 60-digit arithmetic, then rounded to double).
//
// Error bound. u = 2^-53. For every finite x > 0, subnormals included,
//
//     |log_fast(x) − log x| ≤ 6 u |log x|                                  (*)
//
// (and log_fast(1) = 0 exactly). The budget, relative to |log x|:
//  - f = m − 1 is exact (Sterbenz), s = f / fl(2 + f) has relative error
//    γ₂ ≈ 2u, which moves 2 atanh(s) by at most 1.02·γ₂ relative;
//  - t = s z P(z) is at most z/3 ≤ 0.0099 of y = log m; its own relative
//    error (the rounding of s³, two products, Horner's γ₁₂) is below 22u, so
//    it costs 0.22u; the interpolation error of P, proven by the Chebyshev
//    bound 4Mρ⁻⁷/(ρ − 1) with ρ = 120 (P is analytic for |z| < 1; M = 2.03 is
//    the maximum of |P| on that Bernstein ellipse) is 1.9e-16, i.e. 0.03u
//    after the factor z/2; the rounded coefficients add 0.01u;
//  - y = 2s + t is rounded once (u; an FMA, or a product and a sum where
//    the target has no FMA, whose extra rounding is inside t's 22u);
//  - k ln 2 is added as k·ln2_hi + (k·ln2_lo + y): ln2_hi has 42 significant
//    bits, so k·ln2_hi is exact for |k| ≤ 1075; the two additions are
//    rounded (2u); the split of ln 2 is exact to 2^-97.
//  Since |y| ≤ |log x| (for k ≠ 0, |log x| ≥ ln 2 − ln √2 ≥ |y|), the sum is
//  1.02·γ₂ + 0.26u + u + 2u < 5.4u < 6u. The agreement tests of the
//  information measures take their bounds from (*); a test checks (*) on
//  random and extreme arguments against a long double logarithm.
//
// Special values, as std::log: log(±0) = −inf, log(x < 0) = NaN,
// log(+inf) = +inf, log(NaN) = NaN — by selects after the arithmetic, so
// the kernel has no branch.
//
// Cost: the loop that uses it is bound by the instruction count, not by
// the one division (replacing the division by a reciprocal estimate and two
// Newton steps was slower). On AVX-512 the exponent split is 5 instructions
// (getexp, getmant, a compare and two masked operations) where the bit
// operations take 16 with the limits: about 20 vector instructions per batch
// in all, 11 of them multiplications or FMAs, the pipes that bound it. On the 2-core AVX-512 machine where it was
// written, the entropy's inner loop takes 0.51 ns per element and core with
// this split, 0.72 with the bit operations, in cache (xsimd::log: 0.88); it
// takes 0.41 when the caller accumulates p·k and p·y apart (log_parts).
// Beyond speed it adds the proven bound (*), which the agreement tests use,
// and special values without branches. A table-driven variant (128 entries,
// no division, a degree-8 polynomial) was slower: its two gathers per batch
// cost more than the division they replace.
#pragma once

#include <cstdint>
#include <limits>

#include "simd.hpp"

// The integer shift below inlines an xsimd kernel that AVX-512 intrinsics GCC 12 wrongly reports as
// reading uninitialised values (simd.hpp).
DLMATH_AVX512_FALSE_WARNINGS_OFF

namespace dlmath::fast::detail {

//! [fast_log]
/// x = 2^k m exactly, with m in [√½, √2) (the ends rounded to doubles) and
/// k an integer (as a double), for finite x > 0, subnormals included; x = ±0
/// gives k = −inf and x = +inf gives k = +inf, each with m = 1. Other lanes
/// (x < 0, NaN): unspecified. By bit operations on the exponent, for any
/// target.
inline void split_exponent_bits(const batch& x, batch& k, batch& m) {
    using bits = xsimd::batch<std::uint64_t>;
    constexpr double inf = std::numeric_limits<double>::infinity();
    // a subnormal x is scaled by 2^52 (exact), its exponent corrected below
    const auto subnormal = x < batch(std::numeric_limits<double>::min());
    const batch xs = xsimd::select(subnormal, x * batch(0x1p52), x);
    // t's top 12 bits are k (mod 4096)
    const bits ix = xsimd::bitwise_cast<bits>(xs);
    const bits t = ix - bits(0x3FE6A09E667F3BCDull);  // the bits of √½
    m = xsimd::bitwise_cast<batch>(ix - (t & bits(0xFFF0000000000000ull)));
    // k + 1024 in [2, 2048] as a double, without an integer conversion:
    // the bits of 2^52 + j are those of 2^52 with j in the low bits
    const bits kbias = ((t + bits(0x4000000000000000ull)) >> 52) | bits(0x4330000000000000ull);
    k = xsimd::bitwise_cast<batch>(kbias) - batch(0x1p52 + 1024.0) -
        xsimd::select(subnormal, batch(52.0), batch(0.0));
    // the limits: log 0 = −inf, log inf = +inf
    const auto zero = x == batch(0.0), infinite = x == batch(inf);
    k = xsimd::select(zero, batch(-inf), xsimd::select(infinite, batch(inf), k));
    m = xsimd::select(zero | infinite, batch(1.0), m);
}

/// The same split, bit for bit (a test checks it). One of the few places where
/// an architecture's intrinsics appear (kernels/simd.hpp lists them), behind
/// its own macro: on AVX-512, getexp and getmant give k and the
/// mantissa in [1, 2) directly, subnormals and the limits included (getexp(0)
/// = −inf, getexp(inf) = +inf, getmant of either is 1), and a mantissa from
/// √2 up is halved (exact) with k + 1 — 5 instructions where the bit
/// operations take 16.
inline void split_exponent(const batch& x, batch& k, batch& m) {
#if defined(__AVX512F__)
    if constexpr (batch::size == 8) {
        const __m512d v = x;
        const __m512d e = _mm512_getexp_pd(v);
        const __m512d m12 = _mm512_getmant_pd(v, _MM_MANT_NORM_1_2, _MM_MANT_SIGN_zero);
        const __mmask8 high = _mm512_cmp_pd_mask(m12, _mm512_set1_pd(0x1.6a09e667f3bcdp0), _CMP_GE_OQ);  // ≥ √2
        m = batch(_mm512_mask_mul_pd(m12, high, m12, _mm512_set1_pd(0.5)));
        k = batch(_mm512_mask_add_pd(e, high, e, _mm512_set1_pd(1.0)));
        return;
    }
#endif
    split_exponent_bits(x, k, m);
}

/// log(1 + f) for f in [√½ − 1, √2 − 1), f given exactly: 2s + s z P(z),
/// s = f / (2 + f), z = s²; relative error 1.02·γ₂ + 0.26u + u < 3.3u (the
/// budget at the top, which starts from an exact f).
inline batch log_of_one_plus(const batch& f) {
    const batch s = f / (f + batch(2.0));
    const batch z = s * s;
    batch P(0x1.2b584aae78a57p-3);
    P = detail::fma(P, z, batch(0x1.39fe606542ddep-3));
    P = detail::fma(P, z, batch(0x1.7462b4ab2ef6bp-3));
    P = detail::fma(P, z, batch(0x1.c71c62e5800a1p-3));
    P = detail::fma(P, z, batch(0x1.2492492df148dp-2));
    P = detail::fma(P, z, batch(0x1.99999999952e2p-2));
    P = detail::fma(P, z, batch(0x1.5555555555558p-1));
    return detail::fma(s * z, P, s + s);  // 2s + t, t = s z P(z)
}

/// log m for m in [√½, √2): log(1 + f) with f = m − 1, exact by Sterbenz's
/// lemma; relative error < 3.3u.
inline batch log_of_mantissa(const batch& m) { return log_of_one_plus(m - batch(1.0)); }

/// log x = k ln 2 + y in two parts, for a caller that multiplies both by the
/// same weight and adds them up apart (a sum of p log x): k exactly, and
/// y = log m within 3.3u |y|. Since |y| ≤ ½ ln 2 ≤ |k ln 2| / 2 where k ≠ 0,
/// |k ln 2| ≤ 2 |log x| and |y| ≤ |log x|. Same lanes as split_exponent.
inline void log_parts(const batch& x, batch& k, batch& y) {
    batch m;
    split_exponent(x, k, m);
    y = log_of_mantissa(m);
}

/// log x for the lanes where x is finite and ≥ 0 (x = ±0 gives −inf),
/// within (*); a lane holding a negative, infinite or NaN x gets an
/// unspecified value. For callers that reject such input anyway (the
/// information measures flag it in the same pass): two compares and two
/// selects fewer per batch than log below.
inline batch log_of_nonnegative(const batch& x) {
    batch k, y;
    log_parts(x, k, y);
    // + k ln 2, with ln 2 = ln2_hi + ln2_lo and k ln2_hi exact
    const batch ln2_hi(0x1.62e42fefa3800p-1), ln2_lo(0x1.ef35793c76730p-45);
    return k * ln2_hi + detail::fma(k, ln2_lo, y);
}

/// log x for every lane of x; |error| ≤ 6u |log x| (see the top of the file).
inline batch log(const batch& x) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    const batch r = xsimd::select(x == batch(inf), batch(inf), log_of_nonnegative(x));
    return xsimd::select(x >= batch(0.0), r, batch(std::numeric_limits<double>::quiet_NaN()));  // x < 0 or NaN
}
//! [fast_log]

//! [fast_log1p_unit]
/// log(1 + t) for t in [0, 1] (the log1p of softplus and of the log-sigmoid,
/// t = e^-|v|), NaN for a NaN t; |error| ≤ 7.4u log(1 + t) for t ≥ 2^-1021,
/// and an absolute 2^-1074 below (s = t/(2 + t) is then subnormal, rounded
/// within 2^-1075, and the result is 2s). No call to the exponent split: 1 + t lies in [1, 2], so k is
/// 0 or 1.
///  - t < √2 − 1: k = 0 and f = t exactly (1 + t is never rounded, so the
///    digits of a tiny t survive): log_of_one_plus(t), within 3.3u;
///  - t ≥ √2 − 1: k = 1, f = fl(1 + t)/2 − 1 (the halving and, by Sterbenz's
///    lemma, the subtraction are exact; 1 + t is rounded, an absolute 2^-54
///    in f, so 2^-54/√½ in log(1 + f), which is at most 2.1u of the result
///    ≥ log(1 + (√2 − 1)) = 0.3466); y = log(1 + f) in [−0.3466, 0] within
///    3.3u |y| ≤ 3.3u of the result; ln 2 + y as ln2_hi + (ln2_lo + y):
///    two roundings, 2u. In all 7.4u.
inline batch log1p_unit(const batch& t) {
    const batch one(1.0);
    const auto high = t >= batch(0x1.a827999fcef34p-2);  // √2 − 1, rounded as the ends of split_exponent
    const batch f = xsimd::select(high, (one + t) * batch(0.5) - one, t);
    const batch y = log_of_one_plus(f);
    const batch ln2_hi(0x1.62e42fefa3800p-1), ln2_lo(0x1.ef35793c76730p-45);
    return xsimd::select(high, ln2_hi + (ln2_lo + y), y);
}
//! [fast_log1p_unit]

}  // namespace dlmath::fast::detail

DLMATH_AVX512_FALSE_WARNINGS_ON
