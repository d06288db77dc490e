/// \file
/// \brief Result types of chapter 1 (decompositions), shared by the
/// reference and the fast twin so that both return the same structs.
#pragma once

#include <cstddef>
#include <string>

#include "dlmath/status.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath {

/// \ingroup chapter1
/// \brief A thin singular value decomposition \f$ A = U\,\mathrm{diag}(S)\,V^\top \f$.
///
/// For \f$ A \sim (m, n) \f$ and \f$ k = \min(m, n) \f$:
/// `U ~ (m, k)` with orthonormal columns, `S ~ (k)` descending and
/// non-negative, `Vt ~ (k, n)` with orthonormal rows (NumPy's
/// `full_matrices=False`).
struct SVD {
    Matrix U;   ///< left singular vectors as columns, `(m, k)`
    Vector S;   ///< singular values, descending, \f$ \sigma_1 \ge \dots \ge \sigma_k \ge 0 \f$, `(k)`
    Matrix Vt;  ///< right singular vectors as rows, \f$ V^\top \f$, `(k, n)`
};

/// \ingroup chapter1
/// \brief The eigendecomposition \f$ A = Q \Lambda Q^\top \f$ of a symmetric matrix.
struct Eigh {
    Vector eigenvalues;   ///< \f$ \lambda_1 \le \dots \le \lambda_n \f$, ascending, `(n)`
    Matrix eigenvectors;  ///< \f$ Q \f$: orthonormal eigenvectors as columns, `(n, n)`
};

/// \ingroup chapter1
/// \brief Principal component analysis of a data matrix with samples as rows.
///
/// For data \f$ X \sim (N, d) \f$ with mean \f$ \mu \f$ and centred data
/// \f$ X_c = X - \mathbf{1}\mu^\top = U S V^\top \f$, the first `k` rows of
/// \f$ V^\top \f$ are the components. Variances use the sample covariance
/// \f$ C = X_c^\top X_c / (N - 1) \f$ (as NumPy's `np.cov` and
/// scikit-learn), so \f$ \|X - \hat X\|_F^2 = (N - 1) \sum_{j > k} \lambda_j(C) \f$.
struct PCA {
    Vector mean;                ///< \f$ \mu \f$, the column means, `(d)`
    Matrix components;          ///< principal axes as rows (unit length, orthogonal), `(k, d)`
    Vector explained_variance;  ///< \f$ \sigma_j^2 / (N - 1) \f$, the top `k` eigenvalues of \f$ C \f$, `(k)`
    Vector explained_variance_ratio;  ///< each explained variance divided by the total variance \f$ \mathrm{Tr}\,C \f$, `(k)`
    Matrix projection;          ///< coordinates \f$ Z = X_c V_k \f$ of the samples on the axes, `(N, k)`
    Matrix reconstruction;      ///< \f$ \hat X = Z V_k^\top + \mathbf{1}\mu^\top \f$, `(N, d)`
};

/// \ingroup chapter1
/// \brief Result of the power iteration for the dominant eigenpair.
///
/// On `Status::success`, \f$ \|A v - \lambda v\|_2 \le \mathrm{tol}\,\|A\|_F \f$.
/// Otherwise `eigenvalue` and `eigenvector` hold the last iterate (finite),
/// and `reason` says why the iteration stopped.
struct PowerIteration {
    double eigenvalue = 0.0;    ///< the Rayleigh quotient \f$ v^\top A v \f$ of the last iterate
    Vector eigenvector;         ///< the last iterate, unit length, `(n)`
    std::size_t iterations = 0; ///< iterations performed
    Status status = Status::success;  ///< success, or why it stopped
    std::string reason;         ///< empty on success; otherwise a sentence naming the cause
};

}  // namespace dlmath
