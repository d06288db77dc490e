// The blocked GEMM behind matmul, bmm, gram and einsum — fast twin.
//
// Rules of this file: OpenMP and xsimd with a portable width
// W = xsimd::batch<double>::size chosen at compile time (2 for SSE2 and
// NEON, 4 for AVX2, 8 for AVX-512; see kernels/simd.hpp); no intrinsics of
// one architecture.
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
//           the loops of this file with step 2's tile and fixed blocks
//           (kc = 256, mc = 144, nc = 4080), on one thread.
//           Attacks cache misses. Left: fixed blocks fit some caches and
//           not others.
//   step 4  + the tile from the SIMD width (gemm.hpp, tile_for_width) and
//           the blocks from the cache sizes the machine reports
//           (blocking_for below); this file, on one thread. Makes the
//           blocks fit the machine it runs on.
//   step 5  + OpenMP: tasks over A blocks × B micro-panels; this file, on
//           the team. Attacks the single core: the flops are shared.
//
// dlmath::fast::matmul is step 5 above gemm_parallel_threshold and step 4
// below it (config.hpp). Step 2 gains little on its own; register blocking
// pays once step 3 puts the data it reuses into L1 and L2. Step 5 gains
// only on free cores: on a machine busy with other work the team shrinks to
// the cores that are free (dlmath/fast/threads.hpp), as threads that spin
// at a barrier steal the time slices of the threads they are waiting for.
//
// Measured on a 2-core AVX-512 machine (48 KiB 12-way L1d, 1 MiB L2), in
// CPU time per product on one thread (which a machine shared with other
// builds disturbs less than wall time; 3 repetitions, spread 3–5 %), step 4
// against step 3 at n = 1024 and 2048: with the 12 × 2W tile (its derived
// kc = 168, mc = 384, and kc up to 336) 1.04–1.19× the time at 1024 and
// 1.01–1.04× at 2048 over several runs; 8 × 3W and 6 × 4W 1.07–1.49× at
// 1024 and 0.92–1.13× at 2048; 6 × 2W with its derived kc = 256,
// mc = 252, 0.93–1.03× and 0.92–0.94×. So AVX-512 keeps 6 × 2W (gemm.hpp
// says why 12 accumulators suffice). The chapter text has the ladder of
// one filtered run.
//
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
// The register tile MR × NR = rows × (vectors · W) is a compile-time
// choice (gemm.hpp, tile_for_width) and a template parameter of the
// micro-kernel: 6 × 2W wherever there are SIMD registers (15 of 16 on AVX2
// and SSE2, of 32 on AVX-512 and NEON, where larger tiles were measured
// and lost), 4 × 2 in scalar code. KC, MC and NC come from the cache sizes
// at run time (blocking_for: the BLIS analytical model), and MC and NC are
// then evened out over the matrix (balanced_block), so that 1024 rows in
// blocks of at most 252 make four of 210 and one of 184 rather than four
// of 252 and one of 16.
//
// Threads: the team packs each B panel together, then shares out tasks —
// an A block against a range of B micro-panels, at least two tasks per
// thread and a multiple of the team — with two barriers per B panel. A
// full product gives each thread a contiguous run of tasks, so it packs
// each of its A blocks once; a Gram matrix (only the lower triangle) has
// unequal tasks and hands out eight per thread, one at a time, to whichever
// thread is free.
//
//        jr →                    The micro-kernel keeps the MR × NR tile of
//      ┌────┬────┬────┐          C in MR·NR/W SIMD registers and, for each
//   ir │ C  │    │    │          p, loads one row of Bp (NR/W registers)
//   ↓  ├────┼────┼────┤          and broadcasts MR values of Ap: MR·NR/W
//      │    │    │    │          FMAs per MR + NR/W loads.
//      └────┴────┴────┘
//
// Edges: micro-panels are padded with zeros to MR rows / NR columns, and a
// tile that sticks out of C is computed in a small buffer and only its
// valid part is added. Reproducibility: every entry of C is the sum, in
// order, of its kc-long chunks, each accumulated in p order by FMAs; this
// order depends on k and on kc alone, not on the thread count, on how rows
// and columns are cut into blocks or on which thread computed the tile (kc
// depends on the machine's L1, so two machines may differ in the last
// bits, as they do for a different W). What it does not do: no hand-written
// assembly, and no prefetch instructions — prefetching the tile of C before
// the micro-kernel (__builtin_prefetch) made no difference that a noisy
// 2-core machine could measure, so it was left out.

#include "gemm.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <string>
#include <type_traits>
#include <utility>

#include <omp.h>
#include <xsimd/xsimd.hpp>

#include "dlmath/fast/config.hpp"
#include "dlmath/fast/threads.hpp"
#include "../simd.hpp"

namespace dlmath::fast::detail {

// ---------------------------------------------------------------- block sizes

namespace {

constexpr std::size_t round_up(std::size_t x, std::size_t r) { return (x + r - 1) / r * r; }
constexpr std::size_t round_down(std::size_t x, std::size_t r) { return x / r * r; }

// One property of a data cache level from sysconf, else from sysfs
// (size "48K", "1024K", "32M"; ways_of_associativity "12"); 0 if unknown.
std::size_t cache_property(int sysconf_name, int level, const char* file) {
    const long value = sysconf(sysconf_name);
    if (value > 0) return static_cast<std::size_t>(value);
    for (int index = 0; index < 8; ++index) {
        const std::string dir = "/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(index) + "/";
        std::ifstream level_file(dir + "level"), type_file(dir + "type"), property_file(dir + file);
        int l = 0;
        std::string type, text;
        if (!(level_file >> l) || !(type_file >> type) || !(property_file >> text)) continue;
        if (l != level || type == "Instruction") continue;
        std::size_t result = 0, i = 0;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) result = 10 * result + (text[i] - '0');
        if (i < text.size() && text[i] == 'K') result <<= 10;
        if (i < text.size() && text[i] == 'M') result <<= 20;
        return result;
    }
    return 0;
}

}  // namespace

// The BLIS analytical model (Low, Igual, Smith and Quintana-Ortí,
// "Analytical modeling is enough for high-performance BLIS", ACM TOMS 43,
// 2016): each operand is kept in the cache level where it is reused.
//   kc: the B micro-panel (kc × nr) is reused by every A micro-panel of the
//       block, which stream past it (kc × mr each). In a w-way L1 of ways of
//       L1/w bytes, one way is left to C and to what streams, the A
//       micro-panels get a share of the other w - 1 ways in proportion to
//       their width, c_a = floor((w - 1) / (1 + nr/mr)) ways, and the
//       B micro-panel the rest; kc is the depth at which an A micro-panel
//       fills its c_a ways: kc · mr · 8 = c_a · L1/w. Both micro-panels then
//       fit in L1 with a way to spare, and an A micro-panel never evicts
//       the B micro-panel (on a 32 KiB 8-way L1 with the 6 × 8 tile of AVX2
//       this gives the kc = 256 of BLIS's Haswell kernel).
//   mc: the packed A block (mc × kc, reused by every B micro-panel) takes
//       half of L2, the other half left to the B micro-panels and C that
//       stream through: mc · kc · 8 ≤ L2 / 2.
//   nc: the packed B panel (kc × nc, reused by every A block) takes half of
//       L3: nc · kc · 8 ≤ L3 / 2.
// Rounding: kc down to a multiple of 8 (whole cache lines of both
// micro-panels), mc to a multiple of mr and nc of nr (whole micro-panels).
// Bounds: a cache too small for the rule still gets one tile (kc ≥ 8,
// mc ≥ mr, nc ≥ nr), and a huge one — or a virtual machine reporting the
// whole host's L3 — stops at kc ≤ 1024, mc ≤ 4096 and nc ≤ 8192, past which
// larger blocks only cost buffer memory (the loads per FMA no longer fall).
//! [gemm_blocking]
Blocking blocking_for(CacheSizes caches, std::size_t mr, std::size_t nr) {
    const std::size_t l1 = caches.l1 ? caches.l1 : default_caches.l1;
    const std::size_t ways = caches.l1_ways >= 2 ? caches.l1_ways : default_caches.l1_ways;
    const std::size_t l2 = caches.l2 ? caches.l2 : default_caches.l2;
    const std::size_t l3 = caches.l3 ? caches.l3 : default_caches.l3;
    const std::size_t d = sizeof(double);
    const std::size_t ways_a = std::max<std::size_t>(1, (ways - 1) * mr / (mr + nr));  // floor((w-1)/(1+nr/mr))
    const std::size_t kc = std::clamp<std::size_t>(round_down(ways_a * (l1 / ways) / (mr * d), 8), 8, 1024);
    const std::size_t mc = std::clamp(round_down(l2 / 2 / (kc * d), mr), mr, round_down(4096, mr));
    const std::size_t nc = std::clamp(round_down(l3 / 2 / (kc * d), nr), nr, round_down(8192, nr));
    return {kc, mc, nc};
}
//! [gemm_blocking]

CacheSizes machine_caches() {
    return {cache_property(_SC_LEVEL1_DCACHE_SIZE, 1, "size"), cache_property(_SC_LEVEL1_DCACHE_ASSOC, 1, "ways_of_associativity"),
            cache_property(_SC_LEVEL2_CACHE_SIZE, 2, "size"), cache_property(_SC_LEVEL3_CACHE_SIZE, 3, "size")};
}

namespace {
constexpr Tile tile = tile_for_width(W);
}  // namespace

Tile gemm_tile() { return tile; }

const Blocking& gemm_blocking() {
    static const Blocking blocking = blocking_for(machine_caches(), tile.rows, tile.cols());
    return blocking;
}

// ---------------------------------------------------------------- the kernel

namespace {

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

// f(0), f(1), …, f(N-1), each index a compile-time constant: the loops over
// the register tile unroll by construction, so every accumulator is a
// register of its own.
template <std::size_t N, class F>
inline void unrolled(F&& f) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (f(std::integral_constant<std::size_t, I>{}), ...);
    }(std::make_index_sequence<N>{});
}

//! [gemm_pack]
// Packs rows [i0, i0+mr) × columns [p0, p0+kc) of A into one micro-panel:
// dst[p·MR + r] = A(i0 + r, p0 + p), rows r ≥ mr padded with zeros. The
// micro-kernel then reads A with unit stride, whatever A's layout.
template <std::size_t MR>
void pack_a(std::size_t mr, std::size_t kc, View A, std::size_t i0, std::size_t p0, double* dst) {
    for (std::size_t p = 0; p < kc; ++p) {
        const double* col = A.data + (p0 + p) * A.cs + i0 * A.rs;
        for (std::size_t r = 0; r < MR; ++r) dst[p * MR + r] = r < mr ? col[r * A.rs] : 0.0;
    }
}

// Packs rows [p0, p0+kc) × columns [j0, j0+nr) of B into one micro-panel:
// dst[p·NR + c] = B(p0 + p, j0 + c), columns c ≥ nr padded with zeros.
template <std::size_t NR>
void pack_b(std::size_t nr, std::size_t kc, View B, std::size_t p0, std::size_t j0, double* dst) {
    for (std::size_t p = 0; p < kc; ++p) {
        const double* row = B.data + (p0 + p) * B.rs + j0 * B.cs;
        for (std::size_t c = 0; c < NR; ++c) dst[p * NR + c] = c < nr ? row[c * B.cs] : 0.0;
    }
}
//! [gemm_pack]

//! [gemm_micro_kernel]
// C[0:MR, 0:NR] += a · b for one A micro-panel a (kc × MR, rows LDA
// apart; LDA > MR reads the first MR rows of a taller micro-panel) and one
// B micro-panel b (kc × NR), NR = NV·W. The tile of C lives in MR·NV
// registers, acc[i][v] holding columns vW..vW+W-1 of row i; for each p,
// NV loads of B and MR broadcasts of A feed MR·NV FMAs.
template <std::size_t MR, std::size_t NV, std::size_t LDA = MR>
void micro_kernel(std::size_t kc, const double* a, const double* b, double* c, std::size_t ldc) {
    constexpr std::size_t NR = NV * W;
    batch acc[MR][NV];
    unrolled<MR>([&](auto i) { unrolled<NV>([&](auto v) { acc[i][v] = batch(0.0); }); });
    for (std::size_t p = 0; p < kc; ++p, a += LDA, b += NR) {
        batch b_p[NV];  // row p of b
        unrolled<NV>([&](auto v) { b_p[v] = xsimd::load_aligned(b + v * W); });
        unrolled<MR>([&](auto i) {
            const batch a_ip(a[i]);  // A(i, p) broadcast to every lane
            unrolled<NV>([&](auto v) { acc[i][v] = detail::fma(a_ip, b_p[v], acc[i][v]); });
        });
    }
    // C += the tile, one register at a time
    unrolled<MR>([&](auto i) {
        unrolled<NV>([&](auto v) {
            double* c_iv = c + i * ldc + v * W;
            (xsimd::load_unaligned(c_iv) + acc[i][v]).store_unaligned(c_iv);
        });
    });
}
//! [gemm_micro_kernel]

// A tile that sticks out of C (mr < MR or nr < NR): the micro-kernel writes
// into a zeroed MR × NR buffer, and only the valid mr × nr part is added to
// C — the same single addition per entry as for a full tile. When the rows
// left fit half a tile (1 to 3 rows of a 6-row tile), a half-height
// micro-kernel computes them, so that they pay for half a tile of FMAs, not
// a whole one; every entry is still the same chain of FMAs, so the bits do
// not change.
template <std::size_t MR, std::size_t NV>
void edge_kernel(std::size_t mr, std::size_t nr, std::size_t kc, const double* a, const double* b, double* c,
                 std::size_t ldc) {
    constexpr std::size_t NR = NV * W;
    alignas(64) double tile[MR * NR] = {};
    if constexpr (MR % 2 == 0) {
        if (mr <= MR / 2) micro_kernel<MR / 2, NV, MR>(kc, a, b, tile, NR);
        else micro_kernel<MR, NV>(kc, a, b, tile, NR);
    } else {
        micro_kernel<MR, NV>(kc, a, b, tile, NR);
    }
    for (std::size_t i = 0; i < mr; ++i)
        for (std::size_t j = 0; j < nr; ++j) c[i * ldc + j] += tile[i * NR + j];
}

// Splits [0, n) into the fewest blocks of at most `most` that are all about
// the same size (a multiple of `unit`, the last one shorter): 1024 rows in
// blocks of at most 624 become two of 512, not 624 and 400.
std::size_t balanced_block(std::size_t n, std::size_t most, std::size_t unit) {
    const std::size_t blocks = (n + most - 1) / most;
    return std::min(most, round_up((n + blocks - 1) / blocks, unit));
}

//! [gemm_loops]
// The loops of one GEMM, run by every thread of the team that calls it.
// Only the kc-steps fix the order in which an entry of C is summed; how the
// rows and columns are cut into blocks, and which thread takes which, does
// not change any bit of C.
template <std::size_t MR, std::size_t NV>
void gemm_loops(std::size_t m, std::size_t n, std::size_t k, View A, View B, double* C, std::size_t ldc, bool lower,
                Blocking blocks, double* Bp) {
    constexpr std::size_t NR = NV * W;
    const std::size_t KC = blocks.kc;
    const std::size_t MC = balanced_block(m, blocks.mc, MR), NC = balanced_block(n, blocks.nc, NR);
    const std::size_t blocks_m = (m + MC - 1) / MC;  // mc x kc blocks of A
    Buffer Ap(MC * std::min(KC, k));                 // each thread packs its own A blocks
    // Tasks: each (A block, range of B micro-panels) pair, at least two per
    // thread so that a small m still keeps every thread busy. A full
    // product shares them out in contiguous runs, so that a thread's tasks
    // mostly use one A block, packed once; the triangle of a Gram matrix
    // makes tasks unequal, so there each thread takes the next free one of
    // many smaller tasks.
    const auto team = static_cast<std::size_t>(omp_get_num_threads());
    // The number of tasks is a multiple of the team, so that equal tasks
    // give equal shares: 5 blocks of A on 2 threads are cut into 10 tasks,
    // not 5 (3 blocks against 2).
    const std::size_t per_thread = lower ? 8 : 2;
    std::size_t chunks_n = std::max<std::size_t>(1, (per_thread * team + blocks_m - 1) / blocks_m);
    while (blocks_m * chunks_n % team != 0) ++chunks_n;  // ends by chunks_n = a multiple of team
    const std::size_t tasks = blocks_m * chunks_n;

    for (std::size_t jc = 0; jc < n; jc += NC) {
        const std::size_t nc = std::min(NC, n - jc);
        const std::size_t panels_b = (nc + NR - 1) / NR;
        for (std::size_t pc = 0; pc < k; pc += KC) {
            const std::size_t kc = std::min(KC, k - pc);

            // pack B[pc:pc+kc, jc:jc+nc], one NR-wide micro-panel per iteration
#pragma omp for schedule(static)
            for (std::size_t s = 0; s < panels_b; ++s)
                pack_b<NR>(std::min(NR, nc - s * NR), kc, B, pc, jc + s * NR, Bp + s * NR * kc);
            // (implicit barrier: the panel is complete before anyone reads it)

            std::size_t packed = blocks_m;  // the A block this thread's Ap holds (none yet)
            auto run_task = [&](std::size_t task) {
                const std::size_t block = task / chunks_n, ic = block * MC, mc = std::min(MC, m - ic);
                const std::size_t jr_begin = panels_b * (task % chunks_n) / chunks_n;
                const std::size_t jr_end = panels_b * (task % chunks_n + 1) / chunks_n;
                if (jr_begin == jr_end) return;
                if (lower && ic + mc <= jc + jr_begin * NR) return;  // wholly above the diagonal
                const std::size_t panels_a = (mc + MR - 1) / MR;

                // pack A[ic:ic+mc, pc:pc+kc], one MR-tall micro-panel at a time
                if (packed != block) {
                    for (std::size_t s = 0; s < panels_a; ++s)
                        pack_a<MR>(std::min(MR, mc - s * MR), kc, A, ic + s * MR, pc, Ap.data() + s * MR * kc);
                    packed = block;
                }

                // the macro-kernel: micro-panels of B (L1) against the A block (L2)
                for (std::size_t jr = jr_begin; jr < jr_end; ++jr) {
                    const std::size_t j0 = jc + jr * NR, nr = std::min(NR, n - j0);
                    for (std::size_t ir = 0; ir < panels_a; ++ir) {
                        const std::size_t i0 = ic + ir * MR, mr = std::min(MR, m - i0);
                        if (lower && i0 + mr <= j0) continue;  // tile wholly above the diagonal
                        const double* a = Ap.data() + ir * MR * kc;
                        const double* b = Bp + jr * NR * kc;
                        double* c = C + i0 * ldc + j0;
                        if (mr == MR && nr == NR) micro_kernel<MR, NV>(kc, a, b, c, ldc);
                        else edge_kernel<MR, NV>(mr, nr, kc, a, b, c, ldc);
                    }
                }
            };
            if (lower) {
#pragma omp for schedule(dynamic, 1)
                for (std::size_t task = 0; task < tasks; ++task) run_task(task);
            } else {
#pragma omp for schedule(static)
                for (std::size_t task = 0; task < tasks; ++task) run_task(task);
            }
            // (implicit barrier: nobody repacks B while it is being read)
        }
    }
}
//! [gemm_loops]

template <std::size_t MR, std::size_t NV>
void gemm_with(std::size_t m, std::size_t n, std::size_t k, View A, View B, double* C, std::size_t ldc, Part part,
               bool threads, Blocking blocks) {
    if (m == 0 || n == 0 || k == 0) return;  // C += empty sums
    const bool lower = part == Part::lower;
    const std::size_t nc = balanced_block(n, blocks.nc, NV * W);
    Buffer Bp(nc * std::min(blocks.kc, k));  // the packed B panel, shared by the team
    // Always a parallel region, of one thread when `threads` is false: the
    // `omp for` loops inside must bind to this GEMM's own team, never to an
    // enclosing one (batched_gemm calls it from inside a parallel loop).
#pragma omp parallel if (threads) num_threads(dlmath::fast::team_size())
    gemm_loops<MR, NV>(m, n, k, A, B, C, ldc, lower, blocks, Bp.data());
}

}  // namespace

void gemm(std::size_t m, std::size_t n, std::size_t k, View A, View B, double* C, std::size_t ldc, Part part,
          bool threads) {
    gemm_with<tile.rows, tile.vectors>(m, n, k, A, B, C, ldc, part, threads, gemm_blocking());
}

void gemm_fixed_blocks(std::size_t m, std::size_t n, std::size_t k, View A, View B, double* C, std::size_t ldc) {
    gemm_with<6, 2>(m, n, k, A, B, C, ldc, Part::full, /*threads=*/false, Blocking{256, 144, 4080});
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
    // batch_threshold, a sixteenth of the threshold of a threaded GEMM. Each
    // thread takes the next product when it is free (schedule(dynamic)), so
    // a thread that loses its core to another process delays only its own
    // product, not a fixed half of the batch; the bits do not depend on who
    // computes a product.
#pragma omp parallel for schedule(dynamic) if (nb * work >= batch_threshold) num_threads(dlmath::fast::team_size())
    for (std::size_t t = 0; t < nb; ++t) one(t, false);
}

}  // namespace dlmath::fast::detail
