// y += a·x, the update of every row operation (internal): LU elimination
// and its triangular solves, and step 1 of the GEMM ladder. Bound attacked:
// memory — 2 flops per 24 bytes moved (x read, y read and written).
#pragma once

#include <cstddef>

#include "simd.hpp"

namespace dlmath::fast::detail {

// y[i] += a * x[i] for i in [0, n): one FMA per element, a scalar tail.
// (y − a·x is axpy with −a: negation is exact, so it rounds the same as
// a fused y − a·x.)
template <class T>
inline void axpy(std::size_t n, T a, const T* x, T* y) {
    const batch_of<T> va(a);
    for_each_batch<T>(
        0, n,
        [&](std::size_t i) {
            detail::fma(va, xsimd::load_unaligned(x + i), xsimd::load_unaligned(y + i)).store_unaligned(y + i);
        },
        [&](std::size_t i) { y[i] += a * x[i]; });
}

}  // namespace dlmath::fast::detail
