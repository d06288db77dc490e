// Hidden tests of the gradient descent exercise (instructor only: they are
// left out of the student edition and run by the autograder).
#include "gradient_descent.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::gradient_descent;
using dlmath::exercises::GradientDescentResult;

namespace {
// The statement's algorithm, written out as the oracle.
GradientDescentResult oracle(const Vector& h, const Vector& c, const Vector& x0, double eta, double tol,
                             std::size_t max_iter) {
    Vector x = x0;
    for (std::size_t k = 0;; ++k) {
        const Vector g = h * (x - c);
        if (std::sqrt(std::inner_product(g.begin(), g.end(), g.begin(), 0.0)) <= tol) return {x, k, true};
        if (k == max_iter) return {x, k, false};
        x = x - eta * g;
    }
}

double f(const Vector& h, const Vector& c, const Vector& x) {
    double s = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) s += 0.5 * h(i) * (x(i) - c(i)) * (x(i) - c(i));
    return s;
}
}  // namespace

// One update moves against the gradient: from (3, -2) towards c = (1, 1) on
// f = (2 (x_1 - 1)^2 + (x_2 - 1)^2) / 2, eta = 0.25: grad = (4, -3), so x_1 = (2, -1.25)
// (dyadic, exact) and f falls from 8.5 to 3.78125. A step along +grad raises f.
TEST(GradientDescentHidden, OneUpdateMovesAgainstTheGradient) {
    const Vector h{2.0, 1.0}, c{1.0, 1.0}, x0{3.0, -2.0};
    const auto r = gradient_descent(h, c, x0, 0.25, 0.0, 1);
    EXPECT_EQ(r.x(0), 2.0);
    EXPECT_EQ(r.x(1), -1.25);
    EXPECT_LT(f(h, c, r.x), f(h, c, x0));
}

// The worked example needs 66 updates: with a budget of exactly 66 the run converges on its
// last allowed update (the rule is tested at x_66 before the limit); with 65 it does not.
// A start at the minimiser takes no update, even with a budget of 0.
TEST(GradientDescentHidden, ConvergingOnTheLastAllowedUpdateCounts) {
    const Vector h{1.0, 10.0}, c{0.0, 0.0}, x0{1.0, 1.0};
    const auto exact_budget = gradient_descent(h, c, x0, 0.1, 1e-3, 66);
    EXPECT_TRUE(exact_budget.converged);
    EXPECT_EQ(exact_budget.iterations, 66u);
    const auto short_budget = gradient_descent(h, c, x0, 0.1, 1e-3, 65);
    EXPECT_FALSE(short_budget.converged);
    EXPECT_EQ(short_budget.iterations, 65u);
    const auto at_minimum = gradient_descent(h, c, c, 0.1, 0.0, 0);
    EXPECT_TRUE(at_minimum.converged);
    EXPECT_EQ(at_minimum.iterations, 0u);
}

TEST(GradientDescentHidden, InvalidInputIsRejected) {
    const Vector h{1.0, 10.0}, c{0.0, 0.0}, x0{1.0, 1.0};
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_THROW(gradient_descent(h, c, Vector{1.0}, 0.1, 1e-3, 10), dlmath::shape_error);
    EXPECT_THROW(gradient_descent(h, c, x0, 0.0, 1e-3, 10), dlmath::domain_error);
    EXPECT_THROW(gradient_descent(h, c, x0, -0.1, 1e-3, 10), dlmath::domain_error);
    EXPECT_THROW(gradient_descent(h, c, x0, std::nan(""), 1e-3, 10), dlmath::domain_error);
    EXPECT_THROW(gradient_descent(h, c, x0, 0.1, -1.0, 10), dlmath::domain_error);
    EXPECT_THROW(gradient_descent(h, c, Vector{1.0, inf}, 0.1, 1e-3, 10), dlmath::domain_error);
    EXPECT_THROW(gradient_descent(h, c, Vector{std::nan(""), 1.0}, 0.1, 1e-3, 10), dlmath::domain_error);
}

// Random separable quadratics (n = 1..5, h_i in [0.5, 4], c and x0 on a grid) with a
// learning rate below 2 / max h_i, so the iteration contracts (by at most 1 - eta min h_i
// >= 1 - 0.0125 per update: at most about 1500 updates to tol = 1e-6). The count, the flag
// and the iterate match the statement's algorithm, bit for bit, both with a generous budget
// and with a budget of exactly the updates needed. RapidCheck shrinks a failure to a
// smallest problem.
RC_GTEST_PROP(GradientDescentHidden, MatchesTheStatedAlgorithmOnRandomQuadratics, ()) {
    const auto n = *rc::gen::inRange<std::size_t>(1, 6);
    Vector h = Vector::from_shape({n}), c = Vector::from_shape({n}), x0 = Vector::from_shape({n});
    double h_max = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        h(i) = *rc::gen::inRange(1, 9) / 2.0;
        c(i) = *rc::gen::inRange(-20, 21) / 4.0;
        x0(i) = *rc::gen::inRange(-40, 41) / 4.0;
        h_max = std::max(h_max, h(i));
    }
    const double eta = *rc::gen::inRange(1, 20) / (10.0 * h_max);
    const double tol = 1e-6;
    const auto expected = oracle(h, c, x0, eta, tol, 3000);
    RC_ASSERT(expected.converged);
    const auto got = gradient_descent(h, c, x0, eta, tol, 3000);
    RC_ASSERT(got.converged == expected.converged);
    RC_ASSERT(got.iterations == expected.iterations);
    for (std::size_t i = 0; i < n; ++i) RC_ASSERT(got.x(i) == expected.x(i));
    const auto just_enough = gradient_descent(h, c, x0, eta, tol, expected.iterations);
    RC_ASSERT(just_enough.converged);
    RC_ASSERT(just_enough.iterations == expected.iterations);
}
