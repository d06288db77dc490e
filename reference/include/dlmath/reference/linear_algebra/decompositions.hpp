/// \file
/// \brief Chapter 1, linear systems and decompositions — reference twin.
///
/// Determinants, inverses and linear systems by LU with partial pivoting;
/// the symmetric eigendecomposition by the cyclic Jacobi method; the thin
/// SVD by one-sided (Hestenes) Jacobi; everything else (rank, condition
/// number, pseudoinverse, least squares, PCA) built on the SVD.
#pragma once

#include <cstddef>

#include "dlmath/linear_algebra_types.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter1
/// \brief Determinant by cofactor (Laplace) expansion along the first row — for teaching.
///
/// \f[ \det A = \sum_{j=1}^{n} (-1)^{1+j}\, a_{1j} \det M_{1j}, \qquad
///     \det\begin{pmatrix} a & b \\ c & d \end{pmatrix} = ad - bc \f]
/// where \f$ M_{1j} \f$ is \f$ A \f$ without row 1 and column j. The empty
/// determinant is 1. It costs \f$ O(n!) \f$, which is why it is limited to
/// \f$ n \le 4 \f$; use dlmath::reference::det for real work.
/// Shapes: `A ~ (n, n)`, \f$ n \le 4 \f$.
/// \throws dlmath::shape_error if A is not square or \f$ n > 4 \f$.
/// \throws dlmath::domain_error if an entry is NaN or infinite.
/// Accuracy: exact for small integers; otherwise a few ulps of the largest term.
/// Complexity: \f$ O(n!) \f$. \sa dlmath::reference::det, dlmath::fast::det_cofactor (forwards here: a lesson, not a kernel)
double det_cofactor(const Matrix& A);

/// \ingroup chapter1
/// \brief Determinant by LU factorisation with partial pivoting.
///
/// \f[ PA = LU \;\Rightarrow\; \det A = \det(P)^{-1} \prod_{i=1}^{n} u_{ii}
///     = (-1)^{\#\text{swaps}} \prod_i u_{ii} \f]
/// Shapes: `A ~ (n, n)`; returns a scalar; \f$ \det \f$ of the 0×0 matrix is 1.
/// A singular matrix gives 0 (no exception). The product of the pivots is
/// carried as mantissa and exponent, so every determinant that is a double
/// comes out right; one beyond the range gives ±inf (as NumPy), one below the
/// smallest subnormal gives 0 (e.g. det(diag(5e-324, 5e-324)) = 0: the true
/// 2.5e-647 rounds to 0). Both twins give these same values.
/// \throws dlmath::shape_error if A is not square.
/// \throws dlmath::domain_error if an entry is NaN or infinite.
/// Accuracy: the LU of \f$ A + \Delta A \f$ with \f$ |\Delta A| \le \gamma_n |L||U| \f$ (Higham, Thm 9.3).
/// Complexity: \f$ \tfrac{2}{3} n^3 \f$ flops. \sa dlmath::fast::det, dlmath::reference::det_cofactor
double det(const Matrix& A);

/// \ingroup chapter1
/// \brief Solves \f$ A x = b \f$ for square, non-singular A.
///
/// \f[ PA = LU,\quad L y = P b \;\text{(forward)},\quad U x = y \;\text{(backward)} \f]
/// Prefer this to `inv(A) * b`: it costs a third of the flops and has a
/// smaller backward error.
/// Shapes: `A ~ (n, n)`, `b ~ (n)`; returns `x ~ (n)`.
/// \throws dlmath::shape_error if A is not square or b has a different length.
/// \throws dlmath::domain_error if an entry is NaN/inf, A is singular (a zero pivot), or an
/// entry of x lies beyond the double range (e.g. A = diag(5e-324, 5e-324): x = 2e323·b; IEEE
/// arithmetic would leave inf, or NaN where that inf meets a zero in the substitution).
/// Accuracy: backward stable in practice, \f$ (A + \Delta A)\hat x = b \f$,
/// \f$ |\Delta A| \le \gamma_{3n} |L||U| \f$.
/// Complexity: \f$ \tfrac{2}{3} n^3 + 2 n^2 \f$ flops. \sa dlmath::fast::solve
Vector solve(const Matrix& A, const Vector& b);

/// \ingroup chapter1
/// \brief Solves \f$ A X = B \f$ for several right-hand sides (the columns of B).
///
/// \f[ X = A^{-1} B, \text{ one LU of } A \text{ and two triangular solves per column} \f]
/// Shapes: `A ~ (n, n)`, `B ~ (n, r)`; returns `X ~ (n, r)`.
/// \throws dlmath::shape_error if A is not square or B has a different number of rows.
/// \throws dlmath::domain_error if an entry is NaN/inf, A is singular, or an entry of X lies
/// beyond the double range.
/// Accuracy: as the vector overload, per column. Complexity: \f$ \tfrac{2}{3} n^3 + 2 n^2 r \f$.
/// \sa dlmath::fast::solve
Matrix solve(const Matrix& A, const Matrix& B);

/// \ingroup chapter1
/// \brief Inverse of a square, non-singular matrix: \f$ A A^{-1} = A^{-1} A = I \f$.
///
/// \f[ A^{-1} = \text{solve}(A, I) \f]
/// Needed rarely: to solve a system, call dlmath::reference::solve.
/// Shapes: `A ~ (n, n)`; returns `(n, n)`; the inverse of the 0×0 matrix is 0×0.
/// \throws dlmath::shape_error if A is not square.
/// \throws dlmath::domain_error if an entry is NaN/inf, A is singular, or an entry of
/// \f$ A^{-1} \f$ lies beyond the double range (e.g. diag(5e-324, 5e-324)).
/// Accuracy: \f$ \|\hat X - A^{-1}\| / \|A^{-1}\| \lesssim c\, n\, u\, \kappa(A) \f$.
/// Complexity: \f$ 2 n^3 \f$ flops. \sa dlmath::fast::inv
Matrix inv(const Matrix& A);

/// \ingroup chapter1
/// \brief Eigendecomposition of a real symmetric matrix by the cyclic Jacobi method.
///
/// \f[ A = Q \Lambda Q^\top, \quad Q^\top Q = I, \quad \lambda_1 \le \dots \le \lambda_n \f]
/// Each step picks a pair \f$ (p, q) \f$ and a plane rotation \f$ J \f$ with
/// \f$ (J^\top A J)_{pq} = 0 \f$; sweeps over all pairs in row order repeat
/// until the off-diagonal part is negligible. As LAPACK does, it works on
/// \f$ 2^e A \f$ with \f$ \max|a_{ij}| \in [1, 2) \f$ (exact: a power of two) and
/// returns \f$ 2^{-e} \f$ times its eigenvalues, so no sum of squares overflows
/// or underflows: eigh(1e160·[[1,2],[2,1]]) = [-1e160, 3e160] and
/// eigh(1e-200·[[1,2],[2,1]]) = [-1e-200, 3e-200] in both twins. An
/// eigenvalue beyond the double range is ±inf.
/// Shapes: `A ~ (n, n)`; eigenvalues ascending `(n)`, eigenvectors as columns `(n, n)`.
/// \throws dlmath::shape_error if A is not square.
/// \throws dlmath::domain_error if an entry is NaN/inf, or A is not symmetric
/// (the message gives the largest \f$ |a_{ij} - a_{ji}| \f$).
/// Accuracy: \f$ |\hat\lambda_i - \lambda_i| \le c\, n\, u \|A\|_2 \f$; eigenvectors to
/// \f$ c\, n\, u \|A\|_2 / \mathrm{gap}_i \f$. Complexity: about \f$ 6 n^3 \f$ flops per sweep, 6–10 sweeps.
/// \sa dlmath::fast::eigh
Eigh eigh(const Matrix& A);

/// \ingroup chapter1
/// \brief Thin singular value decomposition by one-sided (Hestenes) Jacobi.
///
/// \f[ A = U\,\mathrm{diag}(S)\,V^\top, \qquad
///     U \text{ eigenvectors of } AA^\top,\; V \text{ of } A^\top A,\; \sigma_i^2 = \lambda_i(A^\top A) \f]
/// Rotations \f$ V \leftarrow VJ \f$, \f$ W \leftarrow WJ \f$ (W starts as A)
/// make the columns of W mutually orthogonal; then \f$ \sigma_j = \|w_j\| \f$
/// and \f$ u_j = w_j / \sigma_j \f$. Wide matrices are handled through \f$ A^\top \f$.
/// It works on \f$ 2^e A \f$ with \f$ \max|a_{ij}| \in [1, 2) \f$ and returns
/// \f$ \sigma_i = 2^{-e} \sigma_i(2^e A) \f$ (LAPACK's scaling), and each \f$ \sigma_j \f$ is
/// a scaled norm: matrices with entries near 1e160 or 1e-200, or
/// [[1e300, 1], [1, 1e-300]], get their singular values to the bound below. A
/// singular value beyond the double range is +inf.
/// Columns of U for zero singular values are completed to an orthonormal set.
/// Shapes: `A ~ (m, n)`, \f$ k = \min(m,n) \f$: `U ~ (m, k)`, `S ~ (k)` descending, `Vt ~ (k, n)`.
/// \throws dlmath::domain_error if an entry is NaN or infinite.
/// Accuracy: \f$ \|A - USV^\top\|_F \le c\, n\, u \|A\|_F \f$; \f$ |\hat\sigma_i - \sigma_i| \le c\, n\, u\, \sigma_1 \f$ (Weyl).
/// Complexity: about \f$ 6 m n^2 \f$ flops per sweep, 6–12 sweeps.
/// \sa dlmath::fast::svd
SVD svd(const Matrix& A);

/// \ingroup chapter1
/// \brief Numerical rank: the number of singular values above a tolerance.
///
/// \f[ \mathrm{rank}(A) = \#\{ i : \sigma_i > \mathrm{tol} \}, \qquad
///     \mathrm{tol} = \sigma_1 \max(m, n)\, \varepsilon \text{ by default (as NumPy)} \f]
/// Shapes: `A ~ (m, n)`; the rank of an empty matrix is 0.
/// `tol` is an absolute tolerance; a negative value (the default) selects NumPy's.
/// \throws dlmath::domain_error if an entry is NaN/inf or `tol` is NaN.
/// Complexity: one SVD. \sa dlmath::fast::matrix_rank
std::size_t matrix_rank(const Matrix& A, double tol = -1.0);

/// \ingroup chapter1
/// \brief 2-norm condition number \f$ \kappa_2(A) = \sigma_{\max} / \sigma_{\min} \f$.
///
/// \f[ \frac{\|\delta x\|}{\|x\|} \le \kappa(A) \frac{\|\delta b\|}{\|b\|} \text{ for } A x = b \f]
/// Shapes: `A ~ (m, n)`, not empty. A numerically rank-deficient A gives +inf: when
/// \f$ \sigma_{\min} \le \sigma_{\max} \max(m, n)\,\varepsilon \f$ (exactly when matrix_rank(A) <
/// min(m, n)), \f$ \sigma_{\min} \f$ is rounding noise of the SVD and so would be the ratio
/// (a rank-1 2×4 matrix gave 1.3e17 in one twin and inf in the other).
/// \throws dlmath::shape_error if A is empty (no singular values).
/// \throws dlmath::domain_error if an entry is NaN or infinite.
/// Accuracy: inherits the SVD's; for \f$ \kappa \gtrsim 1/(n u) \f$ only the order of magnitude is meaningful.
/// Complexity: one SVD. \sa dlmath::fast::cond
double cond(const Matrix& A);

/// \ingroup chapter1
/// \brief Moore–Penrose pseudoinverse \f$ A^+ = V D^+ U^\top \f$.
///
/// \f[ D^+_{ii} = \begin{cases} 1/\sigma_i & \sigma_i > \mathrm{rcond}\cdot\sigma_1 \\ 0 & \text{otherwise} \end{cases} \f]
/// It satisfies the four Penrose conditions \f$ AA^+A = A \f$, \f$ A^+AA^+ = A^+ \f$,
/// \f$ (AA^+)^\top = AA^+ \f$, \f$ (A^+A)^\top = A^+A \f$.
/// Shapes: `A ~ (m, n)`; returns `(n, m)`.
/// \throws dlmath::domain_error if an entry is NaN/inf or `rcond` is negative, NaN or infinite.
/// Accuracy: \f$ \|\hat A^+ - A^+\| / \|A^+\| \lesssim c\, n\, u\, \kappa(A) \f$ for full rank.
/// Complexity: one SVD plus \f$ 2 m n k \f$ flops. \sa dlmath::fast::pinv
Matrix pinv(const Matrix& A, double rcond = 1e-15);

/// \ingroup chapter1
/// \brief Minimum-norm least-squares solution \f$ x = A^+ b \f$.
///
/// \f[ x = \arg\min \{ \|x\|_2 : x \text{ minimises } \|A x - b\|_2 \} = V D^+ U^\top b \f]
/// Overdetermined (tall, full column rank): the least-squares solution, \f$ A^\top(Ax - b) = 0 \f$.
/// Underdetermined (wide, full row rank): the solution of \f$ Ax = b \f$ of smallest norm,
/// which lies in the row space of A.
/// Shapes: `A ~ (m, n)`, `b ~ (m)`; returns `x ~ (n)`.
/// \throws dlmath::shape_error if b's length differs from m.
/// \throws dlmath::domain_error if an entry is NaN/inf or rcond is invalid.
/// Complexity: one SVD plus \f$ 2 (m + n) k \f$ flops. \sa dlmath::fast::lstsq
Vector lstsq(const Matrix& A, const Vector& b, double rcond = 1e-15);

/// \ingroup chapter1
/// \brief Principal component analysis via the SVD of the centred data.
///
/// \f[ X_c = X - \mathbf{1}\mu^\top = U S V^\top,\quad Z = X_c V_k,\quad
///     \hat X = Z V_k^\top + \mathbf{1}\mu^\top,\quad
///     \|X - \hat X\|_F^2 = \sum_{j>k} \sigma_j^2 \f]
/// Samples are rows; columns are not standardised (doing so changes the axes).
/// It works on \f$ 2^e X \f$ with \f$ \max|x_{ij}| \in [1, 2) \f$, so data near 1e308 is
/// centred without overflow; a variance beyond the double range is +inf.
/// Shapes: `X ~ (N, d)` with \f$ N \ge 2 \f$, \f$ 0 \le k \le \min(N, d) \f$; see dlmath::PCA.
/// \throws dlmath::shape_error if \f$ N < 2 \f$ or \f$ k > \min(N, d) \f$.
/// \throws dlmath::domain_error if an entry is NaN or infinite.
/// Complexity: one SVD of \f$ (N, d) \f$ plus \f$ 4 N d k \f$ flops. \sa dlmath::fast::pca
PCA pca(const Matrix& X, std::size_t k);

/// \ingroup chapter1
/// \brief Power iteration for the dominant eigenpair of a square matrix.
///
/// \f[ v_{t+1} = \frac{A v_t}{\|A v_t\|_2}, \qquad \lambda_t = v_t^\top A v_t \f]
/// Stops with `Status::success` when \f$ \|A v - \lambda v\|_2 \le \mathrm{tol}\,\|A\|_F \f$.
/// It converges when one real eigenvalue is strictly largest in magnitude, at the rate
/// \f$ |\lambda_2 / \lambda_1| \f$ per step; otherwise (e.g. \f$ \pm\lambda \f$, complex pairs)
/// it returns `Status::no_convergence` with the reason. It never throws for
/// these and never returns NaN. (An iterate with \f$ A v = 0 \f$ is an eigenvector
/// for 0 with zero residual, so it ends the iteration with success.)
/// The start vector is dlmath::detail::power_iteration_start. It iterates on
/// \f$ 2^e A \f$ with \f$ \max|a_{ij}| \in [1, 2) \f$ and unscales \f$ \lambda \f$, so the test is
/// the same at any magnitude: [[1e300, 1], [1, 1e-300]] gives 1e300 and
/// 1e-200·[[1,2],[2,1]] gives 3e-200; 1e200·[[1,1],[1,-1]] (eigenvalues \f$ \pm\sqrt2\cdot10^{200} \f$)
/// reports no convergence, in both twins.
/// Shapes: `A ~ (n, n)`, \f$ n \ge 1 \f$.
/// \throws dlmath::shape_error if A is not square or empty.
/// \throws dlmath::domain_error if an entry is NaN/inf or `tol` is negative/NaN.
/// Complexity: \f$ 2 n^2 \f$ flops per iteration. \sa dlmath::fast::power_iteration
PowerIteration power_iteration(const Matrix& A, std::size_t max_iterations = 1000, double tol = 1e-10);

/// \ingroup chapter1
/// \brief Matrix exponential \f$ e^A = \sum_{k \ge 0} A^k / k! \f$ by scaling and squaring.
///
/// \f[ e^A = \big( r_6(A / 2^s) \big)^{2^s}, \qquad r_6 = q_6(X)^{-1} p_6(X),\;
///     p_6(X) = \sum_{j=0}^{6} c_j X^j,\; q_6(X) = \sum_{j=0}^{6} c_j (-X)^j,\;
///     c_j = \frac{(12 - j)!\, 6!}{12!\, j!\, (6 - j)!} \f]
/// with \f$ s \f$ chosen so that \f$ \|A / 2^s\|_\infty \le 1/2 \f$
/// (Golub & Van Loan, Algorithm 9.3.1). Not the element-wise exponential.
/// Shapes: `A ~ (n, n)`; the exponential of the 0×0 matrix is 0×0.
/// \throws dlmath::shape_error if A is not square.
/// \throws dlmath::domain_error if an entry is NaN or infinite, or if \f$ e^A \f$ overflows:
/// an error rather than inf entries, because squaring an infinite entry
/// yields NaN beside it (inf·0), e.g. expm([[1e308, 1e308], [1e308, 1e308]]).
/// Accuracy: the Padé error is below \f$ 2^{3-12} 6!^2/(12!\,13!) \approx 3.4\cdot 10^{-16} \f$ relative
/// for the scaled matrix; squaring can amplify it by \f$ \kappa(e^A) \f$.
/// Complexity: \f$ (6 + s) \f$ matrix products and one solve, \f$ O((6 + s) n^3) \f$.
/// \sa dlmath::fast::expm
Matrix expm(const Matrix& A);

/// \ingroup chapter1
/// \brief A change of basis: the forward matrix and its inverse, the backward matrix.
///
/// The columns of `forward` are the new basis vectors \f$ \tilde e_j \f$ written in
/// the old basis: \f$ \tilde e_j = \sum_i F_{ij} e_i \f$. Coordinates transform the other
/// way round: \f$ \tilde v = B v \f$ with \f$ B = F^{-1} \f$ (contravariance).
struct ChangeOfBasis {
    Matrix forward;   ///< \f$ F \f$: new basis vectors as columns, in old coordinates, `(n, n)`
    Matrix backward;  ///< \f$ B = F^{-1} \f$: old basis vectors as columns, in new coordinates, `(n, n)`
};

/// \ingroup chapter1
/// \brief Builds a change of basis from the forward matrix \f$ F \f$ (new basis vectors as columns).
///
/// \f[ B = F^{-1}, \qquad e_j = \sum_i B_{ij} \tilde e_i \f]
/// Shapes: `F ~ (n, n)`.
/// \throws dlmath::shape_error if F is not square.
/// \throws dlmath::domain_error if an entry is NaN/inf, F is singular (its columns are no basis),
/// or an entry of \f$ F^{-1} \f$ lies beyond the double range.
/// Complexity: one inverse, \f$ 2 n^3 \f$ flops. \sa dlmath::reference::inv, dlmath::fast::change_of_basis
ChangeOfBasis change_of_basis(const Matrix& forward);

/// \ingroup chapter1
/// \brief Coordinates of a vector in the new basis: \f$ \tilde v = B v \f$.
///
/// \f[ \tilde v_i = \sum_j B_{ij} v_j \f]
/// Shapes: `v ~ (n)`; returns `(n)`.
/// \throws dlmath::shape_error if `basis` is inconsistent (forward not square, or backward of
/// another shape: possible for a struct filled by hand) or v's length differs from n.
/// \throws dlmath::domain_error if an entry of v is NaN or infinite.
/// Complexity: \f$ 2 n^2 \f$ flops. \sa dlmath::reference::to_old_basis
Vector to_new_basis(const ChangeOfBasis& basis, const Vector& v);

/// \ingroup chapter1
/// \brief Coordinates of a vector in the old basis: \f$ v = F \tilde v \f$.
///
/// \f[ v_i = \sum_j F_{ij} \tilde v_j \f]
/// Shapes: `v_new ~ (n)`; returns `(n)`.
/// \throws dlmath::shape_error if `basis` is inconsistent or the length differs from n.
/// \throws dlmath::domain_error if an entry is NaN or infinite.
/// Complexity: \f$ 2 n^2 \f$ flops. \sa dlmath::reference::to_new_basis
Vector to_old_basis(const ChangeOfBasis& basis, const Vector& v_new);

/// \ingroup chapter1
/// \brief Matrix of a linear map in the new basis: \f$ \tilde M = B M F \f$.
///
/// \f[ \tilde M_{ij} = \sum_{k,l} B_{ik} M_{kl} F_{lj} \f]
/// Read right to left: new coordinates to old (F), apply the map (M), back to new (B).
/// The intermediate \f$ BM \f$ has as columns the images \f$ L(e_j) \f$ in new coordinates.
/// Shapes: `M ~ (n, n)`; returns `(n, n)`.
/// \throws dlmath::shape_error if `basis` is inconsistent (e.g. F 2×2 and B 0×0) or M is not n×n.
/// \throws dlmath::domain_error if an entry is NaN or infinite.
/// Complexity: \f$ 4 n^3 \f$ flops. \sa dlmath::reference::change_of_basis
Matrix map_in_new_basis(const ChangeOfBasis& basis, const Matrix& M);

}  // namespace dlmath::reference
