// Hidden tests of the cofactor-expansion exercise (integer entries: exact).
#include "determinant_cofactor.hpp"

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::exercises::determinant_cofactor;

TEST(DeterminantCofactorHidden, EmptyAndOneByOne) {
    EXPECT_EQ(determinant_cofactor(Matrix::from_shape({0, 0})), 1.0);  // the empty product
    EXPECT_EQ(determinant_cofactor(Matrix{{-7.5}}), -7.5);
}

TEST(DeterminantCofactorHidden, TriangularIsTheProductOfTheDiagonal) {
    const Matrix U = {{2.0, 5.0, -1.0, 3.0}, {0.0, -3.0, 4.0, 1.0}, {0.0, 0.0, 1.0, 7.0}, {0.0, 0.0, 0.0, 5.0}};
    EXPECT_EQ(determinant_cofactor(U), 2.0 * -3.0 * 1.0 * 5.0);
}

TEST(DeterminantCofactorHidden, SwappingTwoRowsFlipsTheSign) {
    const Matrix A = {{1.0, 2.0, 0.0}, {3.0, -1.0, 4.0}, {2.0, 0.0, 5.0}};
    const Matrix S = {{3.0, -1.0, 4.0}, {1.0, 2.0, 0.0}, {2.0, 0.0, 5.0}};
    EXPECT_EQ(determinant_cofactor(S), -determinant_cofactor(A));
    EXPECT_NE(determinant_cofactor(A), 0.0);
}

TEST(DeterminantCofactorHidden, ProductRule) {
    // det(AB) = det(A) det(B); AB computed by hand: [[2,3],[1,4]].[[1,-1],[2,5]] = [[8,13],[9,19]]
    const Matrix A = {{2.0, 3.0}, {1.0, 4.0}};
    const Matrix B = {{1.0, -1.0}, {2.0, 5.0}};
    const Matrix AB = {{8.0, 13.0}, {9.0, 19.0}};
    EXPECT_EQ(determinant_cofactor(AB), determinant_cofactor(A) * determinant_cofactor(B));
}

TEST(DeterminantCofactorHidden, TooLargeIsADomainError) {
    EXPECT_THROW(determinant_cofactor(Matrix::from_shape({9, 9})), dlmath::domain_error);
}
