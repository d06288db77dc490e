// A sequence of plane rotations applied to the columns of a matrix — the
// kernel that carries the rotations of an iterative stage (the bidiagonal
// QR of the fast svd) into the singular or eigen vectors (internal).
#pragma once

#include <cstddef>
#include <vector>

namespace dlmath::fast::detail {

// The rotations G_0, G_1, ..., G_{r-1}: G_k acts on the columns
// i = index[k] and i + 1 with cosine c[k] and sine s[k].
struct RotationSequence {
    std::vector<std::size_t> index;
    std::vector<double> c, s;
};

// Z <- Z G_0 G_1 ... G_{r-1}, where G_k rotates columns i = index[k] and i + 1:
//   new z_i = c z_i - s z_{i+1},  new z_{i+1} = s z_i + c z_{i+1}.
// Z is rows x cols, row-major with leading dimension ld. Threads split the
// rows into chunks; the result is bitwise the same for any thread count.
void apply_rotations(const RotationSequence& g, double* Z, std::size_t rows, std::size_t cols, std::size_t ld);

}  // namespace dlmath::fast::detail
