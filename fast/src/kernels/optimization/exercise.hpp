// The exercise function f(x) = sin x1 cos x2 + sin(x1/2) cos(x2/2) and its
// gradient on W points at once (internal): xsimd's sincos on the two
// coordinates and their halves, then the reference's products and sums in
// the reference's order. Cost: 4 sincos pairs (8 transcendental functions)
// per point; accuracy: that of xsimd's sin and cos (within 2u absolute of
// the correctly rounded values for |x| <= 1e4, measured by the fast tests).
#pragma once

#include <cstddef>

#include "../simd.hpp"

namespace dlmath::fast::detail {

//! [exercise_kernel]
/// Values v and gradients (g1, g2) at the W points (x1[k], x2[k]), k < W.
inline void exercise_batch_w(const double* x1, const double* x2, double* v, double* g1, double* g2) {
    const batch a = batch::load_unaligned(x1), b = batch::load_unaligned(x2);
    const batch half(0.5);
    const auto [sa, ca] = xsimd::sincos(a);
    const auto [sb, cb] = xsimd::sincos(b);
    const auto [sh, ch] = xsimd::sincos(half * a);
    const auto [th, dh] = xsimd::sincos(half * b);
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
