// Hidden tests of the Adam exercise (instructor only: they are left out of
// the student edition and run by the autograder).
#include "adam.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::adam;

namespace {
constexpr double u = 1.1102230246251565e-16;  // 2^-53

// The statement's rule, written out as the oracle: x_T.
Vector oracle(const Vector& h, const Vector& c, const Vector& x0, double eta, double beta1, double beta2,
              double eps, std::size_t steps) {
    const std::size_t n = x0.size();
    Vector x = x0;
    std::vector<double> m(n, 0.0), v(n, 0.0);
    for (std::size_t t = 1; t <= steps; ++t) {
        const double b1 = std::pow(beta1, static_cast<double>(t)), b2 = std::pow(beta2, static_cast<double>(t));
        for (std::size_t i = 0; i < n; ++i) {
            const double g = h(i) * (x(i) - c(i));
            m[i] = beta1 * m[i] + (1.0 - beta1) * g;
            v[i] = beta2 * v[i] + (1.0 - beta2) * g * g;
            x(i) = x(i) - eta * (m[i] / (1.0 - b1)) / (std::sqrt(v[i] / (1.0 - b2)) + eps);
        }
    }
    return x;
}

// Step 1 has m_hat = g and v_hat = g^2, so every coordinate moves by
// eta |g| / (|g| + eps) against its gradient: eta up to a relative eps / |g|, and
// rounding (a few u of eta in the step, u of |x| in x_1).
void expect_first_step_of_size_eta(const Vector& h, const Vector& c, const Vector& x0, double eta, double beta1,
                                   double beta2) {
    const double eps = 1e-8;
    const Vector x1 = adam(h, c, x0, eta, beta1, beta2, eps, 1);
    for (std::size_t i = 0; i < x0.size(); ++i) {
        const double g = h(i) * (x0(i) - c(i));
        const double expected = -std::copysign(eta, g);
        const double bound = eta * (eps / std::fabs(g) + 16.0 * u) + 2.0 * u * std::fabs(x0(i));
        EXPECT_NEAR(x1(i) - x0(i), expected, bound) << "coordinate " << i << ", gradient " << g;
    }
}
}  // namespace

// Gradients from 1e-3 to 1e4 in size, of either sign: each coordinate moves by eta = 0.01.
// Without the bias correction the step would be eta (1 - beta1) / sqrt(1 - beta2) = 3.16 eta.
TEST(AdamHidden, TheFirstStepHasSizeEtaPerCoordinate) {
    expect_first_step_of_size_eta(Vector{1e-3, 1.0, 100.0, 1e4}, Vector{0.0, 0.0, 0.0, 0.0},
                                  Vector{1.0, -2.0, 0.5, -1.0}, 0.01, 0.9, 0.999);
}

// The worked example's second update, where both corrections are still far from 1:
// m_hat = 0.18 / 0.19 and v_hat = 0.001809 / 0.001999 (see the visible test for the tolerance).
TEST(AdamHidden, TheSecondUpdateIsCorrectedToo) {
    const Vector x2 = adam(Vector{1.0}, Vector{0.0}, Vector{1.0}, 0.1, 0.9, 0.999, 1e-8, 2);
    EXPECT_NEAR(x2(0), 0.800412229712338, 1e-13);
}

TEST(AdamHidden, InvalidInputIsRejected) {
    const Vector h{1.0, 10.0}, c{0.0, 0.0}, x0{1.0, 1.0};
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_THROW(adam(Vector{1.0}, c, x0, 0.1, 0.9, 0.999, 1e-8, 3), dlmath::shape_error);
    EXPECT_THROW(adam(h, c, x0, -0.1, 0.9, 0.999, 1e-8, 3), dlmath::domain_error);
    EXPECT_THROW(adam(h, c, x0, inf, 0.9, 0.999, 1e-8, 3), dlmath::domain_error);
    EXPECT_THROW(adam(h, c, x0, 0.1, 1.0, 0.999, 1e-8, 3), dlmath::domain_error);
    EXPECT_THROW(adam(h, c, x0, 0.1, -0.5, 0.999, 1e-8, 3), dlmath::domain_error);
    EXPECT_THROW(adam(h, c, x0, 0.1, 0.9, 1.0, 1e-8, 3), dlmath::domain_error);
    EXPECT_THROW(adam(h, c, x0, 0.1, 0.9, std::nan(""), 1e-8, 3), dlmath::domain_error);
    EXPECT_THROW(adam(h, c, x0, 0.1, 0.9, 0.999, 0.0, 3), dlmath::domain_error);
    EXPECT_THROW(adam(h, c, Vector{1.0, std::nan("")}, 0.1, 0.9, 0.999, 1e-8, 3), dlmath::domain_error);
}

// Random gradient scales 10^-3 .. 10^4, random signs, and betas among PyTorch-like values
// (beta2 of 0.999 or 0.9999, so that (1 - beta1) / sqrt(1 - beta2) is never 1): the first
// step has size eta in every coordinate. RapidCheck shrinks a failure to a smallest problem.
RC_GTEST_PROP(AdamHidden, TheFirstStepHasSizeEtaWhateverTheGradientsScale, ()) {
    const auto n = *rc::gen::inRange<std::size_t>(1, 5);
    Vector h = Vector::from_shape({n}), c = Vector::from_shape({n}), x0 = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) {
        h(i) = std::pow(10.0, *rc::gen::inRange(-3, 5));
        c(i) = 0.0;
        x0(i) = *rc::gen::element(-3.0, -1.0, -0.5, 0.5, 1.0, 2.0);
    }
    const double eta = *rc::gen::element(0.001, 0.01, 0.1);
    const double beta1 = *rc::gen::element(0.8, 0.9, 0.95);
    const double beta2 = *rc::gen::element(0.999, 0.9999);
    const Vector x1 = adam(h, c, x0, eta, beta1, beta2, 1e-8, 1);
    for (std::size_t i = 0; i < n; ++i) {
        const double g = h(i) * x0(i);
        const double bound = eta * (1e-8 / std::fabs(g) + 16.0 * u) + 2.0 * u * std::fabs(x0(i));
        RC_ASSERT(std::fabs((x1(i) - x0(i)) + std::copysign(eta, g)) <= bound);
    }
}

// Any number of updates: x_T as the rule gives it. The oracle takes beta^t from pow, an
// answer may multiply it up (a few u apart); each update is a dozen roundings at the scale of
// eta, and the rule does not amplify them much on these problems (eta h <= 0.4), so 30
// updates stay within about 30 * 12 * 4 * 0.1 u = 1.6e-15 of each other: 1e-12 is generous
// and far below the gap an uncorrected rule leaves (its steps differ by factors of 3).
RC_GTEST_PROP(AdamHidden, MatchesTheRuleOnRandomQuadratics, ()) {
    const auto n = *rc::gen::inRange<std::size_t>(1, 5);
    Vector h = Vector::from_shape({n}), c = Vector::from_shape({n}), x0 = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) {
        h(i) = *rc::gen::inRange(1, 9) / 2.0;
        c(i) = *rc::gen::inRange(-20, 21) / 4.0;
        x0(i) = *rc::gen::inRange(-40, 41) / 4.0;
    }
    const double eta = *rc::gen::element(0.01, 0.05, 0.1);
    const double beta1 = *rc::gen::element(0.0, 0.8, 0.9);
    const double beta2 = *rc::gen::element(0.99, 0.999);
    const auto steps = *rc::gen::inRange<std::size_t>(1, 30);
    const Vector expected = oracle(h, c, x0, eta, beta1, beta2, 1e-8, steps);
    const Vector got = adam(h, c, x0, eta, beta1, beta2, 1e-8, steps);
    for (std::size_t i = 0; i < n; ++i) RC_ASSERT(std::fabs(got(i) - expected(i)) <= 1e-12);
}
