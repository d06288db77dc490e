// The exercise function f(x) = sin x1 cos x2 + sin(x1/2) cos(x2/2) and its
// gradient on W points at once (internal). Cost: one xsimd sincos of x1/2 and
// one of x2/2 per point (4 transcendental functions, not 8); the full angles
// follow from the double-angle identities sin x = 2 sin(x/2) cos(x/2) and
// cos x = cos²(x/2) − sin²(x/2), then the reference's products and sums in
// the reference's order.
//
// Accuracy, with ε = 3u the error of xsimd's sine and cosine against the
// exact values (within 2u of glibc's, which is within u; |x| <= 1e4, measured
// by the fast tests): the half-angle factors are within ε. For s' = s + a,
// c' = c + b with |a|, |b| <= ε and s² + c² = 1, 2s'c' is within
// 2(|a c| + |b s|) <= 2√2 ε of sin x and c'² − s'² within 2|b c − a s| <= 2√2 ε
// of cos x (plus terms in ε²); the roundings add u (the product) and 2u (two
// squares and a difference, each of magnitude <= 1). So every full-angle
// factor is within (6√2 + 2)u < 11u of the exact value, 12u of glibc's.
#pragma once

#include <cstddef>

#include "../simd.hpp"

// xsimd's AVX-512 sincos trips GCC 12's false uninitialised-value warning (simd.hpp).
DLMATH_AVX512_FALSE_WARNINGS_OFF

namespace dlmath::fast::detail {

//! [exercise_kernel]
/// Values v and gradients (g1, g2) at the W points (x1[k], x2[k]), k < W.
inline void exercise_batch_w(const double* x1, const double* x2, double* v, double* g1, double* g2) {
    const batch half(0.5), two(2.0);
    const batch a = batch::load_unaligned(x1), b = batch::load_unaligned(x2);
    const auto [sh, ch] = xsimd::sincos(half * a);  // sin(x1/2), cos(x1/2)
    const auto [th, dh] = xsimd::sincos(half * b);  // sin(x2/2), cos(x2/2)
    const batch sa = (two * sh) * ch, ca = ch * ch - sh * sh;  // sin x1, cos x1
    const batch sb = (two * th) * dh, cb = dh * dh - th * th;  // sin x2, cos x2
    (sa * cb + sh * dh).store_unaligned(v);                   // sin x1 cos x2 + sin(x1/2) cos(x2/2)
    (ca * cb + (half * ch) * dh).store_unaligned(g1);         // cos x1 cos x2 + ½ cos(x1/2) cos(x2/2)
    ((-sa) * sb - (half * sh) * th).store_unaligned(g2);      // −sin x1 sin x2 − ½ sin(x1/2) sin(x2/2)
}
//! [exercise_kernel]

/// The same on n points stored as arrays (x1, x2 of n entries each): full batches, then
/// the last n mod W points through a padded batch, so that every point, wherever it lies,
/// gets the same operations (the tail is not scalar code with other roundings).
inline void exercise_soa(const double* x1, const double* x2, std::size_t n, double* v, double* g1, double* g2) {
    std::size_t k = 0;
    for (; k + W <= n; k += W) exercise_batch_w(x1 + k, x2 + k, v + k, g1 + k, g2 + k);
    if (k == n) return;
    alignas(64) double a[W] = {}, b[W] = {}, pv[W], p1[W], p2[W];
    for (std::size_t i = k; i < n; ++i) a[i - k] = x1[i], b[i - k] = x2[i];
    exercise_batch_w(a, b, pv, p1, p2);
    for (std::size_t i = k; i < n; ++i) v[i] = pv[i - k], g1[i] = p1[i - k], g2[i] = p2[i - k];
}

}  // namespace dlmath::fast::detail

DLMATH_AVX512_FALSE_WARNINGS_ON
