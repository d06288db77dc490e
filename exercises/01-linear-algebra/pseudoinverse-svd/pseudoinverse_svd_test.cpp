// Visible tests of the pseudoinverse exercise.
//
// The test matrices are built from an exact SVD with dyadic-friendly
// factors (0.6, 0.8 are not dyadic, so entries do round). Each entry of A+
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
const Matrix U = {{0.6, 0.8}, {0.8, -0.6}};            // orthogonal columns
const Vector S = {4.0, 2.0};
const Matrix Vt = {{1.0, 0.0, 0.0}, {0.0, 0.6, 0.8}};  // orthonormal rows: A is 2x3 (wide)

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
    // A+ = V D+ U^T: entry (0,0) = 1 * 0.6 / 4, entry (2,1) = 0.8 * (-0.6) / 2
    const Matrix P = pseudoinverse_from_svd(U, S, Vt);
    EXPECT_NEAR(P(0, 0), 0.15, 4 * u);
    EXPECT_NEAR(P(2, 1), -0.24, 4 * u);
    EXPECT_NEAR(P(0, 1), 0.2, 4 * u);
}

TEST(PseudoinverseSvd, ShapeMismatchIsAShapeError) {
    EXPECT_THROW(pseudoinverse_from_svd(U, Vector{4.0, 2.0, 1.0}, Vt), dlmath::shape_error);
}
