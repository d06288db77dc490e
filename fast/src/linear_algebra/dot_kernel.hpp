// The SIMD inner-product kernel of one block, shared by dot, matvec and gdt.
// Bound attacked: memory bandwidth (2 flops per 16 bytes read).
#pragma once

#include <cstddef>

#include <xsimd/xsimd.hpp>

namespace dlmath::fast::detail {

//! [dot_block]
// Sum of x[i]*y[i] over [begin, end): four independent accumulators so that
// four FMAs are in flight at once (the FMA latency is ~4 cycles), then a
// fixed-order horizontal add and a scalar tail.
inline double dot_block(const double* x, const double* y, std::size_t begin, std::size_t end) {
    using batch = xsimd::batch<double>;
    constexpr std::size_t W = batch::size;  // doubles per SIMD register
    batch acc0(0.0), acc1(0.0), acc2(0.0), acc3(0.0);
    std::size_t i = begin;
    for (; i + 4 * W <= end; i += 4 * W) {
        acc0 = xsimd::fma(xsimd::load_unaligned(x + i), xsimd::load_unaligned(y + i), acc0);
        acc1 = xsimd::fma(xsimd::load_unaligned(x + i + W), xsimd::load_unaligned(y + i + W), acc1);
        acc2 = xsimd::fma(xsimd::load_unaligned(x + i + 2 * W), xsimd::load_unaligned(y + i + 2 * W), acc2);
        acc3 = xsimd::fma(xsimd::load_unaligned(x + i + 3 * W), xsimd::load_unaligned(y + i + 3 * W), acc3);
    }
    for (; i + W <= end; i += W) {
        acc0 = xsimd::fma(xsimd::load_unaligned(x + i), xsimd::load_unaligned(y + i), acc0);
    }
    double s = xsimd::hadd((acc0 + acc1) + (acc2 + acc3));
    for (; i < end; ++i) s += x[i] * y[i];  // scalar tail
    return s;
}
//! [dot_block]

}  // namespace dlmath::fast::detail
