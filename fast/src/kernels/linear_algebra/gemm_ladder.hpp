// The GEMM ladder (internal): each step of how the fast matmul got fast, as
// runnable code with matmul's signature, so that a student can re-measure
// every step (the benchmark cases matmul/step<k>/<n>, `./course bench`).
// gemm.cpp's header comment says what each step changes and which bound it
// attacks; step 0 is dlmath::reference::matmul. Every step computes the
// same product: each entry is a sum of the same k products, in an order
// that may differ from step to step, so steps agree to within the rounding
// bound γ_k (|A||B|)_ij of the reference (and steps 4 and 5 bit for bit).
#pragma once

#include "dlmath/tensor.hpp"

namespace dlmath::fast::detail::ladder {

// The number of steps after the reference (step 0).
inline constexpr int steps = 5;

// Step 1: i-p-j loops, each row update an xsimd axpy.
Matrix gemm_step1(const Matrix& A, const Matrix& B);
// Step 2: + a 6 × 2W register tile of C, A and B read in place.
Matrix gemm_step2(const Matrix& A, const Matrix& B);
// Step 3: + cache blocking and packing, the 6 × 2W tile and fixed blocks
// (one thread).
Matrix gemm_step3(const Matrix& A, const Matrix& B);
// Step 4: + the tile from the SIMD width and the blocks from the cache
// sizes (the final kernel, one thread).
Matrix gemm_step4(const Matrix& A, const Matrix& B);
// Step 5: + OpenMP (the final kernel on the whole team, at every size).
Matrix gemm_step5(const Matrix& A, const Matrix& B);

}  // namespace dlmath::fast::detail::ladder
