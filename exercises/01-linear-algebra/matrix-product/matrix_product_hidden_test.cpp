// Hidden tests of the matrix product exercise. Integer entries: every
// product and sum below is exact, so results match exactly.
#include "matrix_product.hpp"

#include <cstddef>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>
#include <xtensor/xmanipulation.hpp>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::exercises::matrix_product;
using dlmath::exercises::matrix_product_transposed;

TEST(MatrixProductHidden, EmptyInnerDimensionGivesZeros) {
    // (2,0) . (0,3) = the 2x3 zero matrix: every entry is an empty sum
    const Matrix A = Matrix::from_shape({2, 0});
    const Matrix B = Matrix::from_shape({0, 3});
    const Matrix C = matrix_product(A, B);
    ASSERT_EQ(C.shape(0), 2u);
    ASSERT_EQ(C.shape(1), 3u);
    for (double c : C) EXPECT_EQ(c, 0.0);
    const Matrix D = matrix_product_transposed(A, Matrix::from_shape({3, 0}));
    ASSERT_EQ(D.shape(0), 2u);
    ASSERT_EQ(D.shape(1), 3u);
    for (double d : D) EXPECT_EQ(d, 0.0);
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
    // with the transposed operand the outer product of two columns is
    // col . col^T, and the inner product of two rows row . row^T
    EXPECT_EQ(matrix_product_transposed(row, row)(0, 0), 14.0);
    EXPECT_EQ(matrix_product_transposed(col, col)(2, 1), 30.0);
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

TEST(MatrixProductHidden, MismatchMessagesNameTheFunctionAndBothShapes) {
    const Matrix A = Matrix::from_shape({2, 3});
    const Matrix B = Matrix::from_shape({4, 2});
    try {
        matrix_product(A, B);
        ADD_FAILURE() << "expected dlmath::shape_error from matrix_product";
    } catch (const dlmath::shape_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("matrix_product"), std::string::npos) << what;
        EXPECT_NE(what.find("2x3"), std::string::npos) << what;
        EXPECT_NE(what.find("4x2"), std::string::npos) << what;
    }
    try {
        matrix_product_transposed(A, B);
        ADD_FAILURE() << "expected dlmath::shape_error from matrix_product_transposed";
    } catch (const dlmath::shape_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("matrix_product_transposed"), std::string::npos) << what;
        EXPECT_NE(what.find("2x3"), std::string::npos) << what;
        EXPECT_NE(what.find("4x2"), std::string::npos) << what;
    }
}

// Random shapes (0 to 4 in each dimension) and integer entries in
// [-100, 100]: every product is at most 10^4 and every sum at most 4 * 10^4
// in magnitude, far below 2^53, so both functions must agree exactly with
// the definition computed here. On a failure RapidCheck shrinks the shapes
// and entries to a smallest failing pair and prints it.
RC_GTEST_PROP(MatrixProductHidden, AgreesWithTheDefinitionOnRandomIntegerMatrices, ()) {
    const auto m = static_cast<std::size_t>(*rc::gen::inRange(0, 5));
    const auto n = static_cast<std::size_t>(*rc::gen::inRange(0, 5));
    const auto p = static_cast<std::size_t>(*rc::gen::inRange(0, 5));
    const auto a = *rc::gen::container<std::vector<int>>(m * n, rc::gen::inRange(-100, 101));
    const auto b = *rc::gen::container<std::vector<int>>(n * p, rc::gen::inRange(-100, 101));
    Matrix A = Matrix::from_shape({m, n}), B = Matrix::from_shape({n, p}), Bt = Matrix::from_shape({p, n});
    for (std::size_t k = 0; k < m * n; ++k) A(k / n, k % n) = a[k];
    for (std::size_t k = 0; k < n * p; ++k) {
        B(k / p, k % p) = b[k];
        Bt(k % p, k / p) = b[k];
    }
    const Matrix C = matrix_product(A, B);
    const Matrix D = matrix_product_transposed(A, Bt);
    RC_ASSERT(C.shape(0) == m && C.shape(1) == p);
    RC_ASSERT(D.shape(0) == m && D.shape(1) == p);
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < p; ++j) {
            long long exact = 0;
            for (std::size_t k = 0; k < n; ++k) exact += static_cast<long long>(a[i * n + k]) * b[k * p + j];
            RC_ASSERT(C(i, j) == static_cast<double>(exact));
            RC_ASSERT(D(i, j) == static_cast<double>(exact));
        }
    }
}
