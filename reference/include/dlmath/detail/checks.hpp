/// \file
/// \brief Input checks shared by both twins, so that the reference and the
/// fast function reject exactly the same inputs with the same message.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dlmath/errors.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::detail {

/// Throws `shape_error` unless the vectors `x` and `y` have the same length.
inline void require_same_length(std::string_view function, const Vector& x, const Vector& y) {
    if (x.size() != y.size()) {
        throw shape_error(message(function, ": lengths differ (x has ", x.size(),
                                  " elements, y has ", y.size(), ")"));
    }
}

/// Throws `domain_error` unless `p` is a valid order of an Lp norm
/// (a real `p >= 1`, or `+inf`).
inline void require_norm_order(std::string_view function, double p) {
    if (std::isnan(p) || p < 1.0) {
        throw domain_error(message(function, ": the order p must be >= 1 or +inf (got p = ", p, ")"));
    }
}

}  // namespace dlmath::detail

namespace dlmath::detail {

/// Throws `shape_error` unless `A` is square; the message names `A`'s shape.
inline void require_square(std::string_view function, const Matrix& A, std::string_view name = "A") {
    if (A.shape(0) != A.shape(1)) {
        throw shape_error(message(function, ": ", name, " must be square (", name, " is ", shape_string(A), ")"));
    }
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
void require_rhs_rows(std::string_view function, const Matrix& A, const E& b) {
    if (b.shape(0) != A.shape(0)) {
        throw shape_error(message(function, ": b must have as many rows as A (A is ", shape_string(A), ", b is ",
                                  shape_string(b), ")"));
    }
}

/// Throws `domain_error` unless the square matrix `A` is symmetric up to
/// rounding: \f$ |a_{ij} - a_{ji}| \le 8 n u \max_{kl} |a_{kl}| \f$, the
/// asymmetry that forming \f$ X^\top X \f$ or \f$ (B + B^\top)/2 \f$ in
/// floating point can leave. The message gives the worst pair.
inline void require_symmetric(std::string_view function, const Matrix& A) {
    const std::size_t n = A.shape(0);
    double amax = 0.0;
    for (std::size_t k = 0; k < A.size(); ++k) amax = std::fmax(amax, std::fabs(A.data()[k]));
    const double tol = 8.0 * static_cast<double>(n) * 1.1102230246251565e-16 * amax;
    double worst = 0.0;
    std::size_t wi = 0, wj = 0;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
            const double d = std::fabs(A(i, j) - A(j, i));
            if (d > worst) { worst = d; wi = i; wj = j; }
        }
    }
    if (worst > tol) {
        throw domain_error(message(function, ": A must be symmetric (A is ", shape_string(A), "; |A(", wi, ",", wj,
                                   ") - A(", wj, ",", wi, ")| = ", worst, " exceeds ", tol, ")"));
    }
}

/// Throws `domain_error` unless `value` is a finite number `>= 0` (a
/// tolerance, a relative cutoff).
inline void require_nonnegative(std::string_view function, std::string_view name, double value) {
    if (!(value >= 0.0) || std::isinf(value)) {
        throw domain_error(message(function, ": ", name, " must be finite and >= 0 (got ", name, " = ", value, ")"));
    }
}

/// The deterministic start vector of the power iteration, shared by both
/// twins: entries \f$ 1 + \tfrac{1}{2}\sin(i + 1) \f$ (positive, so not
/// orthogonal to a non-negative dominant eigenvector, and not a multiple of
/// \f$ \mathbf{1} \f$), normalised to unit length.
inline Vector power_iteration_start(std::size_t n) {
    Vector v = Vector::from_shape({n});
    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        v(i) = 1.0 + 0.5 * std::sin(static_cast<double>(i + 1));
        s += v(i) * v(i);
    }
    const double r = std::sqrt(s);
    for (std::size_t i = 0; i < n; ++i) v(i) /= r;
    return v;
}

}  // namespace dlmath::detail

// ---------------------------------------------------------------- section 1.2: products

namespace dlmath::detail {

/// Throws `shape_error` unless the matrices `A` and `B` have the same shape
/// (element-wise operations: add, hadamard).
inline void require_same_shape(std::string_view function, const Matrix& A, const Matrix& B) {
    if (A.shape() != B.shape()) {
        throw shape_error(message(function, ": shapes differ (A is ", shape_string(A), ", B is ",
                                  shape_string(B), ")"));
    }
}

/// Throws `shape_error` unless the rank-3 tensors `X` and `Y` have the same shape.
inline void require_same_shape(std::string_view function, const Tensor3& X, const Tensor3& Y) {
    if (X.shape() != Y.shape()) {
        throw shape_error(message(function, ": shapes differ (X is ", shape_string(X), ", Y is ",
                                  shape_string(Y), ")"));
    }
}

// require_square (trace, identity laws, decompositions) is defined above:
// "<function>: A must be square (A is 2x3)".

/// Throws `shape_error` unless \f$ A \sim (m, k) \f$ and \f$ B \sim (k, n) \f$
/// can be multiplied: `matmul: inner dimensions differ (A is 2x3, B is 4x2)`.
inline void require_matmul_shapes(std::string_view function, const Matrix& A, const Matrix& B) {
    if (A.shape(1) != B.shape(0)) {
        throw shape_error(message(function, ": inner dimensions differ (A is ", shape_string(A), ", B is ",
                                  shape_string(B), ")"));
    }
}

/// Throws `shape_error` unless \f$ A \sim (m, n) \f$ and \f$ x \sim (n) \f$.
inline void require_matvec_shapes(std::string_view function, const Matrix& A, const Vector& x) {
    if (A.shape(1) != x.size()) {
        throw shape_error(message(function, ": inner dimensions differ (A is ", shape_string(A), ", x has ",
                                  x.size(), " elements)"));
    }
}

/// Throws `shape_error` unless \f$ A \sim (n, a, b) \f$ and \f$ B \sim (n, b, c) \f$:
/// the same batch size and matching inner dimensions.
inline void require_bmm_shapes(std::string_view function, const Tensor3& A, const Tensor3& B) {
    if (A.shape(0) != B.shape(0)) {
        throw shape_error(message(function, ": batch sizes differ (A is ", shape_string(A), ", B is ",
                                  shape_string(B), ")"));
    }
    if (A.shape(2) != B.shape(1)) {
        throw shape_error(message(function, ": inner dimensions differ (A is ", shape_string(A), ", B is ",
                                  shape_string(B), ")"));
    }
}

/// A parsed and validated two- or one-operand Einstein summation spec such
/// as `"ijz,izk->ijk"`: the index letters of each operand, of the result,
/// and the extent of every letter.
struct EinsumSpec {
    std::vector<std::string> inputs;  ///< index letters of each operand, e.g. {"ijz", "izk"}
    std::string output;               ///< index letters of the result, e.g. "ijk" ("" for a scalar)
    std::string summed;               ///< letters summed over, in order of first appearance
    std::array<std::size_t, 128> extent{};  ///< extent of each letter (indexed by its character)
};

/// Parses `spec` for operands of the given shapes and checks it: letters
/// `a`–`z`/`A`–`Z` only, one term per operand, each term as long as its
/// operand's rank, output letters unique and present in an input, and every
/// letter of the same extent wherever it appears. Without `->` the output is
/// NumPy's implicit one: the letters that appear exactly once, in
/// alphabetical order. Throws `shape_error` naming the offending part, e.g.
/// `einsum: the letter 'j' has extent 3 in operand 1 but 4 in operand 2`.
inline EinsumSpec parse_einsum(std::string_view function, std::string_view spec,
                               const std::vector<std::vector<std::size_t>>& shapes) {
    auto fail = [&](const auto&... parts) {
        throw shape_error(message(function, ": ", parts..., " (spec \"", spec, "\")"));
    };
    auto is_letter = [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); };
    EinsumSpec s;

    // split "lhs->rhs", and lhs at the commas; spaces are ignored
    std::string clean;
    for (char ch : spec)
        if (ch != ' ') clean += ch;
    const std::size_t arrow = clean.find("->");
    const bool explicit_output = arrow != std::string::npos;
    const std::string lhs = explicit_output ? clean.substr(0, arrow) : clean;
    if (explicit_output) s.output = clean.substr(arrow + 2);
    if (clean.find('.') != std::string::npos) fail("ellipsis '...' is not supported");
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = lhs.find(',', start);
        s.inputs.push_back(lhs.substr(start, comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (s.inputs.size() != shapes.size()) {
        fail("the spec has ", s.inputs.size(), " operand term(s) but ", shapes.size(), " operand(s) were given");
    }

    // every term: letters only, as many as the operand has axes; extents agree
    std::array<int, 128> seen_in{};  // 1-based operand where a letter first appeared, 0 if not yet
    std::array<int, 128> count{};
    std::string order;  // letters in order of first appearance
    for (std::size_t t = 0; t < s.inputs.size(); ++t) {
        const std::string& term = s.inputs[t];
        if (term.size() != shapes[t].size()) {
            fail("operand ", t + 1, " has rank ", shapes[t].size(), " but its term \"", term, "\" has ",
                 term.size(), " letter(s)");
        }
        for (std::size_t axis = 0; axis < term.size(); ++axis) {
            const char ch = term[axis];
            if (!is_letter(ch)) fail("'", ch, "' is not an index letter (a-z, A-Z)");
            const auto c = static_cast<unsigned char>(ch);
            const std::size_t d = shapes[t][axis];
            if (seen_in[c] == 0) {
                seen_in[c] = static_cast<int>(t) + 1;
                s.extent[c] = d;
                order += ch;
            } else if (s.extent[c] != d) {
                fail("the letter '", ch, "' has extent ", s.extent[c], " in operand ", seen_in[c], " but ", d,
                     " in operand ", t + 1);
            }
            ++count[c];
        }
    }

    if (!explicit_output) {  // implicit output: letters seen once, alphabetically
        for (char ch = 'A'; ch <= 'z'; ++ch)
            if (is_letter(ch) && count[static_cast<unsigned char>(ch)] == 1) s.output += ch;
    }
    std::array<bool, 128> in_output{};
    for (char ch : s.output) {
        if (!is_letter(ch)) fail("'", ch, "' is not an index letter (a-z, A-Z)");
        const auto c = static_cast<unsigned char>(ch);
        if (seen_in[c] == 0) fail("the output letter '", ch, "' appears in no operand");
        if (in_output[c]) fail("the output letter '", ch, "' appears twice");
        in_output[c] = true;
    }
    for (char ch : order)
        if (!in_output[static_cast<unsigned char>(ch)]) s.summed += ch;
    return s;
}

}  // namespace dlmath::detail
