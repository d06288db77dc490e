// Crafted wrong answer: the cut-off is absolute (S_l > rcond) instead of
// relative to the largest singular value. Right for singular values near 1,
// wrong once the matrix is scaled.
#include "pseudoinverse_svd.hpp"

#include <cmath>
#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

Matrix pseudoinverse_from_svd(const Matrix& U, const Vector& S, const Matrix& Vt, double rcond) {
    // U ~ (m, k), S ~ (k), Vt ~ (k, n), returns A+ ~ (n, m)
    const std::size_t m = U.shape(0), k = S.size(), n = Vt.shape(1);
    if (U.shape(1) != k || Vt.shape(0) != k) {
        throw shape_error(detail::message("pseudoinverse_from_svd: shapes do not fit (U is ", shape_string(U),
                                          ", S is ", shape_string(S), ", Vt is ", shape_string(Vt), ")"));
    }
    if (!(rcond >= 0.0)) {
        throw domain_error(detail::message("pseudoinverse_from_svd: rcond must be >= 0 (got ", rcond, ")"));
    }
    double smax = 0.0;
    for (std::size_t l = 0; l < k; ++l) {
        if (!(S(l) >= 0.0)) {
            throw domain_error(detail::message("pseudoinverse_from_svd: singular value S(", l, ") = ", S(l),
                                               " is not a non-negative number"));
        }
        if (S(l) > smax) smax = S(l);
    }
    const double cutoff = rcond;  // absolute, not relative to smax

    Matrix P = Matrix::from_shape({n, m});
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < m; ++j) {
            double s = 0.0;
            for (std::size_t l = 0; l < k; ++l) {
                if (S(l) > cutoff) s += Vt(l, i) * U(j, l) / S(l);  // V D+ U^T, term l
            }
            P(i, j) = s;
        }
    }
    return P;
}

}  // namespace dlmath::exercises
