/// \file
/// \brief The building blocks of every input check: one `require_*` per kind
/// of precondition (shapes, finiteness, symmetry, ranges). They take the
/// function's name for the message; the per-function checks in
/// `checks/<chapter>.hpp` are the only callers in the libraries.
#pragma once

#include <cmath>
#include <cstddef>
#include <string_view>

#include "dlmath/errors.hpp"
#include "dlmath/numeric.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::detail {

/// Throws `shape_error` unless the vectors `x` and `y` have the same length.
inline void require_same_length(std::string_view function, const Vector& x, const Vector& y) {
    if (x.size() != y.size()) {
        throw shape_error(message(function, ": lengths differ (x has ", x.size(), " elements, y has ", y.size(), ")"));
    }
}

/// Throws `shape_error` unless the tensors `A` and `B` (same rank) have the
/// same shape; the message calls them `a` and `b` (e.g. "A", "B" or "X", "Y").
template <class E>
void require_same_shape(std::string_view function, const E& A, const E& B, std::string_view a = "A",
                        std::string_view b = "B") {
    if (A.shape() != B.shape()) {
        throw shape_error(message(function, ": shapes differ (", a, " is ", shape_string(A), ", ", b, " is ",
                                  shape_string(B), ")"));
    }
}

/// Throws `shape_error` unless `A` is square; the message names `A`'s shape.
inline void require_square(std::string_view function, const Matrix& A, std::string_view name = "A") {
    if (A.shape(0) != A.shape(1)) {
        throw shape_error(message(function, ": ", name, " must be square (", name, " is ", shape_string(A), ")"));
    }
}

/// Throws `shape_error` when the tensor `A` has no entries.
template <class E>
void require_nonempty(std::string_view function, const E& A, std::string_view name = "A") {
    if (A.size() == 0) throw shape_error(message(function, ": ", name, " is empty (", name, " is ", shape_string(A), ")"));
}

/// Throws `domain_error` unless every entry of `A` is finite, naming the
/// first offending entry.
template <class E>
void require_finite(std::string_view function, const E& A, std::string_view name = "A") {
    for (std::size_t k = 0; k < A.size(); ++k) {
        if (!std::isfinite(A.data()[k])) {
            throw domain_error(message(function, ": ", name, " must be finite (", name, " is ", shape_string(A),
                                       ", entry ", k, " in row-major order is ", A.data()[k], ")"));
        }
    }
}

/// Throws `shape_error` unless the right-hand side `b` has as many rows as `A`.
template <class E>
void require_rhs_rows(std::string_view function, const Matrix& A, const E& b, std::string_view a = "A",
                      std::string_view name = "b") {
    if (b.shape(0) != A.shape(0)) {
        throw shape_error(message(function, ": ", name, " must have as many rows as ", a, " (", a, " is ",
                                  shape_string(A), ", ", name, " is ", shape_string(b), ")"));
    }
}

/// Throws `domain_error` unless the square matrix `A` is symmetric up to
/// rounding: \f$ |a_{ij} - a_{ji}| \le 8 n u \max_{kl} |a_{kl}| \f$, the
/// asymmetry that forming \f$ X^\top X \f$ or \f$ (B + B^\top)/2 \f$ in
/// floating point can leave. The message gives the worst pair and calls the
/// matrix `name`.
inline void require_symmetric(std::string_view function, const Matrix& A, std::string_view name = "A") {
    const std::size_t n = A.shape(0);
    double amax = 0.0;
    for (std::size_t k = 0; k < A.size(); ++k) amax = std::fmax(amax, std::fabs(A.data()[k]));
    const double tol = 8.0 * static_cast<double>(n) * unit_roundoff<double>() * amax;
    double worst = 0.0;
    std::size_t wi = 0, wj = 0;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
            const double d = std::fabs(A(i, j) - A(j, i));
            if (d > worst) {
                worst = d;
                wi = i;
                wj = j;
            }
        }
    }
    if (worst > tol) {
        throw domain_error(message(function, ": ", name, " must be symmetric (", name, " is ", shape_string(A), "; |",
                                   name, "(", wi, ",", wj, ") - ", name, "(", wj, ",", wi, ")| = ", worst, " exceeds ",
                                   tol, ")"));
    }
}

/// Throws `domain_error` unless `value` is a finite number `>= 0` (a
/// tolerance, a relative cutoff).
inline void require_nonnegative(std::string_view function, std::string_view name, double value) {
    if (!(value >= 0.0) || std::isinf(value)) {
        throw domain_error(message(function, ": ", name, " must be finite and >= 0 (got ", name, " = ", value, ")"));
    }
}

/// Throws `domain_error` when `value` is NaN.
inline void require_not_nan(std::string_view function, std::string_view name, double value) {
    if (std::isnan(value)) throw domain_error(message(function, ": ", name, " must not be NaN"));
}

}  // namespace dlmath::detail
