// Hidden tests of the composite Simpson exercise (instructor only: they are
// left out of the student edition and run by the autograder).
#include "composite_simpson.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::composite_simpson;

namespace {
constexpr double u = 1.1102230246251565e-16;  // 2^-53
}  // namespace

// An odd number of panels has no Simpson rule: 4 samples are 3 panels. The message names
// the function and the count; 1 sample (0 panels) and 2 samples (1 panel) are refused too.
TEST(CompositeSimpsonHidden, OddPanelCountIsRejected) {
    try {
        (void)composite_simpson(Vector{1.0, 2.0, 3.0, 4.0}, 1.0);
        ADD_FAILURE() << "no domain_error for 3 panels (4 samples)";
    } catch (const dlmath::domain_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("composite_simpson"), std::string::npos) << what;
        EXPECT_NE(what.find('3'), std::string::npos) << "the message should name the panel count 3: " << what;
    }
    EXPECT_THROW(composite_simpson(Vector{1.0, 2.0}, 1.0), dlmath::domain_error);
    EXPECT_THROW(composite_simpson(Vector{1.0}, 1.0), dlmath::domain_error);
    EXPECT_THROW(composite_simpson(Vector{1.0, 2.0, 3.0, 4.0, 5.0, 6.0}, 0.5), dlmath::domain_error);
}

TEST(CompositeSimpsonHidden, NonFiniteSpacingIsRejected) {
    EXPECT_THROW(composite_simpson(Vector{1.0, 2.0, 3.0}, std::numeric_limits<double>::infinity()),
                 dlmath::domain_error);
    EXPECT_THROW(composite_simpson(Vector{1.0, 2.0, 3.0}, std::nan("")), dlmath::domain_error);
}

// The weights 1, 4, 2, 4, 1 on 4 panels: samples that pick out each weight.
TEST(CompositeSimpsonHidden, WeightsOneFourTwoFourOne) {
    EXPECT_EQ(composite_simpson(Vector{0, 3, 0, 0, 0}, 1.0), 4.0);  // 1/3 · 4 · 3
    EXPECT_EQ(composite_simpson(Vector{0, 0, 3, 0, 0}, 1.0), 2.0);  // 1/3 · 2 · 3
    EXPECT_EQ(composite_simpson(Vector{3, 0, 0, 0, 3}, 1.0), 2.0);  // 1/3 · (3 + 3)
}

// The fourth order: on sin over [0, π] (exact 2) the error with n panels is about
// π h^4 / 180; doubling n divides it by 16 (between 15 and 17 at n = 16, 32).
TEST(CompositeSimpsonHidden, FourthOrderOnTheSine) {
    const auto simpson_sin = [](std::size_t n) {
        Vector y = Vector::from_shape({n + 1});
        const double h = std::numbers::pi / static_cast<double>(n);
        for (std::size_t i = 0; i <= n; ++i) y(i) = std::sin(static_cast<double>(i) * h);
        return composite_simpson(y, h);
    };
    const double ratio = (simpson_sin(16) - 2.0) / (simpson_sin(32) - 2.0);
    EXPECT_GT(ratio, 15.0);
    EXPECT_LT(ratio, 17.0);
}

// Exact for every cubic: samples of c0 + c1 x + c2 x^2 + c3 x^3 at x = i/8 for i = 0..n
// (integer coefficients, n even), against the antiderivative in long double. The samples
// and the weighted sum carry rounding of (n + 8) u times the sum of the weighted
// magnitudes; the bound allows that. RapidCheck shrinks a failure to a smallest cubic.
RC_GTEST_PROP(CompositeSimpsonHidden, ExactForCubics, ()) {
    const auto c = *rc::gen::container<std::vector<int>>(4, rc::gen::inRange(-20, 21));
    const std::size_t n = 2 * static_cast<std::size_t>(*rc::gen::inRange(1, 20));
    const double h = 0.125;
    Vector y = Vector::from_shape({n + 1});
    double magnitude = 0.0;
    for (std::size_t i = 0; i <= n; ++i) {
        const double x = static_cast<double>(i) * h;
        y(i) = c[0] + x * (c[1] + x * (c[2] + x * c[3]));
        magnitude += 4.0 * h / 3.0 * (std::abs(c[0]) + x * (std::abs(c[1]) + x * (std::abs(c[2]) + x * std::abs(c[3]))));
    }
    const long double b = static_cast<long double>(n) * 0.125L;
    const long double exact = c[0] * b + c[1] * b * b / 2 + c[2] * b * b * b / 3 + c[3] * b * b * b * b / 4;
    const double got = composite_simpson(y, h);
    RC_ASSERT(std::fabs(got - static_cast<double>(exact)) <= (static_cast<double>(n) + 8.0) * u * magnitude + 1e-300);
}
