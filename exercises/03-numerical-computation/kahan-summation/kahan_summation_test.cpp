// Visible tests of the Kahan summation exercise.
#include "kahan_summation.hpp"

#include <cmath>

#include <gtest/gtest.h>

using dlmath::Vector;
using dlmath::exercises::kahan_sum;

TEST(KahanSummation, EmptySumIsZero) { EXPECT_EQ(kahan_sum(Vector::from_shape({0})), 0.0); }

TEST(KahanSummation, SmallIntegerSumsAreExact) {
    // every partial sum is an integer below 2^53: no addition rounds, c stays 0
    EXPECT_EQ(kahan_sum(Vector{1.0, 2.0, 3.0, 4.0}), 10.0);
    EXPECT_EQ(kahan_sum(Vector{-5.0, 5.0, 7.0}), 7.0);
}

TEST(KahanSummation, KeepsTheTenthsThatTheNaiveSumRounds) {
    // ten times 0.1: the naive sum gives 0.9999999999999999; the exact sum of
    // the ten doubles 0.1 (each 0.1 + 5.55e-18) rounds to 1
    Vector x = Vector::from_shape({10});
    for (auto& v : x) v = 0.1;
    EXPECT_EQ(kahan_sum(x), 1.0);
}
