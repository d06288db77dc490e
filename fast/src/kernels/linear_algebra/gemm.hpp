// The blocked GEMM under every fast product of chapter 1 (internal).
//
// C += A·B for A ~ (m, k), B ~ (k, n) read through strides, C row-major.
// See gemm.cpp for the stages (blocking, packing, micro-kernel, threads).
#pragma once

#include <cstddef>

namespace dlmath::fast::detail {

// A read-only matrix seen through strides: element (i, j) is
// data[i * rs + j * cs]. A row-major matrix has (rs, cs) = (cols, 1); its
// transpose, without a copy, has (rs, cs) = (1, cols).
struct View {
    const double* data;
    std::size_t rs;
    std::size_t cs;
};

// Which entries of C to compute: all of them, or (for a Gram matrix) at
// least those on and below the diagonal — micro-tiles wholly above it are
// skipped, and what lands above it must be overwritten by the caller.
enum class Part { full, lower };

// C += A·B, A ~ (m, k), B ~ (k, n), C ~ (m, n) row-major with leading
// dimension ldc. Uses the OpenMP team when `threads` is true. The summation
// order of every entry depends on k only, so the result is bitwise the same
// for every thread count.
void gemm(std::size_t m, std::size_t n, std::size_t k, View A, View B, double* C, std::size_t ldc,
          Part part = Part::full, bool threads = true);

// C_t += A_t·B_t for t < nb, where A_t starts at A.data + t * batch_a,
// B_t at B.data + t * batch_b, and C ~ (nb, m, n) is contiguous. Large
// products run one after the other with threads inside; small ones run one
// per thread. Either way every entry gets the same bits.
void batched_gemm(std::size_t nb, std::size_t m, std::size_t n, std::size_t k, View A, std::size_t batch_a,
                  View B, std::size_t batch_b, double* C);

}  // namespace dlmath::fast::detail
