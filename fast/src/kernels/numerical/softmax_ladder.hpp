// The softmax ladder (internal): each step of how the fast row-wise softmax
// got fast, as runnable code with the signature of softmax(X, 1), so that a
// student can re-measure every step (the benchmark cases
// softmax/step<k>/<n>, `./course bench`, and the chapter program's figure
// softmax_ladder.svg). Step 0 is dlmath::reference::softmax(X, 1).
//
//  1. three sweeps over the matrix: every row's maximum, then every row's
//     e^(x − m) stored and summed, then every row divided by its sum (three
//     trips through memory for X and Y);
//  2. max-shift, two passes per row: the maximum, then e^(x − m) stored and
//     summed and the row divided while it is still in cache (X read once
//     from memory);
//  3. online, one pass for the maximum and the sum per row (Milakov and
//     Gimelshein's normaliser, kernels/numerical/online_softmax.hpp, scalar
//     here), then one pass writing e^(x − m) / S: one read of X wherever
//     the row lives, at the price of computing each exponential twice;
//  4. the same with xsimd batches and the kernel exponential (kernels/exp.hpp),
//     one thread;
//  5. one exponential per element: the maximum, then e^(x − m) stored and
//     summed, then the row scaled, all on batches (softmax_row), one thread;
//  6. + OpenMP across rows, each thread's second pass prefetching the row it
//     takes next: dlmath::fast::softmax(X, 1).
//
// Every step computes e^(x_ij − m_i) / sum_j e^(x_ij − m_i); they agree with
// the reference within the fast twin's bound, (6n + 20)u relative per entry.
#pragma once

#include "dlmath/tensor.hpp"

namespace dlmath::fast::detail::ladder {

/// The number of softmax steps after the reference (step 0).
inline constexpr int softmax_steps = 6;

/// Step 1: three sweeps over the matrix (max, exp-sum, divide), scalar.
Matrix softmax_step1(const Matrix& X);
/// Step 2: max-shift, two passes per row while it is in cache, scalar.
Matrix softmax_step2(const Matrix& X);
/// Step 3: the online normaliser, one pass for max and sum per row, scalar.
Matrix softmax_step3(const Matrix& X);
/// Step 4: step 3 on xsimd batches with the kernel exponential, one thread.
Matrix softmax_step4(const Matrix& X);
/// Step 5: one exponential per element, one thread: the row's maximum, then e^(x − m) stored
/// and summed, then scaled (the row stays in cache, so step 4's single read saved nothing and
/// its second exponential was pure cost), on xsimd batches.
Matrix softmax_step5(const Matrix& X);
/// Step 6: step 5 with the rows shared among the threads (the fast twin).
Matrix softmax_step6(const Matrix& X);

}  // namespace dlmath::fast::detail::ladder
