// The symmetric tridiagonal eigensolver of the fast twin (internal): the
// Householder reduction A = Q T Qᵀ and the implicit QL iteration on T. The
// fast eigh (linear_algebra/decompositions.cpp) runs them and applies the
// recorded rotations to Q (rotations.hpp).
#pragma once

#include <cstddef>
#include <vector>

#include "dlmath/tensor.hpp"

#include "rotations.hpp"

namespace dlmath::fast::detail {

// T = Qᵀ A Q, tridiagonal with diagonal d (n) and off-diagonal e (n, the
// last entry 0: e[i] = T(i, i + 1)); Q (n, n) orthogonal, row-major.
struct Tridiagonal {
    std::vector<double> d, e;
    Matrix Q;
};

// The Householder reduction of a symmetric A ~ (n, n) (Golub & Van Loan
// Algorithm 8.3.1), its reflectors accumulated backward into Q. Rows in
// parallel from tridiagonal_parallel_n; bitwise the same for any thread count.
Tridiagonal tridiagonalize(const Matrix& A);

// The eigenvalues of the tridiagonal (d, e) by the implicit QL iteration
// with Wilkinson shifts (Golub & Van Loan §8.3.5): on return d holds them,
// unsorted, and e is overwritten (it has the length of d; its last entry
// is ignored). The rotations of the iteration are recorded and applied to
// Z ~ (rows, n), row-major with leading dimension ld, as Z ← Z G_0 G_1 ⋯
// (apply_rotations), a batch of whole iterations at a time: Z = I gives the
// eigenvectors of T, Z = Q those of A = Q T Qᵀ. Z may be null (rows = 0):
// eigenvalues only.
void tridiagonal_ql(std::vector<double>& d, std::vector<double>& e, double* Z, std::size_t rows, std::size_t ld);

}  // namespace dlmath::fast::detail
