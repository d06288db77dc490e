// Hidden tests of the Frobenius norm exercise (instructor only: they are
// left out of the student edition and run by the autograder).
#include "frobenius_norm.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

using dlmath::Matrix;
using dlmath::Vector;
using dlmath::exercises::frobenius_norm_entries;
using dlmath::exercises::frobenius_norm_trace;

namespace {
// Both ways sum the same m*n squares (in different orders and groupings),
// each with relative error gamma_{mn} of a sum of positive terms, then take
// a root (halving it, plus u): each is within (mn/2 + 2) u of ||A||_F, so
// they are within (mn + 4) u ||A||_F of each other.
constexpr double u = 1.1102230246251565e-16;  // 2^-53
double agreement(double entries, double norm) { return (entries + 4) * u * norm; }
}  // namespace

TEST(FrobeniusNormHidden, EmptyMatrixHasNormZero) {
    const Matrix A = Matrix::from_shape({0, 3});
    const Matrix B = Matrix::from_shape({2, 0});
    EXPECT_EQ(frobenius_norm_entries(A), 0.0);
    EXPECT_EQ(frobenius_norm_entries(B), 0.0);
    const auto a = frobenius_norm_trace(A);  // A A^T is 0x0
    EXPECT_EQ(a.diagonal.size(), 0u);
    EXPECT_EQ(a.norm, 0.0);
    const auto b = frobenius_norm_trace(B);  // B B^T is the 2x2 zero matrix: empty sums
    EXPECT_EQ(b.diagonal, (Vector{0.0, 0.0}));
    EXPECT_EQ(b.norm, 0.0);
}

TEST(FrobeniusNormHidden, DiagonalOfAATransposedIsNotThatOfATransposedA) {
    // A A^T = [[5, 6], [6, 9]], A^T A = [[1, 2], [2, 13]]: the same trace 14,
    // different diagonals. Square and not symmetric, so only rows give [5, 9].
    const Matrix A = {{1.0, 2.0}, {0.0, 3.0}};
    const auto r = frobenius_norm_trace(A);
    EXPECT_EQ(r.diagonal, (Vector{5.0, 9.0}));
    EXPECT_DOUBLE_EQ(r.norm, std::sqrt(14.0));
}

TEST(FrobeniusNormHidden, TransposeInvariantAndTwoWaysAgree) {
    // A ~ (3, 5) with entries sin(7 i + j), and its transpose
    Matrix A = Matrix::from_shape({3, 5});
    Matrix At = Matrix::from_shape({5, 3});
    for (std::size_t i = 0; i < 3; ++i) {
        for (std::size_t j = 0; j < 5; ++j) {
            A(i, j) = std::sin(7.0 * double(i) + double(j));
            At(j, i) = A(i, j);
        }
    }
    const double f = frobenius_norm_entries(A);
    EXPECT_NEAR(frobenius_norm_trace(A).norm, f, agreement(15, f));
    EXPECT_NEAR(frobenius_norm_entries(At), f, agreement(15, f));
    // the diagonal of A^T (A^T)^T = A^T A holds the squared column lengths of A
    const auto t = frobenius_norm_trace(At);
    ASSERT_EQ(t.diagonal.size(), 5u);
    for (std::size_t j = 0; j < 5; ++j) {
        const double column = A(0, j) * A(0, j) + A(1, j) * A(1, j) + A(2, j) * A(2, j);
        // each side: 3 rounded squares and 2 additions of positive terms, within
        // gamma_3 < 4u relative; the two sides within 8u of each other
        EXPECT_NEAR(t.diagonal(j), column, 8 * u * column);
    }
    EXPECT_NEAR(t.norm, f, agreement(15, f));
}

// A property over random matrices of integers (-32768..32767), checked
// against the exact sums of squares (integers, so each sum is exact in a
// long long and its conversion to double is exact below 2^53): the diagonal
// of A A^T must be exact (each entry a sum of at most 5 squares below 2^30),
// and each norm within (mn/2 + 2) u of the correctly rounded root (see
// agreement() above). On a failure RapidCheck shrinks the matrix to a
// smallest one that still fails and prints it: the student sees the
// counterexample.
RC_GTEST_PROP(FrobeniusNormHidden, RootOfTheSumOfSquaresOfRandomIntegerMatrices, ()) {
    const auto m = static_cast<std::size_t>(*rc::gen::inRange(0, 6));
    const auto n = static_cast<std::size_t>(*rc::gen::inRange(0, 6));
    const auto entries = *rc::gen::container<std::vector<std::int16_t>>(m * n, rc::gen::arbitrary<std::int16_t>());
    Matrix A = Matrix::from_shape({m, n});
    std::vector<long long> rows(m, 0);
    long long squares = 0;
    for (std::size_t k = 0; k < m * n; ++k) {
        A(k / n, k % n) = entries[k];
        rows[k / n] += static_cast<long long>(entries[k]) * entries[k];
        squares += static_cast<long long>(entries[k]) * entries[k];
    }
    const double exact = std::sqrt(static_cast<double>(squares));
    const double bound = agreement(double(m * n) / 2, exact);
    RC_ASSERT(std::abs(frobenius_norm_entries(A) - exact) <= bound);
    const auto r = frobenius_norm_trace(A);
    RC_ASSERT(r.diagonal.size() == m);
    for (std::size_t i = 0; i < m; ++i) RC_ASSERT(r.diagonal(i) == static_cast<double>(rows[i]));
    RC_ASSERT(std::abs(r.norm - exact) <= bound);
}
