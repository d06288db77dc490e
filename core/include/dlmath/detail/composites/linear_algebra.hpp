/// \file
/// \brief Chapter 1's composites — functions with no kernel of their own,
/// written once and run on either twin's kernels.
///
/// Each takes the kernels it needs (matmul, solve, svd, ...) as callables:
/// the reference twin passes its plain loops, the fast twin its SIMD and
/// OpenMP kernels. The code reads like the formula either way, and the two
/// twins cannot drift apart. Input checks happen in the callers
/// (detail/checks/linear_algebra.hpp).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <type_traits>
#include <utility>

#include <xtensor/xmanipulation.hpp>

#include "dlmath/detail/checks/linear_algebra.hpp"
#include "dlmath/detail/linear_algebra.hpp"
#include "dlmath/detail/scaling.hpp"
#include "dlmath/linear_algebra_types.hpp"
#include "dlmath/numeric.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::detail {

//! [power_iteration]
/// Power iteration \f$ v \leftarrow Av / \|Av\|_2 \f$ with the Rayleigh
/// quotient \f$ \lambda = v^\top A v \f$, stopping when
/// \f$ \|Av - \lambda v\|_2 \le \mathrm{tol}\,\|A\|_F \f$. It iterates on
/// \f$ 2^e A \f$ with \f$ \max|a_{ij}| \in [1, 2) \f$ (the same eigenvectors,
/// eigenvalues \f$ 2^e \lambda \f$, the same relative test), so neither
/// \f$ Av \f$ nor \f$ \|A\|_F \f$ can overflow or underflow.
/// Kernels: `matvec(A, v)`, `dot(x, y)`, `norm(x)` (Euclidean).
template <class Matvec, class Dot, class Norm>
PowerIteration power_iteration(const Matrix& A, std::size_t max_iterations, double tol, Matvec matvec, Dot dot,
                               Norm norm) {
    // A ~ (n, n); returns the dominant eigenpair
    const std::size_t n = A.shape(0);
    const int e = balancing_exponent(A);
    const Matrix As = scaled(A, e);                     // 2^e A
    const double frob = norm(Vector(xt::flatten(As)));  // ||2^e A||_F, the scale of the residual test

    PowerIteration r;
    r.eigenvector = power_iteration_start(n);
    if (frob == 0.0) return r;  // A = 0: every vector is an eigenvector for 0
    for (std::size_t t = 1; t <= max_iterations; ++t) {
        r.iterations = t;
        const Vector w = matvec(As, r.eigenvector);       // w = A v
        const double lambda = dot(r.eigenvector, w);      // lambda = v^T A v (v has unit length)
        const Vector residual = w - lambda * r.eigenvector;
        r.eigenvalue = std::ldexp(lambda, -e);            // undo the scaling
        if (norm(residual) <= tol * frob) return r;       // converged: (lambda, v) is an eigenpair
        r.eigenvector = w / norm(w);                      // w != 0 here: w = 0 has residual 0
    }
    r.status = Status::no_convergence;
    r.reason = message(fn::power_iteration, ": no convergence in ", max_iterations,
                       " iterations (the residual stayed above tol * ||A||_F = ", std::ldexp(tol * frob, -e),
                       "); the dominant eigenvalue may not be unique in magnitude (e.g. +lambda and "
                       "-lambda, or a complex pair), or |lambda_2 / lambda_1| is close to 1");
    return r;
}
//! [power_iteration]

//! [expm]
/// The matrix exponential by scaling and squaring with the [6/6] Padé
/// approximant: \f$ e^A = \big(r_6(A / 2^s)\big)^{2^s} \f$.
/// Throws `domain_error` when an entry of the result is not finite: \f$ e^A \f$
/// (or a power on the way to it) lies beyond the double range.
/// Kernels: `matmul(X, Y)`, `solve(D, N)` (matrix right-hand side).
template <class Matmul, class Solve>
Matrix expm(const Matrix& A, Matmul matmul, Solve solve) {
    // A ~ (n, n)
    const std::size_t n = A.shape(0);
    if (n == 0) return Matrix::from_shape({0, 0});

    // 1. scaling: s with ||A / 2^s||_inf <= 1/2. The norm is taken of 2^b A
    //    (entries below 2), so it cannot overflow: ||A||_inf = 2^-b ||2^b A||_inf
    const int b = balancing_exponent(A);
    const Matrix Ab = scaled(A, b);
    double norm_inf = 0.0;  // ||2^b A||_inf <= 2n
    for (std::size_t i = 0; i < n; ++i) {
        double row = 0.0;
        for (std::size_t j = 0; j < n; ++j) row += std::fabs(Ab(i, j));
        norm_inf = std::fmax(norm_inf, row);
    }
    int s = 0;  // s = max(0, ceil(log2(||A||_inf / (1/2)))), at most about 1030
    if (norm_inf > 0.0) s = std::max(0, static_cast<int>(std::ceil(std::log2(norm_inf / 0.5))) - b);
    const Matrix X = scaled(Ab, -b - s);  // A / 2^s, exact

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
    if (!all_finite(E)) {
        throw domain_error(message(fn::expm, ": e^A overflows the double range (A is ", shape_string(A),
                                   ", ||A||_inf = ", std::ldexp(norm_inf, -b), ")"));
    }
    return E;
}
//! [expm]

//! [matrix_rank]
/// The number of singular values above `tol`; a negative `tol` asks for
/// NumPy's default \f$ \sigma_1 \max(m, n)\,\varepsilon \f$. Kernel: `svd(A)`.
template <class Svd>
std::size_t matrix_rank(const Matrix& A, double tol, Svd svd) {
    if (A.size() == 0) return 0;
    const SVD d = svd(A);
    if (tol < 0.0) tol = d.S(0) * static_cast<double>(std::max(A.shape(0), A.shape(1))) * 2.0 * unit_roundoff<double>();
    std::size_t r = 0;
    for (std::size_t i = 0; i < d.S.size(); ++i) r += d.S(i) > tol ? 1 : 0;
    return r;
}
//! [matrix_rank]

//! [cond]
/// The 2-norm condition number \f$ \kappa_2 = \sigma_{\max} / \sigma_{\min} \f$,
/// \f$ +\infty \f$ when A is numerically rank-deficient:
/// \f$ \sigma_{\min} \le \sigma_{\max} \max(m, n)\,\varepsilon \f$, i.e. exactly when
/// matrix_rank(A) < min(m, n). Below that cut-off \f$ \sigma_{\min} \f$ is
/// rounding noise of the SVD, and the ratio (1e16 or 1e17 or inf, by
/// the order of the rotations) would be noise too. Kernel: `svd(A)`.
template <class Svd>
double cond(const Matrix& A, Svd svd) {
    const SVD d = svd(A);
    const double smax = d.S(0), smin = d.S(d.S.size() - 1);
    const double cutoff = smax * static_cast<double>(std::max(A.shape(0), A.shape(1))) * 2.0 * unit_roundoff<double>();
    if (smin <= cutoff) return std::numeric_limits<double>::infinity();
    return smax / smin;
}
//! [cond]

//! [pca]
/// Principal component analysis of X ~ (N, d), samples as rows: centre,
/// take the SVD of the centred data, keep the first k right singular
/// vectors. It works on \f$ 2^e X \f$ with \f$ \max|x_{ij}| \in [1, 2) \f$, so
/// neither the mean nor the centred data can overflow, and unscales the
/// results (variances by \f$ 2^{-2e} \f$: +inf beyond the double range).
/// Kernels: `svd(A)`, `matmul(A, B)`.
template <class Svd, class Matmul>
PCA pca(const Matrix& X_in, std::size_t k, Svd svd, Matmul matmul) {
    const std::size_t N = X_in.shape(0), d = X_in.shape(1);
    const int e = balancing_exponent(X_in);
    const Matrix X = scaled(X_in, e);  // 2^e X
    PCA r;
    // 1. centre: mu_j = (1/N) sum_i x_ij, Xc = X - 1 mu^T
    r.mean = xt::zeros<double>({d});
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < d; ++j) r.mean(j) += X(i, j);
    for (std::size_t j = 0; j < d; ++j) r.mean(j) /= static_cast<double>(N);
    Matrix Xc = Matrix::from_shape({N, d});
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < d; ++j) Xc(i, j) = X(i, j) - r.mean(j);

    // 2. Xc = U S V^T; components = first k rows of V^T; variance sigma^2 / (N - 1)
    const SVD s = svd(Xc);
    double total = 0.0;
    for (std::size_t j = 0; j < s.S.size(); ++j) total += s.S(j) * s.S(j);
    r.components = Matrix::from_shape({k, d});
    r.explained_variance = Vector::from_shape({k});
    r.explained_variance_ratio = Vector::from_shape({k});
    for (std::size_t l = 0; l < k; ++l) {
        for (std::size_t j = 0; j < d; ++j) r.components(l, j) = s.Vt(l, j);
        r.explained_variance(l) = s.S(l) * s.S(l) / static_cast<double>(N - 1);
        r.explained_variance_ratio(l) = total > 0.0 ? s.S(l) * s.S(l) / total : 0.0;
    }
    // 3. projection Z = Xc V_k, reconstruction X^ = Z V_k^T + 1 mu^T
    const Matrix Vk = xt::transpose(r.components);
    r.projection = matmul(Xc, Vk);
    r.reconstruction = matmul(r.projection, r.components);
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < d; ++j) r.reconstruction(i, j) += r.mean(j);
    // 4. undo the scaling: lengths by 2^-e, variances by 2^-2e
    r.mean = scaled(r.mean, -e);
    r.explained_variance = scaled(r.explained_variance, -2 * e);
    r.projection = scaled(r.projection, -e);
    r.reconstruction = scaled(r.reconstruction, -e);
    return r;
}
//! [pca]

// ---------------------------------------------------------------- NumPy's surface (section numpy)

//! [slogdet]
/// The sign and \f$ \ln|\det A| \f$ from \f$ PA = LU \f$:
/// \f[ \mathrm{sign} = \det(P) \prod_i \operatorname{sign}(u_{ii}), \qquad
///     \ln|\det A| = \sum_i \ln|u_{ii}| \f]
/// A sum of logarithms cannot overflow where the product \f$ \prod_i u_{ii} \f$ would.
inline SlogDet slogdet(const LU& f) {
    if (f.singular) return {0.0, -std::numeric_limits<double>::infinity()};  // a zero pivot: det A = 0
    SlogDet r{static_cast<double>(f.sign), 0.0};
    for (std::size_t i = 0; i < f.lu.shape(0); ++i) {
        const double u_ii = f.lu(i, i);
        if (u_ii < 0.0) r.sign = -r.sign;
        r.logabsdet += std::log(std::fabs(u_ii));
    }
    return r;
}
//! [slogdet]

//! [matrix_power]
/// \f$ A^n \f$ by repeated squaring: with \f$ n = \sum_j b_j 2^j \f$,
/// \f$ A^n = \prod_{j : b_j = 1} A^{2^j} \f$, where \f$ A^{2^{j+1}} = (A^{2^j})^2 \f$:
/// at most \f$ 2 \log_2 n \f$ products instead of \f$ n - 1 \f$ (NumPy's order of products).
/// \f$ A^0 = I \f$; for \f$ n < 0 \f$, \f$ A^n = (A^{-1})^{|n|} \f$.
/// Kernels: `matmul(X, Y)`, `inverse(A)` (returns no value when A is singular).
template <class Matmul, class Inverse>
Matrix matrix_power(const Matrix& A, long long n, Matmul matmul, Inverse inverse) {
    // A ~ (m, m)
    const std::size_t m = A.shape(0);
    if (n == 0) return xt::eye<double>(m);
    Matrix power = A;  // A^(2^j), starting at j = 0
    if (n < 0) {
        auto inverted = inverse(A);
        check_power_invertible(!inverted, A, n);
        power = std::move(*inverted);
    }
    // |n| without overflow, also for the most negative long long
    unsigned long long k = n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    Matrix result;
    bool empty_product = true;
    while (true) {
        if (k & 1ULL) {
            result = empty_product ? power : matmul(result, power);
            empty_product = false;
        }
        k >>= 1;
        if (k == 0) break;
        power = matmul(power, power);  // A^(2^(j+1)) = (A^(2^j))^2
    }
    return result;
}
//! [matrix_power]

/// The largest (`largest = true`) or smallest entry of a vector, NaN if
/// any entry is NaN (as NumPy's max and min); the vector must not be empty
/// when `largest` is false, and the largest of nothing is 0 (the values
/// are norms, all \f$ \ge 0 \f$).
inline double extreme_entry(const Vector& v, bool largest) {
    double e = largest ? 0.0 : std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (std::isnan(v(i))) return v(i);
        e = largest ? std::fmax(e, v(i)) : std::fmin(e, v(i));
    }
    return e;
}

//! [matrix_norm]
/// The matrix norms NumPy names by a number:
/// \f[ \|A\|_1 = \max_j \sum_i |a_{ij}|, \quad \|A\|_\infty = \max_i \sum_j |a_{ij}|, \quad
///     \|A\|_2 = \sigma_1 \f]
/// and, with min in place of max and \f$ \sigma_{\min} \f$ in place of
/// \f$ \sigma_1 \f$, the orders -1, -inf and -2 (which are not norms).
/// Kernels: `norm_axis(A, p, axis)` (the vector norm of each column, axis 0, or row, axis 1), `svd(A)`.
template <class NormAxis, class Svd>
double matrix_norm(const Matrix& A, double ord, NormAxis norm_axis, Svd svd) {
    const bool largest = ord > 0.0;
    if (std::fabs(ord) == 1.0) return extreme_entry(norm_axis(A, 1.0, 0), largest);  // column sums of |a_ij|
    if (std::isinf(ord)) return extreme_entry(norm_axis(A, 1.0, 1), largest);         // row sums of |a_ij|
    if (A.size() == 0) return 0.0;  // ord = 2 with no singular values: the zero map
    return extreme_entry(svd(A).S, largest);  // ord = 2 or -2
}
//! [matrix_norm]

//! [named_matrix_norm]
/// \f[ \|A\|_F = \|\mathrm{vec}(A)\|_2, \qquad \|A\|_* = \sum_i \sigma_i \f]
/// Kernels: `vector_norm(x, p)`, `svd(A)`.
template <class VectorNorm, class Svd>
double matrix_norm(const Matrix& A, MatrixNorm ord, VectorNorm vector_norm, Svd svd) {
    if (ord == MatrixNorm::fro) return vector_norm(Vector(xt::flatten(A)), 2.0);  // scaled: no overflow
    if (A.size() == 0) return 0.0;                                                // the empty sum
    const Vector S = svd(A).S;
    double nuclear = 0.0;
    for (std::size_t i = S.size(); i-- > 0;) nuclear += S(i);  // smallest first
    return nuclear;
}
//! [named_matrix_norm]

//! [norm_axis]
/// The vector norm of each column (axis 0, returns `(n)`) or each row
/// (axis 1, returns `(m)`) of \f$ A \sim (m, n) \f$. Kernel: `vector_norm(x, p)`.
template <class VectorNorm>
Vector norm_axis(const Matrix& A, double ord, std::size_t axis, VectorNorm vector_norm) {
    const std::size_t m = A.shape(0), n = A.shape(1);
    const std::size_t lines = axis == 0 ? n : m, length = axis == 0 ? m : n;
    Vector norms = Vector::from_shape({lines});
    Vector line = Vector::from_shape({length});
    for (std::size_t l = 0; l < lines; ++l) {
        for (std::size_t i = 0; i < length; ++i) line(i) = axis == 0 ? A(i, l) : A(l, i);
        norms(l) = vector_norm(line, ord);
    }
    return norms;
}
//! [norm_axis]

//! [cond_p]
/// The condition number in the norm of order p:
/// \f[ \kappa_p(A) = \|A\|_p \, \|A^{-1}\|_p, \qquad
///     \kappa_2(A) = \frac{\sigma_1}{\sigma_{\min}}, \quad \kappa_{-2}(A) = \frac{\sigma_{\min}}{\sigma_1} \f]
/// A singular A gives \f$ +\infty \f$ for every order but -2, never an exception
/// (NumPy turns the NaN of 0/0 into inf too); \f$ \kappa_{-2} \f$ of a singular A is 0.
/// Kernels: `matrix_norm(X, p)`, `inverse(A)` (no value when A is singular), `svd(A)`.
template <class Ord, class MatNorm, class Inverse, class Svd>
double cond(const Matrix& A, Ord p, MatNorm matrix_norm, Inverse inverse, Svd svd) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    if constexpr (std::is_same_v<Ord, double>) {
        if (std::fabs(p) == 2.0) {
            const Vector S = svd(A).S;
            const double s_max = S(0), s_min = S(S.size() - 1);
            if (p > 0.0) return s_min == 0.0 ? inf : s_max / s_min;
            return s_max == 0.0 ? inf : s_min / s_max;
        }
    }
    const auto inverted = inverse(A);
    if (!inverted) return inf;  // singular: a zero pivot in the LU
    return matrix_norm(A, p) * matrix_norm(*inverted, p);
}
//! [cond_p]

//! [lstsq_full]
/// Least squares with NumPy's four results, from the thin SVD \f$ A = U D V^\top \f$:
/// \f[ X = V D^+ U^\top B, \quad D^+_{ll} = 1/\sigma_l \text{ if } \sigma_l > \mathrm{rcond}\,\sigma_1
///     \text{ (else 0)}, \quad \mathrm{rank} = \#\{l : \sigma_l > \mathrm{rcond}\,\sigma_1\} \f]
/// and, only when rank = n < m, the residual sums of squares \f$ \|b_j - A x_j\|_2^2 \f$
/// per column. A negative rcond selects NumPy's default \f$ \varepsilon \max(m, n) \f$.
/// Kernels: `svd(A)`, `matmul(X, Y)`.
template <class Svd, class Matmul>
LeastSquares<Matrix> lstsq(const Matrix& A, const Matrix& B, Rcond rcond, Svd svd, Matmul matmul) {
    // A ~ (m, n), B ~ (m, k)
    const std::size_t m = A.shape(0), n = A.shape(1), k = B.shape(1);
    const std::size_t r = std::min(m, n);
    LeastSquares<Matrix> out{xt::zeros<double>({n, k}), Vector::from_shape({0}), 0, xt::zeros<double>({r})};
    if (A.size() != 0) {
        const SVD d = svd(A);
        out.s = d.S;
        const double eps = 2.0 * unit_roundoff<double>();
        const double ratio = rcond.value < 0.0 ? eps * static_cast<double>(std::max(m, n)) : rcond.value;
        const double cutoff = ratio * d.S(0);
        // V D+ ~ (n, r): column l is v_l / sigma_l above the cut-off, 0 below it
        Matrix VD = xt::zeros<double>({n, r});
        for (std::size_t l = 0; l < r; ++l) {
            if (!(d.S(l) > cutoff)) continue;
            ++out.rank;
            for (std::size_t i = 0; i < n; ++i) VD(i, l) = d.Vt(l, i) / d.S(l);
        }
        const Matrix Ut = xt::transpose(d.U);
        out.x = matmul(VD, matmul(Ut, B));  // X = (V D+) (U^T B)
    }
    if (out.rank == n && m > n) {
        // residual sums of squares, sum_i (B - A X)_ij^2 per column j
        const Matrix R = B - matmul(A, out.x);
        out.residuals = xt::zeros<double>({k});
        for (std::size_t i = 0; i < m; ++i)
            for (std::size_t j = 0; j < k; ++j) out.residuals(j) += R(i, j) * R(i, j);
    }
    return out;
}
//! [lstsq_full]

/// The same for one right-hand side b: solved as the single column of a
/// matrix; `residuals` then has one entry or none.
template <class Svd, class Matmul>
LeastSquares<Vector> lstsq(const Matrix& A, const Vector& b, Rcond rcond, Svd svd, Matmul matmul) {
    const Matrix B = xt::reshape_view(b, {b.size(), std::size_t{1}});
    LeastSquares<Matrix> r = lstsq(A, B, rcond, svd, matmul);
    return {Vector(xt::flatten(r.x)), std::move(r.residuals), r.rank, std::move(r.s)};
}

}  // namespace dlmath::detail
