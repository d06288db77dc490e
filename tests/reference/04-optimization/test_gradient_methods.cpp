// Gradient descent and line searches, reference twin: the worked example
// (one step with the optimal step size makes the directional derivative
// along −g vanish), the properties (every optimal step decreases a convex
// quadratic, the iteration count grows with the condition number, Armijo and
// the strong Wolfe conditions hold at every accepted step, random search never
// ends worse than it started), the stopping reasons (divergence, NaN, a
// curvature that is not positive, a direction that does not descend), and bad
// input for every public function.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "dlmath/reference/optimization.hpp"
#include "prelude.hpp"
#include "quadratics.hpp"

using dlmath::Objective;
using dlmath::OptimizeOptions;
using dlmath::StopReason;

namespace {

// aᵀb
double dot(const Vector& a, const Vector& b) {
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) s += a(i) * b(i);
    return s;
}

// A x
Vector times(const Matrix& A, const Vector& x) {
    Vector y = xt::zeros<double>({A.shape(0)});
    for (std::size_t i = 0; i < A.shape(0); ++i)
        for (std::size_t j = 0; j < x.size(); ++j) y(i) += A(i, j) * x(j);
    return y;
}

// |A| |x|, entrywise absolute values
Vector abs_times(const Matrix& A, const Vector& x) {
    Vector y = xt::zeros<double>({A.shape(0)});
    for (std::size_t i = 0; i < A.shape(0); ++i)
        for (std::size_t j = 0; j < x.size(); ++j) y(i) += std::fabs(A(i, j)) * std::fabs(x(j));
    return y;
}

// f(x) = ½ xᵀAx − bᵀx, ∇f = Ax − b, ∇²f = A
Objective quadratic(const Matrix& A, const Vector& b) {
    Objective f;
    f.dim = b.size();
    f.name = "quadratic";
    f.value = [A, b](const Vector& x) { return 0.5 * dot(x, times(A, x)) - dot(b, x); };
    f.gradient = [A, b](const Vector& x) -> Vector { return times(A, x) - b; };
    f.hessian = [A](const Vector&) { return A; };
    return f;
}

// A = diag(1, κ), b = 0: condition number κ, minimiser 0
Objective diagonal_quadratic(double kappa) {
    return quadratic(Matrix{{1.0, 0.0}, {0.0, kappa}}, Vector{0.0, 0.0});
}

// Himmelblau's function (x² + y − 11)² + (x + y² − 7)²: four minima, a maximum, saddles
Objective himmelblau() {
    Objective f;
    f.dim = 2;
    f.name = "himmelblau";
    f.value = [](const Vector& x) {
        const double a = x(0) * x(0) + x(1) - 11, b = x(0) + x(1) * x(1) - 7;
        return a * a + b * b;
    };
    f.gradient = [](const Vector& x) -> Vector {
        const double a = x(0) * x(0) + x(1) - 11, b = x(0) + x(1) * x(1) - 7;
        return Vector{4 * x(0) * a + 2 * b, 2 * a + 4 * x(1) * b};
    };
    return f;
}

// Options that keep the trajectory of at most `steps` steps
OptimizeOptions recorded(std::size_t steps) {
    OptimizeOptions o;
    o.record = true;
    o.max_iterations = steps;
    return o;
}

// The rounding of f(x) = ½ xᵀAx − bᵀx as evaluated above: each term carries at most γ_{n+2},
// so |fl(f) − f| <= γ_{n+2} (½ |x|ᵀ|A||x| + |b|ᵀ|x|); 2 of these for a difference of two values.
double value_rounding(const Matrix& A, const Vector& b, const Vector& x) {
    const Vector ax = xt::abs(x);
    return gamma_n(x.size() + 2) * (0.5 * dot(ax, abs_times(A, x)) + dot(xt::abs(b), ax));
}

using dlmath::testing::random_quadratic;  // tests/testing/quadratics.hpp

}  // namespace

// ---------------------------------------------------------------- worked example

// ▶ On f = ½ xᵀ diag(1, 10) x from x = (10, 1): g = (10, 10), gᵀg = 200, gᵀHg = 1100, so
// ε* = 2/11 (the division of exact integers: correctly rounded), x − ε*g = (90/11, −9/11) and
// ∇f there = (90/11, −90/11): gᵀ∇f = 900/11 − 900/11 = 0. The computed x1 carries one rounding
// of ε*g and one of the difference, ≤ 2u(|x| + ε*|g|) per entry; gᵀ∇f adds γ_2 |g|ᵀ|A||x1|
// and a product: 4u |g|ᵀ|A|(|x| + ε*|g| + |x1|) bounds it.
TEST(GradientMethodsWorkedExample, OptimalStepMakesTheDirectionalDerivativeVanish) {
    const Matrix A = {{1.0, 0.0}, {0.0, 10.0}};
    const Objective f = diagonal_quadratic(10.0);
    const Vector x = {10.0, 1.0};
    const Vector g = f.gradient(x);
    const double eps = ref::optimal_step(g, A);
    EXPECT_EQ(eps, 2.0 / 11.0);
    const Vector x1 = x - eps * g;
    const double directional = dot(g, f.gradient(x1));
    const double bound = 4 * u * dot(xt::abs(g), abs_times(A, xt::abs(x) + eps * xt::abs(g) + xt::abs(x1)));
    EXPECT_LE(std::fabs(directional), bound);
    EXPECT_NEAR(x1(0), 90.0 / 11.0, 4 * u * 10);
    EXPECT_NEAR(x1(1), -9.0 / 11.0, 4 * u * 10);
    // one step of the optimiser is the same step
    OptimizeOptions o;
    o.max_iterations = 1;
    const auto r = ref::gradient_descent_optimal_step(f, x, o);
    EXPECT_EQ(r.iterations, 1u);
    EXPECT_EQ(r.x(0), x1(0));
    EXPECT_EQ(r.x(1), x1(1));
}

// The same on random quadratics: with ĝ = fl(Ax − b) and ε̂ = fl(ĝᵀĝ / ĝᵀAĝ) (relative error
// γ_{2n+2}), ĝᵀ(A(x − ε̂ĝ) − b) = −θ ĝᵀĝ + ĝᵀAδ with |θ| <= γ_{2n+2} and |δ| <= 2u(|x| + ε̂|ĝ|),
// and its evaluation adds γ_{n+2} |ĝ|ᵀ(|A||x1| + |b|): the bound below holds these with room.
RC_GTEST_PROP(GradientMethodsProperty, OptimalStepIsAnExactLineSearchOnAQuadratic, ()) {
    const auto q = random_quadratic();
    const Objective f = quadratic(q.A, q.b);
    const Vector g = f.gradient(q.x0);
    RC_PRE(dot(g, g) > 0.0);
    const double eps = ref::optimal_step(g, q.A);
    const Vector x1 = q.x0 - eps * g;
    const double n = static_cast<double>(g.size());
    const Vector ag = xt::abs(g);
    const double bound = gamma_n(2 * g.size() + 2) * dot(g, g) +
                         2 * (n + 2) * u *
                             (dot(ag, abs_times(q.A, xt::abs(q.x0) + eps * ag + xt::abs(x1))) + dot(ag, xt::abs(q.b)));
    RC_ASSERT(std::fabs(dot(g, f.gradient(x1))) <= bound);
}

// ---------------------------------------------------------------- properties

// With ε* every step decreases a convex quadratic: the exact decrease is ½ (gᵀg)² / gᵀHg > 0,
// so the computed values may only rise by the rounding of the two evaluations.
RC_GTEST_PROP(GradientMethodsProperty, OptimalStepDecreasesAConvexQuadraticAtEveryStep, ()) {
    const auto q = random_quadratic();
    const Objective f = quadratic(q.A, q.b);
    const auto r = ref::gradient_descent_optimal_step(f, q.x0, recorded(200));
    RC_ASSERT(r.reason != StopReason::curvature_not_positive || r.gradient_norm < 1e-6);
    const auto& t = r.trajectory;
    for (std::size_t k = 1; k < t.x.size(); ++k) {
        const double slack = value_rounding(q.A, q.b, t.x[k]) + value_rounding(q.A, q.b, t.x[k - 1]);
        RC_ASSERT(t.value[k] <= t.value[k - 1] + slack);
    }
    RC_ASSERT(r.value <= f.value(q.x0));
}

// The iteration count grows with κ across the family diag(1, κ): fixed step 1/κ (= 1/λ_max)
// shrinks the slow direction by 1 − 1/κ per step; the optimal step from (κ, 1), the worst start,
// by (κ − 1)/(κ + 1). κ = 1 takes one step in both (the step lands on the minimiser).
TEST(GradientMethodsProperty, IterationCountGrowsWithTheConditionNumber) {
    std::size_t previous_fixed = 0, previous_optimal = 0;
    for (double kappa : {1.0, 4.0, 16.0, 64.0}) {
        const Objective f = diagonal_quadratic(kappa);
        OptimizeOptions o;
        o.max_iterations = 5000;
        const auto fixed = ref::gradient_descent(f, Vector{1.0, 1.0}, 1.0 / kappa, o);
        const auto optimal = ref::gradient_descent_optimal_step(f, Vector{kappa, 1.0}, o);
        EXPECT_EQ(fixed.reason, StopReason::gradient_tolerance) << fixed.message;
        EXPECT_EQ(optimal.reason, StopReason::gradient_tolerance) << optimal.message;
        if (kappa == 1.0) {
            EXPECT_EQ(fixed.iterations, 1u);
            EXPECT_EQ(optimal.iterations, 1u);
        } else {
            EXPECT_GT(fixed.iterations, previous_fixed) << "kappa = " << kappa;
            EXPECT_GT(optimal.iterations, previous_optimal) << "kappa = " << kappa;
        }
        previous_fixed = fixed.iterations;
        previous_optimal = optimal.iterations;
    }
}

// Armijo's sufficient decrease holds at the accepted step, along −g and along a random descent
// direction; the values compared are the search's own, up to the rounding of x + αd (one
// rounding of each entry, which moves f by at most u |∇f|ᵀ|x + αd| to first order, taken twice).
RC_GTEST_PROP(GradientMethodsProperty, BacktrackingMeetsArmijo, ()) {
    const auto q = random_quadratic();
    const Objective f = quadratic(q.A, q.b);
    const Vector g = f.gradient(q.x0);
    Vector d = random<Vector>({g.size()}, *rc::gen::arbitrary<std::uint32_t>());
    if (dot(g, d) > 0) d = -d;
    RC_PRE(dot(g, d) < 0.0);
    const double c1 = *rc::gen::element(1e-4, 0.1, 0.5);
    for (const Vector& dir : {Vector(-g), d}) {
        const auto s = ref::backtracking_line_search(f, q.x0, dir, 1.0, 0.5, c1);
        RC_ASSERT(s.ok);
        const Vector x1 = q.x0 + s.alpha * dir;
        RC_ASSERT(s.value == f.value(x1));
        const double slack = value_rounding(q.A, q.b, x1) + value_rounding(q.A, q.b, q.x0) +
                             2 * u * dot(xt::abs(f.gradient(x1)), xt::abs(x1));
        RC_ASSERT(s.value <= f.value(q.x0) + c1 * s.alpha * dot(g, dir) + slack);
    }
}

// Every accepted step of gradient descent with backtracking meets Armijo along −∇f(x_t):
// f(x_{t+1}) <= f(x_t) + c1 ∇f(x_t)ᵀ(x_{t+1} − x_t), where x_{t+1} − x_t = −α ∇f(x_t) up to the
// rounding of the update (the same slack as above).
RC_GTEST_PROP(GradientMethodsProperty, BacktrackingDescentMeetsArmijoAtEveryStep, ()) {
    const auto q = random_quadratic();
    const Objective f = quadratic(q.A, q.b);
    const double c1 = 1e-4;
    const auto r = ref::gradient_descent_backtracking(f, q.x0, 1.0, 0.5, c1, recorded(100));
    RC_ASSERT(r.reason != StopReason::not_descent);
    const auto& t = r.trajectory;
    for (std::size_t k = 1; k < t.x.size(); ++k) {
        const Vector g = f.gradient(t.x[k - 1]);
        const double slack = value_rounding(q.A, q.b, t.x[k]) + value_rounding(q.A, q.b, t.x[k - 1]) +
                             2 * u * dot(xt::abs(f.gradient(t.x[k])), xt::abs(t.x[k]));
        RC_ASSERT(t.value[k] <= t.value[k - 1] + c1 * dot(g, t.x[k] - t.x[k - 1]) + slack);
    }
}

// The strong Wolfe conditions hold at the accepted step, for random c1 < c2 and random descent
// directions: sufficient decrease (slack as for Armijo) and |∇f(x + αd)ᵀd| <= c2 |∇f(x)ᵀd|,
// checked on the search's own gradient, which must equal ∇f(x + αd).
RC_GTEST_PROP(GradientMethodsProperty, WolfeSearchMeetsTheStrongWolfeConditions, ()) {
    const auto q = random_quadratic();
    const Objective f = quadratic(q.A, q.b);
    const Vector g = f.gradient(q.x0);
    Vector d = random<Vector>({g.size()}, *rc::gen::arbitrary<std::uint32_t>(), 3.0);
    if (dot(g, d) > 0) d = -d;
    RC_PRE(dot(g, d) < 0.0);
    const double c1 = *rc::gen::element(1e-4, 0.01, 0.1);
    const double c2 = *rc::gen::element(0.1, 0.5, 0.9);
    RC_PRE(c1 < c2);
    const auto s = ref::line_search(f, q.x0, d, c1, c2);
    RC_ASSERT(s.ok);
    const Vector x1 = q.x0 + s.alpha * d;
    RC_ASSERT(s.value == f.value(x1));
    const Vector g1 = f.gradient(x1);
    RC_ASSERT(s.gradient == g1);
    const double slack = value_rounding(q.A, q.b, x1) + value_rounding(q.A, q.b, q.x0) +
                         2 * u * dot(xt::abs(g1), xt::abs(x1));
    RC_ASSERT(s.value <= f.value(q.x0) + c1 * s.alpha * dot(g, d) + slack);
    RC_ASSERT(std::fabs(dot(g1, d)) <= c2 * std::fabs(dot(g, d)));
}

// On a non-quadratic (Himmelblau's function from (0, 0) along −∇f = (14, 22), a step of 1 far
// too long) the search brackets, zooms and returns a step meeting both conditions, with its gradient.
TEST(GradientMethodsLineSearch, WolfeOnHimmelblau) {
    const Objective f = himmelblau();
    const Vector x = {0.0, 0.0};
    const Vector g = f.gradient(x);
    const Vector d = -g;
    const auto s = ref::line_search(f, x, d);
    ASSERT_TRUE(s.ok) << s.message;
    const Vector x1 = x + s.alpha * d;
    EXPECT_LE(s.value, f.value(x) + 1e-4 * s.alpha * dot(g, d));
    EXPECT_LE(std::fabs(dot(f.gradient(x1), d)), 0.9 * std::fabs(dot(g, d)));
    EXPECT_LT(s.alpha, 1.0);
    EXPECT_GE(s.evaluations, 2u);
}

// Random search never returns a worse point than its start, and its values never rise.
RC_GTEST_PROP(GradientMethodsProperty, RandomSearchNeverEndsWorseThanItStarted, ()) {
    const Objective f = himmelblau();
    const Vector x0 = random<Vector>({2}, *rc::gen::arbitrary<std::uint32_t>(), 2.0);
    const auto seed = *rc::gen::arbitrary<std::uint64_t>();
    const auto r = ref::random_search(f, x0, 0.5, 10, seed, recorded(50));
    RC_ASSERT(r.value <= f.value(x0));
    for (std::size_t k = 1; k < r.trajectory.value.size(); ++k)
        RC_ASSERT(r.trajectory.value[k] <= r.trajectory.value[k - 1]);
}

// The same seed gives the same run; random search makes progress on a quadratic.
TEST(GradientMethodsRandomSearch, ReproducibleAndImproving) {
    const Objective f = diagonal_quadratic(4.0);
    const Vector x0 = {3.0, -2.0};
    OptimizeOptions o;
    o.max_iterations = 200;
    const auto a = ref::random_search(f, x0, 0.3, 20, 7, o);
    const auto b = ref::random_search(f, x0, 0.3, 20, 7, o);
    EXPECT_EQ(a.value, b.value);
    EXPECT_EQ(a.iterations, b.iterations);
    EXPECT_LT(a.value, 0.1 * f.value(x0));
}

// ---------------------------------------------------------------- stopping reasons

// On diag(1, 10), λ_max = 10: a fixed step above 2/λ_max = 0.2 makes the slow-to-fast direction
// grow by |1 − 10ε| > 1 per step, reported as diverged with the last finite iterate; below it
// the run converges.
TEST(GradientMethodsStopping, TooLargeALearningRateDiverges) {
    const Objective f = diagonal_quadratic(10.0);
    const Vector x0 = {1.0, 1.0};
    const auto big = ref::gradient_descent(f, x0, 0.2 * 1.05, {});
    EXPECT_EQ(big.reason, StopReason::diverged) << big.message;
    EXPECT_FALSE(big.success());
    EXPECT_TRUE(std::isfinite(big.value));
    const auto fine = ref::gradient_descent(f, x0, 0.2 * 0.95, {});
    EXPECT_EQ(fine.reason, StopReason::gradient_tolerance) << fine.message;
    // a step far too large: one step to about -1e101, f about 1e203: still diverged, never NaN
    const auto huge = ref::gradient_descent(f, x0, 1e100, {});
    EXPECT_EQ(huge.reason, StopReason::diverged) << huge.message;
    EXPECT_TRUE(std::isfinite(huge.x(0)) && std::isfinite(huge.x(1)));
}

// An objective returning NaN (here for x₁ < 0, which the first step of 1.5 reaches) stops the
// run with non_finite and the last finite iterate; no exception, no NaN in the result.
TEST(GradientMethodsStopping, NaNObjectiveGivesNonFinite) {
    Objective f = diagonal_quadratic(1.0);
    const auto value = f.value;
    f.value = [value](const Vector& x) { return x(0) < 0 ? std::numeric_limits<double>::quiet_NaN() : value(x); };
    const Vector x0 = {1.0, 1.0};
    const auto r = ref::gradient_descent(f, x0, 1.5, {});
    EXPECT_EQ(r.reason, StopReason::non_finite) << r.message;
    EXPECT_EQ(r.x(0), 1.0);
    EXPECT_TRUE(std::isfinite(r.value));
    const auto s = ref::gradient_descent_backtracking(f, Vector{1.0, 1.0}, 4.0, 0.5, 1e-4, {});
    EXPECT_NE(s.reason, StopReason::non_finite);  // backtracking steps back from NaN
    EXPECT_TRUE(std::isfinite(s.value));
    Objective g = f;
    g.value = [](const Vector&) { return std::numeric_limits<double>::quiet_NaN(); };
    const auto t = ref::backtracking_line_search(g, Vector{1.0, 1.0}, Vector{-1.0, 0.0});
    EXPECT_FALSE(t.ok);
    EXPECT_EQ(t.reason, StopReason::non_finite);
}

// A saddle: H = diag(1, −1), from (1, 2) g = (1, −2) and gᵀHg = 1 − 4 < 0: the optimal step is
// undefined, the run stops with curvature_not_positive and optimal_step throws.
TEST(GradientMethodsStopping, CurvatureNotPositive) {
    const Matrix H = {{1.0, 0.0}, {0.0, -1.0}};
    const Objective f = quadratic(H, Vector{0.0, 0.0});
    const auto r = ref::gradient_descent_optimal_step(f, Vector{1.0, 2.0}, {});
    EXPECT_EQ(r.reason, StopReason::curvature_not_positive) << r.message;
    EXPECT_EQ(r.iterations, 0u);
    EXPECT_THROW(ref::optimal_step(Vector{1.0, -2.0}, H), dlmath::domain_error);
}

// A direction with ∇fᵀd >= 0 is not a descent direction: both searches say so without a step.
TEST(GradientMethodsStopping, NotADescentDirection) {
    const Objective f = diagonal_quadratic(2.0);
    const Vector x = {1.0, 1.0};
    for (const Vector& d : {Vector{1.0, 1.0}, Vector{2.0, -1.0}}) {  // ∇f = (1, 2): slopes 3 and 0
        const auto b = ref::backtracking_line_search(f, x, d);
        EXPECT_FALSE(b.ok);
        EXPECT_EQ(b.reason, StopReason::not_descent) << b.message;
        const auto w = ref::line_search(f, x, d);
        EXPECT_FALSE(w.ok);
        EXPECT_EQ(w.reason, StopReason::not_descent) << w.message;
    }
}

// ---------------------------------------------------------------- bad input

TEST(GradientMethodsBadInput, EveryPublicFunction) {
    const Objective f = diagonal_quadratic(2.0);
    const Vector x = {1.0, 1.0}, d = {-1.0, -1.0}, short_x = {1.0}, nan_x = {kNaN, 1.0};
    const OptimizeOptions o;
    using dlmath::domain_error;
    using dlmath::shape_error;
    // random_search: radius > 0, samples >= 1, the start
    EXPECT_THROW(ref::random_search(f, x, 0.0, 5, 1, o), domain_error);
    EXPECT_THROW(ref::random_search(f, x, -1.0, 5, 1, o), domain_error);
    EXPECT_THROW(ref::random_search(f, x, kInf, 5, 1, o), domain_error);
    EXPECT_THROW(ref::random_search(f, x, 1.0, 0, 1, o), domain_error);
    EXPECT_THROW(ref::random_search(f, short_x, 1.0, 5, 1, o), shape_error);
    EXPECT_THROW(ref::random_search(f, nan_x, 1.0, 5, 1, o), domain_error);
    // gradient_descent: learning_rate > 0 and finite
    for (double lr : {0.0, -0.1, kNaN, kInf}) EXPECT_THROW(ref::gradient_descent(f, x, lr, o), domain_error);
    EXPECT_THROW(ref::gradient_descent(f, short_x, 0.1, o), shape_error);
    EXPECT_THROW(ref::gradient_descent(f, nan_x, 0.1, o), domain_error);
    // optimal_step: H (n, n); gᵀHg > 0 (g = 0 included)
    EXPECT_THROW(ref::optimal_step(x, Matrix{{1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}}), shape_error);
    EXPECT_THROW(ref::optimal_step(Vector{0.0, 0.0}, Matrix{{1.0, 0.0}, {0.0, 1.0}}), domain_error);
    EXPECT_THROW(ref::optimal_step(x, Matrix{{kNaN, 0.0}, {0.0, 1.0}}), domain_error);
    // gradient_descent_optimal_step: a Hessian, of the right shape
    Objective no_hessian = f;
    no_hessian.hessian = nullptr;
    EXPECT_THROW(ref::gradient_descent_optimal_step(no_hessian, x, o), domain_error);
    Objective wrong_hessian = f;
    wrong_hessian.hessian = [](const Vector&) { return Matrix{{1.0}}; };
    EXPECT_THROW(ref::gradient_descent_optimal_step(wrong_hessian, x, o), shape_error);
    EXPECT_THROW(ref::gradient_descent_optimal_step(f, short_x, o), shape_error);
    EXPECT_THROW(ref::gradient_descent_optimal_step(f, nan_x, o), domain_error);
    // backtracking_line_search: alpha0 > 0, rho and c1 in (0, 1), max_steps >= 1, x and d
    EXPECT_THROW(ref::backtracking_line_search(f, x, d, 0.0), domain_error);
    for (double rho : {0.0, 1.0, 1.5, kNaN}) EXPECT_THROW(ref::backtracking_line_search(f, x, d, 1.0, rho), domain_error);
    for (double c1 : {0.0, 1.0, -0.1, kNaN})
        EXPECT_THROW(ref::backtracking_line_search(f, x, d, 1.0, 0.5, c1), domain_error);
    EXPECT_THROW(ref::backtracking_line_search(f, x, d, 1.0, 0.5, 1e-4, 0), domain_error);
    EXPECT_THROW(ref::backtracking_line_search(f, x, short_x), shape_error);
    EXPECT_THROW(ref::backtracking_line_search(f, short_x, d), shape_error);
    EXPECT_THROW(ref::backtracking_line_search(f, nan_x, d), domain_error);
    EXPECT_THROW(ref::backtracking_line_search(f, x, nan_x), domain_error);
    // gradient_descent_backtracking: the same parameters, the start
    EXPECT_THROW(ref::gradient_descent_backtracking(f, x, -1.0, 0.5, 1e-4, o), domain_error);
    EXPECT_THROW(ref::gradient_descent_backtracking(f, x, 1.0, 1.0, 1e-4, o), domain_error);
    EXPECT_THROW(ref::gradient_descent_backtracking(f, x, 1.0, 0.5, 0.0, o), domain_error);
    EXPECT_THROW(ref::gradient_descent_backtracking(f, short_x, 1.0, 0.5, 1e-4, o), shape_error);
    EXPECT_THROW(ref::gradient_descent_backtracking(f, nan_x, 1.0, 0.5, 1e-4, o), domain_error);
    // line_search: 0 < c1 < c2 < 1, 0 < alpha0 <= alpha_max, max_evaluations >= 1, x and d
    EXPECT_THROW(ref::line_search(f, x, d, 0.5, 0.5), domain_error);
    EXPECT_THROW(ref::line_search(f, x, d, 0.9, 0.1), domain_error);
    EXPECT_THROW(ref::line_search(f, x, d, 0.0, 0.9), domain_error);
    EXPECT_THROW(ref::line_search(f, x, d, 1e-4, 1.0), domain_error);
    EXPECT_THROW(ref::line_search(f, x, d, 1e-4, 0.9, 0.0), domain_error);
    EXPECT_THROW(ref::line_search(f, x, d, 1e-4, 0.9, 2.0, 1.0), domain_error);
    EXPECT_THROW(ref::line_search(f, x, d, 1e-4, 0.9, 1.0, 10.0, 0), domain_error);
    EXPECT_THROW(ref::line_search(f, x, short_x), shape_error);
    EXPECT_THROW(ref::line_search(f, nan_x, d), domain_error);
    // the messages name the function and the value
    EXPECT_NE(what_of([&] { ref::gradient_descent(f, x, -0.1, o); }).find("gradient_descent: learning_rate"),
              std::string::npos);
    EXPECT_NE(what_of([&] { ref::line_search(f, x, d, 0.9, 0.1); }).find("0 < c1 < c2 < 1 (got c1 = 0.9"), std::string::npos);
}
