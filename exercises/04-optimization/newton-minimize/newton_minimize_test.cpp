// Visible tests of the Newton minimisation exercise.
#include "newton_minimize.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using dlmath::exercises::newton_minimize;

// The statement's worked example: c = 0, f(x) = ½ xᵀAx − bᵀx with A = [[4, 1], [1, 3]], b = (1, 2),
// from (5, −3). One step solves A d = −(A x0 − b) and lands on x* = (1/11, 7/11); the rounding
// of the gradient and the elimination (numbers ≤ 23, cond(A) ≈ 1.9) stays below 200 u.
TEST(NewtonMinimize, WorkedExampleOneStepOnAQuadratic) {
    const Matrix A = {{4.0, 1.0}, {1.0, 3.0}};
    const auto r = newton_minimize(A, Vector{1.0, 2.0}, 0.0, Vector{5.0, -3.0}, 1e-10, 50);
    EXPECT_TRUE(r.converged);
    EXPECT_EQ(r.iterations, 1u);
    EXPECT_NEAR(r.x(0), 1.0 / 11.0, 200 * 0x1p-53);
    EXPECT_NEAR(r.x(1), 7.0 / 11.0, 200 * 0x1p-53);
}

// A = 0, b = 0, c = 1: f(x) = x⁴/4, ∇f = x³, ∇²f = 3x², so the Newton step is x − x³/(3x²) = (2/3)x:
// x_k = (2/3)^k and |∇f(x_k)| = (2/3)^{3k}. (2/3)^33 = 1.5e-6 > 1e-6 >= (2/3)^36 = 4.6e-7: 12
// steps. Each step rounds a few times (relative 4u), far from moving the count.
TEST(NewtonMinimize, LinearConvergenceAtADegenerateMinimum) {
    const auto r = newton_minimize(Matrix{{0.0}}, Vector{0.0}, 1.0, Vector{1.0}, 1e-6, 100);
    EXPECT_TRUE(r.converged);
    EXPECT_EQ(r.iterations, 12u);
    EXPECT_NEAR(r.x(0), std::pow(2.0 / 3.0, 12), 1e-13);
}

TEST(NewtonMinimize, RejectsAMismatchedMatrix) {
    EXPECT_THROW(newton_minimize(Matrix{{1.0}}, Vector{0.0, 0.0}, 0.0, Vector{1.0, 1.0}, 1e-8, 10),
                 dlmath::shape_error);
}
