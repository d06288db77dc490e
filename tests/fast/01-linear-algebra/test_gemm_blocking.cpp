// The blocking of the fast GEMM: the register tile chosen from the SIMD
// width, the cache blocks derived from the cache sizes (a pure function,
// tested here on made-up caches), and the summation order they fix — each
// entry of C is the sum, in order, of its kc-long chunks, each accumulated
// in p order by fused multiply-adds, whatever the thread count. Shapes are
// sized from the blocks this machine actually uses, so that every boundary
// (kc, mc, nc, the tile) is crossed wherever the tests run.

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include <xtensor/xmath.hpp>

#include "kernels/linear_algebra/gemm.hpp"
#include "prelude.hpp"

namespace {

namespace detail = dlmath::fast::detail;
using detail::Blocking;
using detail::CacheSizes;

constexpr std::size_t KiB = 1024, MiB = 1024 * KiB;

// Register tiles of every width the library builds for, and the larger
// AVX-512 tiles it was measured against.
const std::vector<detail::Tile> tiles = {detail::tile_for_width(1), detail::tile_for_width(2),
                                         detail::tile_for_width(4), detail::tile_for_width(8),
                                         {12, 2, 8},                {8, 3, 8}};

// Caches of real machines: a Haswell-like core, a 2-core AVX-512 machine,
// an Apple-like core with a 128 KiB L1 and 16 MiB L2.
const std::vector<CacheSizes> machines = {
    {32 * KiB, 8, 256 * KiB, 8 * MiB}, {48 * KiB, 12, 1 * MiB, 32 * MiB}, {128 * KiB, 8, 16 * MiB, 0}};

std::string name(const CacheSizes& c, const detail::Tile& t) {
    return "L1 " + std::to_string(c.l1) + " (" + std::to_string(c.l1_ways) + "-way), L2 " + std::to_string(c.l2) +
           ", L3 " + std::to_string(c.l3) + ", tile " + std::to_string(t.rows) + "x" + std::to_string(t.cols());
}

// ---------------------------------------------------------------- the tile

// Accumulators, one row of B and the broadcast of A fit the registers of
// the architecture of each width (see tile_for_width).
TEST(GemmTile, FitsTheRegistersOfItsWidth) {
    const std::vector<std::pair<std::size_t, std::size_t>> registers = {{1, 16}, {2, 16}, {4, 16}, {8, 32}};
    for (const auto& [w, regs] : registers) {
        const detail::Tile t = detail::tile_for_width(w);
        EXPECT_EQ(t.width, w);
        EXPECT_LE(t.rows * t.vectors + t.vectors + 1, regs) << "W = " << w;
        EXPECT_GE(t.rows * t.vectors, std::size_t{8}) << "W = " << w << ": too few accumulators to hide FMA latency";
    }
    const detail::Tile built = detail::gemm_tile();
    const detail::Tile expected = detail::tile_for_width(built.width);
    EXPECT_EQ(built.rows, expected.rows);
    EXPECT_EQ(built.vectors, expected.vectors);
}

// ---------------------------------------------------------------- the blocks

TEST(GemmBlocking, MultiplesOfTheTileWithinTheirCacheShares) {
    for (const CacheSizes& c : machines) {
        for (const detail::Tile& t : tiles) {
            const std::size_t mr = t.rows, nr = t.cols(), d = sizeof(double);
            const Blocking b = detail::blocking_for(c, mr, nr);
            const std::string what = name(c, t);
            EXPECT_EQ(b.kc % 8, 0u) << what;
            EXPECT_EQ(b.mc % mr, 0u) << what;
            EXPECT_EQ(b.nc % nr, 0u) << what;
            // an A and a B micro-panel fit in L1 with one way to spare
            EXPECT_LE(b.kc * (mr + nr) * d, c.l1 - c.l1 / c.l1_ways) << what;
            // the A micro-panel fills its share of the ways: kc is not needlessly shallow
            EXPECT_GT((b.kc + 8) * mr * d, c.l1 / c.l1_ways) << what;
            // the packed A block in half of L2, the packed B panel in half of L3
            EXPECT_LE(b.mc * b.kc * d, c.l2 / 2) << what;
            EXPECT_GT((b.mc + mr) * b.kc * d, c.l2 / 2) << what;
            const std::size_t l3 = c.l3 ? c.l3 : detail::default_caches.l3;
            EXPECT_LE(b.nc * b.kc * d, l3 / 2) << what;
        }
    }
}

// The Haswell-like core with the 6 × 8 tile of AVX2: the model gives the
// kc = 256 that BLIS's Haswell kernel uses (3 of the 7 free ways for A).
TEST(GemmBlocking, MatchesTheBlisModelOnAKnownCore) {
    const Blocking b = detail::blocking_for({32 * KiB, 8, 256 * KiB, 8 * MiB}, 6, 8);
    EXPECT_EQ(b, (Blocking{256, 60, 2048}));
}

TEST(GemmBlocking, UnknownCachesUseTheStatedDefaults) {
    for (const detail::Tile& t : tiles) {
        const Blocking defaults = detail::blocking_for(detail::default_caches, t.rows, t.cols());
        EXPECT_EQ(detail::blocking_for(CacheSizes{}, t.rows, t.cols()), defaults);
        // a reported associativity of 0 or 1 (fully associative, or unknown) is not trusted
        CacheSizes no_ways = detail::default_caches;
        no_ways.l1_ways = 1;
        EXPECT_EQ(detail::blocking_for(no_ways, t.rows, t.cols()), defaults);
    }
}

TEST(GemmBlocking, TinyCachesStillGiveOneTile) {
    for (const detail::Tile& t : tiles) {
        const Blocking b = detail::blocking_for({256, 4, 256, 256}, t.rows, t.cols());
        EXPECT_EQ(b, (Blocking{8, t.rows, t.cols()})) << t.rows << "x" << t.cols();
    }
}

TEST(GemmBlocking, HugeCachesStopAtTheCaps) {
    for (const detail::Tile& t : tiles) {
        const Blocking b = detail::blocking_for({1024 * MiB, 16, 1024 * MiB, 1024 * MiB}, t.rows, t.cols());
        EXPECT_EQ(b.kc, 1024u);
        EXPECT_EQ(b.mc, 4096 / t.rows * t.rows);
        EXPECT_EQ(b.nc, 8192 / t.cols() * t.cols());
    }
}

TEST(GemmBlocking, LargerCachesNeverGiveSmallerBlocks) {
    for (const detail::Tile& t : tiles) {
        Blocking before = detail::blocking_for({16 * KiB, 8, 128 * KiB, 2 * MiB}, t.rows, t.cols());
        for (std::size_t scale = 2; scale <= 64; scale *= 2) {
            const Blocking b = detail::blocking_for({16 * KiB * scale, 8, 128 * KiB * scale, 2 * MiB * scale},
                                                    t.rows, t.cols());
            EXPECT_GE(b.kc, before.kc);
            EXPECT_GE(b.mc * b.kc, before.mc * before.kc);  // the A block's bytes
            EXPECT_GE(b.nc * b.kc, before.nc * before.kc);  // the B panel's bytes
            before = b;
        }
    }
}

TEST(GemmBlocking, TheKernelUsesTheMachinesCaches) {
    const detail::Tile t = detail::gemm_tile();
    EXPECT_EQ(detail::gemm_blocking(), detail::blocking_for(detail::machine_caches(), t.rows, t.cols()));
}

// ---------------------------------------------------------------- the summation order

// C = A·B summed in the GEMM's order, in scalar code: for every chunk of kc
// (fixed by k and kc alone), the chunk's products accumulated in p order by
// fused multiply-adds from 0, then added to C.
Matrix in_kc_chunks(const Matrix& A, const Matrix& B, std::size_t kc) {
    const std::size_t m = A.shape(0), k = A.shape(1), n = B.shape(1);
    Matrix C = xt::zeros<double>({m, n});
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < n; ++j)
            for (std::size_t p0 = 0; p0 < k; p0 += kc) {
                double chunk = 0.0;
                for (std::size_t p = p0; p < std::min(k, p0 + kc); ++p) chunk = std::fma(A(i, p), B(p, j), chunk);
                C(i, j) += chunk;
            }
    return C;
}

Matrix product(const Matrix& A, const Matrix& B, detail::Part part) {
    const std::size_t m = A.shape(0), k = A.shape(1), n = B.shape(1);
    Matrix C = xt::zeros<double>({m, n});
    detail::gemm(m, n, k, {A.data(), k, 1}, {B.data(), n, 1}, C.data(), n, part, /*threads=*/true);
    return C;
}

// Past every block of this machine: k spans three kc chunks, m two blocks of
// mc rows, n more than one tile and a ragged edge; the bits are those of the
// scalar model on 1, 2 and 3 threads, for the full product and for the
// lower triangle a Gram matrix computes.
TEST(GemmOrder, EveryEntryIsItsKcChunksInOrderOnAnyTeam) {
#if !defined(__FMA__) && !defined(__AVX512F__) && !defined(__ARM_FEATURE_FMA)
    GTEST_SKIP() << "no fused multiply-add on this target: the kernel rounds twice per step";
#endif
    const Blocking b = detail::gemm_blocking();
    const detail::Tile t = detail::gemm_tile();
    const std::size_t m = b.mc + t.rows + 1, k = 2 * b.kc + 5, n = 3 * t.cols() + 3;
    const Matrix A = random<Matrix>({m, k}, 41), B = random<Matrix>({k, n}, 42);
    const Matrix model = in_kc_chunks(A, B, b.kc);
    for (int threads : {1, 2, 3}) {
        const scoped_threads team(threads);
        EXPECT_TRUE(product(A, B, detail::Part::full) == model) << threads << " threads";
        const Matrix lower = product(A, B, detail::Part::lower);
        for (std::size_t i = 0; i < m; ++i)
            for (std::size_t j = 0; j <= std::min(i, n - 1); ++j)
                ASSERT_EQ(lower(i, j), model(i, j)) << threads << " threads, (" << i << ", " << j << ")";
    }
}

// The products of the library on shapes that cross this machine's blocks,
// including more than one B panel (n > nc): within the 2 γ_k (|A||B|)_ij of
// the reference that the chapter-1 product tests use (Higham, eq. 3.13).
TEST(GemmOrder, ProductsAcrossTheMachinesBlocksAgreeWithTheReference) {
    const Blocking b = detail::gemm_blocking();
    const detail::Tile t = detail::gemm_tile();
    struct Shape {
        std::size_t m, k, n;
    };
    const std::vector<Shape> shapes = {
        {b.mc + 1, b.kc + 1, t.cols() + 1}, {2 * b.mc - 1, 3, 2 * t.cols() - 1}, {t.rows - 1, b.kc - 1, b.nc + 1}};
    for (const auto& [m, k, n] : shapes) {
        const Matrix A = random<Matrix>({m, k}, m + 3), B = random<Matrix>({k, n}, n + 5);
        const Matrix C = fast::matmul(A, B), R = ref::matmul(A, B);
        const Matrix absAB = ref::matmul(Matrix(xt::abs(A)), Matrix(xt::abs(B)));
        const double g = 2 * gamma_n(static_cast<double>(k + 1));
        EXPECT_TRUE(agree_elementwise(C, R, [&](std::size_t q) { return g * absAB.data()[q]; },
                                      std::to_string(m) + "x" + std::to_string(k) + "x" + std::to_string(n)));
    }
}

}  // namespace
