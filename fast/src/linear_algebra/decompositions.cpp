// Chapter 1, section 3: rank, condition number, pseudoinverse, least
// squares and PCA on the fast SVD; power iteration and the matrix
// exponential on the fast products — fast twin.
//
// Rules of this file: OpenMP + xsimd (through the kernels it calls), same
// signatures and checks as the reference twin.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

#include <xtensor/xview.hpp>

#include "dlmath/detail/checks.hpp"
#include "dlmath/fast/linear_algebra/decompositions.hpp"
#include "dlmath/fast/linear_algebra/products.hpp"
#include "dlmath/fast/linear_algebra/vectors.hpp"

namespace dlmath::fast {
namespace {

constexpr double u = std::numeric_limits<double>::epsilon() / 2;

// V D+ ~ (n, k) from the SVD: column l is v_l / sigma_l, or 0 below the cutoff.
Matrix v_times_dplus(const SVD& d, double rcond) {
    const std::size_t k = d.S.size(), n = d.Vt.shape(1);
    const double cutoff = k > 0 ? rcond * d.S(0) : 0.0;
    Matrix VD = xt::zeros<double>({n, k});
    for (std::size_t l = 0; l < k; ++l) {
        if (!(d.S(l) > cutoff) || d.S(l) == 0.0) continue;
        const double inv_sigma = 1.0 / d.S(l);
        for (std::size_t i = 0; i < n; ++i) VD(i, l) = d.Vt(l, i) * inv_sigma;
    }
    return VD;
}

}  // namespace

std::size_t matrix_rank(const Matrix& A, double tol) {
    dlmath::detail::require_finite("matrix_rank", A);
    if (std::isnan(tol)) throw domain_error("matrix_rank: tol must not be NaN");
    if (A.size() == 0) return 0;
    const SVD d = svd(A);
    if (tol < 0.0) tol = d.S(0) * static_cast<double>(std::max(A.shape(0), A.shape(1))) * 2.0 * u;
    return static_cast<std::size_t>(std::count_if(d.S.begin(), d.S.end(), [tol](double s) { return s > tol; }));
}

double cond(const Matrix& A) {
    dlmath::detail::require_finite("cond", A);
    if (A.size() == 0) throw shape_error(dlmath::detail::message("cond: A is empty (A is ", shape_string(A), ")"));
    const SVD d = svd(A);
    const double smin = d.S(d.S.size() - 1);
    if (smin == 0.0) return std::numeric_limits<double>::infinity();
    return d.S(0) / smin;
}

//! [fast_pinv]
Matrix pinv(const Matrix& A, double rcond) {
    dlmath::detail::require_finite("pinv", A);
    dlmath::detail::require_nonnegative("pinv", "rcond", rcond);
    if (A.size() == 0) return xt::zeros<double>({A.shape(1), A.shape(0)});
    const SVD d = svd(A);
    const Matrix Ut = xt::transpose(d.U);
    return matmul(v_times_dplus(d, rcond), Ut);  // A+ = (V D+) U^T
}
//! [fast_pinv]

Vector lstsq(const Matrix& A, const Vector& b, double rcond) {
    dlmath::detail::require_rhs_rows("lstsq", A, b);
    dlmath::detail::require_finite("lstsq", A);
    dlmath::detail::require_finite("lstsq", b, "b");
    dlmath::detail::require_nonnegative("lstsq", "rcond", rcond);
    if (A.size() == 0) return xt::zeros<double>({A.shape(1)});
    const SVD d = svd(A);
    const Matrix Ut = xt::transpose(d.U);
    return matvec(v_times_dplus(d, rcond), matvec(Ut, b));  // x = (V D+) (U^T b)
}

PCA pca(const Matrix& X, std::size_t k) {
    const std::size_t N = X.shape(0), d = X.shape(1);
    if (N < 2) throw shape_error(dlmath::detail::message("pca: needs at least 2 samples (X is ", shape_string(X), ")"));
    if (k > std::min(N, d)) {
        throw shape_error(
            dlmath::detail::message("pca: k must be <= min(N, d) (X is ", shape_string(X), ", k = ", k, ")"));
    }
    dlmath::detail::require_finite("pca", X, "X");
    PCA r;
    r.mean = xt::zeros<double>({d});
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < d; ++j) r.mean(j) += X(i, j);
    r.mean /= static_cast<double>(N);
    Matrix Xc = Matrix::from_shape({N, d});
    const long long NN = static_cast<long long>(N);
#pragma omp parallel for schedule(static) if (N * d >= parallel_threshold)
    for (long long i = 0; i < NN; ++i)
        for (std::size_t j = 0; j < d; ++j) Xc(static_cast<std::size_t>(i), j) = X(static_cast<std::size_t>(i), j) - r.mean(j);

    const SVD s = svd(Xc);
    double total = 0.0;
    for (std::size_t j = 0; j < s.S.size(); ++j) total += s.S(j) * s.S(j);
    r.components = xt::view(s.Vt, xt::range(0, k), xt::all());
    r.explained_variance = Vector::from_shape({k});
    r.explained_variance_ratio = Vector::from_shape({k});
    for (std::size_t l = 0; l < k; ++l) {
        r.explained_variance(l) = s.S(l) * s.S(l) / static_cast<double>(N - 1);
        r.explained_variance_ratio(l) = total > 0.0 ? s.S(l) * s.S(l) / total : 0.0;
    }
    const Matrix Vk = xt::transpose(r.components);
    r.projection = matmul(Xc, Vk);                    // Z = Xc V_k
    r.reconstruction = matmul(r.projection, r.components);  // Z V_k^T
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < d; ++j) r.reconstruction(i, j) += r.mean(j);
    return r;
}

//! [fast_power_iteration]
PowerIteration power_iteration(const Matrix& A, std::size_t max_iterations, double tol) {
    dlmath::detail::require_square("power_iteration", A);
    if (A.shape(0) == 0) throw shape_error("power_iteration: A is empty (A is 0x0; there is no eigenpair)");
    dlmath::detail::require_finite("power_iteration", A);
    dlmath::detail::require_nonnegative("power_iteration", "tol", tol);
    const std::size_t n = A.shape(0);
    const Vector flat = xt::flatten(A);
    const double frob = norm(flat);
    PowerIteration r;
    r.eigenvector = dlmath::detail::power_iteration_start(n);
    if (frob == 0.0) return r;
    for (std::size_t t = 1; t <= max_iterations; ++t) {
        r.iterations = t;
        const Vector w = matvec(A, r.eigenvector);  // w = A v
        const double lambda = dot(r.eigenvector, w);
        const double norm_w = norm(w);
        const Vector residual = w - lambda * r.eigenvector;
        r.eigenvalue = lambda;
        if (norm(residual) <= tol * frob) return r;
        r.eigenvector = w / norm_w;  // w != 0 here: w = 0 has residual 0
    }
    r.status = Status::no_convergence;
    r.reason = dlmath::detail::message(
        "power_iteration: no convergence in ", max_iterations, " iterations (the residual stayed above tol * ||A||_F = ",
        tol * frob,
        "); the dominant eigenvalue may not be unique in magnitude (e.g. +lambda and -lambda, or a complex pair), "
        "or |lambda_2 / lambda_1| is close to 1");
    return r;
}
//! [fast_power_iteration]

//! [fast_expm]
Matrix expm(const Matrix& A) {
    dlmath::detail::require_square("expm", A);
    dlmath::detail::require_finite("expm", A);
    const std::size_t n = A.shape(0);
    if (n == 0) return Matrix::from_shape({0, 0});
    double norm_inf = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        double row = 0.0;
        for (std::size_t j = 0; j < n; ++j) row += std::fabs(A(i, j));
        norm_inf = std::fmax(norm_inf, row);
    }
    int s = 0;
    if (norm_inf > 0.5) s = static_cast<int>(std::ceil(std::log2(norm_inf / 0.5)));
    const Matrix X = A * std::ldexp(1.0, -s);
    constexpr int q = 6;
    Matrix Xj = X;
    Matrix N = xt::eye<double>(n), D = xt::eye<double>(n);
    double c = 1.0;
    for (int j = 1; j <= q; ++j) {
        c *= static_cast<double>(q - j + 1) / static_cast<double>(j * (2 * q - j + 1));
        if (j > 1) Xj = matmul(X, Xj);
        N += c * Xj;
        D += ((j % 2 == 0) ? c : -c) * Xj;
    }
    Matrix E = solve(D, N);
    for (int k = 0; k < s; ++k) E = matmul(E, E);
    return E;
}
//! [fast_expm]

}  // namespace dlmath::fast
