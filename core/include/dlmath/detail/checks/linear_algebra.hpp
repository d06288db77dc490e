/// \file
/// \brief Chapter 1's input checks: one `check_<function>` per public
/// function, called first thing by both twins, so that the reference and the
/// fast function reject exactly the same inputs with the same message.
///
/// Each function's name is written once, in `fn::`; messages read
/// `matmul: inner dimensions differ (A is 2x3, B is 4x2)`.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string_view>
#include <vector>

#include "dlmath/detail/checks/common.hpp"
#include "dlmath/detail/einsum_spec.hpp"
#include "dlmath/linear_algebra_types.hpp"

namespace dlmath::detail {

/// The names of chapter 1's public functions, as the messages write them.
namespace fn {
inline constexpr std::string_view dot = "dot", norm = "norm";
inline constexpr std::string_view add = "add", hadamard = "hadamard", trace = "trace", matmul = "matmul",
                                  matvec = "matvec", bmm = "bmm", gdt = "gdt", einsum = "einsum";
inline constexpr std::string_view det_cofactor = "det_cofactor", det = "det", solve = "solve", inv = "inv",
                                  change_of_basis = "change_of_basis", to_new_basis = "to_new_basis",
                                  to_old_basis = "to_old_basis", map_in_new_basis = "map_in_new_basis",
                                  power_iteration = "power_iteration", expm = "expm";
inline constexpr std::string_view svd = "svd", eigh = "eigh", matrix_rank = "matrix_rank", cond = "cond",
                                  pinv = "pinv", lstsq = "lstsq", pca = "pca";
}  // namespace fn

// ---------------------------------------------------------------- vectors

/// `dot(x, y)`: x and y of the same length.
inline void check_dot(const Vector& x, const Vector& y) { require_same_length(fn::dot, x, y); }

/// `norm(x, p)`: p is any order NumPy accepts for a vector (every real p and
/// \f$ \pm\infty \f$, not NaN); \f$ p = -\infty \f$ needs an entry (the
/// minimum of nothing is undefined).
inline void check_norm(const Vector& x, double p) {
    require_not_nan(fn::norm, "the order p", p);
    if (p == -std::numeric_limits<double>::infinity() && x.size() == 0) {
        throw shape_error(message(fn::norm, ": the order p = -inf takes the minimum of |x_i|, and x is empty"));
    }
}

// ---------------------------------------------------------------- products

/// `add(A, B)`: the same shape.
inline void check_add(const Matrix& A, const Matrix& B) { require_same_shape(fn::add, A, B); }

/// `hadamard(A, B)`: the same shape.
inline void check_hadamard(const Matrix& A, const Matrix& B) { require_same_shape(fn::hadamard, A, B); }

/// `trace(A)`: A square.
inline void check_trace(const Matrix& A) { require_square(fn::trace, A); }

/// `matmul(A, B)`: \f$ A \sim (m, k) \f$ and \f$ B \sim (k, n) \f$.
inline void check_matmul(const Matrix& A, const Matrix& B) {
    if (A.shape(1) != B.shape(0)) {
        throw shape_error(message(fn::matmul, ": inner dimensions differ (A is ", shape_string(A), ", B is ",
                                  shape_string(B), ")"));
    }
}

/// `matvec(A, x)`: \f$ A \sim (m, n) \f$ and \f$ x \sim (n) \f$.
inline void check_matvec(const Matrix& A, const Vector& x) {
    if (A.shape(1) != x.size()) {
        throw shape_error(message(fn::matvec, ": inner dimensions differ (A is ", shape_string(A), ", x has ",
                                  x.size(), " elements)"));
    }
}

/// `bmm(A, B)`: \f$ A \sim (n, a, b) \f$ and \f$ B \sim (n, b, c) \f$.
inline void check_bmm(const Tensor3& A, const Tensor3& B) {
    if (A.shape(0) != B.shape(0)) {
        throw shape_error(message(fn::bmm, ": batch sizes differ (A is ", shape_string(A), ", B is ",
                                  shape_string(B), ")"));
    }
    if (A.shape(2) != B.shape(1)) {
        throw shape_error(message(fn::bmm, ": inner dimensions differ (A is ", shape_string(A), ", B is ",
                                  shape_string(B), ")"));
    }
}

/// `gdt(X, Y)`: the same shape.
inline void check_gdt(const Tensor3& X, const Tensor3& Y) { require_same_shape(fn::gdt, X, Y, "X", "Y"); }

/// `einsum(spec, operands...)`: a valid spec for operands of these shapes;
/// returns the parsed spec (see parse_einsum).
inline EinsumSpec check_einsum(std::string_view spec, const std::vector<std::vector<std::size_t>>& shapes) {
    return parse_einsum(fn::einsum, spec, shapes);
}

// ---------------------------------------------------------------- linear systems

/// `det_cofactor(A)`: A square, at most 4x4 (the expansion costs O(n!)), finite.
inline void check_det_cofactor(const Matrix& A) {
    require_square(fn::det_cofactor, A);
    if (A.shape(0) > 4) {
        throw shape_error(message(fn::det_cofactor, ": the cofactor expansion costs O(n!) and is limited to n <= 4 (A is ",
                                  shape_string(A), "); use det"));
    }
    require_finite(fn::det_cofactor, A);
}

/// `det(A)`: A square and finite.
inline void check_det(const Matrix& A) {
    require_square(fn::det, A);
    require_finite(fn::det, A);
}

/// `solve(A, B)`: A square, B with as many rows as A, both finite.
inline void check_solve(const Matrix& A, const Matrix& B) {
    require_square(fn::solve, A);
    require_rhs_rows(fn::solve, A, B);
    require_finite(fn::solve, A);
    require_finite(fn::solve, B, "b");
}

/// `solve(A, b)`: as for a matrix right-hand side.
inline void check_solve(const Matrix& A, const Vector& b) {
    require_square(fn::solve, A);
    require_rhs_rows(fn::solve, A, b);
    require_finite(fn::solve, A);
    require_finite(fn::solve, b, "b");
}

/// `inv(A)`: A square and finite.
inline void check_inv(const Matrix& A) {
    require_square(fn::inv, A);
    require_finite(fn::inv, A);
}

/// After LU with partial pivoting (`solve`, `inv`): throws `domain_error`
/// when a pivot was exactly zero.
inline void check_nonsingular(std::string_view function, bool singular, const Matrix& A) {
    if (singular) {
        throw domain_error(message(function, ": A is singular (A is ", shape_string(A),
                                   "; LU with partial pivoting met a zero pivot)"));
    }
}

/// `change_of_basis(F)`: F square and finite (its singularity is checked
/// after the LU by check_basis).
inline void check_change_of_basis(const Matrix& F) {
    require_square(fn::change_of_basis, F, "F");
    require_finite(fn::change_of_basis, F, "F");
}

/// After the LU of F in `change_of_basis`: the columns must be a basis.
inline void check_basis(bool singular, const Matrix& F) {
    if (singular) {
        throw domain_error(message(fn::change_of_basis, ": the columns of F are not a basis (F is ", shape_string(F),
                                   " and singular)"));
    }
}

/// Any use of a ChangeOfBasis: `basis.forward` square and `basis.backward`
/// of the same shape (a struct filled by hand may not be; change_of_basis
/// always makes a consistent one).
inline void check_basis_consistent(std::string_view function, const Matrix& forward, const Matrix& backward) {
    if (forward.shape(0) != forward.shape(1) || backward.shape() != forward.shape()) {
        throw shape_error(message(function, ": basis is inconsistent (basis.forward is ", shape_string(forward),
                                  ", basis.backward is ", shape_string(backward),
                                  "; both must be n x n, as change_of_basis builds them)"));
    }
}

/// A vector given in one basis: as many coordinates as the basis has vectors, finite.
inline void check_coordinates(std::string_view function, std::string_view name, std::size_t n, const Vector& v) {
    if (v.size() != n) {
        throw shape_error(message(function, ": ", name, " must have ", n, " coordinates like the basis (basis is ", n,
                                  "x", n, ", ", name, " has ", v.size(), " elements)"));
    }
    require_finite(function, v, name);
}

/// `to_new_basis(basis, v)`: a consistent basis, v as long as the basis, finite.
inline void check_to_new_basis(const Matrix& forward, const Matrix& backward, const Vector& v) {
    check_basis_consistent(fn::to_new_basis, forward, backward);
    check_coordinates(fn::to_new_basis, "v", forward.shape(0), v);
}

/// `to_old_basis(basis, v_new)`: a consistent basis, v_new as long as the basis, finite.
inline void check_to_old_basis(const Matrix& forward, const Matrix& backward, const Vector& v_new) {
    check_basis_consistent(fn::to_old_basis, forward, backward);
    check_coordinates(fn::to_old_basis, "v_new", forward.shape(0), v_new);
}

/// `map_in_new_basis(basis, M)`: a consistent basis, M n x n like it, finite.
inline void check_map_in_new_basis(const Matrix& forward, const Matrix& backward, const Matrix& M) {
    check_basis_consistent(fn::map_in_new_basis, forward, backward);
    const std::size_t n = forward.shape(0);
    if (M.shape(0) != n || M.shape(1) != n) {
        throw shape_error(message(fn::map_in_new_basis, ": M must be ", n, "x", n, " like the basis (M is ",
                                  shape_string(M), ")"));
    }
    require_finite(fn::map_in_new_basis, M, "M");
}

/// After `solve` or `inv` on finite input: throws `domain_error` when the
/// result has an entry that is not finite — its true value lies beyond the
/// double range (e.g. the inverse of diag(5e-324, 5e-324)); IEEE arithmetic
/// would return inf, and NaN where that inf meets a zero in the substitution.
template <class E>
void check_no_overflow(std::string_view function, const E& result, const Matrix& A, std::string_view what,
                       std::string_view a = "A") {
    for (std::size_t k = 0; k < result.size(); ++k) {
        if (!std::isfinite(result.data()[k])) {
            throw domain_error(message(function, ": ", what, " overflows the double range (", a, " is ", shape_string(A),
                                       ", entry ", k, " in row-major order of the result is not finite)"));
        }
    }
}

/// `power_iteration(A, max_iterations, tol)`: A square, not empty, finite; tol finite and >= 0.
inline void check_power_iteration(const Matrix& A, double tol) {
    require_square(fn::power_iteration, A);
    if (A.shape(0) == 0) {
        throw shape_error(message(fn::power_iteration, ": A is empty (A is 0x0; there is no eigenpair)"));
    }
    require_finite(fn::power_iteration, A);
    require_nonnegative(fn::power_iteration, "tol", tol);
}

/// `expm(A)`: A square and finite.
inline void check_expm(const Matrix& A) {
    require_square(fn::expm, A);
    require_finite(fn::expm, A);
}

// ---------------------------------------------------------------- decompositions

/// `svd(A)`: A finite.
inline void check_svd(const Matrix& A) { require_finite(fn::svd, A); }

/// `eigh(A)`: A square, finite and symmetric up to rounding.
inline void check_eigh(const Matrix& A) {
    require_square(fn::eigh, A);
    require_finite(fn::eigh, A);
    require_symmetric(fn::eigh, A);
}

/// `matrix_rank(A, tol)`: A finite, tol not NaN (a negative tol asks for the default).
inline void check_matrix_rank(const Matrix& A, double tol) {
    require_finite(fn::matrix_rank, A);
    require_not_nan(fn::matrix_rank, "tol", tol);
}

/// `cond(A)`: A finite and not empty.
inline void check_cond(const Matrix& A) {
    require_finite(fn::cond, A);
    require_nonempty(fn::cond, A);
}

/// `pinv(A, rcond)`: A finite, rcond finite and >= 0.
inline void check_pinv(const Matrix& A, double rcond) {
    require_finite(fn::pinv, A);
    require_nonnegative(fn::pinv, "rcond", rcond);
}

/// `lstsq(A, b, rcond)`: b with as many rows as A, both finite, rcond finite and >= 0.
inline void check_lstsq(const Matrix& A, const Vector& b, double rcond) {
    require_rhs_rows(fn::lstsq, A, b);
    require_finite(fn::lstsq, A);
    require_finite(fn::lstsq, b, "b");
    require_nonnegative(fn::lstsq, "rcond", rcond);
}

/// `pca(X, k)`: at least 2 samples, \f$ k \le \min(N, d) \f$, X finite.
inline void check_pca(const Matrix& X, std::size_t k) {
    const std::size_t N = X.shape(0), d = X.shape(1);
    if (N < 2) throw shape_error(message(fn::pca, ": needs at least 2 samples (X is ", shape_string(X), ")"));
    if (k > std::min(N, d)) {
        throw shape_error(message(fn::pca, ": k must be <= min(N, d) (X is ", shape_string(X), ", k = ", k, ")"));
    }
    require_finite(fn::pca, X, "X");
}

// ---------------------------------------------------------------- NumPy's surface (section numpy)

namespace fn {
inline constexpr std::string_view slogdet = "slogdet", matrix_power = "matrix_power";
}  // namespace fn

/// Whether `ord` is one of the numeric orders of a matrix norm: 1, -1, 2, -2, inf, -inf.
inline bool is_matrix_norm_order(double ord) {
    return ord == 1.0 || ord == -1.0 || ord == 2.0 || ord == -2.0 || std::isinf(ord);
}

/// `norm(A, ord)`: ord is 1, -1, 2, -2, inf or -inf; A finite for the orders
/// computed from singular values (2, -2); an order that takes a minimum
/// (-1 over the columns, -inf over the rows, -2 over the singular values)
/// needs something to take it over.
inline void check_norm(const Matrix& A, double ord) {
    if (!is_matrix_norm_order(ord)) {
        throw domain_error(message(fn::norm, ": invalid order ", ord,
                                   " for a matrix (valid: 1, -1, 2, -2, inf, -inf, MatrixNorm::fro, MatrixNorm::nuc)"));
    }
    const std::size_t m = A.shape(0), n = A.shape(1);
    const bool no_terms = (ord == -1.0 && n == 0) || (ord == -std::numeric_limits<double>::infinity() && m == 0) ||
                          (ord == -2.0 && std::min(m, n) == 0);
    if (no_terms) {
        throw shape_error(message(fn::norm, ": the order ", ord, " takes a minimum over ",
                                  ord == -1.0 ? "columns" : ord == -2.0 ? "singular values" : "rows", ", and A is ",
                                  shape_string(A)));
    }
    if (std::fabs(ord) == 2.0) require_finite(fn::norm, A);
}

/// `norm(A, MatrixNorm)`: A finite for the nuclear norm (a sum of singular values).
inline void check_norm(const Matrix& A, MatrixNorm ord) {
    if (ord == MatrixNorm::nuc) require_finite(fn::norm, A);
}

/// `norm(A, ord, axis)`: axis 0 (a norm per column) or 1 (a norm per row);
/// ord a vector order, checked on each row or column.
inline void check_norm(const Matrix& A, double ord, std::size_t axis) {
    if (axis > 1) {
        throw shape_error(message(fn::norm, ": axis must be 0 (columns) or 1 (rows) for a matrix (A is ",
                                  shape_string(A), ", axis = ", axis, ")"));
    }
    require_not_nan(fn::norm, "the order p", ord);
    const std::size_t length = A.shape(axis == 0 ? 0 : 1);
    if (ord == -std::numeric_limits<double>::infinity() && length == 0 && A.shape(axis == 0 ? 1 : 0) > 0) {
        throw shape_error(message(fn::norm, ": the order p = -inf takes the minimum of each ",
                                  axis == 0 ? "column" : "row", ", and they are empty (A is ", shape_string(A), ")"));
    }
}

/// `slogdet(A)`: A square and finite.
inline void check_slogdet(const Matrix& A) {
    require_square(fn::slogdet, A);
    require_finite(fn::slogdet, A);
}

/// `matrix_power(A, n)`: A square and finite (singularity, for n < 0, is
/// checked after the LU by check_power_invertible).
inline void check_matrix_power(const Matrix& A) {
    require_square(fn::matrix_power, A);
    require_finite(fn::matrix_power, A);
}

/// After the LU of A in `matrix_power(A, n)` with n < 0: A must be invertible.
inline void check_power_invertible(bool singular, const Matrix& A, long long n) {
    if (singular) {
        throw domain_error(message(fn::matrix_power, ": A is singular (A is ", shape_string(A), "), so the power n = ", n,
                                   " < 0, which needs the inverse, does not exist"));
    }
}

/// `cond(A, p)`: A finite and not empty; p a matrix norm order; A square
/// unless p is 2 or -2 (the other orders need the inverse).
inline void check_cond(const Matrix& A, double p) {
    if (!is_matrix_norm_order(p)) {
        throw domain_error(message(fn::cond, ": invalid order ", p,
                                   " (valid: 1, -1, 2, -2, inf, -inf, MatrixNorm::fro, MatrixNorm::nuc)"));
    }
    if (std::fabs(p) != 2.0) require_square(fn::cond, A);
    require_finite(fn::cond, A);
    require_nonempty(fn::cond, A);
}

/// `cond(A, MatrixNorm)`: A square (the inverse is needed), finite, not empty.
inline void check_cond(const Matrix& A, MatrixNorm) {
    require_square(fn::cond, A);
    require_finite(fn::cond, A);
    require_nonempty(fn::cond, A);
}

/// `lstsq(A, B, rcond)`: B with as many rows as A, both finite, rcond not NaN.
inline void check_lstsq(const Matrix& A, const Matrix& B, Rcond rcond) {
    require_rhs_rows(fn::lstsq, A, B, "A", "B");
    require_finite(fn::lstsq, A);
    require_finite(fn::lstsq, B, "B");
    require_not_nan(fn::lstsq, "rcond", rcond.value);
}

/// `lstsq(A, b, rcond)`: b with as many rows as A, both finite, rcond not NaN.
inline void check_lstsq(const Matrix& A, const Vector& b, Rcond rcond) {
    require_rhs_rows(fn::lstsq, A, b);
    require_finite(fn::lstsq, A);
    require_finite(fn::lstsq, b, "b");
    require_not_nan(fn::lstsq, "rcond", rcond.value);
}

}  // namespace dlmath::detail
