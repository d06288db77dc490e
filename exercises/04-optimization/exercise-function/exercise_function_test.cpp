// Visible tests of the exercise function assignment.
#include "exercise_function.hpp"

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using namespace dlmath::exercises;

// The statement's worked example, part (a) and (b): at the origin every sine is 0 and every
// cosine 1, exactly, so f(0, 0) = 0 and grad f(0, 0) = (1 + 1/2, 0) = (1.5, 0).
TEST(ExerciseFunction, ValueAndGradientAtTheOrigin) {
    const Matrix X{{0.0, 0.0}};
    EXPECT_EQ(exercise_values(X)(0), 0.0);
    const Matrix G = exercise_gradients(X);
    EXPECT_EQ(G(0, 0), 1.5);
    EXPECT_EQ(G(0, 1), 0.0);
}

// Part (c): gradient descent with eta = 0.5 from (1, 1) ends, after 200 updates, at the
// minimiser (1.637834, 3.509693) (six decimals, so within 5e-7) with a gradient that has
// vanished to rounding level (the run contracts by far more than 1e-10 in 200 updates).
TEST(ExerciseFunction, DescentFromOneOneFindsTheMinimiser) {
    const auto r = exercise_descent(Matrix{{1.0, 1.0}}, 0.5, 200);
    EXPECT_NEAR(r.points(0, 0), 1.637834, 5e-7);
    EXPECT_NEAR(r.points(0, 1), 3.509693, 5e-7);
    EXPECT_LT(r.gradient_norms(0), 1e-10);
}

// Part (e): the record has one norm per iterate, the start included.
TEST(ExerciseFunction, GradientNormRecordHasOneEntryPerIterate) {
    const Vector record = exercise_gradient_norms(Vector{1.0, 1.0}, 0.5, 10);
    EXPECT_EQ(record.size(), 11u);
}

TEST(ExerciseFunction, PointsNeedTwoCoordinates) {
    EXPECT_THROW(exercise_values(Matrix{{1.0, 2.0, 3.0}}), dlmath::shape_error);
    EXPECT_THROW(exercise_gradients(Matrix{{1.0, 2.0, 3.0}}), dlmath::shape_error);
}
