// Hidden tests of the matrix product exercise.
#include "matrix_product.hpp"

#include <string>

#include <gtest/gtest.h>
#include <xtensor/xmanipulation.hpp>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::exercises::matrix_product;

TEST(MatrixProductHidden, EmptyInnerDimensionGivesZeros) {
    // (2,0) . (0,3) = the 2x3 zero matrix: every entry is an empty sum
    const Matrix A = Matrix::from_shape({2, 0});
    const Matrix B = Matrix::from_shape({0, 3});
    const Matrix C = matrix_product(A, B);
    ASSERT_EQ(C.shape(0), 2u);
    ASSERT_EQ(C.shape(1), 3u);
    for (double c : C) EXPECT_EQ(c, 0.0);
}

TEST(MatrixProductHidden, RowTimesColumnAndColumnTimesRow) {
    const Matrix row = {{1.0, 2.0, 3.0}};
    const Matrix col = {{4.0}, {5.0}, {6.0}};
    const Matrix inner = matrix_product(row, col);  // 1x1: 4 + 10 + 18
    ASSERT_EQ(inner.size(), 1u);
    EXPECT_EQ(inner(0, 0), 32.0);
    const Matrix outer = matrix_product(col, row);  // 3x3: outer[i][j] = col_i row_j
    ASSERT_EQ(outer.shape(0), 3u);
    ASSERT_EQ(outer.shape(1), 3u);
    EXPECT_EQ(outer(2, 1), 12.0);
    EXPECT_EQ(outer(0, 2), 12.0);
    EXPECT_EQ(outer(1, 1), 10.0);
}

TEST(MatrixProductHidden, ProductIsNotCommutativeButAssociative) {
    const Matrix A = {{1.0, 2.0}, {0.0, 1.0}};
    const Matrix B = {{1.0, 0.0}, {3.0, 1.0}};
    const Matrix C = {{2.0, -1.0}, {1.0, 4.0}};
    EXPECT_NE(matrix_product(A, B), matrix_product(B, A));
    EXPECT_EQ(matrix_product(matrix_product(A, B), C), matrix_product(A, matrix_product(B, C)));
}

TEST(MatrixProductHidden, TransposeOfAProductReversesTheOrder) {
    // (AB)^T = B^T A^T on a non-square pair
    const Matrix A = {{1.0, 2.0, -1.0}, {0.0, 3.0, 4.0}};
    const Matrix B = {{2.0, 1.0}, {-1.0, 0.0}, {5.0, 2.0}};
    const Matrix AB = matrix_product(A, B);
    const Matrix At = xt::transpose(A), Bt = xt::transpose(B);
    const Matrix BtAt = matrix_product(Bt, At);
    ASSERT_EQ(BtAt.shape(0), AB.shape(1));
    for (std::size_t i = 0; i < AB.shape(0); ++i)
        for (std::size_t j = 0; j < AB.shape(1); ++j) EXPECT_EQ(AB(i, j), BtAt(j, i));
}

TEST(MatrixProductHidden, MismatchMessageNamesTheFunction) {
    const Matrix A = Matrix::from_shape({2, 3});
    const Matrix B = Matrix::from_shape({4, 2});
    try {
        matrix_product(A, B);
        FAIL() << "expected dlmath::shape_error";
    } catch (const dlmath::shape_error& e) {
        EXPECT_NE(std::string(e.what()).find("matrix_product"), std::string::npos) << e.what();
    }
}
