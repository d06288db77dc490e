// Hidden tests of the momentum exercise (instructor only: they are left out
// of the student edition and run by the autograder).
#include "momentum.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::momentum;

namespace {
// The statement's recursion, written out as the oracle: x_T.
Vector oracle(const Vector& h, const Vector& c, const Vector& x0, double eta, double lambda, std::size_t steps) {
    const std::size_t n = x0.size();
    Vector x = x0;
    Vector g = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) g(i) = 0.0;
    for (std::size_t t = 1; t <= steps; ++t) {
        for (std::size_t i = 0; i < n; ++i) {
            g(i) = -eta * (h(i) * (x(i) - c(i))) + lambda * g(i);
            x(i) = x(i) + g(i);
        }
    }
    return x;
}

// Plain gradient descent, x <- x - eta grad f(x), T updates.
Vector gradient_descent(const Vector& h, const Vector& c, const Vector& x0, double eta, std::size_t steps) {
    Vector x = x0;
    for (std::size_t t = 0; t < steps; ++t) {
        for (std::size_t i = 0; i < x.size(); ++i) x(i) = x(i) - eta * (h(i) * (x(i) - c(i)));
    }
    return x;
}

struct Problem {
    Vector h, c, x0;
    double eta;
};

// n = 1..4, h_i in [0.5, 4], c in [-5, 5] and x0 in [-10, 10] on a grid, eta below
// 1 / max h_i: for lambda in [0, 1) the iteration is stable.
Problem random_problem() {
    const auto n = *rc::gen::inRange<std::size_t>(1, 5);
    Problem p{Vector::from_shape({n}), Vector::from_shape({n}), Vector::from_shape({n}), 0.0};
    double h_max = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        p.h(i) = *rc::gen::inRange(1, 9) / 2.0;
        p.c(i) = *rc::gen::inRange(-20, 21) / 4.0;
        p.x0(i) = *rc::gen::inRange(-40, 41) / 4.0;
        h_max = std::max(h_max, p.h(i));
    }
    p.eta = *rc::gen::inRange(1, 10) / (10.0 * h_max);
    return p;
}
}  // namespace

// g_0 = 0, so the first update is a plain gradient step, whatever lambda:
// x_1 = x_0 - eta grad f(x_0) = (3, -2) - 0.25 (4, -3) = (2, -1.25) exactly.
TEST(MomentumHidden, TheFirstUpdateIsAGradientStep) {
    const Vector x = momentum(Vector{2.0, 1.0}, Vector{1.0, 1.0}, Vector{3.0, -2.0}, 0.25, 0.5, 1);
    EXPECT_EQ(x(0), 2.0);
    EXPECT_EQ(x(1), -1.25);
}

// The syllabus's identity unrolled once: g_2 = x_2 - x_1 = -eta grad f(x_1) - lambda eta grad f(x_0)
// (g_0 = 0). Here x_1 = (2, -1.25), grad f(x_1) = (2, -2.25), grad f(x_0) = (4, -3), so
// g_2 = -0.25 (2, -2.25) - 0.5 * 0.25 (4, -3) = (-1, 0.9375), every number dyadic: exact.
TEST(MomentumHidden, UnrolledOnceTheOlderGradientCarriesLambda) {
    const Vector h{2.0, 1.0}, c{1.0, 1.0}, x0{3.0, -2.0};
    const Vector x1 = momentum(h, c, x0, 0.25, 0.5, 1);
    const Vector x2 = momentum(h, c, x0, 0.25, 0.5, 2);
    EXPECT_EQ(x2(0) - x1(0), -1.0);
    EXPECT_EQ(x2(1) - x1(1), 0.9375);
}

TEST(MomentumHidden, InvalidInputIsRejected) {
    const Vector h{1.0, 10.0}, c{0.0, 0.0}, x0{1.0, 1.0};
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_THROW(momentum(h, Vector{0.0}, x0, 0.1, 0.9, 3), dlmath::shape_error);
    EXPECT_THROW(momentum(h, c, x0, 0.0, 0.9, 3), dlmath::domain_error);
    EXPECT_THROW(momentum(h, c, x0, -0.1, 0.9, 3), dlmath::domain_error);
    EXPECT_THROW(momentum(h, c, x0, inf, 0.9, 3), dlmath::domain_error);
    EXPECT_THROW(momentum(h, c, x0, 0.1, -0.1, 3), dlmath::domain_error);
    EXPECT_THROW(momentum(h, c, x0, 0.1, 1.5, 3), dlmath::domain_error);
    EXPECT_THROW(momentum(h, c, x0, 0.1, std::nan(""), 3), dlmath::domain_error);
    EXPECT_THROW(momentum(h, c, Vector{inf, 1.0}, 0.1, 0.9, 3), dlmath::domain_error);
}

// lambda = 0 is gradient descent, bit for bit: g_t = -eta grad f + 0 * g_{t-1} is exactly
// -eta grad f, and x + (-a) is exactly x - a. RapidCheck shrinks a failure to a smallest problem.
RC_GTEST_PROP(MomentumHidden, LambdaZeroIsGradientDescentBitForBit, ()) {
    const Problem p = random_problem();
    const auto steps = *rc::gen::inRange<std::size_t>(1, 40);
    const Vector expected = gradient_descent(p.h, p.c, p.x0, p.eta, steps);
    const Vector got = momentum(p.h, p.c, p.x0, p.eta, 0.0, steps);
    for (std::size_t i = 0; i < expected.size(); ++i) RC_ASSERT(got(i) == expected(i));
}

// Any lambda in [0, 1): x_T as the recursion gives it. An equivalent order of the same
// operations changes each update by a few roundings (a few u times the scale 10 of the
// iterates); the iteration is stable, so 40 updates stay within about 40 * 4 * 10 u = 1.8e-13:
// 1e-11 is generous and still far below the gap of a misindexed recursion.
RC_GTEST_PROP(MomentumHidden, MatchesTheRecursionOnRandomQuadratics, ()) {
    const Problem p = random_problem();
    const double lambda = *rc::gen::inRange(0, 10) / 10.0;
    const auto steps = *rc::gen::inRange<std::size_t>(1, 40);
    const Vector expected = oracle(p.h, p.c, p.x0, p.eta, lambda, steps);
    const Vector got = momentum(p.h, p.c, p.x0, p.eta, lambda, steps);
    for (std::size_t i = 0; i < expected.size(); ++i) RC_ASSERT(std::fabs(got(i) - expected(i)) <= 1e-11);
}
