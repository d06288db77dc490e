// Chapter 1's parallel one-sided Jacobi with round-robin ordering — the
// kernel under the fast eigh (linear_algebra/decompositions.cpp).
//
// Rules of this file: OpenMP + xsimd; every SIMD loop ends with a scalar
// tail; each kernel says which bound (memory or compute) it attacks. No
// LAPACK: LAPACK is what the benchmarks compare against.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <utility>
#include <vector>

#include <xsimd/xsimd.hpp>
#include <xtensor/xview.hpp>

#include "jacobi.hpp"

#include "dlmath/detail/linear_algebra.hpp"
#include "dlmath/fast/config.hpp"
#include "dlmath/numeric.hpp"
#include "dlmath/fast/threads.hpp"

#include "../dot.hpp"
#include "../simd.hpp"

namespace dlmath::fast::detail {
namespace {

constexpr double u = unit_roundoff<double>();
constexpr int max_sweeps = 60;

// The same rotation as the reference twin (one definition, in the core).
using dlmath::detail::jacobi_rotation;
using dlmath::detail::Rotation;

//! [rotate_rows]
// x' = c x - s y, y' = s x + c y over two contiguous rows of length len.
// Bound attacked: memory (6 flops per 32 bytes moved).
inline void rotate_rows(double* x, double* y, Rotation r, std::size_t len) {
    const batch c(r.c), s(r.s);
    detail::for_each_batch<double>(
        0, len,
        [&](std::size_t i) {
            const batch xv = xsimd::load_unaligned(x + i), yv = xsimd::load_unaligned(y + i);
            detail::fms(c, xv, s * yv).store_unaligned(x + i);
            detail::fma(s, xv, c * yv).store_unaligned(y + i);
        },
        [&](std::size_t i) {
            const double xv = x[i], yv = y[i];
            x[i] = r.c * xv - r.s * yv;
            y[i] = r.s * xv + r.c * yv;
        });
}
//! [rotate_rows]


//! [round_robin]
// The round-robin (circle) tournament on N = n rounded up to even players:
// player 0 stays, the others rotate one seat per round; in round r seat i
// plays seat N-1-i. Every pair meets exactly once in N-1 rounds, and the
// N/2 pairs of a round are disjoint. Index n (odd n) is a bye.
std::vector<std::pair<std::size_t, std::size_t>> round_robin(std::size_t n) {
    const std::size_t N = n + (n % 2);
    std::vector<std::size_t> seat(N);
    std::iota(seat.begin(), seat.end(), std::size_t{0});
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    pairs.reserve((N - 1) * (N / 2));
    for (std::size_t r = 0; r + 1 < N; ++r) {
        for (std::size_t i = 0; i < N / 2; ++i) {
            const std::size_t p = std::min(seat[i], seat[N - 1 - i]), q = std::max(seat[i], seat[N - 1 - i]);
            pairs.emplace_back(p, q);
        }
        std::rotate(seat.begin() + 1, seat.end() - 1, seat.end());  // everyone but seat 0 moves one on
    }
    return pairs;
}
//! [round_robin]

// <x, y> over contiguous rows: the shared SIMD inner product (kernels/dot.hpp).
inline double dot_rows(const double* x, const double* y, std::size_t len) { return dot_block(x, y, 0, len); }

//! [block_round_robin]
// Columns are grouped into an even number B of blocks of about
// `block_cols` columns (the partition depends on n only, never on the
// thread count, so the result is bitwise the same for any team size).
// A sweep is
//   phase 0: every block rotates its own column pairs      (blocks in parallel)
//   rounds 1..B-1: the round-robin tournament on blocks; in each round the
//            B/2 block pairs (I, J) are disjoint, and each rotates all
//            column pairs p in I, q in J                  (block pairs in parallel)
// so every column pair is rotated once per sweep, with B barriers per sweep
// instead of the n - 1 of a column-level tournament.
constexpr std::size_t block_cols = 16;

struct BlockPlan {
    std::vector<std::size_t> start;                           // B + 1 boundaries
    std::vector<std::pair<std::size_t, std::size_t>> rounds;  // (B - 1) * B/2 block pairs
    std::size_t blocks = 0;
};

BlockPlan block_plan(std::size_t n) {
    BlockPlan plan;
    plan.blocks = n == 0 ? 0 : 2 * ((n + 2 * block_cols - 1) / (2 * block_cols));
    if (plan.blocks == 0) return plan;
    plan.start.resize(plan.blocks + 1);
    for (std::size_t b = 0; b <= plan.blocks; ++b) plan.start[b] = b * n / plan.blocks;
    plan.rounds = round_robin(plan.blocks);
    return plan;
}
//! [block_round_robin]

//! [parallel_one_sided_jacobi]
// One-sided Jacobi on the k rows of Wt (each a column of the matrix, length
// m), accumulating the rotations in the rows of Vt (length nv). On return
// the rows of Wt are mutually orthogonal to the tolerance m u.
// The squared norms are recomputed at the start of every sweep and updated
// in between without a pass over the data: a rotation that zeroes gamma
// moves t*gamma from one norm to the other (alpha' = alpha - t gamma,
// beta' = beta + t gamma), so each pair costs one inner product, not three.
}  // namespace

void one_sided_jacobi(Matrix& Wt, Matrix& Vt) {
    const std::size_t k = Wt.shape(0), m = Wt.shape(1), nv = Vt.shape(1);
    const double tol = static_cast<double>(std::max<std::size_t>(m, 1)) * u;
    const BlockPlan plan = block_plan(k);
    const std::size_t B = plan.blocks, per_round = B / 2;
    double* w = Wt.data();
    double* v = Vt.data();
    std::vector<double> sq(k);  // ||w_j||^2
    // rotate the pair (p, q) if it is not yet orthogonal; 1 if rotated
    auto rotate_pair = [&](std::size_t p, std::size_t q) -> long long {
        const double alpha = sq[p], beta = sq[q];
        const double gamma = dot_rows(w + p * m, w + q * m, m);
        if (!(std::fabs(gamma) > tol * std::sqrt(alpha) * std::sqrt(beta))) return 0;
        const Rotation rot = jacobi_rotation(alpha, beta, gamma);
        rotate_rows(w + p * m, w + q * m, rot, m);
        rotate_rows(v + p * nv, v + q * nv, rot, nv);
        const double tg = rot.s / rot.c * gamma;
        sq[p] = alpha - tg;
        sq[q] = beta + tg;
        // the update cancels when a column nearly vanishes: measure it instead
        if (sq[p] < 0.01 * alpha) sq[p] = dot_rows(w + p * m, w + p * m, m);
        if (sq[q] < 0.01 * beta) sq[q] = dot_rows(w + q * m, w + q * m, m);
        return 1;
    };
    long long rotations = 0;

#pragma omp parallel if (k >= jacobi_parallel_n) num_threads(dlmath::fast::team_size())
    for (int sweep = 0; sweep < max_sweeps; ++sweep) {
#pragma omp single
        rotations = 0;
#pragma omp for schedule(static)
        for (long long j = 0; j < static_cast<long long>(k); ++j) {
            const std::size_t uj = static_cast<std::size_t>(j);
            sq[uj] = dot_rows(w + uj * m, w + uj * m, m);
        }
        // phase 0: pairs inside each block
#pragma omp for schedule(static) reduction(+ : rotations)
        for (long long b = 0; b < static_cast<long long>(B); ++b) {
            const std::size_t lo = plan.start[static_cast<std::size_t>(b)], hi = plan.start[static_cast<std::size_t>(b) + 1];
            for (std::size_t p = lo; p < hi; ++p)
                for (std::size_t q = p + 1; q < hi; ++q) rotations += rotate_pair(p, q);
        }
        // rounds: pairs across the two blocks of each disjoint block pair
        for (std::size_t r = 0; r + 1 < B; ++r) {
#pragma omp for schedule(static) reduction(+ : rotations)
            for (long long i = 0; i < static_cast<long long>(per_round); ++i) {
                const auto [I, J] = plan.rounds[r * per_round + static_cast<std::size_t>(i)];
                for (std::size_t p = plan.start[I]; p < plan.start[I + 1]; ++p)
                    for (std::size_t q = plan.start[J]; q < plan.start[J + 1]; ++q) rotations += rotate_pair(p, q);
            }
        }
        const bool done = rotations == 0;  // read after the last implicit barrier
#pragma omp barrier
        if (done) break;
    }
}

//! [parallel_one_sided_jacobi]

}  // namespace dlmath::fast::detail
