/// \file
/// \brief Exercise (chapter 1): PCA projection and reconstruction.
#pragma once

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The mean of the rows of \p X (see \ref exercise_pca_projection):
/// \f[ \mu_j = \frac{1}{n} \sum_{i=1}^{n} X_{ij} \f]
/// \param X data, one sample per row, \f$ X \sim (n, d) \f$
/// \returns \f$ \mu \sim (d) \f$
/// \throws dlmath::shape_error when \f$ n = 0 \f$ (the mean of nothing is undefined)
Vector column_mean(const Matrix& X);

/// The codes of the samples on \f$ k \f$ principal directions (the rows of \p W):
/// \f[ Z = (X - \mathbf{1}\mu^\top)\, W^\top, \qquad Z_{il} = \sum_j (X_{ij} - \mu_j) W_{lj} \f]
/// \param X data \f$ X \sim (n, d) \f$
/// \param mean \f$ \mu \sim (d) \f$
/// \param W orthonormal directions as rows, \f$ W \sim (k, d) \f$
/// \returns \f$ Z \sim (n, k) \f$
/// \throws dlmath::shape_error when the shapes do not fit together
Matrix pca_project(const Matrix& X, const Vector& mean, const Matrix& W);

/// The reconstruction of the samples from their codes:
/// \f[ \hat X = Z W + \mathbf{1}\mu^\top \f]
/// \param Z codes \f$ Z \sim (n, k) \f$
/// \param mean \f$ \mu \sim (d) \f$
/// \param W orthonormal directions as rows, \f$ W \sim (k, d) \f$
/// \returns \f$ \hat X \sim (n, d) \f$
/// \throws dlmath::shape_error when the shapes do not fit together
Matrix pca_reconstruct(const Matrix& Z, const Vector& mean, const Matrix& W);

}  // namespace dlmath::exercises
