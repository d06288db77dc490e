// Hidden tests of the central-difference gradient exercise (instructor only:
// left out of the student edition and run by the autograder).
#include "central_difference_gradient.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::central_difference_gradient;
using dlmath::exercises::gradient_check;
using dlmath::exercises::Objective;

namespace {
constexpr double inf = std::numeric_limits<double>::infinity();

Vector exact_gradient(const Objective& f, const Vector& x) {
    const std::size_t n = x.size();
    Vector g = Vector::from_shape({n});
    for (std::size_t j = 0; j < n; ++j) {
        const std::size_t next = (j + 1) % n, prev = (j + n - 1) % n;
        g(j) = f.a(j) * std::exp(f.a(j) * x(j)) + f.b(j) * std::cos(x(j)) * x(next) + f.b(prev) * std::sin(x(prev));
    }
    return g;
}

double max_error(const Vector& g, const Vector& e) {
    double m = 0.0;
    for (std::size_t j = 0; j < g.size(); ++j) m = std::fmax(m, std::fabs(g(j) - e(j)));
    return m;
}
}  // namespace

// With the step from epsilon (h = cbrt(eps) ~ 6e-6) a central difference of e^(2x) at 1 errs
// by about h^2 8 e^2 / 6 ~ 4e-10; a forward difference with that step by h 4 e^2 / 2 ~ 9e-5.
TEST(CentralDifferenceGradientHidden, AccurateWithTheStepFromEpsilon) {
    const Objective f{Vector{2.0}, Vector{0.0}};
    const double exact = 2.0 * std::exp(2.0);
    EXPECT_NEAR(central_difference_gradient(f, Vector{1.0}, 0.0)(0), exact, 1e-8);
}

// The user step is used as given: h = 0.1 on e^x at 0 gives sinh(0.1) / 0.1 exactly (up to
// rounding), not the derivative 1, and a large x_j scales only the automatic step.
TEST(CentralDifferenceGradientHidden, UsesTheUserStep) {
    const Objective f{Vector{1.0}, Vector{0.0}};
    EXPECT_NEAR(central_difference_gradient(f, Vector{0.0}, 0.1)(0), std::sinh(0.1) / 0.1, 1e-14);
    const Objective g{Vector{1e-3}, Vector{0.0}};
    // e^(x / 1000) at x = 1000: f' = e / 1000; h_j = cbrt(eps) 1000 keeps the error near 1e-14
    EXPECT_NEAR(central_difference_gradient(g, Vector{1000.0}, 0.0)(0), std::exp(1.0) / 1000, 1e-12);
}

TEST(CentralDifferenceGradientHidden, EveryCoordinateAndTheEmptyPoint) {
    const Objective f{Vector{1.0, -0.5, 0.25, 2.0, -1.0}, Vector{1.0, 2.0, -1.0, 0.5, 0.0}};
    const Vector x = {0.3, -1.2, 0.8, 0.1, -0.4};
    EXPECT_LT(max_error(central_difference_gradient(f, x, 0.0), exact_gradient(f, x)), 1e-8);
    EXPECT_EQ(central_difference_gradient(Objective{Vector{}, Vector{}}, Vector{}, 0.0).size(), 0u);
}

TEST(CentralDifferenceGradientHidden, GradientCheckIsRelativeAndSafeAtZero) {
    const Objective f{Vector{1.0, -0.5}, Vector{0.5, 1.0}};
    const Vector x = {0.2, 0.7};
    Vector g = exact_gradient(f, x);
    g(1) *= 1.01;  // one entry 1% off: the relative error is |0.01 g_1| / |g|
    const double expected = 0.01 * std::fabs(exact_gradient(f, x)(1)) / std::sqrt(g(0) * g(0) + g(1) * g(1));
    EXPECT_NEAR(gradient_check(f, g, x), expected, 1e-3 * expected);
    // a zero gradient against a zero gradient: 0, never NaN (f(x) = e^(0 x) + 0 is constant)
    const Objective flat{Vector{0.0, 0.0}, Vector{0.0, 0.0}};
    EXPECT_EQ(gradient_check(flat, Vector{0.0, 0.0}, x), 0.0);
    EXPECT_EQ(gradient_check(Objective{Vector{}, Vector{}}, Vector{}, Vector{}), 0.0);
}

TEST(CentralDifferenceGradientHidden, BadInputIsRejected) {
    const Objective f{Vector{1.0, 1.0}, Vector{0.0, 0.0}};
    EXPECT_THROW(central_difference_gradient(Objective{Vector{1.0, 1.0}, Vector{0.0}}, Vector{1.0, 2.0}, 0.0),
                 dlmath::shape_error);
    EXPECT_THROW(central_difference_gradient(f, Vector{inf, 2.0}, 0.0), dlmath::domain_error);
    EXPECT_THROW(central_difference_gradient(f, Vector{1.0, 2.0}, std::nan("")), dlmath::domain_error);
    EXPECT_THROW(central_difference_gradient(f, Vector{1.0, 2.0}, inf), dlmath::domain_error);
    EXPECT_THROW(gradient_check(f, Vector{1.0, 2.0, 3.0}, Vector{1.0, 2.0}), dlmath::shape_error);
    EXPECT_THROW(gradient_check(f, Vector{1.0, 2.0}, Vector{1.0, -inf}), dlmath::domain_error);
}

// The error ORDER: halving the step divides a central difference's error by 4 (it is
// h^2 f'''/6 + O(h^4)), a forward difference's only by 2. Random exponentials e^(a x_0) in one
// variable, a in [1/2, 2], x_0 in [-1, 1], steps h = 2^-5 and 2^-6: truncation exceeds the
// rounding by 10^6 or more, and the next term changes the ratio by at most (a h)^2 / 5 < 1%,
// so the ratio lies in [3.6, 4.4]. On a failure RapidCheck shrinks a and x_0 and prints them.
RC_GTEST_PROP(CentralDifferenceGradientHidden, ErrorFallsFourfoldWhenTheStepIsHalved, ()) {
    const double a = *rc::gen::inRange(4, 17) / 8.0;
    const double x0 = *rc::gen::inRange(-8, 9) / 8.0;
    const Objective f{Vector{a}, Vector{0.0}};
    const double exact = a * std::exp(a * x0);
    const double e1 = std::fabs(central_difference_gradient(f, Vector{x0}, 1.0 / 32)(0) - exact);
    const double e2 = std::fabs(central_difference_gradient(f, Vector{x0}, 1.0 / 64)(0) - exact);
    RC_ASSERT(e2 > 0.0);
    const double ratio = e1 / e2;
    RC_ASSERT(ratio >= 3.6 && ratio <= 4.4);
}
