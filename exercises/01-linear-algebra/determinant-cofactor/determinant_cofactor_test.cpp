// Visible tests of the cofactor-expansion exercise. The inputs have small
// integer entries, so every step of the expansion is exact in double
// precision: results must match exactly.
#include "determinant_cofactor.hpp"

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::exercises::determinant_cofactor;

TEST(DeterminantCofactor, TwoByTwoIsAdMinusBc) {
    // det [[a, b], [c, d]] = ad - bc
    EXPECT_EQ(determinant_cofactor(Matrix{{3.0, 8.0}, {4.0, 6.0}}), 3.0 * 6.0 - 8.0 * 4.0);
    EXPECT_EQ(determinant_cofactor(Matrix{{1.0, 2.0}, {2.0, 4.0}}), 0.0);  // dependent rows
}

TEST(DeterminantCofactor, ThreeByThree) {
    // 6(-2*7 - 5*8) - 1(4*7 - 5*2) + 1(4*8 - (-2)*2) = -324 - 18 + 36 = -306
    const Matrix A = {{6.0, 1.0, 1.0}, {4.0, -2.0, 5.0}, {2.0, 8.0, 7.0}};
    EXPECT_EQ(determinant_cofactor(A), -306.0);
}

TEST(DeterminantCofactor, NonSquareIsAShapeError) {
    EXPECT_THROW(determinant_cofactor(Matrix::from_shape({2, 3})), dlmath::shape_error);
}
