// Visible tests of the optimal step exercise.
#include "optimal_step.hpp"

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using dlmath::exercises::optimal_step;
using dlmath::exercises::steepest_descent;

// The statement's worked example: A = diag(1, 3), b = 0, x0 = (3, 1). g0 = (3, 3),
// g^T g = 18, g^T A g = 36: the step is 1/2 and x1 = (1.5, -0.5). Every number is dyadic,
// so the arithmetic is exact and the tests compare with ==.
TEST(OptimalStep, WorkedExampleStep) {
    const Matrix A{{1.0, 0.0}, {0.0, 3.0}};
    EXPECT_EQ(optimal_step(Vector{3.0, 3.0}, A), 0.5);
    const auto r = steepest_descent(A, Vector{0.0, 0.0}, Vector{3.0, 1.0}, 0.0, 1);
    EXPECT_EQ(r.iterations, 1u);
    EXPECT_FALSE(r.converged);
    EXPECT_EQ(r.x(0), 1.5);
    EXPECT_EQ(r.x(1), -0.5);
}

// Then x_k = (3, (-1)^k) / 2^k and |g_k| = 3 sqrt(2) / 2^k: 3 sqrt(2) / 4096 = 1.04e-3 > 1e-3
// >= 3 sqrt(2) / 8192, so the run stops after 13 updates at (3, -1) / 8192, exactly.
TEST(OptimalStep, WorkedExampleStopsAfterThirteenUpdates) {
    const Matrix A{{1.0, 0.0}, {0.0, 3.0}};
    const auto r = steepest_descent(A, Vector{0.0, 0.0}, Vector{3.0, 1.0}, 1e-3, 100);
    EXPECT_TRUE(r.converged);
    EXPECT_EQ(r.iterations, 13u);
    EXPECT_EQ(r.x(0), 3.0 / 8192.0);
    EXPECT_EQ(r.x(1), -1.0 / 8192.0);
}

TEST(OptimalStep, MismatchedShapesAreAShapeError) {
    const Matrix A{{1.0, 0.0}, {0.0, 3.0}};
    EXPECT_THROW(optimal_step(Vector{1.0, 2.0, 3.0}, A), dlmath::shape_error);
    EXPECT_THROW(steepest_descent(A, Vector{0.0}, Vector{3.0, 1.0}, 1e-3, 10), dlmath::shape_error);
}
