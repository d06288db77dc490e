// Visible tests of the composite Simpson exercise.
#include "composite_simpson.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::composite_simpson;

namespace {
constexpr double u = 1.1102230246251565e-16;  // 2^-53
}  // namespace

// ▶ ∫₁³ (−x² + 3x + 1) dx = 16/3 from the samples at 1, 2, 3 (h = 1): (3 + 4·3 + 1)/3.
// Every sum is an exact integer; only the final h/3 · 16 rounds.
TEST(CompositeSimpson, SixteenThirdsFromThreeSamples) {
    EXPECT_EQ(composite_simpson(Vector{3.0, 3.0, 1.0}, 1.0), 16.0 / 3.0);
}

// ∫₀¹ u² du = 1/3 from the samples 0, 1/4, 1 (h = 1/2): exact for a parabola.
TEST(CompositeSimpson, OneThirdForAParabola) {
    EXPECT_NEAR(composite_simpson(Vector{0.0, 0.25, 1.0}, 0.5), 1.0 / 3.0, 4 * u);
}

TEST(CompositeSimpson, EmptySamplesAreAShapeError) {
    EXPECT_THROW(composite_simpson(Vector{}, 1.0), dlmath::shape_error);
}
