// The SIMD inner product (internal), shared by dot, matvec, gdt, the SVD's
// bidiagonalisation and eigh's tridiagonal reduction. Bound attacked: memory bandwidth — 2 flops per 16 bytes
// read, arithmetic intensity 1/8 flop/byte, far below any machine's ridge
// point, so the kernel's job is to keep the loads streaming.
#pragma once

#include <cstddef>

#include "reduce.hpp"
#include "simd.hpp"

namespace dlmath::fast::detail {

//! [dot_block]
// Sum of x[i]*y[i] over [begin, end): four independent accumulators so that
// four FMAs are in flight at once (the FMA latency is ~4 cycles), then a
// fixed-order horizontal add and a scalar tail (sum_streams, simd.hpp: the
// loads of x on aligned addresses, the order that of sum_batches).
template <class T>
inline T dot_block(const T* x, const T* y, std::size_t begin, std::size_t end) {
    return sum_streams<T, 4>(
        std::array<const T*, 2>{x, y}, begin, end,
        [](batch_of<T> acc, const std::array<batch_of<T>, 2>& v) { return detail::fma(v[0], v[1], acc); },
        [x, y](T s, std::size_t i) { return s + x[i] * y[i]; });
}
//! [dot_block]

// <x, y> of length n: dot_block over the fixed blocks of blocked_reduce,
// in parallel above parallel_threshold, bitwise the same for any thread count.
inline double dot(const double* x, const double* y, std::size_t n) {
    return blocked_reduce(
        n, 0.0, [x, y](std::size_t b, std::size_t e) { return dot_block(x, y, b, e); },
        [](double a, double b) { return a + b; });
}

}  // namespace dlmath::fast::detail
