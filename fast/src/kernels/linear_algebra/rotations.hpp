// A sequence of plane rotations applied to the columns of a matrix
// (internal): the eigenvector stage of the fast eigh (the rotations of the
// implicit QL iteration, kernels/linear_algebra/tridiagonal.cpp) and of
// the fast SVD (the rotations of the bidiagonal QR iteration).
#pragma once

#include <cstddef>
#include <vector>

namespace dlmath::fast::detail {

// G_0, G_1, ..., G_{r-1}: rotation k acts on columns index[k] and index[k] + 1
// with cosine c[k] and sine s[k]. The three vectors have the same length.
struct RotationSequence {
    std::vector<std::size_t> index;
    std::vector<double> c, s;
};

// Z <- Z · G_0 · G_1 ⋯ G_{r-1}, where G_k rotates columns i = index[k] and i + 1:
//   new z_i = c·z_i − s·z_{i+1},  new z_{i+1} = s·z_i + c·z_{i+1}.
// Z is rows × cols, row-major with leading dimension ld (ld >= cols), and
// every index[k] + 1 < cols. The rows are independent: blocks of rows in
// parallel, each with all r rotations in registers and L1 (see
// rotations.cpp); the result is bitwise the same for any thread count.
void apply_rotations(const RotationSequence& g, double* Z, std::size_t rows, std::size_t cols, std::size_t ld);

}  // namespace dlmath::fast::detail
