// Newton's method and bisection, reference twin: the worked example (one
// Newton step reaches a quadratic's minimiser), the statuses (never NaN),
// the orders of convergence measured from the iterates, the halving of the
// bisection bracket, and bad input.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <string>
#include <vector>

#include "dlmath/reference/numerical.hpp"
#include "prelude.hpp"

using dlmath::reference::RootStatus;

namespace {
double square_minus_two(double x) { return x * x - 2.0; }
double twice(double x) { return 2.0 * x; }
}  // namespace

// ---------------------------------------------------------------- worked examples

// ▶ One Newton step suffices on a quadratic: f(x) = (x − 3)² + 1, f' = 2(x − 3), f'' = 2.
// From x0 = 10 the step f'/f'' = 7 lands on 3 exactly (integers); the next f' is 0, so the
// iteration stops there after one step.
TEST(RootsWorkedExample, OneNewtonStepMinimisesAQuadratic) {
    const auto r = ref::newton_minimize([](double x) { return 2.0 * (x - 3.0); }, [](double) { return 2.0; }, 10.0);
    EXPECT_EQ(r.status, RootStatus::converged);
    EXPECT_EQ(r.root, 3.0);
    EXPECT_EQ(r.iterations, 1u);
}

// ▶ The multivariate step x − H⁻¹∇f on f(x) = ½ xᵀAx − bᵀx, A = [[3, 1], [1, 2]], b = (1, 1):
// from any x one step reaches A⁻¹b = (1/5, 2/5). From x = (10, −7): g = Ax − b = (22, −5)
// exactly; the solve is backward stable, so the result is within a few ulp of (0.2, 0.4)
// times kappa(A) = 2.6: 16 u.
TEST(RootsWorkedExample, OneMultivariateNewtonStepReachesTheMinimiser) {
    const Matrix A = {{3.0, 1.0}, {1.0, 2.0}};
    const Vector b = {1.0, 1.0}, x = {10.0, -7.0};
    const Vector g = xt::linalg::dot(A, x) - b;
    const Vector x1 = ref::newton_step(x, g, A);
    EXPECT_NEAR(x1(0), 0.2, 16 * u * 10);
    EXPECT_NEAR(x1(1), 0.4, 16 * u * 10);
}

// On random SPD quadratics (kappa up to 1e4) one step leaves a gradient A x1 − b of the size
// of the rounding: the computed g carries gamma_d (|A||x| + |b|), the solve's backward error
// gamma_{3d} |L||U||s| (|L||U| ~ |A| for SPD without growth), and x − s one rounding, u|x1|;
// so |A x1 − b| <= 8 d u ||A||_max (||x|| + ||s|| + ||x1||)_1 + 8 d u ||b||_inf, with 8 for
// the products and the residual's own evaluation.
RC_GTEST_PROP(RootsProperty, NewtonStepZeroesTheGradientOfAQuadratic, ()) {
    const std::size_t d = static_cast<std::size_t>(*rc::gen::inRange(1, 9));
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const double kappa = std::pow(10.0, *rc::gen::inRange(0, 5));
    const Matrix A = dlmath::testing::spd_matrix(dlmath::testing::geometric_spectrum(d, kappa), seed);
    const Vector b = random<Vector>({d}, seed + 1), x = random<Vector>({d}, seed + 2, 10.0);
    const Vector g = xt::linalg::dot(A, x) - b;
    const Vector x1 = ref::newton_step(x, g, A);
    const Vector residual = xt::linalg::dot(A, x1) - b;
    const double dd = static_cast<double>(d);
    const double scale = max_abs(A) * (xt::sum(xt::abs(x))() + xt::sum(xt::abs(x - x1))() + xt::sum(xt::abs(x1))()) +
                         xt::amax(xt::abs(b))();
    RC_ASSERT(xt::amax(xt::abs(residual))() <= 8 * dd * u * kappa * scale);
}

// ---------------------------------------------------------------- Newton's statuses

// x² − 2 from 1: 1.5, 1.41667, 1.4142157, 1.41421356237469, then a step of 1.6e-12 below
// tol = 1.48e-8 ends at √2: five steps; the last iterate is the double nearest √2 or its
// neighbour (the final step is computed from a point already within 2e-12).
TEST(RootsNewton, SquareRootOfTwoInFiveSteps) {
    const auto r = ref::newton(square_minus_two, twice, 1.0);
    EXPECT_EQ(r.status, RootStatus::converged);
    EXPECT_EQ(r.iterations, 5u);
    EXPECT_NEAR(r.root, std::numbers::sqrt2, 2 * u * std::numbers::sqrt2);
    EXPECT_TRUE(r.iterates.empty());
    const auto recorded = ref::newton(square_minus_two, twice, 1.0, 1.48e-8, 50, true);
    ASSERT_EQ(recorded.iterates.size(), 6u);
    EXPECT_EQ(recorded.iterates[0], 1.0);
    EXPECT_EQ(recorded.iterates[1], 1.5);
    EXPECT_EQ(recorded.iterates.back(), recorded.root);
}

// A flat tangent: f'(0) = 0 for x² − 2. A clear status and the finite iterate, never the
// NaN or inf of f/f' = -2/0.
TEST(RootsNewton, ZeroDerivativeIsAStatusNotNaN) {
    const auto r = ref::newton(square_minus_two, twice, 0.0);
    EXPECT_EQ(r.status, RootStatus::zero_derivative);
    EXPECT_EQ(r.root, 0.0);
    EXPECT_EQ(r.iterations, 0u);
    EXPECT_EQ(r.reason, "f'(0) = 0: the tangent is flat, no Newton step is defined");
}

// log x from 3: the first step jumps to 3 − 3 ln 3 < 0, where log is NaN: status
// non_finite, root the last finite iterate.
TEST(RootsNewton, NonFiniteValueStops) {
    const auto r = ref::newton([](double x) { return std::log(x); }, [](double x) { return 1.0 / x; }, 3.0);
    EXPECT_EQ(r.status, RootStatus::non_finite);
    EXPECT_TRUE(std::isfinite(r.root));
    EXPECT_NEAR(r.root, 3.0 - 3.0 * std::log(3.0), 8 * u * 3.0);  // 3 - ln 3 / (1/3): a few roundings of 3
    EXPECT_EQ(r.iterations, 1u);
}

// atan from 1.5 diverges (Newton is local): |x| roughly squares each step. With
// max_iter = 5 the status says so, after exactly five steps.
TEST(RootsNewton, DivergenceEndsAtMaxIterations) {
    const auto r = ref::newton([](double x) { return std::atan(x); }, [](double x) { return 1.0 / (1.0 + x * x); },
                               1.5, 1.48e-8, 5);
    EXPECT_EQ(r.status, RootStatus::max_iterations);
    EXPECT_EQ(r.iterations, 5u);
    EXPECT_GT(std::fabs(r.root), 1e3);
    const auto longer = ref::newton([](double x) { return std::atan(x); },
                                    [](double x) { return 1.0 / (1.0 + x * x); }, 1.5, 1.48e-8, 100);
    EXPECT_NE(longer.status, RootStatus::converged);
    EXPECT_TRUE(std::isfinite(longer.root));
}

// ---------------------------------------------------------------- orders of convergence

// Quadratic near a simple root: f(x) = e^x − c (root ln c, f''/2f' = 1/2), from a start
// 0.1 .. 0.5 away, stopping on a step below 1.48e-8 (the next error, about e², is
// rounding). The ratio log(e_{k+1}/e_k) / log(e_k/e_{k−1}) is exactly 2 for
// e_{k+1} = C e_k²; the last error above the rounding floor (16 u |root|) can carry a
// relative error of a few percent, which moves the ratio by less than 0.1: band [1.8, 2.2].
RC_GTEST_PROP(RootsProperty, NewtonConvergesQuadraticallyNearASimpleRoot, ()) {
    const double c = 2.0 + *rc::gen::inRange(0, 65) / 8.0;
    const double delta = (*rc::gen::element(-1.0, 1.0)) * (0.1 + *rc::gen::inRange(0, 41) / 100.0);
    const double root = std::log(c);
    const auto r = ref::newton([c](double x) { return std::exp(x) - c; }, [](double x) { return std::exp(x); },
                               root + delta, 1.48e-8, 50, true);
    RC_ASSERT(r.status == RootStatus::converged);
    const double q = ref::convergence_order(r.iterates, root);
    RC_ASSERT(q > 1.8);
    RC_ASSERT(q < 2.2);
}

// Linear at a double root: (x − 1)² from 2 halves the error each step (e_{k+1} = e_k / 2,
// exactly, in binary), so the measured order is 1.
TEST(RootsProperty, NewtonIsLinearAtADoubleRoot) {
    const auto r = ref::newton([](double x) { return (x - 1) * (x - 1); }, [](double x) { return 2 * (x - 1); }, 2.0,
                               1.48e-8, 50, true);
    EXPECT_EQ(r.status, RootStatus::converged);
    EXPECT_NEAR(ref::convergence_order(r.iterates, 1.0), 1.0, 0.05);
    // far more steps than the five of a simple root: about log2(1 / 1.48e-8) = 26
    EXPECT_GE(r.iterations, 20u);
}

// ---------------------------------------------------------------- bisection

// x² − 2 on [0, 2]: the root √2 within xtol.
TEST(RootsBisect, SquareRootOfTwo) {
    const auto r = ref::bisect(square_minus_two, 0.0, 2.0);
    EXPECT_EQ(r.status, RootStatus::converged);
    EXPECT_NEAR(r.root, std::numbers::sqrt2, 2e-12);
    // a zero at an end is returned at once, without a halving
    const auto at_end = ref::bisect([](double x) { return x - 1.0; }, 1.0, 3.0);
    EXPECT_EQ(at_end.root, 1.0);
    EXPECT_EQ(at_end.iterations, 0u);
}

// The bracket halves every step: midpoint k is within (b − a) / 2^{k+1} of the root, for
// any root inside the bracket (f(x) = x − r; r a multiple of 1/64 in (a, b)).
RC_GTEST_PROP(RootsProperty, BisectionHalvesTheBracketEveryStep, ()) {
    const double a = *rc::gen::inRange(-64, 0) / 8.0, b = *rc::gen::inRange(1, 65) / 8.0;
    const double r = a + (b - a) * (*rc::gen::inRange(1, 64)) / 64.0;
    const auto res = ref::bisect([r](double x) { return x - r; }, a, b, 0.0, 60, true);
    RC_ASSERT(res.status == RootStatus::converged);
    for (std::size_t k = 0; k < res.iterates.size(); ++k) {
        RC_ASSERT(std::fabs(res.iterates[k] - r) <= (b - a) / std::ldexp(1.0, static_cast<int>(k) + 1));
    }
    RC_ASSERT(res.root == r);
}

// ---------------------------------------------------------------- bad input

TEST(RootsBadInput, BisectNeedsASignChange) {
    EXPECT_EQ(what_of([] { ref::bisect([](double x) { return x + 1.0; }, 0.0, 1.0); }),
              "bisect: f(a) and f(b) must be finite and of opposite signs (f(0) = 1, f(1) = 2)");
    EXPECT_THROW(ref::bisect(square_minus_two, 2.0, 0.0), dlmath::domain_error);
    EXPECT_THROW(ref::bisect(square_minus_two, 0.0, kInf), dlmath::domain_error);
    EXPECT_THROW(ref::bisect(square_minus_two, 0.0, 2.0, -1.0), dlmath::domain_error);
    EXPECT_THROW(ref::bisect([](double) { return kNaN; }, 0.0, 2.0), dlmath::domain_error);
}

TEST(RootsBadInput, NewtonChecksItsStartAndTolerance) {
    EXPECT_EQ(what_of([] { ref::newton(square_minus_two, twice, kNaN); }), "newton: x0 must be finite (got x0 = nan)");
    EXPECT_THROW(ref::newton(square_minus_two, twice, 1.0, -1.0), dlmath::domain_error);
    EXPECT_THROW(ref::newton_minimize(square_minus_two, twice, kInf), dlmath::domain_error);
    EXPECT_EQ(what_of([] { ref::newton_minimize(square_minus_two, twice, 1.0, kNaN); }),
              "newton_minimize: tol must be finite and >= 0 (got tol = nan)");
}

TEST(RootsBadInput, NewtonStepChecksShapes) {
    const Matrix H = {{2.0, 0.0}, {0.0, 2.0}};
    EXPECT_THROW(ref::newton_step(Vector{1.0}, Vector{1.0, 2.0}, H), dlmath::shape_error);
    EXPECT_THROW(ref::newton_step(Vector{1.0, 2.0}, Vector{1.0}, H), dlmath::shape_error);
    EXPECT_THROW(ref::newton_step(Vector{1.0}, Vector{1.0}, Matrix{{1.0, 2.0}}), dlmath::shape_error);
    EXPECT_THROW(ref::newton_step(Vector{1.0, kNaN}, Vector{1.0, 2.0}, H), dlmath::domain_error);
    EXPECT_THROW(ref::newton_step(Vector{1.0, 1.0}, Vector{1.0, 2.0}, Matrix{{1.0, 1.0}, {1.0, 1.0}}),
                 dlmath::domain_error);
}

TEST(RootsBadInput, ConvergenceOrderNeedsThreeErrors) {
    EXPECT_EQ(what_of([] { ref::convergence_order({1.0, 1.0}, 1.0); }),
              "convergence_order: needs three errors above the rounding floor 1.7763568394002505e-15 (got 0 of 2 "
              "iterates)");
    EXPECT_THROW(ref::convergence_order({1.0, kNaN, 3.0}, 0.0), dlmath::domain_error);
    EXPECT_THROW(ref::convergence_order({1.0, 2.0, 3.0}, kInf), dlmath::domain_error);
}
