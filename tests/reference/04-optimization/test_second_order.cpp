// Newton's method and quasi-Newton methods, reference twin: the worked
// example (one Newton step reaches a quadratic's minimiser, also on random
// SPD quadratics within a bound from cond(A) u), BFGS and L-BFGS reach the
// minimisers of Rosenbrock's and Beale's functions, the strong Wolfe
// conditions hold at every accepted BFGS step, L-BFGS with a memory longer
// than the run is BFGS, the counts include the line search's evaluations,
// the stopping reasons (a Hessian that is not positive definite or singular,
// a NaN), and bad input for every public function.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dlmath/reference/linear_algebra.hpp"
#include "dlmath/reference/optimization.hpp"
#include "prelude.hpp"
#include "quadratics.hpp"

using dlmath::Objective;
using dlmath::OptimizeOptions;
using dlmath::OptimizeResult;
using dlmath::StopReason;

namespace {

using ref::dot;  // chapter 1's, tested there

double length(const Vector& v) { return std::sqrt(dot(v, v)); }

OptimizeOptions options(std::size_t steps, double gtol = 1e-8, bool record = false) {
    OptimizeOptions o;
    o.max_iterations = steps;
    o.gradient_tolerance = gtol;
    o.record = record;
    return o;
}

using dlmath::testing::random_quadratic;  // tests/testing/quadratics.hpp

// Near a minimiser x* with positive definite Hessian, ‖x − x*‖ ≤ ‖∇f(x)‖ / λ_min(H) to first
// order; twice that covers the second-order term where ‖∇f‖ is as small as the tolerances here.
double distance_bound(const Objective& f, const Vector& x_star, double gradient_norm) {
    const double lambda_min = ref::eigh(f.hessian(x_star)).eigenvalues(0);
    return 2.0 * gradient_norm / lambda_min;
}

using Method = std::function<OptimizeResult(const Objective&, const Vector&, const OptimizeOptions&)>;
std::vector<std::pair<std::string, Method>> quasi_newton() {
    return {{"bfgs", [](const Objective& f, const Vector& x0, const OptimizeOptions& o) { return ref::bfgs(f, x0, o); }},
            {"lbfgs", [](const Objective& f, const Vector& x0, const OptimizeOptions& o) {
                 return ref::lbfgs(f, x0, 5, o);
             }}};
}

}  // namespace

// ---------------------------------------------------------------- worked example

// ▶ One Newton step on f = ½ xᵀAx − bᵀx, A = [[4, 1], [1, 3]], b = (1, 2), from (5, −3):
// x* = (1/11, 7/11). g = Ax0 − b carries ≤ γ₃(|A||x0| + |b|) ≤ 69u per entry, LU's backward
// error and that error magnified by ‖A⁻¹‖ ≈ 0.36 and cond(A) ≈ 1.9 move d (size ≤ 6) by < 100u,
// and x0 + d adds a rounding of a number ≤ 5: 200u bounds the error (as the tour prints).
TEST(SecondOrderWorkedExample, OneNewtonStepOnAQuadratic) {
    const Objective f = ref::quadratic(Matrix{{4.0, 1.0}, {1.0, 3.0}}, Vector{1.0, 2.0});
    const OptimizeResult r = ref::newton(f, Vector{5.0, -3.0});
    EXPECT_EQ(r.iterations, 1u);
    EXPECT_EQ(r.reason, StopReason::gradient_tolerance) << r.message;
    EXPECT_NEAR(r.x(0), 1.0 / 11.0, 200 * u);
    EXPECT_NEAR(r.x(1), 7.0 / 11.0, 200 * u);
}

// The same on random SPD quadratics. The computed step solves (A + ΔA) d̂ = −ĝ with
// |ĝ − g| ≤ γ_{n+1}(|A||x0| + |b|) and |ΔA| ≤ γ_{3n}|L||U|, so
// ‖d̂ − d‖ ≤ ‖A⁻¹‖(‖ĝ − g‖ + ‖ΔA‖‖d‖) ≲ cond(A) γ_{3n+1} n (‖x0‖ + ‖x*‖) — the factor n covers
// |A| against ‖A‖₂ (√n) and the growth of LU on an SPD matrix — and the reference x* = solve(A, b)
// carries the same kind of error; 4 covers the two solves and the final rounding of x0 + d̂.
RC_GTEST_PROP(SecondOrderProperty, OneNewtonStepReachesTheMinimiserOfAnSPDQuadratic, ()) {
    const auto q = random_quadratic();
    const Objective f = ref::quadratic(q.A, q.b);
    const Vector x_star = ref::quadratic_minimizer(q.A, q.b);
    const OptimizeResult r = ref::newton(f, q.x0, options(1, 0.0));
    RC_ASSERT(r.iterations == 1u);
    const double n = static_cast<double>(q.b.size());
    const double bound =
        4.0 * ref::cond(q.A) * n * gamma_n(3 * q.b.size() + 1) * (length(q.x0) + length(x_star));
    RC_ASSERT(length(Vector(r.x - x_star)) <= bound);
}

// ---------------------------------------------------------------- convergence

// BFGS and L-BFGS reach Rosenbrock's minimiser (1, …, 1) for n = 2 (from SciPy's (−1.2, 1)) and
// n = 5 (from 0), and Beale's (3, 0.5) from (1, 1), within the bound from the gradient norm.
TEST(SecondOrderConvergence, RosenbrockAndBeale) {
    struct Problem {
        Objective f;
        Vector x0, x_star;
    };
    const std::vector<Problem> problems = {
        {ref::rosenbrock(2), Vector{-1.2, 1.0}, Vector{1.0, 1.0}},
        {ref::rosenbrock(5), Vector{0.0, 0.0, 0.0, 0.0, 0.0}, Vector{1.0, 1.0, 1.0, 1.0, 1.0}},
        {ref::beale(), Vector{1.0, 1.0}, Vector{3.0, 0.5}},
    };
    for (const auto& [name, method] : quasi_newton()) {
        for (const Problem& p : problems) {
            SCOPED_TRACE(name + " on " + p.f.name);
            const OptimizeResult r = method(p.f, p.x0, options(2000, 1e-9));
            ASSERT_EQ(r.reason, StopReason::gradient_tolerance) << r.message;
            EXPECT_LE(length(Vector(r.x - p.x_star)), distance_bound(p.f, p.x_star, r.gradient_norm));
            EXPECT_LT(r.iterations, 200u);
        }
    }
}

// Newton converges quadratically near the minimiser: from (0.9, 0.8) on Rosenbrock the gradient
// norm falls below 1e-10 within 6 steps, and every step's error is at most a constant times the
// square of the last (the constant below from ‖H⁻¹‖‖∇³f‖ ≈ 10² · 10³ near (1, 1), with room).
TEST(SecondOrderConvergence, NewtonIsQuadraticNearTheMinimiser) {
    const Objective f = ref::rosenbrock(2);
    const OptimizeResult r = ref::newton(f, Vector{0.9, 0.8}, options(6, 1e-10, true));
    ASSERT_TRUE(r.success()) << r.message;
    const Vector x_star = {1.0, 1.0};
    const auto& xs = r.trajectory.x;
    for (std::size_t t = 1; t < xs.size(); ++t) {
        const double e0 = length(Vector(xs[t - 1] - x_star)), e1 = length(Vector(xs[t] - x_star));
        EXPECT_LE(e1, 1e5 * e0 * e0 + 1e-15) << "step " << t;
    }
}

// ---------------------------------------------------------------- properties of BFGS

// The strong Wolfe conditions (c1 = 1e-4, c2 = 0.9) hold at every accepted step, checked on the
// recorded iterates with s = x_{t+1} − x_t = α d: f(x_{t+1}) ≤ f(x_t) + c1 ∇f(x_t)ᵀs and
// |∇f(x_{t+1})ᵀs| ≤ c2 |∇f(x_t)ᵀs|. The line search tested them with α∇fᵀd; s differs from αd
// by the rounding of x_{t+1} (u|x_{t+1}| per entry), and the dot products by γ_n, whence the slack.
TEST(SecondOrderProperty, WolfeConditionsHoldAtEveryBfgsStep) {
    for (const Objective& f : {ref::rosenbrock(2), ref::beale(), ref::rosenbrock(4)}) {
        SCOPED_TRACE(f.name);
        Vector x0 = xt::zeros<double>({f.dim});
        x0(0) = -1.2;
        const OptimizeResult r = ref::bfgs(f, x0, options(500, 1e-9, true));
        ASSERT_TRUE(r.success()) << r.message;
        const auto& xs = r.trajectory.x;
        const auto& fs = r.trajectory.value;
        ASSERT_GE(xs.size(), 3u);
        for (std::size_t t = 0; t + 1 < xs.size(); ++t) {
            const Vector s = xs[t + 1] - xs[t];
            const Vector g0 = f.gradient(xs[t]), g1 = f.gradient(xs[t + 1]);
            const auto slack = [&](const Vector& g) {
                const double n = static_cast<double>(f.dim);
                return 2.0 * (n + 1.0) * u * dot(xt::abs(g), Vector(xt::abs(xs[t + 1]) + xt::abs(s)));
            };
            EXPECT_LE(fs[t + 1], fs[t] + 1e-4 * dot(g0, s) + slack(g0)) << "step " << t + 1;
            EXPECT_LE(std::fabs(dot(g1, s)), 0.9 * std::fabs(dot(g0, s)) + slack(g1) + slack(g0)) << "step " << t + 1;
        }
    }
}

// With a memory at least the number of steps, L-BFGS keeps every pair and scales H_0 by the
// first pair's sᵀy / yᵀy, as BFGS does: the same method. The two compute H_t g in different
// orders (dense update against two-loop recursion), so the iterates differ by rounding magnified
// by the conditioning of H_t (κ ≤ 10² here) over at most 12 steps: 1e-9 relative holds with room.
TEST(SecondOrderProperty, LbfgsWithLongMemoryIsBfgs) {
    const Matrix A = dlmath::testing::spd_matrix(dlmath::testing::geometric_spectrum(5, 100.0), 11);
    const Vector b = random<Vector>({5}, 12);
    const Objective f = ref::quadratic(A, b);
    const Vector x0 = random<Vector>({5}, 13, 10.0);
    const OptimizeResult dense = ref::bfgs(f, x0, options(12, 1e-12, true));
    const OptimizeResult limited = ref::lbfgs(f, x0, 50, options(12, 1e-12, true));
    ASSERT_EQ(dense.iterations, limited.iterations);
    ASSERT_GE(dense.iterations, 3u);
    for (std::size_t t = 0; t < dense.trajectory.x.size(); ++t) {
        const Vector& a = dense.trajectory.x[t];
        EXPECT_LE(length(Vector(a - limited.trajectory.x[t])), 1e-9 * (1.0 + length(a))) << "step " << t;
    }
    // a memory of one pair is a different method: the test above can tell them apart
    const OptimizeResult short_memory = ref::lbfgs(f, x0, 1, options(12, 1e-12, true));
    EXPECT_GT(length(Vector(short_memory.trajectory.x[3] - dense.trajectory.x[3])), 1e-6);
}

// The result's counts are the calls of the objective, the line search's included.
TEST(SecondOrderProperty, CountsIncludeTheLineSearch) {
    auto calls = std::make_shared<std::size_t>(0), gradient_calls = std::make_shared<std::size_t>(0);
    const Objective base = ref::rosenbrock(2);
    Objective f = base;
    f.value = [base, calls](const Vector& x) { ++*calls; return base.value(x); };
    f.gradient = [base, gradient_calls](const Vector& x) { ++*gradient_calls; return base.gradient(x); };
    for (const auto& [name, method] : quasi_newton()) {
        SCOPED_TRACE(name);
        *calls = *gradient_calls = 0;
        const OptimizeResult r = method(f, Vector{-1.2, 1.0}, options(100));
        EXPECT_EQ(r.evaluations, *calls);
        EXPECT_EQ(r.gradient_evaluations, *gradient_calls);
        EXPECT_GT(r.evaluations, r.iterations);
    }
}

// ---------------------------------------------------------------- stopping reasons

// f = x² − y² from (1, 1): H = diag(2, −2), d = (−1, −1), ∇fᵀd = 0: not_descent, no step, no NaN.
TEST(SecondOrderStop, NewtonAtASaddleIsNotDescent) {
    Objective f;
    f.dim = 2;
    f.name = "saddle";
    f.value = [](const Vector& x) { return x(0) * x(0) - x(1) * x(1); };
    f.gradient = [](const Vector& x) { return Vector{2.0 * x(0), -2.0 * x(1)}; };
    f.hessian = [](const Vector&) { return Matrix{{2.0, 0.0}, {0.0, -2.0}}; };
    const OptimizeResult r = ref::newton(f, Vector{1.0, 1.0});
    EXPECT_EQ(r.reason, StopReason::not_descent) << r.message;
    EXPECT_EQ(r.iterations, 0u);
    EXPECT_EQ(r.x(0), 1.0);
    EXPECT_EQ(r.x(1), 1.0);
    EXPECT_NE(r.message.find("newton:"), std::string::npos) << r.message;
}

// Near Himmelblau's local maximum (−0.2708, −0.9230) the Hessian is negative definite, so the
// Newton direction d = −H⁻¹∇f climbs: ∇fᵀd = −∇fᵀH⁻¹∇f > 0. Newton would converge to the maximum;
// it stops instead.
TEST(SecondOrderStop, NewtonNearAMaximumIsNotDescent) {
    const Objective f = ref::himmelblau();
    const OptimizeResult r = ref::newton(f, Vector{-0.2, -0.9});
    EXPECT_EQ(r.reason, StopReason::not_descent) << r.message;
    EXPECT_EQ(r.iterations, 0u);
    EXPECT_TRUE(std::isfinite(r.value));
}

// f = x⁴ + y² at (0, 1): ∇f = (0, 2), H = diag(0, 2) is singular: curvature_not_positive.
TEST(SecondOrderStop, NewtonWithASingularHessian) {
    Objective f;
    f.dim = 2;
    f.value = [](const Vector& x) { return std::pow(x(0), 4) + x(1) * x(1); };
    f.gradient = [](const Vector& x) { return Vector{4.0 * std::pow(x(0), 3), 2.0 * x(1)}; };
    f.hessian = [](const Vector& x) { return Matrix{{12.0 * x(0) * x(0), 0.0}, {0.0, 2.0}}; };
    const OptimizeResult r = ref::newton(f, Vector{0.0, 1.0});
    EXPECT_EQ(r.reason, StopReason::curvature_not_positive) << r.message;
    EXPECT_NE(r.message.find("singular"), std::string::npos) << r.message;
    EXPECT_EQ(r.iterations, 0u);
}

// NaN from the objective stops every method with non_finite and keeps the last finite iterate.
// Newton steps from (1, 1) straight to the minimiser 0, where the value is NaN. The line search
// of BFGS and L-BFGS treats a NaN value at a trial step as a step too long and backs off, so the
// NaN that must stop them is a gradient's: NaN where x₁ < 0.5, finite values everywhere. The
// first trial from (1, 1) along −∇f is (−1, −1), with no sufficient decrease; zoom then tries
// the interpolated step 0.5, the point (0, 0), where the gradient is NaN.
// A Hessian with a NaN entry stops Newton the same way.
TEST(SecondOrderStop, NaNIsNonFinite) {
    const Objective base = ref::quadratic(Matrix{{2.0, 0.0}, {0.0, 1.0}}, Vector{0.0, 0.0});
    const Vector x0 = {1.0, 1.0};
    Objective nan_value = base;
    nan_value.value = [base](const Vector& x) { return x(0) < 0.5 ? kNaN : base.value(x); };
    const OptimizeResult r = ref::newton(nan_value, x0);
    EXPECT_EQ(r.reason, StopReason::non_finite) << r.message;
    EXPECT_EQ(r.x(0), 1.0);
    Objective nan_gradient = base;
    nan_gradient.gradient = [base](const Vector& x) {
        return x(0) < 0.5 ? Vector{kNaN, kNaN} : base.gradient(x);
    };
    for (const auto& q : {ref::bfgs(nan_gradient, x0), ref::lbfgs(nan_gradient, x0)}) {
        EXPECT_EQ(q.reason, StopReason::non_finite) << q.message;
        EXPECT_TRUE(std::isfinite(q.value)) << q.message;
        EXPECT_EQ(q.x(0), 1.0) << q.message;
    }
    Objective nan_hessian = base;
    nan_hessian.hessian = [](const Vector&) { return Matrix{{kNaN, 0.0}, {0.0, 1.0}}; };
    const OptimizeResult h = ref::newton(nan_hessian, x0);
    EXPECT_EQ(h.reason, StopReason::non_finite) << h.message;
    EXPECT_EQ(h.iterations, 0u);
}

// ---------------------------------------------------------------- bad input

namespace {
template <class F>
void expect_error_named(F&& f, const std::string& function, const std::string& words) {
    const std::string what = what_of(f);
    EXPECT_EQ(what.rfind(function + ":", 0), 0u) << what;
    EXPECT_NE(what.find(words), std::string::npos) << what;
}
}  // namespace

TEST(SecondOrderBadInput, NewtonNeedsAHessianOfTheRightShape) {
    Objective f = ref::rosenbrock(2);
    Objective no_hessian = f;
    no_hessian.hessian = nullptr;
    EXPECT_THROW(ref::newton(no_hessian, Vector{0.0, 0.0}), dlmath::domain_error);
    expect_error_named([&] { ref::newton(no_hessian, Vector{0.0, 0.0}); }, "newton", "Hessian");
    Objective wrong_shape = f;
    wrong_shape.hessian = [](const Vector&) { return Matrix{{1.0, 0.0, 0.0}}; };
    EXPECT_THROW(ref::newton(wrong_shape, Vector{0.0, 0.0}), dlmath::shape_error);
    expect_error_named([&] { ref::newton(wrong_shape, Vector{0.0, 0.0}); }, "newton", "(1, 3)");
}

TEST(SecondOrderBadInput, LbfgsMemory) {
    EXPECT_THROW(ref::lbfgs(ref::rosenbrock(2), Vector{0.0, 0.0}, 0), dlmath::domain_error);
    expect_error_named([&] { ref::lbfgs(ref::rosenbrock(2), Vector{0.0, 0.0}, 0); }, "lbfgs", "memory");
}

// The shared checks, each named by the function: a start of the wrong length, a non-finite start,
// an objective without a gradient, bad options.
TEST(SecondOrderBadInput, StartObjectiveAndOptions) {
    const Objective f = ref::rosenbrock(2);
    Objective no_gradient = f;
    no_gradient.gradient = nullptr;
    OptimizeOptions bad;
    bad.max_iterations = 0;
    std::vector<std::pair<std::string, Method>> methods = quasi_newton();
    methods.emplace_back("newton", [](const Objective& g, const Vector& x0, const OptimizeOptions& o) {
        return ref::newton(g, x0, o);
    });
    for (const auto& [name, method] : methods) {
        SCOPED_TRACE(name);
        EXPECT_THROW(method(f, Vector{1.0, 1.0, 1.0}, {}), dlmath::shape_error);
        expect_error_named([&] { method(f, Vector{1.0}, {}); }, name, "entries");
        EXPECT_THROW(method(f, Vector{1.0, kNaN}, {}), dlmath::domain_error);
        expect_error_named([&] { method(f, Vector{1.0, kNaN}, {}); }, name, "finite");
        expect_error_named([&] { method(no_gradient, Vector{1.0, 1.0}, {}); }, name, "gradient");
        expect_error_named([&] { method(f, Vector{1.0, 1.0}, bad); }, name, "max_iterations");
    }
}
