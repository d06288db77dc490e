// Hidden tests of the projected gradient exercise (instructor only: they are
// left out of the student edition and run by the autograder).
#include "projected_gradient.hpp"

#include <cmath>
#include <cstddef>
#include <limits>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::project_ball;
using dlmath::exercises::projected_gradient;
using dlmath::exercises::ProjectedGradientResult;

namespace {

constexpr double u = std::numeric_limits<double>::epsilon() / 2;

double distance(const Vector& a, const Vector& b) {
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) s += (a(i) - b(i)) * (a(i) - b(i));
    return std::sqrt(s);
}

// A vector of length n with entries on the grid k/4, |k| <= 4 * range: shrinks to small values.
Vector grid_vector(std::size_t n, int range) {
    Vector v = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) v(i) = *rc::gen::inRange(-4 * range, 4 * range + 1) / 4.0;
    return v;
}

// A ball (centre on the grid, radius r_max/2 at most) and a point x = c + offset. Outside
// cases: the offset on the grid, ||offset||^2 and x exact (small dyadic numbers). Inside cases:
// offset_i = k_i r / (8n) with |k_i| <= 8, so ||offset|| <= r / sqrt(n) — on the sphere only
// for n = 1, where x - c = r is exact, with a margin of a factor sqrt(2) or more otherwise.
struct BallCase {
    std::size_t n;
    Vector c, offset, x;
    double r, squares;
};

BallCase ball_case(int r_max, int offset_range, bool inside) {
    BallCase b;
    b.n = *rc::gen::inRange<std::size_t>(1, 5);
    b.c = grid_vector(b.n, 3);
    b.r = *rc::gen::inRange(1, r_max + 1) / 2.0;
    b.offset = grid_vector(b.n, offset_range);
    if (inside) b.offset *= b.r / (offset_range * static_cast<double>(b.n));
    b.squares = 0.0;
    b.x = Vector::from_shape({b.n});
    for (std::size_t i = 0; i < b.n; ++i) {
        b.squares += b.offset(i) * b.offset(i);
        b.x(i) = b.c(i) + b.offset(i);
    }
    return b;
}

// The statement's algorithm, written out as the oracle (with the statement's projection).
Vector oracle_projection(const Vector& x, const Vector& c, double r) {
    const double d = distance(x, c);
    if (d <= r) return x;
    Vector y = Vector::from_shape({x.size()});
    for (std::size_t i = 0; i < x.size(); ++i) y(i) = c(i) + (r / d) * (x(i) - c(i));
    return y;
}

}  // namespace

// Inside points (and points on the sphere) come back unchanged, bit for bit: projecting a
// feasible point must not move it. RapidCheck shrinks a failure to a smallest such point.
RC_GTEST_PROP(ProjectedGradientHidden, InsidePointsAreUnchanged, ()) {
    const BallCase b = ball_case(8, 4, true);
    const Vector p = project_ball(b.x, b.c, b.r);
    RC_ASSERT(p.size() == b.n);
    for (std::size_t i = 0; i < b.n; ++i) RC_ASSERT(p(i) == b.x(i));
}

// Outside points go to the sphere of radius r around c, along the ray from c: ||P(x) - c|| = r
// and P(x) - c = (r/||x - c||) (x - c). Each entry carries a few roundings (the distance, the
// scale, the product, the sum with c_i), all within 8u (|c_i| + r) per entry.
RC_GTEST_PROP(ProjectedGradientHidden, OutsidePointsGoToTheSphereAroundTheCentre, ()) {
    const BallCase b = ball_case(4, 8, false);
    RC_PRE(b.squares > 1.1 * b.r * b.r);
    const std::size_t n = b.n;
    const Vector& c = b.c;
    const Vector& offset = b.offset;
    const double r = b.r;
    const Vector p = project_ball(b.x, c, r);
    const double scale = r / std::sqrt(b.squares);
    for (std::size_t i = 0; i < n; ++i) {
        RC_ASSERT(std::fabs(p(i) - (c(i) + scale * offset(i))) <= 8 * u * (std::fabs(c(i)) + r));
    }
    double c_max = 0.0;
    for (std::size_t i = 0; i < n; ++i) c_max = std::fmax(c_max, std::fabs(c(i)));
    // p_i - c_i is recomputed with one more rounding of u (|c_i| + r); the norm adds (n + 1)u r
    RC_ASSERT(std::fabs(distance(p, c) - r) <= 8 * (n + 2) * u * (c_max + r));
}

// The worked example stops by the projected-gradient rule, at a point where the gradient is
// (-2.4, -3.2), of norm 4: a rule on ||grad f|| would never stop there.
TEST(ProjectedGradientHidden, StopsByTheProjectedGradientNotTheGradient) {
    const Vector h{1.0, 1.0}, b{3.0, 4.0};
    const auto r = projected_gradient(h, b, Vector{0.0, 0.0}, Vector{0.0, 0.0}, 1.0, 0.5, 1e-12, 100);
    EXPECT_TRUE(r.converged);
    EXPECT_EQ(r.iterations, 1u);
    EXPECT_NEAR(distance(r.x, Vector{0.0, 0.0}), 1.0, 4 * u);
    // with the budget 0 the start is returned, not converged
    const auto none = projected_gradient(h, b, Vector{0.0, 0.0}, Vector{0.0, 0.0}, 1.0, 0.5, 1e-12, 0);
    EXPECT_FALSE(none.converged);
    EXPECT_EQ(none.iterations, 0u);
    EXPECT_EQ(none.x(0), 0.0);
}

// A start outside the ball is projected first; the ball is around c = (10, -10): the minimiser
// of ||x - b||^2 / 2 with b = c + (0, 5) on the ball of radius 2 is c + (0, 2).
TEST(ProjectedGradientHidden, StartIsProjectedAndTheCentreIsHonoured) {
    const Vector c{10.0, -10.0};
    const Vector h{1.0, 1.0}, b{10.0, -5.0};
    const auto zero_budget = projected_gradient(h, b, Vector{10.0, 0.0}, c, 2.0, 0.5, 0.0, 0);
    EXPECT_EQ(zero_budget.x(0), 10.0);
    EXPECT_EQ(zero_budget.x(1), -8.0);  // c + 2 (0, 10)/10, exact
    const auto r = projected_gradient(h, b, Vector{0.0, 0.0}, c, 2.0, 0.5, 1e-10, 200);
    EXPECT_TRUE(r.converged);
    EXPECT_NEAR(r.x(0), 10.0, 1e-9);
    EXPECT_NEAR(r.x(1), -8.0, 1e-9);
}

TEST(ProjectedGradientHidden, InvalidInputIsRejected) {
    const double inf = std::numeric_limits<double>::infinity(), nan = std::nan("");
    const Vector h{1.0, 1.0}, b{0.0, 0.0}, x{1.0, 2.0}, c{0.0, 0.0};
    EXPECT_THROW(project_ball(x, c, -1.0), dlmath::domain_error);
    EXPECT_THROW(project_ball(x, c, inf), dlmath::domain_error);
    EXPECT_THROW(project_ball(x, c, nan), dlmath::domain_error);
    EXPECT_THROW(project_ball(Vector{nan, 0.0}, c, 1.0), dlmath::domain_error);
    EXPECT_THROW(project_ball(x, Vector{0.0, inf}, 1.0), dlmath::domain_error);
    EXPECT_THROW(project_ball(x, Vector{0.0}, 1.0), dlmath::shape_error);
    EXPECT_THROW(projected_gradient(h, b, x, c, 1.0, 0.0, 1e-6, 10), dlmath::domain_error);
    EXPECT_THROW(projected_gradient(h, b, x, c, 1.0, nan, 1e-6, 10), dlmath::domain_error);
    EXPECT_THROW(projected_gradient(h, b, x, c, 1.0, 0.1, -1.0, 10), dlmath::domain_error);
    EXPECT_THROW(projected_gradient(h, b, x, c, 1.0, 0.1, nan, 10), dlmath::domain_error);
    EXPECT_THROW(projected_gradient(h, b, x, c, -1.0, 0.1, 1e-6, 10), dlmath::domain_error);
    EXPECT_THROW(projected_gradient(Vector{1.0, nan}, b, x, c, 1.0, 0.1, 1e-6, 10), dlmath::domain_error);
    EXPECT_THROW(projected_gradient(h, Vector{inf, 0.0}, x, c, 1.0, 0.1, 1e-6, 10), dlmath::domain_error);
    EXPECT_THROW(projected_gradient(Vector{1.0}, b, x, c, 1.0, 0.1, 1e-6, 10), dlmath::shape_error);
    EXPECT_THROW(projected_gradient(h, Vector{0.0}, x, c, 1.0, 0.1, 1e-6, 10), dlmath::shape_error);
    EXPECT_THROW(projected_gradient(h, b, x, Vector{0.0}, 1.0, 0.1, 1e-6, 10), dlmath::shape_error);
}

// On random separable quadratics f = sum_i h_i (x_i - b_i)^2 / 2 (h_i in [0.5, 4]) and random
// balls, with a learning rate below 2 / max h_i, the count, the flag and the iterate equal those
// of the stated algorithm, bit for bit.
RC_GTEST_PROP(ProjectedGradientHidden, MatchesTheStatedAlgorithm, ()) {
    const auto n = *rc::gen::inRange<std::size_t>(1, 5);
    Vector h = Vector::from_shape({n});
    double h_max = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        h(i) = *rc::gen::inRange(1, 9) / 2.0;
        h_max = std::fmax(h_max, h(i));
    }
    const Vector b = grid_vector(n, 6), c = grid_vector(n, 2), start = grid_vector(n, 6);
    const double r = *rc::gen::inRange(1, 9) / 2.0;
    const double eta = *rc::gen::inRange(1, 20) / (10.0 * h_max);
    const double tol = 1e-9;
    const auto gradient = [&](const Vector& x) {
        Vector g = Vector::from_shape({n});
        for (std::size_t i = 0; i < n; ++i) g(i) = h(i) * (x(i) - b(i));
        return g;
    };
    ProjectedGradientResult expected{oracle_projection(start, c, r), 0, false};
    for (std::size_t k = 0;; ++k) {
        const Vector g = gradient(expected.x);
        Vector step = Vector::from_shape({n});
        for (std::size_t i = 0; i < n; ++i) step(i) = expected.x(i) - eta * g(i);
        const Vector y = oracle_projection(step, c, r);
        if (distance(expected.x, y) / eta <= tol) {
            expected = {expected.x, k, true};
            break;
        }
        if (k == 300) {
            expected = {expected.x, k, false};
            break;
        }
        expected.x = y;
    }
    const auto got = projected_gradient(h, b, start, c, r, eta, tol, 300);
    RC_ASSERT(got.converged == expected.converged);
    RC_ASSERT(got.iterations == expected.iterations);
    for (std::size_t i = 0; i < n; ++i) RC_ASSERT(got.x(i) == expected.x(i));
}
