// Hidden tests of the cofactor-expansion exercise (integer entries: exact).
#include "determinant_cofactor.hpp"

#include <cstddef>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

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

namespace {
// The exact determinant of an integer matrix by Bareiss' fraction-free
// elimination (every division is exact), with pivoting by row swaps.
long long bareiss(std::vector<std::vector<long long>> a) {
    const std::size_t n = a.size();
    long long sign = 1, previous = 1;
    for (std::size_t k = 0; k + 1 < n; ++k) {
        if (a[k][k] == 0) {
            std::size_t r = k + 1;
            while (r < n && a[r][k] == 0) ++r;
            if (r == n) return 0;
            std::swap(a[k], a[r]);
            sign = -sign;
        }
        for (std::size_t i = k + 1; i < n; ++i)
            for (std::size_t j = k + 1; j < n; ++j) a[i][j] = (a[i][j] * a[k][k] - a[i][k] * a[k][j]) / previous;
        previous = a[k][k];
    }
    return n == 0 ? 1 : sign * a[n - 1][n - 1];
}
}  // namespace

// Random matrices of n = 0..6 with entries in [-9, 9]: every term of the
// expansion is at most 9^6 and there are at most 6! = 720 of them, so every
// partial sum is an integer below 2^53 and the expansion is exact; Bareiss'
// intermediates stay below 9^12 * 6^6 < 2^63. On a failure RapidCheck shrinks
// the matrix and prints a smallest failing one.
RC_GTEST_PROP(DeterminantCofactorHidden, ExactOnRandomIntegerMatrices, ()) {
    const auto n = static_cast<std::size_t>(*rc::gen::inRange(0, 7));
    const auto entries = *rc::gen::container<std::vector<int>>(n * n, rc::gen::inRange(-9, 10));
    Matrix A = Matrix::from_shape({n, n}), At = Matrix::from_shape({n, n});
    std::vector<std::vector<long long>> exact(n, std::vector<long long>(n));
    for (std::size_t k = 0; k < n * n; ++k) {
        A(k / n, k % n) = entries[k];
        At(k % n, k / n) = entries[k];
        exact[k / n][k % n] = entries[k];
    }
    const double det = determinant_cofactor(A);
    RC_ASSERT(det == static_cast<double>(bareiss(exact)));
    RC_ASSERT(determinant_cofactor(At) == det);
    if (n >= 2) {  // swap the first and the last row
        Matrix S = A;
        for (std::size_t j = 0; j < n; ++j) std::swap(S(0, j), S(n - 1, j));
        RC_ASSERT(determinant_cofactor(S) == -det);
    }
}
