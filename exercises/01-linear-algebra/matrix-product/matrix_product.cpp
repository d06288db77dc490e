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
    C.fill(0.0);  // every row starts as the empty sum
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t k = 0; k < n; ++k) {
            const double a = A(i, k);  // C_i: += A_ik B_k:
            for (std::size_t j = 0; j < p; ++j) C(i, j) += a * B(k, j);
        }
    }
    return C;
    // END SOLUTION
}

Matrix matrix_product_transposed(const Matrix& A, const Matrix& B) {
    // BEGIN SOLUTION
    // A ~ (m, n), B ~ (p, n), returns C = A B^T ~ (m, p)
    if (A.shape(1) != B.shape(1)) {
        throw shape_error(detail::message("matrix_product_transposed: A and B need the same number of columns (A is ",
                                          shape_string(A), ", B is ", shape_string(B), ")"));
    }
    const std::size_t m = A.shape(0), n = A.shape(1), p = B.shape(0);
    Matrix C = Matrix::from_shape({m, p});
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < p; ++j) {
            double s = 0.0;  // C_ij = <row i of A, row j of B>
            for (std::size_t k = 0; k < n; ++k) s += A(i, k) * B(j, k);
            C(i, j) = s;
        }
    }
    return C;
    // END SOLUTION
}

}  // namespace dlmath::exercises
