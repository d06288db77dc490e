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

// ---------------------------------------------------------------- NumPy's surface (section numpy)

/// \ingroup chapter1
/// \brief The sign and the logarithm of the absolute determinant, NumPy's `slogdet`:
/// \f$ \det A = \mathrm{sign} \cdot e^{\mathrm{logabsdet}} \f$.
struct SlogDet {
    double sign = 1.0;       ///< +1 or -1; 0 when A is singular
    double logabsdet = 0.0;  ///< \f$ \ln |\det A| \f$; \f$ -\infty \f$ when A is singular
};

/// \ingroup chapter1
/// \brief The two orders of a matrix norm that NumPy names by a string,
/// `ord="fro"` and `ord="nuc"`. The numeric orders (1, -1, 2, -2, inf, -inf)
/// are passed as a `double`.
enum class MatrixNorm {
    fro,  ///< Frobenius, \f$ \|A\|_F = \big(\sum_{ij} a_{ij}^2\big)^{1/2} = \big(\sum_i \sigma_i^2\big)^{1/2} \f$
    nuc,  ///< nuclear, \f$ \|A\|_* = \sum_i \sigma_i \f$
};

/// \ingroup chapter1
/// \brief NumPy's `rcond` argument of `lstsq`: singular values at or below
/// \f$ \mathrm{rcond} \cdot \sigma_1 \f$ count as zero.
///
/// `Rcond{}` (a negative value) selects NumPy's default,
/// \f$ \varepsilon \max(m, n) \f$ with \f$ \varepsilon = 2^{-52} \f$.
struct Rcond {
    double value = -1.0;  ///< the relative cut-off; negative for NumPy's default
};

/// \ingroup chapter1
/// \brief The four results of NumPy's `lstsq(A, b)`, for one right-hand side
/// (`Solution = Vector`) or several (`Solution = Matrix`, one per column).
template <class Solution>
struct LeastSquares {
    Solution x;            ///< minimum-norm least-squares solution, `(n)` or `(n, k)`
    Vector residuals;      ///< \f$ \|b_j - A x_j\|_2^2 \f$ per right-hand side when rank = n < m; otherwise empty
    std::size_t rank = 0;  ///< the number of singular values above the cut-off
    Vector s;              ///< singular values of A, descending, `(min(m, n))`
};

}  // namespace dlmath
