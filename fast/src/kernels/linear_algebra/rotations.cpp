// Applying a long sequence of plane rotations to the columns of a matrix.
//
// The bidiagonal QR of the fast svd produces about n^2 rotations for each
// side, each acting on two adjacent columns of U (m x n) or V (n x n).
// Applied one by one, a rotation streams two columns of a row-major matrix
// (two doubles per row, a cache line each) for 6 flops per row: about
// 6 m n^2 flops, every one waiting on memory. This kernel turns it into
// an L1-resident, compute-bound loop:
//
//   1. the rows are cut into chunks of `chunk_rows` rows (a few SIMD
//      registers tall); each thread takes whole chunks;
//   2. a chunk is transposed into a buffer, column j of the chunk becoming
//      `registers` consecutive SIMD registers;
//   3. every rotation of the sequence is applied to the buffer in order:
//      two columns, 2 multiplies and 2 FMAs per register, independent rows
//      in independent registers so the FMA latency is hidden;
//   4. the buffer is written back.
//
// A run of rotations on columns i, i+1, i+2, ... (the bulge chase of one QR
// sweep) keeps the shared column in registers between steps, so each step
// loads one column and stores one. Bound attacked: compute (the buffer of
// a chunk, cols x chunk_rows doubles, stays in L1/L2 for the whole
// sequence, and the sequence itself is read once per chunk, sequentially).
//
// Each row is computed by the same operations in the same order whatever
// chunk or thread it falls in, so the result is bitwise the same for any
// thread count.
//
// Rules of this file: OpenMP + xsimd.

#include "rotations.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

#include <xsimd/xsimd.hpp>

#include "dlmath/fast/threads.hpp"

#include "../simd.hpp"

namespace dlmath::fast::detail {
namespace {

constexpr std::size_t registers = 4;                  // SIMD registers per column of a chunk
constexpr std::size_t chunk_rows = registers * W;     // rows per chunk: 16 on AVX2
constexpr double parallel_work = 1 << 18;             // rotations x rows from which threads pay

using buffer_t = std::vector<double, xsimd::aligned_allocator<double>>;

// x' = c x - s y, y' = s x + c y on one register of each column.
inline void rotate(batch& x, batch& y, const batch& c, const batch& s) {
    const batch xn = detail::fms(c, x, s * y);
    y = detail::fma(s, x, c * y);
    x = xn;
}

// All rotations of g on the transposed chunk buf (cols x chunk_rows).
void rotate_chunk(const RotationSequence& g, double* buf) {
    const std::size_t r = g.index.size();
    std::size_t k = 0;
    while (k < r) {
        std::size_t i = g.index[k];
        batch x[registers], y[registers];
        for (std::size_t t = 0; t < registers; ++t) {
            x[t] = xsimd::load_aligned(buf + i * chunk_rows + t * W);
            y[t] = xsimd::load_aligned(buf + (i + 1) * chunk_rows + t * W);
        }
        for (;;) {
            const batch c(g.c[k]), s(g.s[k]);
            for (std::size_t t = 0; t < registers; ++t) rotate(x[t], y[t], c, s);
            for (std::size_t t = 0; t < registers; ++t) x[t].store_aligned(buf + i * chunk_rows + t * W);
            ++k;
            if (k == r || g.index[k] != i + 1) break;
            // the next rotation acts on (i + 1, i + 2): column i + 1 stays in registers
            ++i;
            for (std::size_t t = 0; t < registers; ++t) {
                x[t] = y[t];
                y[t] = xsimd::load_aligned(buf + (i + 1) * chunk_rows + t * W);
            }
        }
        for (std::size_t t = 0; t < registers; ++t) y[t].store_aligned(buf + (i + 1) * chunk_rows + t * W);
    }
}

}  // namespace

void apply_rotations(const RotationSequence& g, double* Z, std::size_t rows, std::size_t cols, std::size_t ld) {
    if (g.index.empty() || rows == 0) return;
    const std::size_t chunks = (rows + chunk_rows - 1) / chunk_rows;
    const long long nchunks = static_cast<long long>(chunks);
    const bool threaded = chunks > 1 && static_cast<double>(g.index.size()) * static_cast<double>(rows) >= parallel_work;
#pragma omp parallel if (threaded) num_threads(dlmath::fast::team_size())
    {
        buffer_t buf(cols * chunk_rows);
#pragma omp for schedule(static)
        for (long long cc = 0; cc < nchunks; ++cc) {
            const std::size_t row0 = static_cast<std::size_t>(cc) * chunk_rows;
            const std::size_t h = std::min(chunk_rows, rows - row0);
            // transpose in: entry (row0 + t, j) to buf[j * chunk_rows + t]; rows past the end are 0
            if (h < chunk_rows) std::fill(buf.begin(), buf.end(), 0.0);
            for (std::size_t t = 0; t < h; ++t) {
                const double* z = Z + (row0 + t) * ld;
                for (std::size_t j = 0; j < cols; ++j) buf[j * chunk_rows + t] = z[j];
            }
            rotate_chunk(g, buf.data());
            for (std::size_t t = 0; t < h; ++t) {
                double* z = Z + (row0 + t) * ld;
                for (std::size_t j = 0; j < cols; ++j) z[j] = buf[j * chunk_rows + t];
            }
        }
    }
}

}  // namespace dlmath::fast::detail
