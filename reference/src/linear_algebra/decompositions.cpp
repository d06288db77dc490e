// Chapter 1, section 3: linear systems by LU, change of basis, power
// iteration and the matrix exponential — reference twin.
//
// Rules of this file: each function reads like its formula, with the
// textbook's index names; plain loops; no intrinsics, no OpenMP.

#include "dlmath/reference/linear_algebra/decompositions.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

#include "dlmath/detail/checks.hpp"
#include "dlmath/reference/linear_algebra/products.hpp"

namespace dlmath::reference {
namespace {

//! [lu_factor]
// PA = LU with partial pivoting, stored in place: U on and above the
// diagonal, the multipliers l_ik (unit diagonal implied) below it.
struct LU {
    Matrix lu;                     // (n, n)
    std::vector<std::size_t> row;  // P as a row permutation: row i of PA is row[i] of A
    int sign = 1;                  // det P = (-1)^(number of swaps)
    bool singular = false;         // some pivot was exactly 0
};

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

void require_nonsingular(const char* function, const LU& f, const Matrix& A) {
    if (f.singular) {
        throw domain_error(detail::message(function, ": A is singular (A is ", shape_string(A),
                                           "; LU with partial pivoting met a zero pivot)"));
    }
}

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
    detail::require_square("det_cofactor", A);
    if (A.shape(0) > 4) {
        throw shape_error(detail::message("det_cofactor: the cofactor expansion costs O(n!) and is limited to n <= 4 (A is ",
                                          shape_string(A), "); use det"));
    }
    detail::require_finite("det_cofactor", A);
    return cofactor_expansion(A);
}
//! [det_cofactor]

//! [det]
double det(const Matrix& A) {
    detail::require_square("det", A);
    detail::require_finite("det", A);
    const LU f = lu_factor(A);
    if (f.singular) return 0.0;
    // det A = det(P)^{-1} prod_i u_ii
    double d = f.sign;
    for (std::size_t i = 0; i < A.shape(0); ++i) d *= f.lu(i, i);
    return d;
}
//! [det]

//! [solve]
Matrix solve(const Matrix& A, const Matrix& B) {
    // A ~ (n, n), B ~ (n, r), returns X ~ (n, r)
    detail::require_square("solve", A);
    detail::require_rhs_rows("solve", A, B);
    detail::require_finite("solve", A);
    detail::require_finite("solve", B, "b");
    const LU f = lu_factor(A);
    require_nonsingular("solve", f, A);
    Matrix X = Matrix::from_shape({A.shape(0), B.shape(1)});
    for (std::size_t c = 0; c < B.shape(1); ++c) lu_solve_column(f, B, c, X);
    return X;
}
//! [solve]

Vector solve(const Matrix& A, const Vector& b) {
    detail::require_square("solve", A);
    detail::require_rhs_rows("solve", A, b);
    detail::require_finite("solve", b, "b");
    const Matrix B = xt::reshape_view(b, {b.size(), std::size_t{1}});
    const Matrix X = solve(A, B);
    return xt::flatten(X);
}

//! [inv]
Matrix inv(const Matrix& A) {
    detail::require_square("inv", A);
    detail::require_finite("inv", A);
    const LU f = lu_factor(A);
    require_nonsingular("inv", f, A);
    // A^{-1} = solve(A, I), one column of the identity at a time
    const std::size_t n = A.shape(0);
    const Matrix I = xt::eye<double>(n);
    Matrix X = Matrix::from_shape({n, n});
    for (std::size_t c = 0; c < n; ++c) lu_solve_column(f, I, c, X);
    return X;
}
//! [inv]

//! [change_of_basis]
ChangeOfBasis change_of_basis(const Matrix& forward) {
    detail::require_square("change_of_basis", forward, "F");
    detail::require_finite("change_of_basis", forward, "F");
    const LU f = lu_factor(forward);
    if (f.singular) {
        throw domain_error(detail::message("change_of_basis: the columns of F are not a basis (F is ",
                                           shape_string(forward), " and singular)"));
    }
    return {forward, inv(forward)};  // B = F^{-1}
}

Vector to_new_basis(const ChangeOfBasis& basis, const Vector& v) {
    detail::require_rhs_rows("to_new_basis", basis.backward, v);
    detail::require_finite("to_new_basis", v, "v");
    return matrix_vector(basis.backward, v);  // v~ = B v
}

Vector to_old_basis(const ChangeOfBasis& basis, const Vector& v_new) {
    detail::require_rhs_rows("to_old_basis", basis.forward, v_new);
    detail::require_finite("to_old_basis", v_new, "v");
    return matrix_vector(basis.forward, v_new);  // v = F v~
}

Matrix map_in_new_basis(const ChangeOfBasis& basis, const Matrix& M) {
    const std::size_t n = basis.forward.shape(0);
    if (M.shape(0) != n || M.shape(1) != n) {
        throw shape_error(detail::message("map_in_new_basis: M must be ", n, "x", n, " like the basis (M is ",
                                          shape_string(M), ")"));
    }
    detail::require_finite("map_in_new_basis", M, "M");
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

//! [power_iteration]
PowerIteration power_iteration(const Matrix& A, std::size_t max_iterations, double tol) {
    detail::require_square("power_iteration", A);
    if (A.shape(0) == 0) throw shape_error("power_iteration: A is empty (A is 0x0; there is no eigenpair)");
    detail::require_finite("power_iteration", A);
    detail::require_nonnegative("power_iteration", "tol", tol);
    const std::size_t n = A.shape(0);

    double frob = 0.0;  // ||A||_F, the scale of the residual test
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) frob += A(i, j) * A(i, j);
    frob = std::sqrt(frob);

    PowerIteration r;
    r.eigenvector = detail::power_iteration_start(n);
    if (frob == 0.0) {  // A = 0: every vector is an eigenvector for 0
        return r;
    }
    for (std::size_t t = 1; t <= max_iterations; ++t) {
        r.iterations = t;
        const Vector w = matrix_vector(A, r.eigenvector);  // w = A v
        // lambda = v^T A v (v has unit length); residual ||A v - lambda v||
        double lambda = 0.0, norm_w = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            lambda += r.eigenvector(i) * w(i);
            norm_w += w(i) * w(i);
        }
        norm_w = std::sqrt(norm_w);
        double res = 0.0;
        for (std::size_t i = 0; i < n; ++i) res += (w(i) - lambda * r.eigenvector(i)) * (w(i) - lambda * r.eigenvector(i));
        r.eigenvalue = lambda;
        if (std::sqrt(res) <= tol * frob) return r;  // converged: (lambda, v) is an eigenpair
        for (std::size_t i = 0; i < n; ++i) r.eigenvector(i) = w(i) / norm_w;  // v = A v / ||A v|| (w != 0 here: w = 0 has residual 0)
    }
    r.status = Status::no_convergence;
    r.reason = detail::message("power_iteration: no convergence in ", max_iterations,
                               " iterations (the residual stayed above tol * ||A||_F = ", tol * frob,
                               "); the dominant eigenvalue may not be unique in magnitude (e.g. +lambda and "
                               "-lambda, or a complex pair), or |lambda_2 / lambda_1| is close to 1");
    return r;
}
//! [power_iteration]

//! [expm]
Matrix expm(const Matrix& A) {
    detail::require_square("expm", A);
    detail::require_finite("expm", A);
    const std::size_t n = A.shape(0);
    if (n == 0) return Matrix::from_shape({0, 0});

    // 1. scaling: s with ||A / 2^s||_inf <= 1/2
    double norm_inf = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        double row = 0.0;
        for (std::size_t j = 0; j < n; ++j) row += std::fabs(A(i, j));
        norm_inf = std::fmax(norm_inf, row);
    }
    int s = 0;
    if (norm_inf > 0.5) s = static_cast<int>(std::ceil(std::log2(norm_inf / 0.5)));
    const Matrix X = A * std::ldexp(1.0, -s);

    // 2. Pade [6/6]: N = sum_j c_j X^j, D = sum_j c_j (-X)^j,
    //    c_0 = 1, c_j = c_{j-1} (q - j + 1) / (j (2q - j + 1)), q = 6
    constexpr int q = 6;
    Matrix Xj = X;  // X^j
    Matrix N = xt::eye<double>(n), D = xt::eye<double>(n);
    double c = 1.0;
    for (int j = 1; j <= q; ++j) {
        c *= static_cast<double>(q - j + 1) / static_cast<double>(j * (2 * q - j + 1));
        if (j > 1) Xj = matmul(X, Xj);
        N += c * Xj;
        D += ((j % 2 == 0) ? c : -c) * Xj;
    }
    // 3. r_6 = D^{-1} N, then square s times: e^A = r_6^(2^s)
    Matrix E = solve(D, N);
    for (int k = 0; k < s; ++k) E = matmul(E, E);
    return E;
}
//! [expm]

}  // namespace dlmath::reference
