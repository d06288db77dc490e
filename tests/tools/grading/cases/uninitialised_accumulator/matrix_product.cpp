// Crafted wrong answer: the row-by-row product adds into a matrix from
// Matrix::from_shape, which is never set to zero. On a fresh heap the memory
// may happen to be zero and the answer right; the graded program fills every
// fresh allocation with NaN, so it is wrong every time.
#include "matrix_product.hpp"

#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

Matrix matrix_product(const Matrix& A, const Matrix& B) {
    if (A.shape(1) != B.shape(0)) {
        throw shape_error(detail::message("matrix_product: inner dimensions differ (A is ", shape_string(A),
                                          ", B is ", shape_string(B), ")"));
    }
    const std::size_t m = A.shape(0), n = A.shape(1), p = B.shape(1);
    Matrix C = Matrix::from_shape({m, p});  // not initialised
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t k = 0; k < n; ++k)
            for (std::size_t j = 0; j < p; ++j) C(i, j) += A(i, k) * B(k, j);
    return C;
}

Matrix matrix_product_transposed(const Matrix& A, const Matrix& B) {
    if (A.shape(1) != B.shape(1)) {
        throw shape_error(detail::message("matrix_product_transposed: A and B need the same number of columns (A is ",
                                          shape_string(A), ", B is ", shape_string(B), ")"));
    }
    const std::size_t m = A.shape(0), n = A.shape(1), p = B.shape(0);
    Matrix C = Matrix::from_shape({m, p});
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < p; ++j) {
            double s = 0.0;
            for (std::size_t k = 0; k < n; ++k) s += A(i, k) * B(j, k);
            C(i, j) = s;
        }
    return C;
}

}  // namespace dlmath::exercises
