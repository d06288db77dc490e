// Chapter 1, linear systems and decompositions — reference twin:
// determinants, inverses and linear systems by LU with partial pivoting,
// change of basis, power iteration and the matrix exponential; the
// symmetric eigendecomposition and the SVD by Jacobi rotations, and
// everything built on the SVD.
//
// Rules of this file: each function reads like its formula, with the
// textbook's index names; plain loops; no intrinsics, no OpenMP.

#include "dlmath/reference/linear_algebra/decompositions.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <utility>
#include <vector>

#include <xtensor/xview.hpp>

#include "dlmath/detail/checks/linear_algebra.hpp"
#include "dlmath/detail/composites/linear_algebra.hpp"
#include "dlmath/detail/linear_algebra.hpp"
#include "dlmath/detail/scaling.hpp"
#include "dlmath/numeric.hpp"
#include "dlmath/reference/linear_algebra/products.hpp"
#include "dlmath/reference/linear_algebra/vectors.hpp"
#include "lu.hpp"

namespace dlmath::reference {

//! [lu_factor]
// PA = LU with partial pivoting, stored in place (detail::LU): U on and
// above the diagonal, the multipliers l_ik (unit diagonal implied) below it.
using detail::LU;

LU lu_factor(const Matrix& A) {
    // A ~ (n, n)
    const std::size_t n = A.shape(0);
    LU f{A, std::vector<std::size_t>(n), 1, false};
    Matrix& a = f.lu;
    for (std::size_t i = 0; i < n; ++i) f.row[i] = i;

    for (std::size_t k = 0; k < n; ++k) {
        // 1. pivot: the largest |a_ik| on or below the diagonal
        std::size_t p = k;
        for (std::size_t i = k + 1; i < n; ++i) {
            if (std::fabs(a(i, k)) > std::fabs(a(p, k))) p = i;
        }
        if (a(p, k) == 0.0) {  // the whole column is zero: A is singular
            f.singular = true;
            continue;
        }
        // 2. swap rows k and p
        if (p != k) {
            for (std::size_t j = 0; j < n; ++j) std::swap(a(k, j), a(p, j));
            std::swap(f.row[k], f.row[p]);
            f.sign = -f.sign;
        }
        // 3. eliminate below the pivot: l_ik = a_ik / a_kk, a_ij -= l_ik a_kj
        for (std::size_t i = k + 1; i < n; ++i) {
            const double l_ik = a(i, k) / a(k, k);
            a(i, k) = l_ik;
            for (std::size_t j = k + 1; j < n; ++j) a(i, j) -= l_ik * a(k, j);
        }
    }
    return f;
}
//! [lu_factor]

namespace {

//! [lu_solve]
// Solves LU x = P b for one right-hand side, column c of B (B ~ (n, r)).
void lu_solve_column(const LU& f, const Matrix& B, std::size_t c, Matrix& X) {
    const std::size_t n = f.lu.shape(0);
    const Matrix& a = f.lu;
    // forward substitution, L y = P b (l_ii = 1): y_i = b_row(i) - sum_{j<i} l_ij y_j
    for (std::size_t i = 0; i < n; ++i) {
        double y_i = B(f.row[i], c);
        for (std::size_t j = 0; j < i; ++j) y_i -= a(i, j) * X(j, c);
        X(i, c) = y_i;
    }
    // backward substitution, U x = y: x_i = (y_i - sum_{j>i} u_ij x_j) / u_ii
    for (std::size_t i = n; i-- > 0;) {
        double s = X(i, c);
        for (std::size_t j = i + 1; j < n; ++j) s -= a(i, j) * X(j, c);
        X(i, c) = s / a(i, i);
    }
}
//! [lu_solve]

// The minor M_{0j}: A without row 0 and column j.
Matrix minor_without_first_row(const Matrix& A, std::size_t j) {
    const std::size_t n = A.shape(0);
    Matrix M = Matrix::from_shape({n - 1, n - 1});
    for (std::size_t r = 1; r < n; ++r) {
        for (std::size_t c = 0, cc = 0; c < n; ++c) {
            if (c != j) M(r - 1, cc++) = A(r, c);
        }
    }
    return M;
}

double cofactor_expansion(const Matrix& A) {
    const std::size_t n = A.shape(0);
    if (n == 0) return 1.0;  // the empty product
    if (n == 1) return A(0, 0);
    if (n == 2) return A(0, 0) * A(1, 1) - A(0, 1) * A(1, 0);  // ad - bc
    double d = 0.0;
    for (std::size_t j = 0; j < n; ++j) {
        const double sign = (j % 2 == 0) ? 1.0 : -1.0;  // (-1)^(1+j) with 1-based j
        d += sign * A(0, j) * cofactor_expansion(minor_without_first_row(A, j));
    }
    return d;
}

Vector matrix_vector(const Matrix& M, const Vector& v) {
    // M ~ (n, n), v ~ (n): y_i = sum_j M_ij v_j
    const std::size_t n = M.shape(0);
    Vector y = xt::zeros<double>({n});
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) y(i) += M(i, j) * v(j);
    }
    return y;
}

}  // namespace

//! [det_cofactor]
double det_cofactor(const Matrix& A) {
    detail::check_det_cofactor(A);
    return cofactor_expansion(A);
}
//! [det_cofactor]

//! [det]
double det(const Matrix& A) {
    detail::check_det(A);
    // det A = det(P)^{-1} prod_i u_ii
    return detail::lu_determinant(lu_factor(A));
}
//! [det]

//! [solve]
Matrix solve(const Matrix& A, const Matrix& B) {
    // A ~ (n, n), B ~ (n, r), returns X ~ (n, r)
    detail::check_solve(A, B);
    const LU f = lu_factor(A);
    detail::check_nonsingular(detail::fn::solve, f.singular, A);
    Matrix X = Matrix::from_shape({A.shape(0), B.shape(1)});
    for (std::size_t c = 0; c < B.shape(1); ++c) lu_solve_column(f, B, c, X);
    detail::check_no_overflow(detail::fn::solve, X, A, "the solution");
    return X;
}
//! [solve]

Vector solve(const Matrix& A, const Vector& b) {
    detail::check_solve(A, b);
    const Matrix B = xt::reshape_view(b, {b.size(), std::size_t{1}});
    const Matrix X = solve(A, B);
    return xt::flatten(X);
}

//! [inv]
Matrix inv(const Matrix& A) {
    detail::check_inv(A);
    const LU f = lu_factor(A);
    detail::check_nonsingular(detail::fn::inv, f.singular, A);
    // A^{-1} = solve(A, I), one column of the identity at a time
    const std::size_t n = A.shape(0);
    const Matrix I = xt::eye<double>(n);
    Matrix X = Matrix::from_shape({n, n});
    for (std::size_t c = 0; c < n; ++c) lu_solve_column(f, I, c, X);
    detail::check_no_overflow(detail::fn::inv, X, A, "the inverse");
    return X;
}
//! [inv]

//! [change_of_basis]
ChangeOfBasis change_of_basis(const Matrix& forward) {
    detail::check_change_of_basis(forward);
    const LU f = lu_factor(forward);
    detail::check_basis(f.singular, forward);
    // B = F^{-1} = solve(F, I), one column of the identity at a time
    const std::size_t n = forward.shape(0);
    const Matrix I = xt::eye<double>(n);
    Matrix B = Matrix::from_shape({n, n});
    for (std::size_t c = 0; c < n; ++c) lu_solve_column(f, I, c, B);
    detail::check_no_overflow(detail::fn::change_of_basis, B, forward, "the backward matrix F^-1", "F");
    return {forward, B};
}

Vector to_new_basis(const ChangeOfBasis& basis, const Vector& v) {
    detail::check_to_new_basis(basis.forward, basis.backward, v);
    return matrix_vector(basis.backward, v);  // v~ = B v
}

Vector to_old_basis(const ChangeOfBasis& basis, const Vector& v_new) {
    detail::check_to_old_basis(basis.forward, basis.backward, v_new);
    return matrix_vector(basis.forward, v_new);  // v = F v~
}

Matrix map_in_new_basis(const ChangeOfBasis& basis, const Matrix& M) {
    detail::check_map_in_new_basis(basis.forward, basis.backward, M);
    const std::size_t n = basis.forward.shape(0);
    // M~ = B M F: old -> new coordinates after applying M to F's columns
    const Matrix& B = basis.backward;
    const Matrix& F = basis.forward;
    Matrix BM = xt::zeros<double>({n, n}), Mt = xt::zeros<double>({n, n});
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k = 0; k < n; ++k)
            for (std::size_t j = 0; j < n; ++j) BM(i, j) += B(i, k) * M(k, j);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k = 0; k < n; ++k)
            for (std::size_t j = 0; j < n; ++j) Mt(i, j) += BM(i, k) * F(k, j);
    return Mt;
}
//! [change_of_basis]

//! [ref_power_iteration]
PowerIteration power_iteration(const Matrix& A, std::size_t max_iterations, double tol) {
    detail::check_power_iteration(A, tol);
    // the iteration is written once, in detail/composites/linear_algebra.hpp
    return detail::power_iteration(
        A, max_iterations, tol, matrix_vector, [](const Vector& x, const Vector& y) { return dot(x, y); },
        [](const Vector& x) { return norm(x); });
}
//! [ref_power_iteration]

//! [ref_expm]
Matrix expm(const Matrix& A) {
    detail::check_expm(A);
    // scaling and squaring with the Pade approximant, written once in
    // detail/composites/linear_algebra.hpp, on this twin's matmul and solve
    return detail::expm(A, matmul, [](const Matrix& D, const Matrix& N) { return solve(D, N); });
}
//! [ref_expm]

}  // namespace dlmath::reference

// ---------------------------------------------------------------- Jacobi: eigh, svd and what rests on the SVD

namespace dlmath::reference {
namespace {

constexpr double u = unit_roundoff<double>();
constexpr int max_sweeps = 60;  // Jacobi converges quadratically; 6-12 sweeps are typical

// The rotation that zeroes an off-diagonal pair (detail::jacobi_rotation,
// shared with the fast twin).
using detail::jacobi_rotation;
using detail::Rotation;

// The singular values are the column norms of W (m x k); sorting them
// descending, normalising u_j = w_j / sigma_j and completing U for
// sigma_j = 0 is shared with the fast twin (detail::assemble_svd).
SVD finish_svd(const Matrix& W, const Matrix& Vt) {
    const std::size_t m = W.shape(0), k = W.shape(1);
    Vector sigma = Vector::from_shape({k});
    for (std::size_t j = 0; j < k; ++j) {
        sigma(j) = reference::norm(Vector(xt::view(W, xt::all(), j)));  // sigma_j = ||w_j||_2, scaled: no underflow
    }
    return detail::assemble_svd(sigma, m, [&W](std::size_t i, std::size_t j) { return W(i, j); }, Vt);
}

//! [one_sided_jacobi]
// One-sided Jacobi for a tall or square A (m >= n): rotate pairs of columns
// of W (W = A at the start) until all are mutually orthogonal; accumulate
// the rotations in V. Then W = U diag(sigma), A = W V^T.
SVD svd_tall(const Matrix& A) {
    // A ~ (m, n), m >= n
    const std::size_t m = A.shape(0), n = A.shape(1);
    Matrix W = A;
    Matrix V = xt::eye<double>(n);
    const double tol = static_cast<double>(std::max<std::size_t>(m, 1)) * u;  // orthogonality target

    for (int sweep = 0; sweep < max_sweeps; ++sweep) {
        bool rotated = false;
        for (std::size_t p = 0; p + 1 < n; ++p) {
            for (std::size_t q = p + 1; q < n; ++q) {
                // alpha = ||w_p||^2, beta = ||w_q||^2, gamma = <w_p, w_q>
                double alpha = 0.0, beta = 0.0, gamma = 0.0;
                for (std::size_t i = 0; i < m; ++i) {
                    alpha += W(i, p) * W(i, p);
                    beta += W(i, q) * W(i, q);
                    gamma += W(i, p) * W(i, q);
                }
                if (!(std::fabs(gamma) > tol * std::sqrt(alpha) * std::sqrt(beta))) continue;  // already orthogonal
                rotated = true;
                const Rotation r = jacobi_rotation(alpha, beta, gamma);
                for (std::size_t i = 0; i < m; ++i) {  // W <- W J
                    const double wp = W(i, p), wq = W(i, q);
                    W(i, p) = r.c * wp - r.s * wq;
                    W(i, q) = r.s * wp + r.c * wq;
                }
                for (std::size_t i = 0; i < n; ++i) {  // V <- V J
                    const double vp = V(i, p), vq = V(i, q);
                    V(i, p) = r.c * vp - r.s * vq;
                    V(i, q) = r.s * vp + r.c * vq;
                }
            }
        }
        if (!rotated) break;
    }
    return finish_svd(W, xt::transpose(V));
}
//! [one_sided_jacobi]

}  // namespace

//! [svd]
SVD svd(const Matrix& A) {
    detail::check_svd(A);
    // on 2^e A with max |a_ij| in [1, 2), so no sum of squares overflows; sigma_i(A) = 2^-e sigma_i(2^e A)
    return detail::scaled_svd(A, [](const Matrix& As) -> SVD {
        if (As.shape(0) >= As.shape(1)) return svd_tall(As);
        // wide: A^T = U' S V'^T, so A = V' S U'^T
        const SVD t = svd_tall(xt::transpose(As));
        return {xt::transpose(t.Vt), t.S, xt::transpose(t.U)};
    });
}
//! [svd]

//! [eigh]
namespace {
// The cyclic Jacobi method on a symmetric A whose largest entry lies in [1, 2).
Eigh jacobi_eigh(const Matrix& A) {
    // A ~ (n, n), symmetric
    const std::size_t n = A.shape(0);
    Matrix a = A;
    Matrix V = xt::eye<double>(n);
    double frob = 0.0;
    for (std::size_t k = 0; k < A.size(); ++k) frob += A.data()[k] * A.data()[k];
    const double floor = u * u * std::sqrt(frob);  // off-diagonal entries below this are noise

    for (int sweep = 0; sweep < max_sweeps; ++sweep) {
        bool rotated = false;
        for (std::size_t p = 0; p + 1 < n; ++p) {
            for (std::size_t q = p + 1; q < n; ++q) {
                const double apq = a(p, q);
                if (!(std::fabs(apq) > u * std::sqrt(std::fabs(a(p, p) * a(q, q)))) || !(std::fabs(apq) > floor)) {
                    continue;  // negligible next to the diagonal
                }
                rotated = true;
                const Rotation r = jacobi_rotation(a(p, p), a(q, q), apq);
                for (std::size_t k = 0; k < n; ++k) {  // A <- A J (columns p, q)
                    const double akp = a(k, p), akq = a(k, q);
                    a(k, p) = r.c * akp - r.s * akq;
                    a(k, q) = r.s * akp + r.c * akq;
                }
                for (std::size_t k = 0; k < n; ++k) {  // A <- J^T A (rows p, q)
                    const double apk = a(p, k), aqk = a(q, k);
                    a(p, k) = r.c * apk - r.s * aqk;
                    a(q, k) = r.s * apk + r.c * aqk;
                }
                a(p, q) = a(q, p) = 0.0;  // exactly zero by the choice of the angle
                for (std::size_t k = 0; k < n; ++k) {  // V <- V J
                    const double vkp = V(k, p), vkq = V(k, q);
                    V(k, p) = r.c * vkp - r.s * vkq;
                    V(k, q) = r.s * vkp + r.c * vkq;
                }
            }
        }
        if (!rotated) break;
    }
    // ascending eigenvalues lambda_i = a_ii, eigenvectors the columns of V
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return a(x, x) < a(y, y); });
    Eigh r{Vector::from_shape({n}), Matrix::from_shape({n, n})};
    for (std::size_t j = 0; j < n; ++j) {
        r.eigenvalues(j) = a(order[j], order[j]);
        for (std::size_t k = 0; k < n; ++k) r.eigenvectors(k, j) = V(k, order[j]);
    }
    return r;
}
}  // namespace

Eigh eigh(const Matrix& A) {
    detail::check_eigh(A);
    // on 2^e A with max |a_ij| in [1, 2): lambda_i(A) = 2^-e lambda_i(2^e A)
    return detail::scaled_eigh(A, jacobi_eigh);
}
//! [eigh]

std::size_t matrix_rank(const Matrix& A, double tol) {
    detail::check_matrix_rank(A, tol);
    return detail::matrix_rank(A, tol, svd);  // count sigma_i > tol (detail/composites)
}

double cond(const Matrix& A) {
    detail::check_cond(A);
    return detail::cond(A, svd);  // kappa_2 = sigma_max / sigma_min (detail/composites)
}


//! [pinv]
Matrix pinv(const Matrix& A, double rcond) {
    // A ~ (m, n), returns A+ ~ (n, m)
    detail::check_pinv(A, rcond);
    const std::size_t m = A.shape(0), n = A.shape(1);
    Matrix P = xt::zeros<double>({n, m});
    if (A.size() == 0) return P;
    const SVD d = svd(A);
    const std::size_t k = d.S.size();
    const double cutoff = rcond * d.S(0);
    // A+_ij = sum_l v_il (1 / sigma_l) u_jl over sigma_l > cutoff
    for (std::size_t l = 0; l < k; ++l) {
        if (!(d.S(l) > cutoff) || d.S(l) == 0.0) continue;
        const double inv_sigma = 1.0 / d.S(l);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < m; ++j) P(i, j) += d.Vt(l, i) * inv_sigma * d.U(j, l);
    }
    return P;
}
//! [pinv]

//! [lstsq]
Vector lstsq(const Matrix& A, const Vector& b, double rcond) {
    // A ~ (m, n), b ~ (m), returns x ~ (n)
    detail::check_lstsq(A, b, rcond);
    const std::size_t m = A.shape(0), n = A.shape(1);
    Vector x = xt::zeros<double>({n});
    if (A.size() == 0) return x;
    const SVD d = svd(A);
    const double cutoff = rcond * d.S(0);
    // x = V D+ U^T b = sum_l v_l (u_l^T b) / sigma_l
    for (std::size_t l = 0; l < d.S.size(); ++l) {
        if (!(d.S(l) > cutoff) || d.S(l) == 0.0) continue;
        double ub = 0.0;
        for (std::size_t j = 0; j < m; ++j) ub += d.U(j, l) * b(j);
        for (std::size_t i = 0; i < n; ++i) x(i) += d.Vt(l, i) * (ub / d.S(l));
    }
    return x;
}
//! [lstsq]

//! [ref_pca]
PCA pca(const Matrix& X, std::size_t k) {
    detail::check_pca(X, k);
    // centre, SVD, keep k axes: written once in detail/composites/linear_algebra.hpp
    return detail::pca(X, k, svd, matmul);
}
//! [ref_pca]

}  // namespace dlmath::reference
