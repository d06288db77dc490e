// Visible tests of the pseudoinverse exercise.
//
// The test matrices are built from an exact SVD with factors such as 0.6,
// 0.8 and 1/3 (not dyadic, so entries do round). Each entry of A+
// is a sum of at most k = 2 terms v u / s: three roundings per term and one
// per addition, so |error| <= gamma_4 * sum of |terms| <= 4u * (1/s_min);
// products like A A+ add one more sum of k terms. Bounds below use 16u/s_min.
#include "pseudoinverse_svd.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using dlmath::exercises::pseudoinverse_from_svd;

namespace {
constexpr double u = std::numeric_limits<double>::epsilon() / 2;
// A ~ (2, 3) (wide) from its SVD. U is a rotation, not symmetric: U^T != U.
const Matrix U = {{0.6, -0.8}, {0.8, 0.6}};            // orthonormal columns
const Vector S = {4.0, 2.0};
const Matrix Vt = {{1.0, 0.0, 0.0}, {0.0, 0.6, 0.8}};  // orthonormal rows

Matrix product(const Matrix& A, const Matrix& B) {
    Matrix C = Matrix::from_shape({A.shape(0), B.shape(1)});
    for (std::size_t i = 0; i < A.shape(0); ++i)
        for (std::size_t j = 0; j < B.shape(1); ++j) {
            double s = 0.0;
            for (std::size_t k = 0; k < A.shape(1); ++k) s += A(i, k) * B(k, j);
            C(i, j) = s;
        }
    return C;
}
Matrix diag(const Vector& d) {
    Matrix D = Matrix::from_shape({d.size(), d.size()});
    D.fill(0.0);
    for (std::size_t i = 0; i < d.size(); ++i) D(i, i) = d(i);
    return D;
}
}  // namespace

TEST(PseudoinverseSvd, WideFullRankHasARightInverse) {
    const Matrix A = product(product(U, diag(S)), Vt);
    const Matrix P = pseudoinverse_from_svd(U, S, Vt);
    ASSERT_EQ(P.shape(0), 3u);
    ASSERT_EQ(P.shape(1), 2u);
    const Matrix AP = product(A, P);  // = I_2 for full row rank
    for (std::size_t i = 0; i < 2; ++i)
        for (std::size_t j = 0; j < 2; ++j) EXPECT_NEAR(AP(i, j), i == j ? 1.0 : 0.0, 16 * u * 4.0 / 2.0);
}

TEST(PseudoinverseSvd, KnownEntries) {
    // A+ = V D+ U^T, so A+_ij = sum_l Vt_li U_jl / S_l:
    // (0,0) = 1 * 0.6 / 4, (0,1) = 1 * 0.8 / 4, (2,0) = 0.8 * (-0.8) / 2, (2,1) = 0.8 * 0.6 / 2
    const Matrix P = pseudoinverse_from_svd(U, S, Vt);
    EXPECT_NEAR(P(0, 0), 0.15, 4 * u);
    EXPECT_NEAR(P(0, 1), 0.2, 4 * u);
    EXPECT_NEAR(P(2, 0), -0.32, 4 * u);
    EXPECT_NEAR(P(2, 1), 0.24, 4 * u);
}

TEST(PseudoinverseSvd, TallSystemIsSolvedInTheLeastSquaresSense) {
    // A ~ (3, 2) (tall): U has the orthonormal columns (1,2,2)/3 and
    // (2,1,-2)/3, S = (2, 1), Vt a rotation. y = (1, 2, 3) is not in the
    // column space, so Ax = y has no solution; x = A+ y minimises |Ax - y|:
    // x = V D^-1 U^T y = V (11/6, -2/3) = (49/30, 16/15), and the residual
    // Ax - y is orthogonal to the columns of A (A^T (Ax - y) = 0).
    const Matrix Ut = {{1.0 / 3, 2.0 / 3}, {2.0 / 3, 1.0 / 3}, {2.0 / 3, -2.0 / 3}};
    const Vector St = {2.0, 1.0};
    const Matrix Vtt = {{0.6, 0.8}, {-0.8, 0.6}};
    const Matrix A = product(product(Ut, diag(St)), Vtt);
    const Matrix P = pseudoinverse_from_svd(Ut, St, Vtt);
    ASSERT_EQ(P.shape(0), 2u);
    ASSERT_EQ(P.shape(1), 3u);
    const Matrix y = {{1.0}, {2.0}, {3.0}};
    const Matrix x = product(P, y);
    // each entry of A+ is within 8u of exact (k = 2 terms of size <= 1 and
    // the rounded thirds); x adds a sum of 3 terms with |y| <= 3
    EXPECT_NEAR(x(0, 0), 49.0 / 30.0, 64 * u * 3.0);
    EXPECT_NEAR(x(1, 0), 16.0 / 15.0, 64 * u * 3.0);
    const Matrix r = product(A, x) - y;
    for (std::size_t c = 0; c < 2; ++c) {
        double normal = 0.0;  // (A^T r)_c
        for (std::size_t i = 0; i < 3; ++i) normal += A(i, c) * r(i, 0);
        EXPECT_NEAR(normal, 0.0, 256 * u * 3.0 * 2.0);  // |A| <= 2, |r| <= 3, a few chained sums
    }
}

TEST(PseudoinverseSvd, ShapeMismatchIsAShapeError) {
    EXPECT_THROW(pseudoinverse_from_svd(U, Vector{4.0, 2.0, 1.0}, Vt), dlmath::shape_error);
}
