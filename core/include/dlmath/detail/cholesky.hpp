/// \file
/// \brief The Cholesky factorisation \f$ A = L L^\top \f$ of a symmetric
/// positive definite matrix and the triangular solves built on it: what the
/// multivariate Gaussian keeps inside (its covariance or precision matrix
/// is factored once, on construction). Written once here and shared by both
/// twins: an O(d³) factorisation of a small matrix has no kernel to speed up.
#pragma once

#include <cmath>
#include <cstddef>
#include <string_view>

#include "dlmath/errors.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::detail {

//! [cholesky]
/// \brief The lower-triangular \f$ L \f$ with \f$ A = L L^\top \f$ and
/// \f$ l_{jj} > 0 \f$ (Cholesky–Crout, column by column):
/// \f[ l_{jj} = \Big( a_{jj} - \sum_{k<j} l_{jk}^2 \Big)^{1/2}, \qquad
///     l_{ij} = \Big( a_{ij} - \sum_{k<j} l_{ik} l_{jk} \Big) / l_{jj} \quad (i > j). \f]
/// Reads the lower triangle of `A` only (the caller checks symmetry).
/// \throws dlmath::domain_error naming `function`, the matrix `name`, its
/// shape and the first pivot \f$ a_{jj} - \sum_{k<j} l_{jk}^2 \f$ that is not
/// \f$ > 0 \f$: the matrix is not positive definite (or so close to
/// singular that rounding made it indefinite).
/// Accuracy: backward stable, \f$ L L^\top = A + \Delta A \f$ with
/// \f$ |\Delta A| \le \gamma_{d+1} |L| |L^\top| \f$ (Higham, Thm. 10.3).
inline Matrix cholesky(std::string_view function, std::string_view name, const Matrix& A) {
    const std::size_t d = A.shape(0);
    Matrix L = xt::zeros<double>({d, d});
    for (std::size_t j = 0; j < d; ++j) {
        double pivot = A(j, j);
        for (std::size_t k = 0; k < j; ++k) pivot -= L(j, k) * L(j, k);
        if (!(pivot > 0.0)) {
            throw domain_error(message(function, ": ", name, " is not symmetric positive definite (", name, " is ",
                                       shape_string(A), "; the Cholesky pivot of column ", j, " is ", pivot,
                                       ", not > 0)"));
        }
        L(j, j) = std::sqrt(pivot);
        for (std::size_t i = j + 1; i < d; ++i) {
            double s = A(i, j);
            for (std::size_t k = 0; k < j; ++k) s -= L(i, k) * L(j, k);
            L(i, j) = s / L(j, j);
        }
    }
    return L;
}
//! [cholesky]

/// \f$ \log\det A = 2 \sum_j \log l_{jj} \f$ from the Cholesky factor of
/// \f$ A = L L^\top \f$ (a sum of logarithms: no overflow where
/// \f$ \det A \f$ itself would overflow or underflow).
inline double log_det_from_cholesky(const Matrix& L) {
    double s = 0.0;
    for (std::size_t j = 0; j < L.shape(0); ++j) s += std::log(L(j, j));
    return 2.0 * s;
}

/// \f$ L^{-1} \f$ of a lower-triangular \f$ L \f$ with a non-zero diagonal,
/// column by column by forward substitution on the unit vectors.
inline Matrix lower_triangular_inverse(const Matrix& L) {
    const std::size_t d = L.shape(0);
    Matrix X = xt::zeros<double>({d, d});
    for (std::size_t c = 0; c < d; ++c) {
        for (std::size_t i = c; i < d; ++i) {
            double s = (i == c) ? 1.0 : 0.0;
            for (std::size_t k = c; k < i; ++k) s -= L(i, k) * X(k, c);
            X(i, c) = s / L(i, i);
        }
    }
    return X;
}

//! [mahalanobis]
/// \brief The squared Mahalanobis distance
/// \f$ (x - \mu)^\top \Sigma^{-1} (x - \mu) = \|z\|_2^2 \f$ with
/// \f$ L z = x - \mu \f$ solved by forward substitution, where
/// \f$ \Sigma = L L^\top \f$:
/// \f[ z_j = \Big( (x_j - \mu_j) - \sum_{k<j} l_{jk} z_k \Big) / l_{jj}. \f]
/// `x` points to d coordinates, `z` to d doubles of scratch (it holds
/// \f$ z \f$ afterwards). A point with an infinite coordinate is infinitely
/// far (\f$ +\infty \f$), and so is one whose distance overflows on the way
/// (the NaN of \f$ \infty - \infty \f$ is caught: the caller rejects NaN
/// coordinates before).
/// Accuracy: \f$ (L + \Delta L) \hat z = \mathrm{fl}(x - \mu) \f$ with
/// \f$ |\Delta L| \le \gamma_d |L| \f$ (Higham, Thm. 8.5).
inline double mahalanobis_squared(const Matrix& L, const Vector& mu, const double* x, double* z) {
    const std::size_t d = mu.size();
    double q = 0.0;
    for (std::size_t j = 0; j < d; ++j) {
        if (std::isinf(x[j])) return INFINITY;
        double s = x[j] - mu(j);
        for (std::size_t k = 0; k < j; ++k) s -= L(j, k) * z[k];
        z[j] = s / L(j, j);
        q += z[j] * z[j];
    }
    return std::isnan(q) ? INFINITY : q;
}
//! [mahalanobis]

}  // namespace dlmath::detail
