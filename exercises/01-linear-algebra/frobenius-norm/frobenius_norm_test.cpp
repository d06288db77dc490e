// Visible tests of the Frobenius norm exercise.
#include "frobenius_norm.hpp"

#include <cmath>

#include <gtest/gtest.h>

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

TEST(FrobeniusNorm, EntriesWorkedExample) {
    // 1 + 4 + 4 + 16 + 0 + 0 = 25
    const Matrix A = {{1.0, -2.0, 0.0}, {2.0, 4.0, 0.0}};
    EXPECT_DOUBLE_EQ(frobenius_norm_entries(A), 5.0);
}

TEST(FrobeniusNorm, TraceWorkedExample) {
    // A A^T = [[5, 6], [6, 20]]: its diagonal holds the squared row lengths,
    // and its trace 25 is the sum of all squared entries. (A^T A is 3x3,
    // with diagonal [5, 20, 0]: the same trace, another diagonal.)
    const Matrix A = {{1.0, -2.0, 0.0}, {2.0, 4.0, 0.0}};
    const auto r = frobenius_norm_trace(A);
    EXPECT_EQ(r.diagonal, (Vector{5.0, 20.0}));  // integers: exact
    EXPECT_DOUBLE_EQ(r.norm, 5.0);
}

TEST(FrobeniusNorm, IdentityHasNormSqrtN) {
    const Matrix I = {{1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}, {0.0, 0.0, 1.0}};
    EXPECT_DOUBLE_EQ(frobenius_norm_entries(I), std::sqrt(3.0));
    const auto r = frobenius_norm_trace(I);
    EXPECT_EQ(r.diagonal, (Vector{1.0, 1.0, 1.0}));
    EXPECT_DOUBLE_EQ(r.norm, std::sqrt(3.0));
}

TEST(FrobeniusNorm, TwoWaysAgreeOnATallMatrix) {
    // dyadic entries: every square and sum below is exact
    const Matrix A = {{0.5, -1.25}, {3.0, 2.0}, {-0.75, 0.125}, {1.0, -4.0}};
    const auto r = frobenius_norm_trace(A);
    EXPECT_EQ(r.diagonal, (Vector{1.8125, 13.0, 0.578125, 17.0}));
    EXPECT_NEAR(frobenius_norm_entries(A), r.norm, agreement(8, frobenius_norm_entries(A)));
    EXPECT_GT(frobenius_norm_entries(A), 0.0);
}
