// Visible tests of the matrix product exercise. Every input below has small
// integer entries, so every product and sum is exact in double precision:
// the results must match exactly.
#include "matrix_product.hpp"

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::exercises::matrix_product;
using dlmath::exercises::matrix_product_transposed;

TEST(MatrixProduct, SyllabusExample) {
    // [[2,3,4],[1,0,0]] . [[0,1000],[1,100],[0,10]] = [[3,2340],[0,1000]]
    const Matrix A = {{2.0, 3.0, 4.0}, {1.0, 0.0, 0.0}};
    const Matrix B = {{0.0, 1000.0}, {1.0, 100.0}, {0.0, 10.0}};
    const Matrix C = matrix_product(A, B);
    ASSERT_EQ(C.shape(0), 2u);
    ASSERT_EQ(C.shape(1), 2u);
    EXPECT_EQ(C(0, 0), 3.0);
    EXPECT_EQ(C(0, 1), 2340.0);
    EXPECT_EQ(C(1, 0), 0.0);
    EXPECT_EQ(C(1, 1), 1000.0);
}

TEST(MatrixProduct, IdentityLeavesAMatrixUnchanged) {
    const Matrix A = {{1.0, -2.0, 3.0}, {4.0, 5.0, -6.0}};
    const Matrix I3 = {{1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}, {0.0, 0.0, 1.0}};
    const Matrix I2 = {{1.0, 0.0}, {0.0, 1.0}};
    EXPECT_EQ(matrix_product(A, I3), A);  // A I_n = A
    EXPECT_EQ(matrix_product(I2, A), A);  // I_m A = A
}

TEST(MatrixProduct, ABatchThroughALinearLayer) {
    // X ~ (2, 3): two inputs; W ~ (2, 3): a layer of two units. X W^T ~ (2, 2)
    // holds the pre-activation of unit j for input i.
    const Matrix X = {{1.0, 2.0, 3.0}, {0.0, -1.0, 4.0}};
    const Matrix W = {{1.0, 0.0, -1.0}, {2.0, 1.0, 1.0}};
    const Matrix C = matrix_product_transposed(X, W);
    ASSERT_EQ(C.shape(0), 2u);
    ASSERT_EQ(C.shape(1), 2u);
    EXPECT_EQ(C, (Matrix{{-2.0, 7.0}, {-4.0, 3.0}}));
}

TEST(MatrixProduct, InnerDimensionMismatchIsAShapeError) {
    const Matrix A = {{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}};  // 2x3
    const Matrix B = {{1.0, 2.0}, {3.0, 4.0}};            // 2x2
    EXPECT_THROW(matrix_product(A, B), dlmath::shape_error);
    EXPECT_THROW(matrix_product_transposed(A, B), dlmath::shape_error);  // 3 columns against 2
}
