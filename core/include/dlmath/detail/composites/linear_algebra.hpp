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

#include "dlmath/detail/checks/linear_algebra.hpp"
#include "dlmath/detail/linear_algebra.hpp"
#include "dlmath/linear_algebra_types.hpp"
#include "dlmath/numeric.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::detail {

//! [power_iteration]
/// Power iteration \f$ v \leftarrow Av / \|Av\|_2 \f$ with the Rayleigh
/// quotient \f$ \lambda = v^\top A v \f$, stopping when
/// \f$ \|Av - \lambda v\|_2 \le \mathrm{tol}\,\|A\|_F \f$.
/// Kernels: `matvec(A, v)`, `dot(x, y)`, `norm(x)` (Euclidean).
template <class Matvec, class Dot, class Norm>
PowerIteration power_iteration(const Matrix& A, std::size_t max_iterations, double tol, Matvec matvec, Dot dot,
                               Norm norm) {
    // A ~ (n, n); returns the dominant eigenpair
    const std::size_t n = A.shape(0);
    const double frob = norm(Vector(xt::flatten(A)));  // ||A||_F, the scale of the residual test

    PowerIteration r;
    r.eigenvector = power_iteration_start(n);
    if (frob == 0.0) return r;  // A = 0: every vector is an eigenvector for 0
    for (std::size_t t = 1; t <= max_iterations; ++t) {
        r.iterations = t;
        const Vector w = matvec(A, r.eigenvector);       // w = A v
        const double lambda = dot(r.eigenvector, w);     // lambda = v^T A v (v has unit length)
        const Vector residual = w - lambda * r.eigenvector;
        r.eigenvalue = lambda;
        if (norm(residual) <= tol * frob) return r;      // converged: (lambda, v) is an eigenpair
        r.eigenvector = w / norm(w);                     // w != 0 here: w = 0 has residual 0
    }
    r.status = Status::no_convergence;
    r.reason = message(fn::power_iteration, ": no convergence in ", max_iterations,
                       " iterations (the residual stayed above tol * ||A||_F = ", tol * frob,
                       "); the dominant eigenvalue may not be unique in magnitude (e.g. +lambda and "
                       "-lambda, or a complex pair), or |lambda_2 / lambda_1| is close to 1");
    return r;
}
//! [power_iteration]

//! [expm]
/// The matrix exponential by scaling and squaring with the [6/6] Padé
/// approximant: \f$ e^A = \big(r_6(A / 2^s)\big)^{2^s} \f$.
/// Kernels: `matmul(X, Y)`, `solve(D, N)` (matrix right-hand side).
template <class Matmul, class Solve>
Matrix expm(const Matrix& A, Matmul matmul, Solve solve) {
    // A ~ (n, n)
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
/// The 2-norm condition number \f$ \kappa_2 = \sigma_{\max} / \sigma_{\min} \f$
/// (\f$ +\infty \f$ when \f$ \sigma_{\min} = 0 \f$). Kernel: `svd(A)`.
template <class Svd>
double cond(const Matrix& A, Svd svd) {
    const SVD d = svd(A);
    const double smin = d.S(d.S.size() - 1);
    if (smin == 0.0) return std::numeric_limits<double>::infinity();
    return d.S(0) / smin;
}
//! [cond]

//! [pca]
/// Principal component analysis of X ~ (N, d), samples as rows: centre,
/// take the SVD of the centred data, keep the first k right singular
/// vectors. Kernels: `svd(A)`, `matmul(A, B)`.
template <class Svd, class Matmul>
PCA pca(const Matrix& X, std::size_t k, Svd svd, Matmul matmul) {
    const std::size_t N = X.shape(0), d = X.shape(1);
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
    return r;
}
//! [pca]

}  // namespace dlmath::detail
