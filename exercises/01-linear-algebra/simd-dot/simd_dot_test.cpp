// Visible tests of the SIMD dot product exercise. The inputs are small
// integers, whose products and sums are exact in any order: these tests
// check the loop, its tail and the slices, not yet the order of additions.
#include "simd_dot.hpp"

#include <cstddef>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::simd_dot;
using dlmath::exercises::simd_dot_range;
using dlmath::exercises::simd_dot_width;

namespace {
// x = (1, 2, ..., n), y = (1, 1, ..., 1): x.y = n (n + 1) / 2, exact.
Vector ramp(std::size_t n) {
    Vector x = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) x(i) = static_cast<double>(i + 1);
    return x;
}
Vector ones(std::size_t n) {
    Vector y = Vector::from_shape({n});
    y.fill(1.0);
    return y;
}
}  // namespace

TEST(SimdDot, WorkedExample) {
    // 1*4 + 2*(-5) + 3*6 = 12
    EXPECT_EQ(simd_dot(Vector{1.0, 2.0, 3.0}, Vector{4.0, -5.0, 6.0}), 12.0);
}

TEST(SimdDot, EmptyVectorsGiveZero) {
    EXPECT_EQ(simd_dot(Vector::from_shape({0}), Vector::from_shape({0})), 0.0);
}

TEST(SimdDot, OneBatchAndATail) {
    // W + 3 entries: one full batch and three in the scalar tail
    const std::size_t n = simd_dot_width + 3;
    EXPECT_EQ(simd_dot(ramp(n), ones(n)), static_cast<double>(n * (n + 1) / 2));
}

TEST(SimdDot, ASliceInTheMiddle) {
    // entries 3..7 of (1, ..., 10) are 4 + 5 + 6 + 7 + 8 = 30
    EXPECT_EQ(simd_dot_range(ramp(10), ones(10), 3, 5), 30.0);
}

TEST(SimdDot, LengthMismatchIsAShapeError) {
    EXPECT_THROW(simd_dot(ramp(3), ones(2)), dlmath::shape_error);
    EXPECT_THROW(simd_dot_range(ramp(3), ones(2), 0, 2), dlmath::shape_error);
}

TEST(SimdDot, ASliceOutsideTheVectorsIsAShapeError) {
    EXPECT_THROW(simd_dot_range(ramp(10), ones(10), 8, 3), dlmath::shape_error);
}
