// Conditioning, reference twin: Hilbert matrices, the perturbation bound
// ||dx||/||x|| <= kappa ||db||/||b|| on random perturbations, the growth of
// kappa(H_n), the digits a solve loses, and bad input.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <vector>

#include "dlmath/reference/numerical.hpp"
#include "prelude.hpp"

// ---------------------------------------------------------------- Hilbert matrices

// H_ij = 1 / (i + j + 1): each entry one correctly rounded division, so exact equality.
TEST(ConditioningHilbert, EntriesOfOrderThree) {
    const Matrix H = ref::hilbert(3);
    const Matrix expected = {{1.0, 1.0 / 2, 1.0 / 3}, {1.0 / 2, 1.0 / 3, 1.0 / 4}, {1.0 / 3, 1.0 / 4, 1.0 / 5}};
    EXPECT_EQ(H, expected);
    EXPECT_EQ(ref::hilbert(0).shape(0), 0u);
    EXPECT_EQ(ref::hilbert(1)(0, 0), 1.0);
}

// The literature's asymptotic kappa_2(H_n) ~ C (1 + sqrt 2)^{4n} / sqrt n grows by
// 4 ln(1 + sqrt 2) = 3.5255 per order in the logarithm; the 1/sqrt(n) factor lowers the
// finite-n rate by about 1/(2n) (0.07 around n = 7). A least-squares fit of ln cond(H_n)
// over n = 3..10 (kappa up to 1.6e13, where cond still has a few correct digits) must lie
// in [3.35, 3.6]: a rate of 3 or 4 would fail.
TEST(ConditioningHilbert, ConditionNumberGrowsLikeExpThreePointFiveN) {
    double sx = 0, sy = 0, sxx = 0, sxy = 0, m = 0;
    for (std::size_t n = 3; n <= 10; ++n) {
        const double x = static_cast<double>(n), y = std::log(ref::cond(ref::hilbert(n)));
        sx += x; sy += y; sxx += x * x; sxy += x * y; m += 1;
    }
    const double rate = (m * sxy - sx * sy) / (m * sxx - sx * sx);
    EXPECT_GT(rate, 3.35);
    EXPECT_LT(rate, 3.6);
    EXPECT_NEAR(4 * std::log(1 + std::numbers::sqrt2), 3.5255, 1e-4);
}

// What kappa means for the digits: solving H_n x = H_n 1 loses about log10 kappa digits.
// Backward stability bounds the relative error by about c n u kappa; c = 10 covers the LU's
// growth and the rounding of b = H 1 (itself a perturbation of size n u ||H|| ||x||). The
// error is also far above u for n = 10: the digits are really lost, not a loose bound.
TEST(ConditioningHilbert, SolveLosesAboutLogKappaDigits) {
    for (std::size_t n = 4; n <= 10; ++n) {
        const Matrix H = ref::hilbert(n);
        const Vector ones = xt::ones<double>({n});
        const Vector b = xt::linalg::dot(H, ones);
        const Vector x = ref::solve(H, b);
        const double rel = ref::norm(Vector(x - ones)) / ref::norm(ones);
        const double kappa = ref::cond(H);
        EXPECT_LE(rel, 10.0 * static_cast<double>(n) * u * kappa) << "n = " << n;
        if (n == 10) {
            EXPECT_GT(rel, 1e6 * u) << "kappa = " << kappa;
        }
    }
}

// ---------------------------------------------------------------- the perturbation bound

// ▶ The bound is attained: A = diag(1, 1e-3) (kappa = 1000), b along the largest singular
// direction, db along the smallest. x = e1, dx = 1e-3 e2: ||dx||/||x|| = 1e-3 = kappa · 1e-6.
// Every quantity is a power of ten computed from exact inputs by one or two roundings: 8 ulp.
TEST(ConditioningPerturbation, BoundIsAttainedOnSingularDirections) {
    const Matrix A = {{1.0, 0.0}, {0.0, 1e-3}};
    const auto p = ref::solve_perturbation(A, Vector{1.0, 0.0}, Vector{0.0, 1e-6});
    EXPECT_NEAR(p.kappa, 1e3, 8 * u * 1e3);
    EXPECT_NEAR(p.relative_change_b, 1e-6, 8 * u * 1e-6);
    EXPECT_NEAR(p.relative_change_x, 1e-3, 8 * u * 1e-3);
    EXPECT_NEAR(p.relative_change_x / p.bound, 1.0, 32 * u);
}

// ||dx||/||x|| <= kappa ||db||/||b|| on random systems with kappa up to 1e6 and random
// perturbations of relative size 1e-8 .. 1e-2. The computed quantities carry rounding:
// each solve's relative error is about c n u kappa (c = 10, as above), and cond's relative
// error is as large; so the test allows bound (1 + 20 n u kappa) + 20 n u kappa.
RC_GTEST_PROP(ConditioningPerturbation, BoundHoldsOnRandomPerturbations, ()) {
    const std::size_t n = static_cast<std::size_t>(*rc::gen::inRange(2, 9));  // ill_conditioned needs n >= 2
    const double kappa = std::pow(10.0, *rc::gen::inRange(0, 7));
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const double size = std::pow(10.0, -*rc::gen::inRange(2, 9));
    const Matrix A = ill_conditioned(n, kappa, seed);
    const Vector b = random<Vector>({n}, seed + 1);
    Vector db = random<Vector>({n}, seed + 2);
    db *= size * ref::norm(b) / ref::norm(db);
    const auto p = ref::solve_perturbation(A, b, db);
    const double slack = 20.0 * static_cast<double>(n) * u * p.kappa;
    RC_ASSERT(p.relative_change_x <= p.bound * (1 + slack) + slack);
    RC_ASSERT(std::fabs(p.relative_change_b - size) <= 8 * u * size);
}

// ---------------------------------------------------------------- bad input

TEST(ConditioningBadInput, SolvePerturbationChecksItsInput) {
    const Matrix A = {{2.0, 0.0}, {0.0, 1.0}};
    EXPECT_THROW(ref::solve_perturbation(Matrix{{1.0, 2.0}}, Vector{1.0}, Vector{1.0}), dlmath::shape_error);
    EXPECT_THROW(ref::solve_perturbation(A, Vector{1.0, 2.0, 3.0}, Vector{1.0, 2.0}), dlmath::shape_error);
    EXPECT_THROW(ref::solve_perturbation(A, Vector{1.0, 2.0}, Vector{1.0}), dlmath::shape_error);
    EXPECT_THROW(ref::solve_perturbation(A, Vector{1.0, kNaN}, Vector{1.0, 2.0}), dlmath::domain_error);
    EXPECT_EQ(what_of([&] { ref::solve_perturbation(A, Vector{0.0, 0.0}, Vector{1.0, 2.0}); }),
              "solve_perturbation: b must not be zero (b is 2; the relative change ||db|| / ||b|| is undefined)");
    EXPECT_THROW(ref::solve_perturbation(Matrix{{1.0, 1.0}, {1.0, 1.0}}, Vector{1.0, 2.0}, Vector{1.0, 2.0}),
                 dlmath::domain_error);
}
