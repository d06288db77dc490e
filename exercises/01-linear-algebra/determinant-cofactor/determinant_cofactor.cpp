#include "determinant_cofactor.hpp"

#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double determinant_cofactor(const Matrix& A) {
    // BEGIN SOLUTION
    // A ~ (n, n)
    if (A.shape(0) != A.shape(1)) {
        throw shape_error(detail::message("determinant_cofactor: A must be square (A is ", shape_string(A), ")"));
    }
    const std::size_t n = A.shape(0);
    if (n > 8) {
        throw domain_error(detail::message("determinant_cofactor: n = ", n,
                                           " is too large for an O(n!) expansion (at most 8); use LU instead"));
    }
    if (n == 0) return 1.0;  // the empty product
    if (n == 1) return A(0, 0);

    double det = 0.0;
    double sign = 1.0;  // (-1)^(1+j) for j = 1, 2, ...
    for (std::size_t j = 0; j < n; ++j) {
        // the minor M_1j: A without its first row and column j
        Matrix M = Matrix::from_shape({n - 1, n - 1});
        for (std::size_t r = 1; r < n; ++r) {
            for (std::size_t c = 0, cm = 0; c < n; ++c) {
                if (c == j) continue;
                M(r - 1, cm++) = A(r, c);
            }
        }
        det += sign * A(0, j) * determinant_cofactor(M);
        sign = -sign;
    }
    return det;
    // END SOLUTION
}

}  // namespace dlmath::exercises
