// The blocked GEMM behind matmul, bmm, gram and einsum — fast twin.
//
// Rules of this file: OpenMP (schedule(static)) and xsimd with a portable
// width W = xsimd::batch<double>::size chosen at compile time (2 for SSE2
// and NEON, 4 for AVX2, 8 for AVX-512; see kernels/simd.hpp); no intrinsics
// of one architecture.
// Bound attacked: compute. A product of n×n matrices does 2n³ flops on 24n²
// bytes, so the arithmetic intensity n/12 flop/byte is large enough to run
// at the FMA peak — if every value loaded from memory is reused from
// registers and caches many times. Each stage below arranges one such reuse.
//
// The ladder (one idea per step, as in the "how to optimise GEMM"
// tutorial). Every step is runnable code in gemm_ladder.cpp and a benchmark
// case matmul/step<k>/<n>; `./course bench` measures them on your machine
// (the report prints them as a ladder, each step's speed-up over the one
// before). Step 0 is the reference twin, the case matmul/reference/<n>.
//
//   step 0  i-j-p loops: C(i,j) walks down a column of B.
//           Starved by memory latency: a new cache line per multiply-add.
//   step 1  i-p-j loops + xsimd: row i of C += A(i,p) · row p of B, an
//           axpy along unit-stride rows, W doubles per FMA.
//           Attacks latency (unit stride streams) and scalar issue. Left:
//           C's row is loaded and stored for every p, 3 memory operations
//           per FMA.
//   step 2  a 6 × 2W tile of C in 12 registers while p runs: per p, 2 loads
//           of B and 6 broadcasts of A feed 12 FMAs, A and B read in place.
//           Attacks the loads per FMA. Left: A read with stride k, and the
//           strip of B it streams does not stay in L1.
//   step 3  + cache blocking (kc × nc panels of B for L3, mc × kc blocks of
//           A for L2) and packing into micro-panels read with unit stride;
//           this file, on one thread.
//           Attacks cache misses: about one core's FMA peak.
//   step 4  + OpenMP: tasks over A blocks × B micro-panels; this file, on
//           the team. Attacks the single core: the flops are shared.
//
// dlmath::fast::matmul is step 4 above gemm_parallel_threshold and step 3
// below it (config.hpp). Step 2 gains little on its own; register blocking
// pays once step 3 puts the data it reuses into L1 and L2. Step 4 gains
// only on free cores: on a machine busy with other work the team shrinks to
// the cores that are free (dlmath/fast/threads.hpp), as threads that spin
// at a barrier steal the time slices of the threads they are waiting for.

// Stage by stage, the final kernel:
//
//   for jc in steps of NC:                    B panel  (kc × nc) → L3
//     for pc in steps of KC:
//       pack B[pc:pc+kc, jc:jc+nc] into NR-wide micro-panels      (Bp)
//       for ic in steps of MC:                A block  (mc × kc) → L2
//         pack A[ic:ic+mc, pc:pc+kc] into MR-tall micro-panels    (Ap)
//         for jr in steps of NR:              B micro-panel (kc × NR) → L1
//           for ir in steps of MR:
//             micro-kernel: C[ir:ir+MR, jr:jr+NR] += Ap_ir · Bp_jr
//
// Threads: the team packs each B panel together, then shares out tasks —
// an A block (each thread packs its own) against a range of B micro-panels,
// at least two tasks per thread — with two barriers per B panel.
//
//        jr →                    The micro-kernel keeps the MR × NR tile of
//      ┌────┬────┬────┐          C in 2·MR SIMD registers and, for each p,
//   ir │ C  │    │    │          loads one row of Bp (2 registers) and
//   ↓  ├────┼────┼────┤          broadcasts MR values of Ap: 2·MR FMAs per
//      │    │    │    │          MR + NR loads.
//      └────┴────┴────┘
//
// Edges: micro-panels are padded with zeros to MR rows / NR columns, and a
// tile that sticks out of C is computed in a small buffer and only its
// valid part is added. Reproducibility: every entry of C is the sum, in
// order, of its kc-long chunks, each accumulated in p order by FMAs; this
// order depends on k alone, not on the thread count or on which thread
// computed the tile. What it does not do: no prefetch instructions, no
// hand-written assembly, no tuning of the block sizes per machine.

#include "gemm.hpp"

#include <algorithm>
#include <cstddef>

#include <omp.h>
#include <xsimd/xsimd.hpp>

#include "dlmath/fast/config.hpp"
#include "dlmath/fast/threads.hpp"
#include "../simd.hpp"

namespace dlmath::fast::detail {
namespace {

// batch and W (doubles per SIMD register) come from kernels/simd.hpp
constexpr std::size_t MR = 6;           // rows of the register block
constexpr std::size_t NR = 2 * W;       // columns of the register block: two registers
constexpr std::size_t KC = 256;         // depth of a packed panel: a B micro-panel is KC·NR·8 bytes (L1)
constexpr std::size_t MC = 144;         // rows of a packed A block: MC·KC·8 = 288 KiB (L2)
constexpr std::size_t NC = 4080;        // columns of a packed B panel: KC·NC·8 ≈ 8 MiB (L3)
static_assert(MC % MR == 0 && NC % NR == 0);

// An uninitialised, SIMD-aligned array of doubles (packing fills it).
class Buffer {
public:
    explicit Buffer(std::size_t n)
        : data_(static_cast<double*>(xsimd::aligned_malloc(n * sizeof(double), 64))) {}
    ~Buffer() { xsimd::aligned_free(data_); }
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;
    double* data() { return data_; }

private:
    double* data_;
};

constexpr std::size_t round_up(std::size_t x, std::size_t r) { return (x + r - 1) / r * r; }

//! [gemm_pack]
// Packs rows [i0, i0+mr) × columns [p0, p0+kc) of A into one micro-panel:
// dst[p·MR + r] = A(i0 + r, p0 + p), rows r ≥ mr padded with zeros. The
// micro-kernel then reads A with unit stride, whatever A's layout.
void pack_a(std::size_t mr, std::size_t kc, View A, std::size_t i0, std::size_t p0, double* dst) {
    for (std::size_t p = 0; p < kc; ++p) {
        const double* col = A.data + (p0 + p) * A.cs + i0 * A.rs;
        for (std::size_t r = 0; r < MR; ++r) dst[p * MR + r] = r < mr ? col[r * A.rs] : 0.0;
    }
}

// Packs rows [p0, p0+kc) × columns [j0, j0+nr) of B into one micro-panel:
// dst[p·NR + c] = B(p0 + p, j0 + c), columns c ≥ nr padded with zeros.
void pack_b(std::size_t nr, std::size_t kc, View B, std::size_t p0, std::size_t j0, double* dst) {
    for (std::size_t p = 0; p < kc; ++p) {
        const double* row = B.data + (p0 + p) * B.rs + j0 * B.cs;
        for (std::size_t c = 0; c < NR; ++c) dst[p * NR + c] = c < nr ? row[c * B.cs] : 0.0;
    }
}
//! [gemm_pack]

//! [gemm_micro_kernel]
// C[0:MR, 0:NR] += a · b for one A micro-panel a (kc × MR) and one B
// micro-panel b (kc × NR). The tile of C lives in 12 registers named after
// the rows they hold (c_i_lo: columns 0..W-1 of row i, c_i_hi: W..2W-1).
void micro_kernel(std::size_t kc, const double* a, const double* b, double* c, std::size_t ldc) {
    batch c_0_lo(0.0), c_0_hi(0.0), c_1_lo(0.0), c_1_hi(0.0), c_2_lo(0.0), c_2_hi(0.0);
    batch c_3_lo(0.0), c_3_hi(0.0), c_4_lo(0.0), c_4_hi(0.0), c_5_lo(0.0), c_5_hi(0.0);
    for (std::size_t p = 0; p < kc; ++p, a += MR, b += NR) {
        const batch b_lo = xsimd::load_aligned(b), b_hi = xsimd::load_aligned(b + W);  // row p of b
        batch a_i(a[0]);  // broadcast A(i, p) to every lane
        c_0_lo = detail::fma(a_i, b_lo, c_0_lo); c_0_hi = detail::fma(a_i, b_hi, c_0_hi);
        a_i = batch(a[1]);
        c_1_lo = detail::fma(a_i, b_lo, c_1_lo); c_1_hi = detail::fma(a_i, b_hi, c_1_hi);
        a_i = batch(a[2]);
        c_2_lo = detail::fma(a_i, b_lo, c_2_lo); c_2_hi = detail::fma(a_i, b_hi, c_2_hi);
        a_i = batch(a[3]);
        c_3_lo = detail::fma(a_i, b_lo, c_3_lo); c_3_hi = detail::fma(a_i, b_hi, c_3_hi);
        a_i = batch(a[4]);
        c_4_lo = detail::fma(a_i, b_lo, c_4_lo); c_4_hi = detail::fma(a_i, b_hi, c_4_hi);
        a_i = batch(a[5]);
        c_5_lo = detail::fma(a_i, b_lo, c_5_lo); c_5_hi = detail::fma(a_i, b_hi, c_5_hi);
    }
    // C += the tile, one row (two registers) at a time
    auto update = [c, ldc](std::size_t i, batch lo, batch hi) {
        double* row = c + i * ldc;
        (xsimd::load_unaligned(row) + lo).store_unaligned(row);
        (xsimd::load_unaligned(row + W) + hi).store_unaligned(row + W);
    };
    update(0, c_0_lo, c_0_hi); update(1, c_1_lo, c_1_hi); update(2, c_2_lo, c_2_hi);
    update(3, c_3_lo, c_3_hi); update(4, c_4_lo, c_4_hi); update(5, c_5_lo, c_5_hi);
}
//! [gemm_micro_kernel]

// A tile that sticks out of C (mr < MR or nr < NR): the micro-kernel writes
// into a zeroed MR × NR buffer, and only the valid mr × nr part is added to
// C — the same single addition per entry as for a full tile.
void edge_kernel(std::size_t mr, std::size_t nr, std::size_t kc, const double* a, const double* b, double* c,
                 std::size_t ldc) {
    alignas(64) double tile[MR * NR] = {};
    micro_kernel(kc, a, b, tile, NR);
    for (std::size_t i = 0; i < mr; ++i)
        for (std::size_t j = 0; j < nr; ++j) c[i * ldc + j] += tile[i * NR + j];
}

//! [gemm_loops]
// The loops of one GEMM, run by every thread of the team that calls it.
void gemm_loops(std::size_t m, std::size_t n, std::size_t k, View A, View B, double* C, std::size_t ldc, bool lower,
                double* Bp) {
    const std::size_t blocks_m = (m + MC - 1) / MC;  // mc x kc blocks of A
    Buffer Ap(std::min(MC, round_up(m, MR)) * std::min(KC, k));  // each thread packs its own A blocks
    // Tasks: each (A block, range of B micro-panels) pair. At least two per
    // thread, so that a small m still keeps every thread busy.
    const auto team = static_cast<std::size_t>(omp_get_num_threads());
    const std::size_t chunks_n = std::max<std::size_t>(1, (2 * team + blocks_m - 1) / blocks_m);

    for (std::size_t jc = 0; jc < n; jc += NC) {
        const std::size_t nc = std::min(NC, n - jc);
        const std::size_t panels_b = (nc + NR - 1) / NR;
        for (std::size_t pc = 0; pc < k; pc += KC) {
            const std::size_t kc = std::min(KC, k - pc);

            // pack B[pc:pc+kc, jc:jc+nc], one NR-wide micro-panel per iteration
#pragma omp for schedule(static)
            for (std::size_t s = 0; s < panels_b; ++s)
                pack_b(std::min(NR, nc - s * NR), kc, B, pc, jc + s * NR, Bp + s * NR * kc);
            // (implicit barrier: the panel is complete before anyone reads it)

#pragma omp for schedule(static, 1)
            for (std::size_t task = 0; task < blocks_m * chunks_n; ++task) {
                const std::size_t ic = (task / chunks_n) * MC, mc = std::min(MC, m - ic);
                const std::size_t jr_begin = panels_b * (task % chunks_n) / chunks_n;
                const std::size_t jr_end = panels_b * (task % chunks_n + 1) / chunks_n;
                if (jr_begin == jr_end) continue;
                if (lower && ic + mc <= jc + jr_begin * NR) continue;  // wholly above the diagonal
                const std::size_t panels_a = (mc + MR - 1) / MR;

                // pack A[ic:ic+mc, pc:pc+kc], one MR-tall micro-panel at a time
                for (std::size_t s = 0; s < panels_a; ++s)
                    pack_a(std::min(MR, mc - s * MR), kc, A, ic + s * MR, pc, Ap.data() + s * MR * kc);

                // the macro-kernel: micro-panels of B (L1) against the A block (L2)
                for (std::size_t jr = jr_begin; jr < jr_end; ++jr) {
                    const std::size_t j0 = jc + jr * NR, nr = std::min(NR, n - j0);
                    for (std::size_t ir = 0; ir < panels_a; ++ir) {
                        const std::size_t i0 = ic + ir * MR, mr = std::min(MR, m - i0);
                        if (lower && i0 + mr <= j0) continue;  // tile wholly above the diagonal
                        const double* a = Ap.data() + ir * MR * kc;
                        const double* b = Bp + jr * NR * kc;
                        double* c = C + i0 * ldc + j0;
                        if (mr == MR && nr == NR) micro_kernel(kc, a, b, c, ldc);
                        else edge_kernel(mr, nr, kc, a, b, c, ldc);
                    }
                }
            }
            // (implicit barrier: nobody repacks B while it is being read)
        }
    }
}
//! [gemm_loops]

}  // namespace

void gemm(std::size_t m, std::size_t n, std::size_t k, View A, View B, double* C, std::size_t ldc, Part part,
          bool threads) {
    if (m == 0 || n == 0 || k == 0) return;  // C += empty sums
    const bool lower = part == Part::lower;
    Buffer Bp(std::min(NC, round_up(n, NR)) * std::min(KC, k));  // the packed B panel, shared by the team
    // Always a parallel region, of one thread when `threads` is false: the
    // `omp for` loops inside must bind to this GEMM's own team, never to an
    // enclosing one (batched_gemm calls it from inside a parallel loop).
#pragma omp parallel if (threads) num_threads(dlmath::fast::team_size())
    gemm_loops(m, n, k, A, B, C, ldc, lower, Bp.data());
}

void batched_gemm(std::size_t nb, std::size_t m, std::size_t n, std::size_t k, View A, std::size_t batch_a,
                  View B, std::size_t batch_b, double* C) {
    auto one = [&](std::size_t t, bool threads) {
        gemm(m, n, k, View{A.data + t * batch_a, A.rs, A.cs}, View{B.data + t * batch_b, B.rs, B.cs},
             C + t * m * n, n, Part::full, threads);
    };
    const std::size_t work = m * n * k;
    const auto team = static_cast<std::size_t>(dlmath::fast::team_size());
    if (work >= gemm_parallel_threshold && nb < 2 * team) {
        // few large products: one after the other, threads inside each
        for (std::size_t t = 0; t < nb; ++t) one(t, true);
        return;
    }
    // many products, or small ones: one product per thread at a time — one
    // fork for the whole batch and no barrier inside, so it pays from
    // batch_threshold, a sixteenth of the threshold of a threaded GEMM
#pragma omp parallel for schedule(static) if (nb * work >= batch_threshold) num_threads(dlmath::fast::team_size())
    for (std::size_t t = 0; t < nb; ++t) one(t, false);
}

}  // namespace dlmath::fast::detail
