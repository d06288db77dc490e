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
// 2^{k2}, k1 = k/2 rounded, k2 = k − k1, both powers of two normal doubles.
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
// the only select is the one that passes NaN through.
//
// Cost: 13 FMAs, about 25 vector instructions per batch, no division.
#pragma once

#include <cstdint>
#include <limits>

#include "simd.hpp"

namespace dlmath::fast::detail {

//! [fast_exp]
/// e^x for every lane of x; |error| ≤ 3u e^x (+2^-1075 for a subnormal result; see the top of the file).
inline batch exp(const batch& x) {
    using bits = xsimd::batch<std::uint64_t>;
    const batch shifter(0x1.8p52);  // x + shifter rounds x to an integer kept in the low bits

    // 0. clamp to [−746, 710]: beyond, the result is 0 or +inf anyway (a NaN is put back at the end)
    const batch xc = xsimd::min(xsimd::max(x, batch(-746.0)), batch(710.0));

    // 1. k = round(x / ln 2), r = (x − k ln2_hi) − k ln2_lo, |r| < 0.3467
    const batch k = detail::fma(xc, batch(0x1.71547652b82fep0), shifter) - shifter;
    const batch ln2_hi(0x1.62e42fefa3800p-1), ln2_lo(0x1.ef35793c76730p-45);
    const batch r = detail::fnma(k, ln2_lo, detail::fnma(k, ln2_hi, xc));

    // 2. e^r = sum_{j=0}^{13} r^j / j!, by Horner
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
    p = detail::fma(p, r, batch(1.0));

    // 3. times 2^k1 2^k2, k1 = round(k / 2), k2 = k − k1, each a normal power of two
    const batch k1 = (k * batch(0.5) + shifter) - shifter;
    const batch k2 = k - k1;
    auto pow2 = [&](const batch& j) {  // the bits of 2^j: (j + 1023) << 52, j read from j + shifter
        const bits b = xsimd::bitwise_cast<bits>(j + shifter) - xsimd::bitwise_cast<bits>(shifter);
        return xsimd::bitwise_cast<batch>((b + bits(1023)) << 52);
    };
    const batch y = (p * pow2(k1)) * pow2(k2);

    // 4. NaN passes through
    return xsimd::select(x == x, y, x);
}
//! [fast_exp]

}  // namespace dlmath::fast::detail
