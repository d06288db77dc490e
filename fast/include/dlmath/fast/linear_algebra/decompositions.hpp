/// \file
/// \brief Chapter 1, linear systems and decompositions — fast twin.
///
/// Same signatures and input checks as
/// dlmath/reference/linear_algebra/decompositions.hpp. det, solve and inv
/// share a blocked LU; svd reduces A to bidiagonal form and runs the
/// implicit-shift bidiagonal QR; eigh reduces A to tridiagonal form and runs
/// the implicit QL iteration; rank,
/// condition number, pseudoinverse, least squares and PCA are built on the
/// fast svd; expm on dlmath::fast::matmul and the fast solve. No LAPACK:
/// LAPACK is what the benchmarks compare against.
#pragma once

#include <cstddef>

#include "dlmath/fast/config.hpp"
#include "dlmath/linear_algebra_types.hpp"
#include "dlmath/reference/linear_algebra/decompositions.hpp"  // ChangeOfBasis
#include "dlmath/tensor.hpp"

namespace dlmath::fast {

/// \ingroup chapter1
/// \copydoc dlmath::reference::det
///
/// \par Fast twin
/// Bound attacked: compute — the trailing update \f$ A_{22} \leftarrow A_{22} - L_{21} U_{12} \f$
/// does \f$ 2 n_b \f$ flops per element loaded (arithmetic intensity about \f$ n_b / 4 \f$
/// flop/byte with panel width \f$ n_b = 32 \f$); it runs in parallel over rows with xsimd FMAs,
/// four rank-1 updates fused per pass. Accuracy: as the reference LU, \f$ |\Delta A| \le \gamma_n
/// |L||U| \f$. Complexity: \f$ \tfrac{2}{3} n^3 \f$ flops.
/// \sa dlmath::reference::det
double det(const Matrix& A);

/// \ingroup chapter1
/// \copydoc dlmath::reference::solve(const Matrix&, const Vector&)
///
/// \par Fast twin
/// Complexity: \f$ \tfrac{2}{3} n^3 + 2 n^2 \f$ flops.
/// \sa dlmath::reference::solve
Vector solve(const Matrix& A, const Vector& b);

/// \ingroup chapter1
/// \copydoc dlmath::reference::solve(const Matrix&, const Matrix&)
///
/// \par Fast twin
/// The triangular solves run in parallel over blocks of columns of B, each row update an xsimd
/// axpy. Complexity: \f$ \tfrac{2}{3} n^3 + 2 n^2 r \f$ flops.
/// \sa dlmath::reference::solve
Matrix solve(const Matrix& A, const Matrix& B);

/// \ingroup chapter1
/// \copydoc dlmath::reference::inv
///
/// \par Fast twin
/// Complexity: about \f$ \tfrac{8}{3} n^3 \f$ flops.
/// \sa dlmath::reference::inv
Matrix inv(const Matrix& A);

/// \ingroup chapter1
/// \copydoc dlmath::reference::eigh
///
/// \par Fast twin
/// Not Jacobi: three stages (Golub & Van Loan §8.3). (1) Householder reduction
/// \f$ T = Q^\top A Q \f$ to a tridiagonal, about \f$ 2n^3 \f$ flops of matrix–vector
/// products and rank-2 updates (bound attacked: memory; each step reads the
/// trailing block once, rows in parallel), Q accumulated from the reflectors
/// (\f$ \tfrac43 n^3 \f$, column blocks in cache, in parallel); (2) the implicit QL
/// iteration with Wilkinson shifts on T, \f$ O(n^2) \f$, its plane rotations
/// recorded; (3) the rotations applied to Q in one sweep, \f$ \approx 6.4 n^3 \f$ flops on
/// random matrices (bound attacked: compute; chunks of rows in registers, in
/// parallel). Bitwise the same for any thread count. Accuracy: backward
/// stable, eigenvalues within \f$ c\,n\,u\,\|A\|_2 \f$ (absolute, as the reference's
/// bound; Jacobi's relative accuracy on graded matrices is not kept),
/// eigenvectors to that over the gap, \f$ \|V^\top V - I\| \le c\,n\,u \f$.
/// \sa dlmath::reference::eigh
Eigh eigh(const Matrix& A);

/// \ingroup chapter1
/// \copydoc dlmath::reference::svd
///
/// \par Fast twin
/// Not Jacobi: (1) Householder bidiagonalisation \f$ A = U_B B V_B^\top \f$ (Golub–Kahan; a wide A
/// is transposed), matrix–vector passes shared by the threads, \f$ U_B \f$ and \f$ V_B \f$ formed
/// from the reflectors in groups on the fast GEMM; (2) the implicit-shift QR iteration on the
/// bidiagonal B (Golub & Van Loan §8.6, with the zero shift of Demmel & Kahan when a shift would
/// not matter), its rotations recorded; (3) the recorded rotations applied to \f$ U_B \f$ and
/// \f$ V_B \f$ on chunks of rows held in L1. Bound attacked: memory in (1), the FMA units in (3).
/// Results are bitwise reproducible for any thread count. Accuracy: backward stable, so
/// \f$ |\hat\sigma_i - \sigma_i| \le c\,n\,u\,\|A\|_2 \f$ (Weyl) — absolute, where the reference
/// Jacobi keeps the relative accuracy of small singular values of graded matrices.
/// \sa dlmath::reference::svd
SVD svd(const Matrix& A);

/// \ingroup chapter1
/// \copydoc dlmath::reference::matrix_rank
///
/// \sa dlmath::reference::matrix_rank
std::size_t matrix_rank(const Matrix& A, double tol = -1.0);

/// \ingroup chapter1
/// \copydoc dlmath::reference::cond
///
/// \sa dlmath::reference::cond
double cond(const Matrix& A);

/// \ingroup chapter1
/// \copydoc dlmath::reference::pinv
///
/// \par Fast twin
/// The product \f$ (V D^+) U^\top \f$ is a dlmath::fast::matmul.
/// \sa dlmath::reference::pinv
Matrix pinv(const Matrix& A, double rcond = 1e-15);

/// \ingroup chapter1
/// \copydoc dlmath::reference::lstsq
///
/// \sa dlmath::reference::lstsq
Vector lstsq(const Matrix& A, const Vector& b, double rcond = 1e-15);

/// \ingroup chapter1
/// \copydoc dlmath::reference::pca
///
/// \par Fast twin
/// Projection and reconstruction are dlmath::fast::matmul products.
/// \sa dlmath::reference::pca
PCA pca(const Matrix& X, std::size_t k);

/// \ingroup chapter1
/// \copydoc dlmath::reference::power_iteration
///
/// \par Fast twin
/// Each step is a dlmath::fast::matvec (memory bound: \f$ 2n^2 \f$ flops per \f$ 8n^2 \f$ bytes).
/// \sa dlmath::reference::power_iteration
PowerIteration power_iteration(const Matrix& A, std::size_t max_iterations = 1000, double tol = 1e-10);

/// \ingroup chapter1
/// \copydoc dlmath::reference::expm
///
/// \par Fast twin
/// The products are dlmath::fast::matmul and the final solve the fast LU.
/// \sa dlmath::reference::expm
Matrix expm(const Matrix& A);

// ---------------------------------------------------------------- the lessons' twins

/// \ingroup chapter1
/// \copydoc dlmath::reference::det_cofactor
///
/// \par Fast twin
/// Forwards to the reference: an \f$ O(n!) \f$ expansion limited to \f$ n \le 4 \f$ is a lesson, not a kernel.
/// \sa dlmath::reference::det_cofactor
double det_cofactor(const Matrix& A);

/// The same record as dlmath::reference::ChangeOfBasis: a basis built by
/// either twin works with both.
using ChangeOfBasis = reference::ChangeOfBasis;

/// \ingroup chapter1
/// \copydoc dlmath::reference::change_of_basis
///
/// \par Fast twin
/// \f$ F^{-1} \f$ comes from the blocked LU of dlmath::fast::inv.
/// \sa dlmath::reference::change_of_basis
ChangeOfBasis change_of_basis(const Matrix& forward);

/// \ingroup chapter1
/// \copydoc dlmath::reference::to_new_basis
///
/// \par Fast twin
/// One dlmath::fast::matvec.
/// \sa dlmath::reference::to_new_basis
Vector to_new_basis(const ChangeOfBasis& basis, const Vector& v);

/// \ingroup chapter1
/// \copydoc dlmath::reference::to_old_basis
///
/// \par Fast twin
/// One dlmath::fast::matvec.
/// \sa dlmath::reference::to_old_basis
Vector to_old_basis(const ChangeOfBasis& basis, const Vector& v_new);

/// \ingroup chapter1
/// \copydoc dlmath::reference::map_in_new_basis
///
/// \par Fast twin
/// Two dlmath::fast::matmul products, \f$ (BM)F \f$.
/// \sa dlmath::reference::map_in_new_basis
Matrix map_in_new_basis(const ChangeOfBasis& basis, const Matrix& M);

}  // namespace dlmath::fast
