#include "change_of_basis.hpp"

#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

Matrix backward_matrix(const Matrix& F) {
    // BEGIN SOLUTION
    if (F.shape(0) != 2 || F.shape(1) != 2) {
        throw shape_error(detail::message("backward_matrix: F must be 2x2 (F is ", shape_string(F), ")"));
    }
    const double a = F(0, 0), b = F(0, 1), c = F(1, 0), d = F(1, 1);
    const double det = a * d - b * c;
    if (det == 0.0) {
        throw domain_error("backward_matrix: det F = 0, the new vectors are not a basis");
    }
    return Matrix{{d / det, -b / det}, {-c / det, a / det}};
    // END SOLUTION
}

Vector to_new_basis(const Matrix& F, const Vector& v) {
    // BEGIN SOLUTION
    if (v.size() != 2) {
        throw shape_error(detail::message("to_new_basis: v must have 2 entries (v is ", shape_string(v), ")"));
    }
    const Matrix B = backward_matrix(F);
    // v~ = B v
    return Vector{B(0, 0) * v(0) + B(0, 1) * v(1), B(1, 0) * v(0) + B(1, 1) * v(1)};
    // END SOLUTION
}

Matrix map_in_new_basis(const Matrix& F, const Matrix& M) {
    // BEGIN SOLUTION
    if (M.shape(0) != 2 || M.shape(1) != 2) {
        throw shape_error(detail::message("map_in_new_basis: M must be 2x2 (M is ", shape_string(M), ")"));
    }
    const Matrix B = backward_matrix(F);
    // M~ = B M F: to old coordinates (F), apply the map (M), back to new ones (B)
    Matrix BM = Matrix::from_shape({2, 2}), result = Matrix::from_shape({2, 2});
    for (std::size_t i = 0; i < 2; ++i)
        for (std::size_t j = 0; j < 2; ++j) BM(i, j) = B(i, 0) * M(0, j) + B(i, 1) * M(1, j);
    for (std::size_t i = 0; i < 2; ++i)
        for (std::size_t j = 0; j < 2; ++j) result(i, j) = BM(i, 0) * F(0, j) + BM(i, 1) * F(1, j);
    return result;
    // END SOLUTION
}

}  // namespace dlmath::exercises
