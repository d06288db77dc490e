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
    EXPECT_EQ(frobenius_norm_trace(A), 0.0);
    EXPECT_EQ(frobenius_norm_entries(B), 0.0);
    EXPECT_EQ(frobenius_norm_trace(B), 0.0);
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
    EXPECT_NEAR(frobenius_norm_trace(A), f, agreement(15, f));
    EXPECT_NEAR(frobenius_norm_entries(At), f, agreement(15, f));
    EXPECT_NEAR(frobenius_norm_trace(At), f, agreement(15, f));
}

// A property over random matrices of integers (-32768..32767), checked
// against the exact sum of squares (integers, so the sum is exact in a long
// long and its conversion to double is exact below 2^53): each way is within
// (mn/2 + 2) u of the correctly rounded root (see agreement() above). On a
// failure RapidCheck shrinks the matrix to a smallest one that still fails
// and prints it: the student sees the counterexample.
RC_GTEST_PROP(FrobeniusNormHidden, RootOfTheSumOfSquaresOfRandomIntegerMatrices, ()) {
    const auto m = static_cast<std::size_t>(*rc::gen::inRange(0, 6));
    const auto n = static_cast<std::size_t>(*rc::gen::inRange(0, 6));
    const auto entries = *rc::gen::container<std::vector<std::int16_t>>(m * n, rc::gen::arbitrary<std::int16_t>());
    Matrix A = Matrix::from_shape({m, n});
    long long squares = 0;
    for (std::size_t k = 0; k < m * n; ++k) {
        A(k / n, k % n) = entries[k];
        squares += static_cast<long long>(entries[k]) * entries[k];
    }
    const double exact = std::sqrt(static_cast<double>(squares));
    const double bound = agreement(double(m * n) / 2, exact);
    RC_ASSERT(std::abs(frobenius_norm_entries(A) - exact) <= bound);
    RC_ASSERT(std::abs(frobenius_norm_trace(A) - exact) <= bound);
}
