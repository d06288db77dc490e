// Visible tests of the projected gradient exercise.
#include "projected_gradient.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::project_ball;
using dlmath::exercises::projected_gradient;

// A point inside the unit ball comes back as it is.
TEST(ProjectedGradient, InsidePointIsUnchanged) {
    const Vector x{0.25, -0.5};
    const Vector p = project_ball(x, Vector{0.0, 0.0}, 1.0);
    EXPECT_EQ(p(0), 0.25);
    EXPECT_EQ(p(1), -0.5);
}

// (3, 4) is at distance 5 from 0: its projection onto the unit ball is (3, 4)/5. Each entry is
// one division and one product, so within 2 ulp of 0.6 and 0.8.
TEST(ProjectedGradient, OutsidePointGoesToTheSphere) {
    const Vector p = project_ball(Vector{3.0, 4.0}, Vector{0.0, 0.0}, 1.0);
    EXPECT_NEAR(p(0), 0.6, 2.5e-16);
    EXPECT_NEAR(p(1), 0.8, 2.5e-16);
}

// The statement's worked example: f(x) = ||x - (3, 4)||^2 / 2 on the unit ball from 0 with
// eta = 0.5. The first update lands on (0.6, 0.8), the second would land there again: the run
// stops after 1 update, converged, although ||grad f|| = 4 there.
TEST(ProjectedGradient, WorkedExample) {
    const Vector h{1.0, 1.0}, b{3.0, 4.0};
    const auto r = projected_gradient(h, b, Vector{0.0, 0.0}, Vector{0.0, 0.0}, 1.0, 0.5, 1e-12, 100);
    EXPECT_TRUE(r.converged);
    EXPECT_EQ(r.iterations, 1u);
    EXPECT_NEAR(r.x(0), 0.6, 1e-15);
    EXPECT_NEAR(r.x(1), 0.8, 1e-15);
}

TEST(ProjectedGradient, BadRadiusIsRejected) {
    EXPECT_THROW(project_ball(Vector{1.0}, Vector{0.0}, 0.0), dlmath::domain_error);
    EXPECT_THROW(project_ball(Vector{1.0}, Vector{0.0, 0.0}, 1.0), dlmath::shape_error);
}
