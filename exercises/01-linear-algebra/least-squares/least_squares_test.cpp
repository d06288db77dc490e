// Visible tests of the least-squares exercise.
#include "least_squares.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using dlmath::exercises::least_squares;

namespace {
// A backward-stable solver on these 3 x 2 and 2 x 2 matrices with condition
// numbers sqrt(3) and about 1.6: a relative error of a few times
// m n kappa u; 64 u covers it with room.
constexpr double u = std::numeric_limits<double>::epsilon() / 2;
}  // namespace

TEST(LeastSquares, WorkedExample) {
    // three equations, two unknowns: x1 = 1, x2 = 2, x1 + x2 = 4 cannot all
    // hold; the normal equations [[2,1],[1,2]] x = (5, 6) give x = (4/3, 7/3),
    // leaving the residual (-1/3, -1/3, 1/3) of norm 1/sqrt(3).
    const Matrix A = {{1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}};
    const Vector b = {1.0, 2.0, 4.0};
    const auto r = least_squares(A, b);
    ASSERT_EQ(r.x.size(), 2u);
    EXPECT_NEAR(r.x(0), 4.0 / 3.0, 64 * u);
    EXPECT_NEAR(r.x(1), 7.0 / 3.0, 64 * u);
    EXPECT_NEAR(r.residual_norm, 1.0 / std::sqrt(3.0), 64 * u);
}

TEST(LeastSquares, ASquareSystemIsSolvedExactly) {
    // 2 x1 + x2 = 3, x1 + 3 x2 = 5: x = (0.8, 1.4), nothing left over
    const Matrix A = {{2.0, 1.0}, {1.0, 3.0}};
    const auto r = least_squares(A, Vector{3.0, 5.0});
    EXPECT_NEAR(r.x(0), 0.8, 64 * u);
    EXPECT_NEAR(r.x(1), 1.4, 64 * u);
    EXPECT_NEAR(r.residual_norm, 0.0, 64 * u * 5.0);
}

TEST(LeastSquares, ShapesThatDoNotFitAreShapeErrors) {
    const Matrix A = {{1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}};
    EXPECT_THROW(least_squares(A, Vector{1.0, 2.0}), dlmath::shape_error);
    const Matrix wide = {{1.0, 2.0, 3.0}};
    EXPECT_THROW(least_squares(wide, Vector{1.0}), dlmath::shape_error);
}
