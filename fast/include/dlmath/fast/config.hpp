/// \file
/// \brief Tuning constants of the fast kernels: every threshold in one place.
///
/// Each constant trades one cost against another; its comment says which,
/// and roughly where the break-even lies on a current x86 core. None of them
/// changes a result's bits for a given input and thread count — the
/// thresholds only decide whether a fixed amount of work is shared among
/// threads — except `reduction_block`, which fixes the summation order of a
/// reduction (and so its rounding) once and for all. The tests size their
/// cases from these names, so that both sides of each threshold are covered.
#pragma once

#include <chrono>
#include <cstddef>

namespace dlmath::fast {

// ------------------------------------------------------------- chapter 1

/// Memory-bound kernels (dot, norm, gdt, matvec, centring in pca) run on one
/// thread below this many elements (2^16 doubles, 512 KiB). Trades the cost
/// of waking the OpenMP team and its closing barrier — a few microseconds,
/// far more on a machine busy with other work — against streaming the data
/// with more cores; below it one core reads the data in less time than the
/// wake-up takes.
inline constexpr std::size_t parallel_threshold = std::size_t{1} << 16;

/// Length of the fixed blocks a reduction is split into (4096 doubles,
/// 32 KiB per operand). Trades the number of partials combined serially
/// (n / block: some 25 µs of additions at n = 10^8) against load balance
/// and accuracy. The blocks are what threads share, so a block is the grain
/// of the split: with blocks of 16384, n = 10^5 made 7 blocks, 4 for one
/// thread and 3 (one partial) for the other, and fast::dot ran at 64–68 GB/s
/// there; with blocks of 4096 (13 and 12) it ran at 86–92 GB/s, and at
/// 10^6 at 85–92 against 74–84 (medians of 3, one 2-core machine). Blocks
/// fixed in length make the result independent of the thread count, and the
/// rounding error of a blocked sum grows with the block length plus the
/// number of blocks, not with n.
inline constexpr std::size_t reduction_block = std::size_t{1} << 12;

/// The blocks of the compensated sum (fast::sum_kahan): 8 reduction blocks
/// (32768 elements, 256 KiB of doubles). Each block ends with a scalar fold
/// of its 4·W lanes' sums and compensations, 2·4·W Kahan steps in one chain
/// of dependent additions (4 per step: some 770 cycles for 64 steps where
/// W = 8) while no load is issued; against a block of 4096 doubles that
/// streams in some 3500 cycles, the fold took a fifth of the time. With
/// blocks 8 times as long, at 10^8 doubles on 2 threads the sum went from
/// 0.82 to 0.90 of the rate of fast::norm(x, 1), which streams the same
/// bytes, at 10^7 from 0.74 to 0.88 and at 10^6 from 0.79 to 1.01 (3 rounds
/// alternated, one 2-core AVX-512 machine). Like reduction_block it fixes
/// the summation order, so it is a constant, never a tuning knob.
inline constexpr std::size_t kahan_block = 8 * reduction_block;

/// GEMM-based products (matmul, gram, GEMM-shaped einsum, large bmm
/// entries) with fewer multiply-adds than this (m·k·n = 2^22, about 160³,
/// some 250 µs on one core) run on one thread. Trades the OpenMP team's
/// start-up and the two barriers per packed B panel against a second core's
/// share of the flops; a shared machine moves the break-even up.
inline constexpr std::size_t gemm_parallel_threshold = std::size_t{1} << 22;

/// A batch of small products (bmm) runs one product per thread from a total
/// of this many multiply-adds (nb·m·k·n = 2^18), a sixteenth of
/// gemm_parallel_threshold. Trades one fork for the whole batch, with no
/// barrier inside, against the work: without the barriers of a threaded
/// GEMM, threads pay from a much smaller size.
inline constexpr std::size_t batch_threshold = gemm_parallel_threshold / 16;

/// The blocked LU (det, solve, inv) leaves its matrix products — the
/// trailing update of the factorisation and the off-diagonal blocks of the
/// solves — to the GEMM, threaded from gemm_parallel_threshold like every
/// product. What is left of a blocked solve, the triangle inside each block
/// of 32 rows, shares the right-hand sides' columns among threads from this
/// many columns (128, two chunks of 64). Trades one fork and barrier per
/// block of rows (2n/32 of them) against 32 · 32 / 2 · 64 multiply-adds per
/// chunk and block, some 10 µs of row operations on one core.
inline constexpr std::size_t lu_parallel_columns = 128;

/// Sampling (fast::sample) runs on one thread below this many draws (2^14).
/// Trades the OpenMP team's wake-up (a few microseconds) against the
/// draws: each costs some 5–10 ns of one core (a Philox block of 10 rounds,
/// a log and a cosine), so 2^14 draws keep a core busy for about 100 µs.
inline constexpr std::size_t sample_parallel_threshold = std::size_t{1} << 14;

/// Length of the fixed blocks a sample is drawn in (2^11 draws, a multiple
/// of every SIMD width). The blocks depend on n only, so the SIMD batches
/// do too, and the sample is bitwise the same for every thread count; a
/// block is short enough that n = sample_parallel_threshold already gives
/// 8 blocks to share among the threads.
inline constexpr std::size_t sample_block = std::size_t{1} << 11;

// ------------------------------------------------------------- chapter 2

/// The batched densities of chapter 2 (log_pdf of a sample under a
/// multivariate Gaussian or a mixture) run on one thread below this many
/// multiply-adds (n points x k components x the d(d+1)/2 + d of a triangular
/// solve, 2^17, some 30 µs of vectorised work). Trades the OpenMP team's
/// wake-up and barrier against a second core's share of independent points;
/// there is no reduction, so the result never depends on the thread count.
inline constexpr std::size_t density_parallel_threshold = std::size_t{1} << 17;

/// cov of a tall data matrix (fast::cov): its rows are cut into fixed blocks
/// of at least this many rows (2^10), whose partial Gram matrices are formed
/// by one thread each and added in block order; a block of 1024 rows of d
/// columns is 2 * 1024 * d^2 / 2 flops, enough to hide the GEMM's packing.
inline constexpr std::size_t cov_rows_per_block = std::size_t{1} << 10;
/// At most this many blocks (64): a longer matrix gets longer blocks, so the
/// partial Gram matrices (d x d each) stay few.
inline constexpr std::size_t cov_max_blocks = 64;
/// Only matrices of at most this many columns (256) are cut into row blocks:
/// a wider one has a large d x d product that the GEMM's threads share out
/// themselves, and 64 partials of it would take too much memory.
inline constexpr std::size_t cov_blocked_max_d = 256;

// ------------------------------------------------------------- chapter 3

/// The stable formulas of chapter 3 (softmax, logsumexp, log_softmax): a
/// matrix is shared among the threads row by row, and only from this many
/// entries (2^15, some 30 µs of exponentials on one core); each row is one
/// thread's, so the result never depends on the thread count.
inline constexpr std::size_t stable_parallel_threshold = std::size_t{1} << 15;
/// A long vector is cut into fixed blocks of this many entries (2^13, a
/// multiple of every SIMD width), whose online normalisers are formed in
/// parallel and combined in block order: the blocks depend on n only.
inline constexpr std::size_t stable_block = std::size_t{1} << 13;
/// Finite-difference gradients and Jacobians (fast::gradient, fast::jacobian)
/// share their coordinates among threads when the work is worth a team. The
/// cost of a coordinate is two evaluations of the function, which the
/// library cannot know in advance: from 50 ns for a function that reads a
/// few entries of its argument to milliseconds for one that reads all of
/// it. So the first coordinate is computed alone and timed, and the others
/// are shared when, at that cost, they would take at least this long on one
/// thread (100 µs): several times the wake-up and the closing barrier of a
/// team whose threads had gone to sleep (tens of µs). Below, the fast twin
/// runs the reference's serial loop.
inline constexpr std::chrono::microseconds fd_parallel_work{100};
/// ... and at least this many coordinates (64), so that a slow first call
/// (cold caches, a page fault) does not send a handful of coordinates to a
/// team.
inline constexpr std::size_t fd_parallel_min = 64;
/// The composite quadrature rules (fast::riemann_left, riemann_midpoint, trapezoid,
/// simpson) split their panels over threads from this many panels on (2^12). The
/// integrand is a call through std::function (some 2–20 ns each, more for a costly f),
/// so 4096 panels are 10–100 µs of work, worth the OpenMP team's wake-up; below, one
/// thread adds the terms. Above, the panels are cut into the fixed blocks of
/// `reduction_block` nodes and the block sums added in block order, so the result is
/// the same for every thread count.
inline constexpr std::size_t quadrature_parallel_threshold = std::size_t{1} << 12;

// ------------------------------------------------------------- chapter 4

/// The batched optimisers (gradient_descent_batch, momentum_batch, adam_batch) keep
/// their points in blocks of this many (256, a multiple of every SIMD width): the
/// coordinates of a block's points are contiguous (structure of arrays), and a block —
/// its points, gradients and optimiser state, some 10-30 KB for two variables — stays
/// in the L1/L2 cache for all its steps.
inline constexpr std::size_t batched_block = 256;
/// Blocks are shared among threads (schedule(static)) from this many starting points
/// on (1024, four blocks). One step of one point of the exercise function costs some
/// 4 ns on one core (two sincos pairs in SIMD, the update and the vector test of the
/// stopping rules), so 1024 points are 4 µs a step and about 0.4 ms for a run of 100
/// steps, far above the team's wake-up; a generic objective (a call of f.batch per block
/// and step) costs more.
inline constexpr std::size_t batched_parallel_threshold = 1024;
/// logistic_loss_gradient reads X in fixed blocks of this many rows (512): z = Xw and
/// the block's share of Xᵀ(σ(z) − y) are formed while the block's rows are in cache,
/// and the block partials are added in block order, so the result depends on n only.
inline constexpr std::size_t logistic_row_block = 512;
/// ... and the blocks are shared among threads from this many entries of X on (2^16,
/// 512 KB: some 20 µs of reading at memory speed).
inline constexpr std::size_t logistic_parallel_threshold = std::size_t{1} << 16;

}  // namespace dlmath::fast
