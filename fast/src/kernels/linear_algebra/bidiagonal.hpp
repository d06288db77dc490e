// The SVD of the fast twin (internal): Householder bidiagonalisation, the
// implicit-shift bidiagonal QR, and the two together.
#pragma once

#include <cstddef>

#include "dlmath/linear_algebra_types.hpp"
#include "dlmath/tensor.hpp"

#include "rotations.hpp"

namespace dlmath::fast::detail {

// A = U_B B V_B^T with B upper bidiagonal (diagonal d, superdiagonal e),
// U_B ~ (m, n) and V_B ~ (n, n) with orthonormal columns; m >= n.
struct Bidiagonal {
    Matrix U;  // U_B ~ (m, n)
    Vector d;  // diagonal ~ (n)
    Vector e;  // superdiagonal ~ (n - 1), empty when n = 0
    Matrix V;  // V_B ~ (n, n)
};

// Householder bidiagonalisation (Golub-Kahan) of a tall or square A (m >= n).
// Given rhs = b ~ (m), U holds (U_B^T b)^T ~ (1, n) instead of U_B: the
// least-squares path, which never forms U_B.
Bidiagonal bidiagonalize(Matrix A, const Vector* rhs = nullptr);

// The implicit-shift QR on the upper bidiagonal B = bidiag(d, e): on return
// d holds the singular values of B, signed and unsorted, e is zero, and
//   B = L diag(d) R^T,  L = (the left rotations, in order), R = (the right ones),
// each product written as in apply_rotations (Z <- Z G_0 G_1 ...). What
// is recorded is applied to U and V (rows x n, row-major) on the way: all
// of it whenever the sequences grow long, and the left (right) one before
// a zero on the diagonal makes the iteration rotate two non-adjacent rows
// (columns), which it applies to U (V) directly. On return, U and V lack
// only what remains in left and right.
void bidiagonal_qr(Vector& d, Vector& e, RotationSequence& left, RotationSequence& right, Matrix& U, Matrix& V);

// The thin SVD of a tall or square A (m >= n) through both stages, sorted
// descending, U and V^T as the reference twin returns them. Given rhs = b,
// U is (U^T b)^T ~ (1, n) instead, in the same order as S: what a
// least-squares solution needs, for a third of the flops of U.
SVD bidiagonal_svd(Matrix A, const Vector* rhs = nullptr);

}  // namespace dlmath::fast::detail
