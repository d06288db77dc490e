#include "matrix_product.hpp"

#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

Matrix matrix_product(const Matrix& A, const Matrix& B) {
    // BEGIN SOLUTION
    // A ~ (m, n), B ~ (n, p), returns C ~ (m, p)
    if (A.shape(1) != B.shape(0)) {
        throw shape_error(detail::message("matrix_product: inner dimensions differ (A is ", shape_string(A),
                                          ", B is ", shape_string(B), ")"));
    }
    const std::size_t m = A.shape(0), n = A.shape(1), p = B.shape(1);
    Matrix C = Matrix::from_shape({m, p});
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < p; ++j) {
            double s = 0.0;  // C_ij = sum_k A_ik B_kj: row i of A against column j of B
            for (std::size_t k = 0; k < n; ++k) s += A(i, k) * B(k, j);
            C(i, j) = s;
        }
    }
    return C;
    // END SOLUTION
}

}  // namespace dlmath::exercises
