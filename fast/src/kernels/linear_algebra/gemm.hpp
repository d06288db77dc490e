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

// The register tile of the micro-kernel: `rows` rows of C by `vectors` SIMD
// registers of W doubles each, so rows × vectors accumulators. Chosen at
// compile time from W (gemm.cpp says why each tile fits its registers).
struct Tile {
    std::size_t rows;
    std::size_t vectors;
    std::size_t width;  // W, doubles per register
    constexpr std::size_t cols() const { return vectors * width; }
};

// The tile for a SIMD width: AVX-512 (W = 8) has 32 vector registers,
// AVX2 (W = 4) and SSE2 (W = 2) 16, NEON (W = 2) 32, and the scalar
// fallback (W = 1) at least 16 floating-point registers on the machines it
// targets. A tile needs rows × vectors accumulators, `vectors` registers for
// a row of B and one for the broadcast of A, within the registers; and at
// least latency × FMAs per cycle independent accumulators (4 × 2 = 8 on
// current x86 cores) to keep the FMA units busy. 6 × 2W meets both with 12
// accumulators and 8 loads per 12 FMAs, within the two loads per cycle of
// those cores. AVX-512 would hold 12 × 2W (27 registers), 8 × 3W or
// 6 × 4W (28); measured on a 2-core AVX-512 machine each was slower than
// 6 × 2W (gemm.cpp), so AVX-512 keeps 6 × 2W and the spare registers.
constexpr Tile tile_for_width(std::size_t w) {
    if (w >= 2) return {6, 2, w};  // 12 + 2 + 1 = 15 registers: fits 16, and 32
    return {4, 2, w};              // 8 + 2 + 1 = 11 scalar registers
}

// The tile of this build: tile_for_width(W) for the W it was compiled for.
Tile gemm_tile();

// Cache sizes in bytes as the machine reports them; 0 where unknown.
struct CacheSizes {
    std::size_t l1 = 0;       // level-1 data cache of one core
    std::size_t l1_ways = 0;  // its associativity
    std::size_t l2 = 0;
    std::size_t l3 = 0;
};

// What is assumed where the machine does not say: a small current core
// (32 KiB 8-way L1d, 256 KiB L2, 8 MiB L3).
inline constexpr CacheSizes default_caches{32 * 1024, 8, 256 * 1024, 8 * 1024 * 1024};

// The cache blocks of the GEMM: kc deep, mc rows of A, nc columns of B.
struct Blocking {
    std::size_t kc;
    std::size_t mc;
    std::size_t nc;
    bool operator==(const Blocking&) const = default;
};

// The blocks for the given caches and an mr × nr register tile (the BLIS
// analytical model; gemm.cpp states the rules). A pure function of its
// arguments: the tests call it with made-up caches.
Blocking blocking_for(CacheSizes caches, std::size_t mr, std::size_t nr);

// The caches of this machine: sysconf, then /sys/devices/system/cpu/cpu0/cache;
// 0 for what neither reports.
CacheSizes machine_caches();

// blocking_for(machine_caches(), gemm_tile), computed once. kc fixes the
// summation order of every entry of C (chunks of kc, each in order), so the
// bits of a product depend on k and this kc, never on the thread count.
const Blocking& gemm_blocking();

// C += A·B, A ~ (m, k), B ~ (k, n), C ~ (m, n) row-major with leading
// dimension ldc. Uses the OpenMP team when `threads` is true. The summation
// order of every entry depends on k and gemm_blocking().kc only, so the
// result is bitwise the same for every thread count.
void gemm(std::size_t m, std::size_t n, std::size_t k, View A, View B, double* C, std::size_t ldc,
          Part part = Part::full, bool threads = true);

// The same product by the kernel of the ladder's step 3: a 6 × 2W tile,
// fixed blocks (kc = 256, mc = 144, nc = 4080), one thread.
void gemm_fixed_blocks(std::size_t m, std::size_t n, std::size_t k, View A, View B, double* C, std::size_t ldc);

// C_t += A_t·B_t for t < nb, where A_t starts at A.data + t * batch_a,
// B_t at B.data + t * batch_b, and C ~ (nb, m, n) is contiguous. Large
// products run one after the other with threads inside; small ones run one
// per thread. Either way every entry gets the same bits.
void batched_gemm(std::size_t nb, std::size_t m, std::size_t n, std::size_t k, View A, std::size_t batch_a,
                  View B, std::size_t batch_b, double* C);

}  // namespace dlmath::fast::detail
