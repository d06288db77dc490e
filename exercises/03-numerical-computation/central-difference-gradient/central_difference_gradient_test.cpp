// Visible tests of the central-difference gradient exercise.
#include "central_difference_gradient.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::central_difference_gradient;
using dlmath::exercises::gradient_check;
using dlmath::exercises::Objective;

namespace {
// The analytic gradient of f(x) = sum_i e^(a_i x_i) + b_i sin(x_i) x_(i+1):
// df/dx_j = a_j e^(a_j x_j) + b_j cos(x_j) x_(j+1) + b_(j-1) sin(x_(j-1)).
Vector exact_gradient(const Objective& f, const Vector& x) {
    const std::size_t n = x.size();
    Vector g = Vector::from_shape({n});
    for (std::size_t j = 0; j < n; ++j) {
        const std::size_t next = (j + 1) % n, prev = (j + n - 1) % n;
        g(j) = f.a(j) * std::exp(f.a(j) * x(j)) + f.b(j) * std::cos(x(j)) * x(next) + f.b(prev) * std::sin(x(prev));
    }
    return g;
}
// Central differences with h = cbrt(eps) err by about h^2 |f'''| / 6 + eps |f| / h, each near
// 4e-11 times the size of f and its derivatives (below 20 here): 1e-8 leaves a wide margin.
constexpr double tol = 1e-8;
}  // namespace

TEST(CentralDifferenceGradient, OneExponential) {
    // f(x) = e^(2x): f'(0.5) = 2e
    const Objective f{Vector{2.0}, Vector{0.0}};
    const Vector g = central_difference_gradient(f, Vector{0.5}, 0.0);
    ASSERT_EQ(g.size(), 1u);
    EXPECT_NEAR(g(0), 2.0 * std::exp(1.0), tol);
}

TEST(CentralDifferenceGradient, ThreeCoupledVariables) {
    const Objective f{Vector{1.0, -0.5, 0.25}, Vector{1.0, 2.0, -1.0}};
    const Vector x = {0.3, -1.2, 0.8};
    const Vector g = central_difference_gradient(f, x, 0.0), e = exact_gradient(f, x);
    for (std::size_t j = 0; j < 3; ++j) EXPECT_NEAR(g(j), e(j), tol) << j;
}

TEST(CentralDifferenceGradient, GradientCheckPassesARightGradient) {
    const Objective f{Vector{1.0, -0.5}, Vector{0.5, 1.0}};
    const Vector x = {0.2, 0.7};
    EXPECT_LT(gradient_check(f, exact_gradient(f, x), x), 1e-8);
}

TEST(CentralDifferenceGradient, GradientCheckFailsAWrongGradient) {
    const Objective f{Vector{1.0, -0.5}, Vector{0.5, 1.0}};
    const Vector x = {0.2, 0.7};
    Vector g = exact_gradient(f, x);
    g(0) = -g(0);  // a sign error
    EXPECT_GT(gradient_check(f, g, x), 0.1);
}

TEST(CentralDifferenceGradient, BadInput) {
    const Objective f{Vector{1.0, 1.0}, Vector{0.0, 0.0}};
    EXPECT_THROW(central_difference_gradient(f, Vector{1.0}, 0.0), dlmath::shape_error);
    EXPECT_THROW(central_difference_gradient(f, Vector{1.0, std::nan("")}, 0.0), dlmath::domain_error);
    EXPECT_THROW(central_difference_gradient(f, Vector{1.0, 2.0}, -1e-3), dlmath::domain_error);
    EXPECT_THROW(gradient_check(f, Vector{1.0}, Vector{1.0, 2.0}), dlmath::shape_error);
}
