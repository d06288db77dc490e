// The batched gradient descent ladder (internal): the exercise function's
// batch as it was before the double-angle identities, so that a student can
// re-measure each step of how the fast batched optimisers got fast (the
// benchmark cases gradient_descent_batch/step<k>/<n>, `./course bench`).
// Every step runs dlmath::fast::gradient_descent_batch; what changes is the
// objective's batch and whether the fused path takes it:
//
//  1. the reference's batch (std::sin and std::cos, 8 calls per point) through
//     the generic path: per block and step, the live points copied into a
//     matrix, f.batch called, the results copied back, and the stopping rules
//     judged point by point in scalar code;
//  2. the same path with the batch below: xsimd's sincos of x1, x2, x1/2 and
//     x2/2 (4 sincos pairs per point);
//  3. the same path with fast::exercise_batch: the double-angle identities,
//     2 sincos pairs per point;
//  4. the fused path, dlmath::fast::exercise_function(): the kernel in place
//     on the block, which stays in the cache for all its steps, and the
//     stopping rules tried as one vector test per W points.
#pragma once

#include <cstddef>

#include "dlmath/tensor.hpp"
#include "../simd.hpp"

namespace dlmath::fast::detail::ladder {

/// Step 2's batch of the exercise function: four sincos pairs per point, the reference's
/// products and sums in the reference's order. Rows of X are points (x1, x2).
inline void exercise_batch_four_sincos(const Matrix& X, Vector& f, Matrix& G) {
    const std::size_t m = X.shape(0);
    f = Vector::from_shape({m});
    G = Matrix::from_shape({m, 2});
    const batch half(0.5);
    alignas(64) double x1[W] = {}, x2[W] = {}, v[W], g1[W], g2[W];
    for (std::size_t k0 = 0; k0 < m; k0 += W) {
        const std::size_t k1 = k0 + W < m ? k0 + W : m;
        for (std::size_t k = k0; k < k1; ++k) x1[k - k0] = X(k, 0), x2[k - k0] = X(k, 1);
        const batch a = batch::load_aligned(x1), b = batch::load_aligned(x2);
        const auto [sa, ca] = xsimd::sincos(a);
        const auto [sb, cb] = xsimd::sincos(b);
        const auto [sh, ch] = xsimd::sincos(half * a);
        const auto [th, dh] = xsimd::sincos(half * b);
        (sa * cb + sh * dh).store_aligned(v);
        (ca * cb + (half * ch) * dh).store_aligned(g1);
        ((-sa) * sb - (half * sh) * th).store_aligned(g2);
        for (std::size_t k = k0; k < k1; ++k) f(k) = v[k - k0], G(k, 0) = g1[k - k0], G(k, 1) = g2[k - k0];
    }
}

}  // namespace dlmath::fast::detail::ladder
