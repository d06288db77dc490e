// Constrained optimisation, reference twin: the worked examples of least
// squares on the unit ball (λ = 0 with the lstsq solution; λ > 0 with
// ‖x‖ = 1), the KKT conditions over random problems, projected gradient
// descent reaching the Lagrangian solution, the projections (inside points
// unchanged bit for bit, idempotent, non-expansive), kkt_check on a hand-made
// problem where every residual is exactly 0 and each violation shows in its
// own residual, and bad input for every public function.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "dlmath/reference/optimization.hpp"
#include "prelude.hpp"

using dlmath::Objective;
using dlmath::OptimizeOptions;
using dlmath::StopReason;
using dlmath::reference::Constraint;
using dlmath::reference::KKTResiduals;

namespace {

double l2(const Vector& v) {
    double s = 0.0;
    for (std::size_t i = 0; i < v.size(); ++i) s += v(i) * v(i);
    return std::sqrt(s);
}

double fro_norm(const Matrix& A) {
    double s = 0.0;
    for (double a : A) s += a * a;
    return std::sqrt(s);
}

// Bitwise equality of two vectors (same length, same bits in every entry).
bool same_bits(const Vector& a, const Vector& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::signbit(a(i)) != std::signbit(b(i)) || !(a(i) == b(i))) return false;
    return true;
}

// A random vector of dimension n with entries N(0, scale²) from RapidCheck's seed.
Vector rc_vector(std::size_t n, double scale) {
    return random<Vector>({n}, *rc::gen::arbitrary<std::uint32_t>(), scale);
}

}  // namespace

// ---------------------------------------------------------------- worked examples

// ▶ A = diag(2, 4), b = (1, 1): the least-squares solution (1/2, 1/4) has norm 0.56 <= 1, so the
// constraint is inactive: λ = 0 and x is lstsq's solution, bit for bit (the same call).
TEST(ConstrainedWorkedExample, FeasibleUnconstrainedSolutionHasZeroMultiplier) {
    const Matrix A = {{2.0, 0.0}, {0.0, 4.0}};
    const Vector b = {1.0, 1.0};
    const auto r = ref::constrained_least_squares(A, b);
    EXPECT_EQ(r.lambda, 0.0);
    EXPECT_EQ(r.bisections, 0u);
    EXPECT_TRUE(same_bits(r.x, ref::lstsq(A, b)));
    // lstsq of a diagonal A: a few roundings in the SVD route, 4 ulp is generous for 1/2 and 1/4
    EXPECT_NEAR(r.x(0), 0.5, 4 * u * 0.5);
    EXPECT_NEAR(r.x(1), 0.25, 4 * u * 0.25);
    EXPECT_EQ(r.kkt.dual_feasibility, 0.0);
    EXPECT_EQ(r.kkt.complementary_slackness, 0.0);
    EXPECT_EQ(r.kkt.primal_feasibility, 0.0);
}

// ▶ A = I, b = (3, 4): x(λ) = b/(1 + 2λ) and ‖x(λ)‖ = 5/(1 + 2λ) = 1 at λ = 2, x = (3/5, 4/5).
// The computed ‖x(λ)‖ carries a few u (the solve and the norm); dλ/d‖x‖ = −(1 + 2λ)²/10 = −2.5
// turns 4u of it into 10u of λ, and x = b/(1 + 2λ) inherits 4u relative from λ and the solve.
TEST(ConstrainedWorkedExample, InfeasibleUnconstrainedSolutionPutsXOnTheSphere) {
    const Matrix A = {{1.0, 0.0}, {0.0, 1.0}};
    const Vector b = {3.0, 4.0};
    const auto r = ref::constrained_least_squares(A, b);
    EXPECT_GT(r.lambda, 0.0);
    EXPECT_NEAR(r.lambda, 2.0, 10 * u);
    EXPECT_NEAR(r.x(0), 0.6, 8 * u * 0.6);
    EXPECT_NEAR(r.x(1), 0.8, 8 * u * 0.8);
    // ‖x‖ = 1 to rounding, and never above 1 as computed (the feasible end of the bracket)
    EXPECT_LE(l2(r.x), 1.0);
    EXPECT_NEAR(l2(r.x), 1.0, 4 * u);
    EXPECT_TRUE(r.kkt.satisfied(1e-14));
}

// b in the null space of Aᵀ: Aᵀb = 0, so x = 0 and λ = 0 exactly.
TEST(ConstrainedLeastSquares, BInTheNullSpaceOfATransposeGivesZero) {
    const Matrix A = {{1.0, 0.0}, {0.0, 1.0}, {0.0, 0.0}};
    const Vector b = {0.0, 0.0, 5.0};
    const auto r = ref::constrained_least_squares(A, b);
    EXPECT_EQ(r.lambda, 0.0);
    EXPECT_EQ(r.x(0), 0.0);
    EXPECT_EQ(r.x(1), 0.0);
    EXPECT_TRUE(r.kkt.satisfied(0.0));
}

// Rank-deficient A = [1 1; 1 1], b = (c, c): the least-squares solutions are x₁ + x₂ = c, the
// minimum-norm one (c/2, c/2). c = 1: norm 0.71 <= 1, λ = 0 and the minimum-norm solution.
// c = 4: (2, 2) has norm 2.83 > 1; AᵀA = 2[1 1; 1 1], Aᵀb = (2c, 2c), so
// x(λ) = (2c/(4 + 2λ)) (1, 1) and ‖x‖ = 1 at 2c√2 = 4 + 2λ: λ = c√2 − 2, x = (1, 1)/√2.
TEST(ConstrainedLeastSquares, RankDeficientAIsHandled) {
    const Matrix A = {{1.0, 1.0}, {1.0, 1.0}};
    const auto inside = ref::constrained_least_squares(A, Vector{1.0, 1.0});
    EXPECT_EQ(inside.lambda, 0.0);
    // lstsq through the SVD of a rank-1 matrix: rounding of order 16u
    EXPECT_NEAR(inside.x(0), 0.5, 16 * u);
    EXPECT_NEAR(inside.x(1), 0.5, 16 * u);
    const auto outside = ref::constrained_least_squares(A, Vector{4.0, 4.0});
    // κ(AᵀA + 2λI) = (4 + 2λ)/(2λ) ≈ 4.4 here: a few tens of u on λ ≈ 3.66
    EXPECT_NEAR(outside.lambda, 4.0 * std::sqrt(2.0) - 2.0, 64 * u * 4);
    EXPECT_NEAR(outside.x(0), 1.0 / std::sqrt(2.0), 64 * u);
    EXPECT_NEAR(outside.x(1), 1.0 / std::sqrt(2.0), 64 * u);
    EXPECT_TRUE(outside.kkt.satisfied(1e-13));
}

// Over random A ~ (m, n), m >= n, and b of three scales (so that the constraint is active in
// some cases and not in others), every KKT condition holds within its rounding bound:
// - stationarity ‖Aᵀ(Ax − b) + 2λx‖: x comes from a backward-stable solve (lstsq's SVD, or LU
//   of AᵀA + 2λI, both with backward errors of order (m + n) u), and the residual is formed
//   with γ_{m+n} rounding, so 16 (m + n)² u (‖A‖_F² ‖x‖ + ‖A‖_F ‖b‖ + 2λ‖x‖) bounds it;
// - primal feasibility xᵀx − 1 <= (n + 2)u: ‖x‖ <= 1 as norm2 computes it, and xᵀx by a plain
//   sum differs from ‖x‖² by γ_{n+1};
// - dual feasibility: λ >= 0 by construction, exactly;
// - complementary slackness λ|xᵀx − 1|: the bracket ends at adjacent doubles (one ulp of λ moves
//   ‖x‖ by 2u) and the computed ‖x(λ)‖ differs from the true one by the solve's forward error,
//   16 n u κ(AᵀA + 2λI), so λ · 64 (n + 1) u (κ + 1) bounds it.
RC_GTEST_PROP(ConstrainedProperty, LeastSquaresOnTheUnitBallSatisfiesKKT, ()) {
    const std::size_t n = static_cast<std::size_t>(*rc::gen::inRange(1, 5));
    const std::size_t m = n + static_cast<std::size_t>(*rc::gen::inRange(0, 4));
    const double scale = std::pow(10.0, *rc::gen::inRange(-1, 2));
    const Matrix A = random<Matrix>({m, n}, *rc::gen::arbitrary<std::uint32_t>());
    const Vector b = rc_vector(m, scale);
    RC_PRE(ref::cond(A) < 1e6);  // the bounds below are for a numerically full-rank A
    const auto r = ref::constrained_least_squares(A, b);
    RC_CLASSIFY(r.lambda > 0.0, "constraint active");
    const double nA = fro_norm(A), nx = l2(r.x), nb = l2(b);
    const double mn = static_cast<double>(m + n);
    RC_ASSERT(r.kkt.stationarity <= 16 * mn * mn * u * (nA * nA * nx + nA * nb + 2 * r.lambda * nx));
    RC_ASSERT(r.kkt.primal_feasibility <= (n + 2) * u);
    RC_ASSERT(r.kkt.dual_feasibility == 0.0);
    Matrix M = ref::matmul(ref::transpose(A), A);
    for (std::size_t i = 0; i < n; ++i) M(i, i) += 2 * r.lambda;
    const double kappa = ref::cond(M);
    RC_ASSERT(r.kkt.complementary_slackness <= r.lambda * 64 * (n + 1) * u * (kappa + 1));
    // and the two cases are told apart by the unconstrained solution's norm
    const double n_ls = l2(ref::lstsq(A, b));
    if (n_ls <= 1.0 - 1e-12) RC_ASSERT(r.lambda == 0.0);
    if (n_ls >= 1.0 + 1e-12) RC_ASSERT(r.lambda > 0.0);
}

// ---------------------------------------------------------------- projected gradient descent

// On the figure's problem (A = [[2, ½], [½, 1]], b = (3, 2): lstsq's solution has norm 2.4),
// projected gradient descent on the unit disc reaches the Lagrangian solution. Both are within
// rounding of the true minimiser; the run stops when the projected-gradient step is <= 1e-12,
// and f is strongly convex with μ = λ_min(AᵀA) = 0.63, so the distance to the minimiser is at
// most 1e-12/μ·(1 + εL) < 1e-11; 1e-10 leaves room for the rounding of both.
TEST(ProjectedGradientDescent, ReachesTheConstrainedLeastSquaresSolutionOnTheBall) {
    const Matrix A = {{2.0, 0.5}, {0.5, 1.0}};
    const Vector b = {3.0, 2.0};
    const auto exact = ref::constrained_least_squares(A, b);
    ASSERT_GT(exact.lambda, 0.0);
    OptimizeOptions o;
    o.max_iterations = 2000;
    o.gradient_tolerance = 1e-12;
    const auto r = ref::projected_gradient_descent(ref::least_squares(A, b), Vector{-1.5, 1.5}, 0.2,
                                                   [](const Vector& x) {
                                                       return ref::project_ball(x, Vector{0.0, 0.0}, 1.0);
                                                   },
                                                   o);
    EXPECT_EQ(r.reason, StopReason::gradient_tolerance) << r.message;
    EXPECT_LE(l2(r.x - exact.x), 1e-10);
    EXPECT_LE(l2(r.x), 1.0);
    // ∇f does not vanish at the constrained minimum: it is −2λx
    EXPECT_NEAR(r.gradient_norm, 2 * exact.lambda, 1e-9);
}

// On a box: f = ½‖x − b‖² with b = (3, −0.5) on [−1, 1]² has the minimiser clip(b) = (1, −0.5).
// With ε = 1 one step lands on it exactly (x − (x − b) = b, then the clip), and the next
// projected-gradient step is exactly 0.
TEST(ProjectedGradientDescent, ReachesTheClippedPointOnABox) {
    const Matrix I = {{1.0, 0.0}, {0.0, 1.0}};
    const Vector b = {3.0, -0.5};
    const Vector lower = {-1.0, -1.0}, upper = {1.0, 1.0};
    OptimizeOptions o;
    o.gradient_tolerance = 0.0;
    const auto r = ref::projected_gradient_descent(
        ref::least_squares(I, b), Vector{0.0, 0.0}, 1.0,
        [&](const Vector& x) { return ref::project_box(x, lower, upper); }, o);
    EXPECT_EQ(r.reason, StopReason::gradient_tolerance) << r.message;
    EXPECT_EQ(r.iterations, 1u);
    EXPECT_EQ(r.x(0), 1.0);
    EXPECT_EQ(r.x(1), -0.5);
}

// The start is projected first, so every iterate is feasible; without a constraint (the identity
// as projection) the iterates are gradient descent's, bit for bit.
TEST(ProjectedGradientDescent, StartIsProjectedAndIdentityIsGradientDescent) {
    const Matrix A = {{2.0, 0.5}, {0.5, 1.0}};
    const Vector b = {3.0, 2.0};
    const Objective f = ref::least_squares(A, b);
    OptimizeOptions o;
    o.record = true;
    o.max_iterations = 20;
    const auto r = ref::projected_gradient_descent(
        f, Vector{5.0, 0.0}, 0.2, [](const Vector& x) { return ref::project_ball(x, Vector{0.0, 0.0}, 1.0); }, o);
    EXPECT_EQ(r.trajectory.x.front()(0), 1.0);
    // every iterate is inside the ball as the projection measures it: projecting it changes nothing
    for (const Vector& x : r.trajectory.x)
        EXPECT_TRUE(same_bits(ref::project_ball(x, Vector{0.0, 0.0}, 1.0), x));
    const auto free = ref::projected_gradient_descent(f, Vector{5.0, 0.0}, 0.2, [](const Vector& x) { return x; }, o);
    const auto gd = ref::gradient_descent(f, Vector{5.0, 0.0}, 0.2, o);
    ASSERT_EQ(free.trajectory.x.size(), gd.trajectory.x.size());
    for (std::size_t t = 0; t < gd.trajectory.x.size(); ++t) EXPECT_TRUE(same_bits(free.trajectory.x[t], gd.trajectory.x[t]));
}

// ---------------------------------------------------------------- projections

// Inside (or on) the ball: the very same bits come back. Outside: on the sphere to rounding, inside
// as computed, and projecting again changes nothing (exactly). Non-expansive:
// ‖P(x) − P(y)‖ <= ‖x − y‖, up to the rounding of both projections, 8 (n + 2) u (‖x − c‖ + ‖y − c‖ + r).
RC_GTEST_PROP(ProjectionProperty, BallProjectionIsIdempotentNonExpansiveAndKeepsInsidePoints, ()) {
    const std::size_t n = static_cast<std::size_t>(*rc::gen::inRange(1, 6));
    const double r = std::pow(2.0, *rc::gen::inRange(-3, 4));
    const Vector c = rc_vector(n, 1.0), x = c + rc_vector(n, 2 * r), y = c + rc_vector(n, 2 * r);
    const Vector px = ref::project_ball(x, c, r), py = ref::project_ball(y, c, r);
    RC_ASSERT(same_bits(ref::project_ball(px, c, r), px));
    if (l2(x - c) < r * (1 - 8 * u)) RC_ASSERT(same_bits(px, x));
    const double slack = 8 * (n + 2) * u * (l2(x - c) + l2(y - c) + r);
    RC_ASSERT(l2(px - py) <= l2(x - y) + slack);
    // and a point inside, built by shrinking towards c, comes back bit for bit
    const Vector inside = c + (0.5 * r / (l2(x - c) + r)) * (x - c);
    RC_ASSERT(same_bits(ref::project_ball(inside, c, r), inside));
}

// The clip: inside points unchanged, P(P(x)) = P(x) exactly, and non-expansive exactly (each
// coordinate's clip is a monotone 1-Lipschitz map computed without rounding).
RC_GTEST_PROP(ProjectionProperty, BoxProjectionIsIdempotentNonExpansiveAndKeepsInsidePoints, ()) {
    const std::size_t n = static_cast<std::size_t>(*rc::gen::inRange(1, 6));
    const Vector a = rc_vector(n, 1.0), w = xt::abs(rc_vector(n, 1.0));
    const Vector lower = a, upper = a + w;
    const Vector x = rc_vector(n, 2.0), y = rc_vector(n, 2.0);
    const Vector px = ref::project_box(x, lower, upper), py = ref::project_box(y, lower, upper);
    RC_ASSERT(same_bits(ref::project_box(px, lower, upper), px));
    for (std::size_t i = 0; i < n; ++i) {
        RC_ASSERT(lower(i) <= px(i) && px(i) <= upper(i));
        RC_ASSERT(std::fabs(px(i) - py(i)) <= std::fabs(x(i) - y(i)));
        if (lower(i) <= x(i) && x(i) <= upper(i)) RC_ASSERT(px(i) == x(i));
    }
}

TEST(Projection, InsidePointsAreReturnedBitForBit) {
    const Vector c = {0.1, -0.3};
    const Vector x = {0.1 + 0.2, -0.3 - 0.1};  // well inside the ball of radius 1
    EXPECT_TRUE(same_bits(ref::project_ball(x, c, 1.0), x));
    EXPECT_TRUE(same_bits(ref::project_ball(c, c, 1e-300), c));
    const Vector on = {1.0, 0.0};
    EXPECT_TRUE(same_bits(ref::project_ball(on, Vector{0.0, 0.0}, 1.0), on));
    EXPECT_TRUE(same_bits(ref::project_box(x, Vector{-kInf, -kInf}, Vector{kInf, kInf}), x));
    const Vector far = {3.0, 4.0};
    const Vector p = ref::project_ball(far, Vector{0.0, 0.0}, 1.0);
    EXPECT_NEAR(p(0), 0.6, 2 * u);
    EXPECT_NEAR(p(1), 0.8, 2 * u);
}

// ---------------------------------------------------------------- kkt_check

namespace {

// min (x₁ − 2)² + (x₂ − 2)² s.t. g(x) = x₁ + x₂ − 2 = 0, h₁(x) = x₁ − ½ <= 0, h₂(x) = −x₂ − 10 <= 0.
// On the line the unconstrained point (1, 1) violates h₁, so x* = (½, 3/2) with ∇f = (−3, −1):
// ∇f + λ∇g + α₁∇h₁ = (−3 + λ + α₁, −1 + λ) = 0 gives λ = 1, α₁ = 2; h₂ is inactive, α₂ = 0.
// Every number is a small dyadic rational: each residual is computed exactly.
struct Example {
    Objective f;
    std::vector<Constraint> eq, ineq;
};

Example kkt_example() {
    Example e;
    e.f.dim = 2;
    e.f.value = [](const Vector& x) { return (x(0) - 2) * (x(0) - 2) + (x(1) - 2) * (x(1) - 2); };
    e.f.gradient = [](const Vector& x) -> Vector { return Vector{2 * (x(0) - 2), 2 * (x(1) - 2)}; };
    e.eq.push_back({[](const Vector& x) { return x(0) + x(1) - 2; }, [](const Vector&) { return Vector{1.0, 1.0}; },
                    "x1 + x2 = 2"});
    e.ineq.push_back({[](const Vector& x) { return x(0) - 0.5; }, [](const Vector&) { return Vector{1.0, 0.0}; },
                      "x1 <= 1/2"});
    e.ineq.push_back({[](const Vector& x) { return -x(1) - 10; }, [](const Vector&) { return Vector{0.0, -1.0}; },
                      "x2 >= -10"});
    return e;
}

}  // namespace

TEST(KKTCheck, ResidualsAreExactlyZeroAtTheSolution) {
    const Example e = kkt_example();
    const KKTResiduals r = ref::kkt_check(e.f, e.eq, e.ineq, Vector{0.5, 1.5}, Vector{1.0}, Vector{2.0, 0.0});
    EXPECT_EQ(r.stationarity, 0.0);
    EXPECT_EQ(r.primal_feasibility, 0.0);
    EXPECT_EQ(r.dual_feasibility, 0.0);
    EXPECT_EQ(r.complementary_slackness, 0.0);
    EXPECT_TRUE(r.satisfied(0.0));
}

// Each violation shows in its own residual, the others staying exactly 0.
TEST(KKTCheck, EachViolatedConditionIsDetectedSeparately) {
    const Example e = kkt_example();
    // a wrong λ: stationarity only, ‖(0.5, 0.5)‖
    KKTResiduals r = ref::kkt_check(e.f, e.eq, e.ineq, Vector{0.5, 1.5}, Vector{1.5}, Vector{2.0, 0.0});
    EXPECT_EQ(r.stationarity, std::sqrt(0.5));
    EXPECT_EQ(r.primal_feasibility + r.dual_feasibility + r.complementary_slackness, 0.0);
    EXPECT_FALSE(r.satisfied(0.1));
    // off the line (g = ¼) with multipliers that make the Lagrangian stationary there: primal only
    r = ref::kkt_check(e.f, e.eq, e.ineq, Vector{0.5, 1.75}, Vector{0.5}, Vector{2.5, 0.0});
    EXPECT_EQ(r.primal_feasibility, 0.25);
    EXPECT_EQ(r.stationarity + r.dual_feasibility + r.complementary_slackness, 0.0);
    // h₁ violated (x₁ = 1 > ½) on the line at (1, 1), the unconstrained point: λ = 2, α = 0
    r = ref::kkt_check(e.f, e.eq, e.ineq, Vector{1.0, 1.0}, Vector{2.0}, Vector{0.0, 0.0});
    EXPECT_EQ(r.primal_feasibility, 0.5);
    EXPECT_EQ(r.stationarity + r.dual_feasibility + r.complementary_slackness, 0.0);
    // the constraint written the other way round, ½ − x₁ <= 0: its multiplier must be −2, a
    // dual-feasibility residual of 2 (not an exception)
    Example flipped = kkt_example();
    flipped.ineq[0] = {[](const Vector& x) { return 0.5 - x(0); }, [](const Vector&) { return Vector{-1.0, 0.0}; },
                       "x1 >= 1/2"};
    r = ref::kkt_check(flipped.f, flipped.eq, flipped.ineq, Vector{0.5, 1.5}, Vector{1.0}, Vector{-2.0, 0.0});
    EXPECT_EQ(r.dual_feasibility, 2.0);
    EXPECT_EQ(r.stationarity + r.primal_feasibility + r.complementary_slackness, 0.0);
    // a multiplier on the inactive h₂ (h₂ = −11.5): slackness only, |1 · (−11.5)|
    r = ref::kkt_check(e.f, e.eq, e.ineq, Vector{0.5, 1.5}, Vector{2.0}, Vector{1.0, 1.0});
    EXPECT_EQ(r.complementary_slackness, 11.5);
    EXPECT_EQ(r.stationarity + r.primal_feasibility + r.dual_feasibility, 0.0);
}

// Without constraints the stationarity residual is ‖∇f‖.
TEST(KKTCheck, WithoutConstraintsStationarityIsTheGradientNorm) {
    const Example e = kkt_example();
    const KKTResiduals r = ref::kkt_check(e.f, {}, {}, Vector{2.0, 5.0}, Vector{}, Vector{});
    EXPECT_EQ(r.stationarity, 6.0);
    EXPECT_TRUE(r.satisfied(6.0));
    EXPECT_FALSE(r.satisfied(5.9));
}

// KKT is necessary, not sufficient, without convexity: f(x) = −x² on −1 <= x <= 1 (h₁ = x − 1,
// h₂ = −1 − x) has a KKT point at x = 0 with α = 0 — the maximum, not a minimum.
TEST(KKTCheck, KKTPointOfANonConvexProblemNeedNotBeAMinimum) {
    Objective f;
    f.dim = 1;
    f.value = [](const Vector& x) { return -x(0) * x(0); };
    f.gradient = [](const Vector& x) -> Vector { return Vector{-2 * x(0)}; };
    const std::vector<Constraint> ineq = {
        {[](const Vector& x) { return x(0) - 1; }, [](const Vector&) { return Vector{1.0}; }, "x <= 1"},
        {[](const Vector& x) { return -1 - x(0); }, [](const Vector&) { return Vector{-1.0}; }, "x >= -1"}};
    EXPECT_TRUE(ref::kkt_check(f, {}, ineq, Vector{0.0}, Vector{}, Vector{0.0, 0.0}).satisfied(0.0));
    EXPECT_GT(f.value(Vector{0.0}), f.value(Vector{1.0}));
    // the true minima x = ±1 are KKT points too, with α = 2 on the active side
    EXPECT_TRUE(ref::kkt_check(f, {}, ineq, Vector{1.0}, Vector{}, Vector{2.0, 0.0}).satisfied(0.0));
}

// ---------------------------------------------------------------- bad input

TEST(ConstrainedBadInput, ProjectionsRejectBadInput) {
    using dlmath::domain_error;
    using dlmath::shape_error;
    const Vector x = {1.0, 2.0}, c = {0.0, 0.0};
    for (double r : {0.0, -1.0, kNaN, kInf}) EXPECT_THROW(ref::project_ball(x, c, r), domain_error);
    EXPECT_THROW(ref::project_ball(x, Vector{0.0}, 1.0), shape_error);
    EXPECT_THROW(ref::project_ball(Vector{kNaN, 0.0}, c, 1.0), domain_error);
    EXPECT_THROW(ref::project_ball(x, Vector{0.0, kInf}, 1.0), domain_error);
    EXPECT_NE(what_of([&] { ref::project_ball(x, c, -1.0); }).find("project_ball: radius"), std::string::npos);
    EXPECT_THROW(ref::project_box(x, Vector{0.0, 3.0}, Vector{1.0, 2.0}), domain_error);  // lower > upper
    EXPECT_NE(what_of([&] { ref::project_box(x, Vector{0.0, 3.0}, Vector{1.0, 2.0}); }).find("lower[1] = 3"),
              std::string::npos);
    EXPECT_THROW(ref::project_box(x, Vector{0.0}, Vector{1.0, 2.0}), shape_error);
    EXPECT_THROW(ref::project_box(x, Vector{0.0, 0.0}, Vector{1.0}), shape_error);
    EXPECT_THROW(ref::project_box(Vector{kInf, 0.0}, c, Vector{1.0, 1.0}), domain_error);
    EXPECT_THROW(ref::project_box(x, Vector{kNaN, 0.0}, Vector{1.0, 1.0}), domain_error);
}

TEST(ConstrainedBadInput, ProjectedGradientDescentRejectsBadInput) {
    using dlmath::domain_error;
    using dlmath::shape_error;
    const Objective f = ref::least_squares(Matrix{{1.0, 0.0}, {0.0, 1.0}}, Vector{1.0, 1.0});
    const ref::Projection ball = [](const Vector& x) { return ref::project_ball(x, Vector{0.0, 0.0}, 1.0); };
    const Vector x = {0.0, 0.0};
    for (double lr : {0.0, -0.1, kNaN, kInf})
        EXPECT_THROW(ref::projected_gradient_descent(f, x, lr, ball), domain_error);
    EXPECT_THROW(ref::projected_gradient_descent(f, x, 0.1, ref::Projection{}), domain_error);
    EXPECT_THROW(ref::projected_gradient_descent(f, Vector{0.0}, 0.1, ball), shape_error);
    EXPECT_THROW(ref::projected_gradient_descent(f, Vector{kNaN, 0.0}, 0.1, ball), domain_error);
    EXPECT_THROW(ref::projected_gradient_descent(f, x, 0.1, [](const Vector&) { return Vector{0.0}; }), shape_error);
    EXPECT_THROW(ref::projected_gradient_descent(f, x, 0.1, [](const Vector&) { return Vector{kNaN, 0.0}; }),
                 domain_error);
}

TEST(ConstrainedBadInput, KKTCheckRejectsBadInputButReportsNegativeMultipliers) {
    using dlmath::domain_error;
    using dlmath::shape_error;
    const Example e = kkt_example();
    const Vector x = {0.5, 1.5};
    EXPECT_THROW(ref::kkt_check(e.f, e.eq, e.ineq, Vector{0.5}, Vector{1.0}, Vector{2.0, 0.0}), shape_error);
    EXPECT_THROW(ref::kkt_check(e.f, e.eq, e.ineq, x, Vector{}, Vector{2.0, 0.0}), shape_error);
    EXPECT_THROW(ref::kkt_check(e.f, e.eq, e.ineq, x, Vector{1.0}, Vector{2.0}), shape_error);
    EXPECT_THROW(ref::kkt_check(e.f, e.eq, e.ineq, Vector{kNaN, 1.5}, Vector{1.0}, Vector{2.0, 0.0}), domain_error);
    EXPECT_THROW(ref::kkt_check(e.f, e.eq, e.ineq, x, Vector{kInf}, Vector{2.0, 0.0}), domain_error);
    EXPECT_THROW(ref::kkt_check(e.f, e.eq, e.ineq, x, Vector{1.0}, Vector{kNaN, 0.0}), domain_error);
    Example no_gradient = kkt_example();
    no_gradient.ineq[1].gradient = nullptr;
    EXPECT_THROW(ref::kkt_check(no_gradient.f, no_gradient.eq, no_gradient.ineq, x, Vector{1.0}, Vector{2.0, 0.0}),
                 domain_error);
    Example wrong_length = kkt_example();
    wrong_length.eq[0].gradient = [](const Vector&) { return Vector{1.0}; };
    EXPECT_THROW(ref::kkt_check(wrong_length.f, wrong_length.eq, wrong_length.ineq, x, Vector{1.0}, Vector{2.0, 0.0}),
                 shape_error);
    // a negative multiplier is a violated condition, not bad input
    EXPECT_EQ(ref::kkt_check(e.f, e.eq, e.ineq, x, Vector{1.0}, Vector{2.0, -3.0}).dual_feasibility, 3.0);
}

TEST(ConstrainedBadInput, ConstrainedLeastSquaresRejectsBadInput) {
    using dlmath::domain_error;
    using dlmath::shape_error;
    const Matrix A = {{1.0, 0.0}, {0.0, 1.0}};
    EXPECT_THROW(ref::constrained_least_squares(A, Vector{1.0}), shape_error);
    EXPECT_THROW(ref::constrained_least_squares(Matrix::from_shape({0, 2}), Vector::from_shape({0})), shape_error);
    EXPECT_THROW(ref::constrained_least_squares(Matrix{{kNaN, 0.0}, {0.0, 1.0}}, Vector{1.0, 1.0}), domain_error);
    EXPECT_THROW(ref::constrained_least_squares(A, Vector{1.0, kInf}), domain_error);
    EXPECT_NE(what_of([&] { ref::constrained_least_squares(A, Vector{1.0}); }).find("constrained_least_squares"),
              std::string::npos);
}
