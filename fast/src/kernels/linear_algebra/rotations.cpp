// Chapter 1's rotation-sequence kernel: Z <- Z · G_0 · G_1 ⋯ G_{r-1} for a
// recorded sequence of plane rotations on adjacent columns — the
// eigenvector stage of the fast eigh (the implicit QL iteration records its
// rotations, tridiagonal.cpp) and of the fast SVD.
//
// Rules of this file: OpenMP + xsimd; every SIMD loop ends with a scalar
// tail; each kernel says which bound (memory or compute) it attacks. No
// LAPACK: LAPACK is what the benchmarks compare against.
//
// The plain way — LAPACK's dlasr, or the textbook loop of Golub & Van Loan
// §5.1.9 — applies rotation k to the two columns i, i + 1 of all n rows,
// then rotation k + 1, and so on: 6 flops per 32 bytes moved, r passes over
// two columns scattered through a matrix of n² doubles. With r ≈ n²
// rotations of an n × n matrix that is memory-bound many times over.
//
// Right multiplication mixes columns, never rows: each row of Z meets the
// whole sequence on its own. So the kernel takes the rows R = U·W at a time
// (W doubles per SIMD register, U register groups) and
//
//   1. transposes the chunk into a buffer, column j of the chunk being U
//      consecutive registers (R·cols doubles: with U = 4, 64 KiB for AVX2's
//      R = 16 and 128 KiB for AVX-512's R = 32 at cols = 512 — in L2, with
//      the column being rotated and its neighbour in L1);
//   2. applies all r rotations to the buffer: per rotation and group,
//      x' = c x − s y and y' = s x + c y — 2 multiplies and 2 FMAs;
//   3. transposes the chunk back.
//
// The sweeps of an implicit QR/QL iteration run through adjacent pairs,
// (m−1, m), (m−2, m−1), ... down (QL) or up (QR): the column one rotation
// writes is the column the next reads. That column stays in registers
// (`carry` below), so a rotation costs one load and one store per group
// instead of two each. What is left is a dependency chain — the carried
// column goes through a multiply and an FMA per rotation, 8 cycles — and U
// independent groups hide it: the kernel is bound by the FMA units, not by
// memory (arithmetic intensity ~ 6·R flops per 16·R bytes of L1 traffic).
// Measured at n = 512 (280 138 rotations of 512 rows) on one AVX-512 core of
// a busy machine: about 50 GFLOP/s, counting 6 flops per rotation and row.
//
// The chunking depends on the row count only, and every row of a chunk
// sees the same operations in the same order: the result is bitwise the
// same for any thread count. Rows past the end of the last chunk are zeros
// in the buffer and are not written back.

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

#include <xsimd/xsimd.hpp>

#include "rotations.hpp"

#include "dlmath/fast/threads.hpp"

#include "../simd.hpp"

namespace dlmath::fast::detail {
namespace {

// U: independent register groups per column. Four hide the 8-cycle chain
// of the carried column (a multiply and an FMA) behind the other groups'
// work; measured at n = 512 on AVX-512, the QL's rotations took 75, 45 and
// 35–40 ms of CPU time for U = 1, 2 and 4 on a busy 2-core machine.
constexpr std::size_t groups = 4;
constexpr std::size_t chunk_rows = groups * W;  // R rows per chunk

// Threads from this many (row, rotation) pairs: 6 flops each, so ~400 000
// flops, tens of microseconds — well above a team's wake-up.
constexpr double parallel_work = 65536.0;

using Group = std::array<batch, groups>;
using Buffer = std::vector<double, xsimd::aligned_allocator<double>>;

//! [rotation_chunk]
// buf[j·R + t] = Z(row0 + t, j) for the `count` rows of the chunk; the
// rows past them are zeros.
void load_chunk(const double* Z, std::size_t ld, std::size_t row0, std::size_t count, std::size_t cols, double* buf) {
    for (std::size_t t = 0; t < chunk_rows; ++t) {
        if (t < count) {
            const double* z = Z + (row0 + t) * ld;
            for (std::size_t j = 0; j < cols; ++j) buf[j * chunk_rows + t] = z[j];
        } else {
            for (std::size_t j = 0; j < cols; ++j) buf[j * chunk_rows + t] = 0.0;
        }
    }
}

void store_chunk(const double* buf, std::size_t count, std::size_t cols, double* Z, std::size_t ld, std::size_t row0) {
    for (std::size_t t = 0; t < count; ++t) {
        double* z = Z + (row0 + t) * ld;
        for (std::size_t j = 0; j < cols; ++j) z[j] = buf[j * chunk_rows + t];
    }
}

inline Group load_column(const double* p) {
    Group v;
    for (std::size_t u = 0; u < groups; ++u) v[u] = batch::load_aligned(p + u * W);
    return v;
}

inline void store_column(const Group& v, double* p) {
    for (std::size_t u = 0; u < groups; ++u) v[u].store_aligned(p + u * W);
}

// All rotations of g on one transposed chunk. `carried` names the column
// whose current value is in the registers `carry` instead of the buffer
// (none at the start and after a rotation whose successor is not adjacent).
void rotate_chunk(const RotationSequence& g, double* buf) {
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    const std::size_t r = g.index.size();
    Group carry{};
    std::size_t carried = none;
    for (std::size_t k = 0; k < r; ++k) {
        const std::size_t i = g.index[k];
        double* px = buf + i * chunk_rows;  // column i
        double* py = px + chunk_rows;       // column i + 1
        const Group x = carried == i ? carry : load_column(px);
        const Group y = carried == i + 1 ? carry : load_column(py);
        const batch c(g.c[k]), s(g.s[k]);
        Group xn, yn;
        for (std::size_t u = 0; u < groups; ++u) {
            xn[u] = detail::fms(c, x[u], s * y[u]);  // c x − s y
            yn[u] = detail::fma(s, x[u], c * y[u]);  // s x + c y
        }
        const bool next_below = k + 1 < r && g.index[k + 1] + 1 == i;  // QL order: (i−1, i) next
        const bool next_above = k + 1 < r && g.index[k + 1] == i + 1;  // QR order: (i+1, i+2) next
        if (next_below) {
            store_column(yn, py);
            carry = xn;
            carried = i;
        } else if (next_above) {
            store_column(xn, px);
            carry = yn;
            carried = i + 1;
        } else {
            store_column(xn, px);
            store_column(yn, py);
            carried = none;
        }
    }
}
//! [rotation_chunk]

}  // namespace

void apply_rotations(const RotationSequence& g, double* Z, std::size_t rows, std::size_t cols, std::size_t ld) {
    if (g.index.empty() || rows == 0 || cols == 0) return;
    const std::size_t chunks = (rows + chunk_rows - 1) / chunk_rows;
    const double work = static_cast<double>(rows) * static_cast<double>(g.index.size());
    const long long nchunks = static_cast<long long>(chunks);
#pragma omp parallel if (chunks > 1 && work >= parallel_work) num_threads(dlmath::fast::team_size())
    {
        Buffer buf(chunk_rows * cols);
        // dynamic: a chunk is long (r rotations), and a thread preempted by
        // another process should not hold back a fixed share of them
#pragma omp for schedule(dynamic, 1)
        for (long long b = 0; b < nchunks; ++b) {
            const std::size_t row0 = static_cast<std::size_t>(b) * chunk_rows;
            const std::size_t count = std::min(chunk_rows, rows - row0);
            load_chunk(Z, ld, row0, count, cols, buf.data());
            rotate_chunk(g, buf.data());
            store_chunk(buf.data(), count, cols, Z, ld, row0);
        }
    }
}

}  // namespace dlmath::fast::detail
