/// \file
/// \brief Exercise (chapter 1): the Moore–Penrose pseudoinverse from a given SVD.
#pragma once

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The pseudoinverse \f$ A^+ = V D^+ U^\top \f$ of \f$ A = U\,\mathrm{diag}(S)\,V^\top \f$
/// (see \ref exercise_pseudoinverse_svd):
/// \f[ A^+_{ij} = \sum_{l\,:\, S_l > \text{rcond} \cdot S_{\max}} \frac{V_{il}\, U_{jl}}{S_l} \f]
/// Singular values at or below \f$ \text{rcond} \cdot S_{\max} \f$ count as zero.
///
/// \param U left singular vectors as columns, \f$ U \sim (m, k) \f$
/// \param S singular values, \f$ S \sim (k) \f$, non-negative
/// \param Vt right singular vectors as rows, \f$ V^\top \sim (k, n) \f$
/// \param rcond relative cut-off, \f$ \ge 0 \f$
/// \returns \f$ A^+ \sim (n, m) \f$
/// \throws dlmath::shape_error when the shapes do not fit together
/// \throws dlmath::domain_error when a singular value is negative or NaN, or rcond < 0
Matrix pseudoinverse_from_svd(const Matrix& U, const Vector& S, const Matrix& Vt, double rcond = 1e-15);

}  // namespace dlmath::exercises
