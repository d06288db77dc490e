#include "pca_projection.hpp"

#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

Vector column_mean(const Matrix& X) {
    // BEGIN SOLUTION
    const std::size_t n = X.shape(0), d = X.shape(1);
    if (n == 0) {
        throw shape_error(detail::message("column_mean: the mean of no samples is undefined (X is ",
                                          shape_string(X), ")"));
    }
    Vector mu = Vector::from_shape({d});
    for (std::size_t j = 0; j < d; ++j) {
        double s = 0.0;
        for (std::size_t i = 0; i < n; ++i) s += X(i, j);
        mu(j) = s / static_cast<double>(n);
    }
    return mu;
    // END SOLUTION
}

Matrix pca_project(const Matrix& X, const Vector& mean, const Matrix& W) {
    // BEGIN SOLUTION
    // X ~ (n, d), mean ~ (d), W ~ (k, d), returns Z ~ (n, k)
    const std::size_t n = X.shape(0), d = X.shape(1), k = W.shape(0);
    if (mean.size() != d || W.shape(1) != d) {
        throw shape_error(detail::message("pca_project: shapes do not fit (X is ", shape_string(X), ", mean is ",
                                          shape_string(mean), ", W is ", shape_string(W), ")"));
    }
    Matrix Z = Matrix::from_shape({n, k});
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t l = 0; l < k; ++l) {
            double s = 0.0;  // Z_il = <x_i - mu, w_l>
            for (std::size_t j = 0; j < d; ++j) s += (X(i, j) - mean(j)) * W(l, j);
            Z(i, l) = s;
        }
    }
    return Z;
    // END SOLUTION
}

Matrix pca_reconstruct(const Matrix& Z, const Vector& mean, const Matrix& W) {
    // BEGIN SOLUTION
    // Z ~ (n, k), mean ~ (d), W ~ (k, d), returns X^ ~ (n, d)
    const std::size_t n = Z.shape(0), k = Z.shape(1), d = W.shape(1);
    if (W.shape(0) != k || mean.size() != d) {
        throw shape_error(detail::message("pca_reconstruct: shapes do not fit (Z is ", shape_string(Z),
                                          ", mean is ", shape_string(mean), ", W is ", shape_string(W), ")"));
    }
    Matrix X = Matrix::from_shape({n, d});
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < d; ++j) {
            double s = mean(j);  // x^_ij = mu_j + sum_l Z_il W_lj
            for (std::size_t l = 0; l < k; ++l) s += Z(i, l) * W(l, j);
            X(i, j) = s;
        }
    }
    return X;
    // END SOLUTION
}

}  // namespace dlmath::exercises
