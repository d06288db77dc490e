// Momentum and adaptive methods, reference twin: the worked examples (the
// unrolled momentum identity on recorded iterates; λ = 0 is gradient descent
// bitwise), Nesterov's look-ahead step by hand, Adam's bias correction and
// its invariance to the scale of the gradient, AdamW's decoupled decay,
// convergence on a well-conditioned quadratic, momentum against gradient
// descent at κ = 100, the stopping reasons (non_finite, diverged), and bad
// input for every public function.

#include <cmath>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dlmath/detail/composites/optimization.hpp"
#include "dlmath/reference/optimization.hpp"
#include "prelude.hpp"

using dlmath::Objective;
using dlmath::OptimizeOptions;
using dlmath::OptimizeResult;
using dlmath::StopReason;

namespace {

// f(x) = ½ (x − c)ᵀ diag(1, κ) (x − c): minimiser c, condition number κ.
Objective quadratic(double kappa, double c1 = 0.0, double c2 = 0.0) {
    Objective f;
    f.dim = 2;
    f.name = "quadratic";
    f.value = [=](const Vector& x) {
        return 0.5 * ((x(0) - c1) * (x(0) - c1) + kappa * (x(1) - c2) * (x(1) - c2));
    };
    f.gradient = [=](const Vector& x) { return Vector{x(0) - c1, kappa * (x(1) - c2)}; };
    return f;
}

// The exercise function f(x) = sin(x₁)cos(x₂) + sin(½x₁)cos(½x₂) and its gradient by hand.
Objective exercise() {
    Objective f;
    f.dim = 2;
    f.name = "exercise";
    f.value = [](const Vector& x) {
        return std::sin(x(0)) * std::cos(x(1)) + std::sin(0.5 * x(0)) * std::cos(0.5 * x(1));
    };
    f.gradient = [](const Vector& x) {
        return Vector{std::cos(x(0)) * std::cos(x(1)) + 0.5 * std::cos(0.5 * x(0)) * std::cos(0.5 * x(1)),
                      -std::sin(x(0)) * std::sin(x(1)) - 0.5 * std::sin(0.5 * x(0)) * std::sin(0.5 * x(1))};
    };
    return f;
}

// f scaled by c: value c f, gradient c ∇f.
Objective scaled(const Objective& f, double c) {
    Objective g = f;
    g.value = [f, c](const Vector& x) { return c * f.value(x); };
    g.gradient = [f, c](const Vector& x) { return Vector(c * f.gradient(x)); };
    return g;
}

// Plain gradient descent x_t = x_{t−1} − η∇f(x_{t−1}) on the shared Run, written here so that
// the λ = 0 test does not depend on another section.
OptimizeResult gradient_descent(const Objective& f, const Vector& x0, double eta, const OptimizeOptions& o) {
    dlmath::detail::Run run("gradient_descent", f, x0, o);
    while (run.going()) run.step_to(Vector(run.x() - eta * run.gradient()));
    return run.result();
}

void expect_same_run(const OptimizeResult& a, const OptimizeResult& b) {
    ASSERT_EQ(a.trajectory.x.size(), b.trajectory.x.size());
    for (std::size_t t = 0; t < a.trajectory.x.size(); ++t) {
        EXPECT_EQ(a.trajectory.x[t](0), b.trajectory.x[t](0)) << "t = " << t;
        EXPECT_EQ(a.trajectory.x[t](1), b.trajectory.x[t](1)) << "t = " << t;
    }
    EXPECT_EQ(a.iterations, b.iterations);
    EXPECT_EQ(a.reason, b.reason);
    EXPECT_EQ(a.x(0), b.x(0));
    EXPECT_EQ(a.x(1), b.x(1));
}

double max_abs2(const Vector& v) { return std::fmax(std::fabs(v(0)), std::fabs(v(1))); }

// The unrolled identity g_t = −η∇f(x_{t−1}) − λη∇f(x_{t−2}) + λ²g_{t−2} on the recorded iterates,
// with g_t read as x_t − x_{t−1}. Bound: x_t = fl(x_{t−1} + g_t) puts u|x_t| between the stored
// g_t and x_t − x_{t−1}, whose subtraction adds u|x_t − x_{t−1}|; the stored g_t carries γ₂ of
// η|∇f(x_{t−1})| + λ|g_{t−1}|; the right-hand side is evaluated with about five roundings. So
// 8u times the sum of the magnitudes involved (|x_{t−3..t}|, the three terms, |g_{t−1}|) covers it.
void expect_unrolled_identity(const Objective& f, const OptimizeResult& r, double eta, double lambda) {
    const auto& x = r.trajectory.x;
    ASSERT_GE(x.size(), 4u);
    for (std::size_t t = 3; t < x.size(); ++t) {
        const Vector gt = x[t] - x[t - 1], gt1 = x[t - 1] - x[t - 2], gt2 = x[t - 2] - x[t - 3];
        const Vector a = -eta * f.gradient(x[t - 1]), b = -lambda * eta * f.gradient(x[t - 2]);
        const Vector c = lambda * lambda * gt2;
        for (std::size_t i = 0; i < 2; ++i) {
            const double magnitude = std::fabs(x[t](i)) + std::fabs(x[t - 1](i)) + std::fabs(x[t - 2](i)) +
                                     std::fabs(x[t - 3](i)) + std::fabs(a(i)) + std::fabs(b(i)) + std::fabs(c(i)) +
                                     std::fabs(gt1(i));
            EXPECT_NEAR(gt(i), a(i) + b(i) + c(i), 8 * u * magnitude) << "t = " << t << ", i = " << i;
        }
    }
}

}  // namespace

// ---------------------------------------------------------------- worked examples

// ▶ The unrolled momentum identity, on f = ½(x₁² + 10x₂²) from (1, 1) with η = 0.05, λ = 0.9.
TEST(MomentumWorkedExample, UnrolledIdentityHoldsOnRecordedIterates) {
    const Objective f = quadratic(10.0);
    OptimizeOptions o;
    o.max_iterations = 30;
    o.record = true;
    const OptimizeResult r = ref::momentum(f, Vector{1.0, 1.0}, 0.05, 0.9, o);
    EXPECT_EQ(r.iterations, 30u);
    expect_unrolled_identity(f, r, 0.05, 0.9);
}

// The identity on the exercise function, from random starts, steps and momenta.
RC_GTEST_PROP(MomentumProperty, UnrolledIdentityHoldsOnTheExerciseFunction, ()) {
    const double eta = *rc::gen::inRange(1, 200) / 1000.0, lambda = *rc::gen::inRange(0, 95) / 100.0;
    const Vector x0 = {*rc::gen::inRange(0, 1000) / 100.0, *rc::gen::inRange(0, 1000) / 100.0};
    OptimizeOptions o;
    o.max_iterations = 20;
    o.gradient_tolerance = 0.0;
    o.record = true;
    const Objective f = exercise();
    const OptimizeResult r = ref::momentum(f, x0, eta, lambda, o);
    RC_PRE(r.trajectory.x.size() >= 4u);
    expect_unrolled_identity(f, r, eta, lambda);
}

// ▶ λ = 0 is gradient descent, bitwise: every iterate, the count and the reason.
TEST(MomentumWorkedExample, LambdaZeroIsGradientDescentBitwise) {
    OptimizeOptions o;
    o.max_iterations = 200;
    o.gradient_tolerance = 1e-10;
    o.record = true;
    expect_same_run(ref::momentum(quadratic(10.0), Vector{1.0, 1.0}, 0.05, 0.0, o),
                    gradient_descent(quadratic(10.0), Vector{1.0, 1.0}, 0.05, o));
    expect_same_run(ref::momentum(exercise(), Vector{2.5, 7.0}, 0.1, 0.0, o),
                    gradient_descent(exercise(), Vector{2.5, 7.0}, 0.1, o));
    // Nesterov's look-ahead point is x itself when λ = 0
    expect_same_run(ref::nesterov(exercise(), Vector{6.0, 2.0}, 0.1, 0.0, o),
                    gradient_descent(exercise(), Vector{6.0, 2.0}, 0.1, o));
}

RC_GTEST_PROP(MomentumProperty, LambdaZeroIsGradientDescentBitwise, ()) {
    const double eta = *rc::gen::inRange(1, 500) / 1000.0;
    const Vector x0 = {*rc::gen::inRange(0, 1000) / 100.0, *rc::gen::inRange(0, 1000) / 100.0};
    OptimizeOptions o;
    o.max_iterations = 50;
    o.record = true;
    const OptimizeResult a = ref::momentum(exercise(), x0, eta, 0.0, o), b = gradient_descent(exercise(), x0, eta, o);
    RC_ASSERT(a.trajectory.x.size() == b.trajectory.x.size());
    for (std::size_t t = 0; t < a.trajectory.x.size(); ++t) {
        RC_ASSERT(a.trajectory.x[t](0) == b.trajectory.x[t](0));
        RC_ASSERT(a.trajectory.x[t](1) == b.trajectory.x[t](1));
    }
}

// ---------------------------------------------------------------- Nesterov

// Two steps by hand on f = ½‖x‖² (∇f = x) from (1, 2), η = ¼, λ = ½; every number is dyadic, so
// exact: g₁ = (−¼, −½), x₁ = (¾, 3/2); look-ahead x₁ + λg₁ = (5/8, 5/4); g₂ = −¼(5/8, 5/4) + ½g₁ =
// (−9/32, −9/16), x₂ = (15/32, 15/16). Momentum would take the gradient at x₁: x₂ = (7/16, 7/8).
TEST(Nesterov, TakesTheGradientAtTheLookAheadPoint) {
    OptimizeOptions o;
    o.max_iterations = 2;
    const OptimizeResult r = ref::nesterov(quadratic(1.0), Vector{1.0, 2.0}, 0.25, 0.5, o);
    EXPECT_EQ(r.x(0), 15.0 / 32.0);
    EXPECT_EQ(r.x(1), 15.0 / 16.0);
    // gradients: x₀, x₁, the look-ahead point, x₂ (the first step's look-ahead point is x₀)
    EXPECT_EQ(r.gradient_evaluations, 4u);
    const OptimizeResult m = ref::momentum(quadratic(1.0), Vector{1.0, 2.0}, 0.25, 0.5, o);
    EXPECT_EQ(m.x(0), 7.0 / 16.0);
    EXPECT_EQ(m.x(1), 7.0 / 8.0);
}

// ---------------------------------------------------------------- Adam

namespace {
// Adam with η = 0.05 and ε = 1e-300 (negligible) on c·f, f = ½(x − (1, −2))ᵀdiag(1, 10)(x − (1, −2)),
// from (4, 3) for `steps` steps, recorded.
OptimizeResult adam_on_scaled_quadratic(double c, std::size_t steps) {
    ref::AdamParameters p;
    p.learning_rate = 0.05;
    p.eps = 1e-300;
    OptimizeOptions o;
    o.max_iterations = steps;
    o.gradient_tolerance = 0.0;
    o.record = true;
    return ref::adam(scaled(quadratic(10.0, 1.0, -2.0), c), Vector{4.0, 3.0}, p, o);
}
}  // namespace

// Adam's steps do not change when the gradient is scaled by c = 2^k: every operation on the
// scaled m, v, m̂, v̂ is the unscaled one times a power of 2, exact (no overflow or underflow
// here), √(c² v̂) = c √v̂ exactly, and ε = 1e-300 is below half an ulp of c√v̂ (v̂ averages the
// squared gradients of about 1000 steps, the first of size 3 to 50, so c√v̂ stays far above
// 1e-280), so c√v̂ + ε rounds to c√v̂ and the quotient is the unscaled one: bitwise equal.
TEST(Adam, StepsAreInvariantToScalingTheGradientByAPowerOfTwo) {
    const OptimizeResult base = adam_on_scaled_quadratic(1.0, 200);
    for (const double c : {0x1p-20, 0x1p-3, 0x1p5, 0x1p30}) {
        SCOPED_TRACE(c);
        expect_same_run(adam_on_scaled_quadratic(c, 200), base);
    }
}

// With c = 3 the roundings differ: the first step is −η m̂/(√v̂ + ε) = −η g/(|g| + ε) in exact
// arithmetic for any c (ε = 1e-300 negligible); each side's computed quotient is within about
// 8u of ±1, so the first iterates agree within 8u η + 2u|x₁|.
TEST(Adam, FirstStepIsInvariantToScalingTheGradientByThree) {
    const OptimizeResult a = adam_on_scaled_quadratic(1.0, 1), b = adam_on_scaled_quadratic(3.0, 1);
    for (std::size_t i = 0; i < 2; ++i) EXPECT_NEAR(a.x(i), b.x(i), 8 * u * 0.05 + 2 * u * std::fabs(a.x(i)));
}

// "Up to its ε": with gradients far below ε the first step η|g|/(|g| + ε) shrinks with them.
// Here |g| = 2^-40 (about 9e-13) per coordinate against ε = 1e-8: the step is η · 9.09e-5.
TEST(Adam, EpsilonDampsStepsWhenTheGradientIsTiny) {
    const Objective f = scaled(quadratic(1.0), 0x1p-40);
    ref::AdamParameters p;  // ε = 1e-8
    p.learning_rate = 0.1;
    OptimizeOptions o;
    o.max_iterations = 1;
    o.gradient_tolerance = 0.0;
    const OptimizeResult r = ref::adam(f, Vector{1.0, 1.0}, p, o);
    const double g = 0x1p-40, expected = 0.1 * g / (g + 1e-8);
    // the step is 1 − x₁, which cancels: u over 1 dominates the step's own few roundings
    EXPECT_NEAR(1.0 - r.x(0), expected, 4 * u);
    EXPECT_LT(1.0 - r.x(0), 1e-3 * p.learning_rate);
}

// Adam's first step with bias correction is −η g/(|g| + ε): about η per coordinate (here g =
// (3, 50) and ε = 1e-8, so within η(ε/|g| + 8u) + u|x₁|). Without the correction it would be
// −η (1 − β₁) g / (√(1 − β₂) |g| + ε) ≈ 3.16 η: an Adam written without m̂ and v̂, run here, differs
// from the library's in each of its first steps by more than η/10.
TEST(Adam, BiasCorrectionShapesTheFirstSteps) {
    const Objective f = quadratic(10.0, 1.0, -2.0);
    const Vector x0 = {4.0, 3.0};
    ref::AdamParameters p;
    p.learning_rate = 0.1;
    OptimizeOptions o;
    o.max_iterations = 5;
    o.gradient_tolerance = 0.0;
    o.record = true;
    const OptimizeResult r = ref::adam(f, x0, p, o);
    ASSERT_EQ(r.trajectory.x.size(), 6u);
    const Vector& x1 = r.trajectory.x[1];
    EXPECT_NEAR(x1(0), 4.0 - 0.1, 0.1 * (1e-8 / 3.0 + 8 * u) + u * 4.0);
    EXPECT_NEAR(x1(1), 3.0 - 0.1, 0.1 * (1e-8 / 50.0 + 8 * u) + u * 3.0);

    // the uncorrected rule, step for step
    Vector x = x0, m = xt::zeros<double>({2}), v = xt::zeros<double>({2});
    for (std::size_t t = 1; t <= 5; ++t) {
        const Vector g = f.gradient(x);
        m = p.beta1 * m + (1.0 - p.beta1) * g;
        v = p.beta2 * v + (1.0 - p.beta2) * g * g;
        x = x - p.learning_rate * m / (xt::sqrt(v) + p.eps);
        EXPECT_GT(max_abs2(Vector(x - r.trajectory.x[t])), p.learning_rate / 10) << "t = " << t;
    }
}

// AdamW with w = 0 is Adam bitwise (the factor 1 − η·0 is exactly 1); with w > 0 its first
// iterate is Adam's less ηw x₀ (PyTorch's decoupled rule: the decay is scaled by η and does not
// enter m or v), within the roundings of (1 − ηw)x₀ and of the subtraction: 4u|x₀|.
TEST(Adamw, DecaysTheWeightsApartFromTheMoments) {
    const Objective f = quadratic(10.0, 1.0, -2.0);
    const Vector x0 = {4.0, 3.0};
    OptimizeOptions o;
    o.max_iterations = 50;
    o.record = true;
    ref::AdamParameters a;
    a.learning_rate = 0.05;
    ref::AdamwParameters w;
    w.learning_rate = 0.05;
    w.weight_decay = 0.0;
    expect_same_run(ref::adamw(f, x0, w, o), ref::adam(f, x0, a, o));

    w.weight_decay = 0.1;
    o.max_iterations = 1;
    const OptimizeResult decayed = ref::adamw(f, x0, w, o), plain = ref::adam(f, x0, a, o);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_NEAR(plain.x(i) - decayed.x(i), 0.05 * 0.1 * x0(i), 4 * u * std::fabs(x0(i)));
    }
}

// ---------------------------------------------------------------- convergence

// Each method reaches the minimiser c = (1, −2) of f = ½(x − c)ᵀdiag(1, 2)(x − c) from (4, 3):
// ‖∇f‖ ≤ 1e-8, so ‖x − c‖ ≤ ‖∇f‖/λ_min = 1e-8. Adam and RMSProp divide by √v, which decays
// slower than the gradient, so near the minimiser their effective step grows: they hover at a
// level set by ε and the decay; 1e-6 is their tolerance here, with ‖x − c‖ ≤ 1e-6.
TEST(MomentumConvergence, EveryMethodReachesTheMinimiserOfAWellConditionedQuadratic) {
    const Objective f = quadratic(2.0, 1.0, -2.0);
    const Vector x0 = {4.0, 3.0};
    OptimizeOptions o;
    o.max_iterations = 3000;
    o.gradient_tolerance = 1e-8;
    OptimizeOptions loose = o;
    loose.gradient_tolerance = 1e-6;
    ref::AdagradParameters ag;
    ag.learning_rate = 1.0;
    ref::RmspropParameters rp;
    rp.learning_rate = 0.01;
    ref::AdamParameters ad;
    ad.learning_rate = 0.05;
    ref::AdamwParameters aw;
    aw.learning_rate = 0.05;
    aw.weight_decay = 0.0;
    const std::vector<std::pair<std::string, OptimizeResult>> runs = {
        {"momentum", ref::momentum(f, x0, 0.3, 0.5, o)},
        {"nesterov", ref::nesterov(f, x0, 0.3, 0.5, o)},
        {"adagrad", ref::adagrad(f, x0, ag, o)},
        {"rmsprop", ref::rmsprop(f, x0, rp, loose)},
        {"adam", ref::adam(f, x0, ad, loose)},
        {"adamw", ref::adamw(f, x0, aw, loose)},
    };
    for (const auto& [name, r] : runs) {
        SCOPED_TRACE(name);
        EXPECT_EQ(r.reason, StopReason::gradient_tolerance) << r.message;
        const double tol = name == "rmsprop" || name == "adam" || name == "adamw" ? 1e-6 : 1e-8;
        EXPECT_LE(std::hypot(r.x(0) - 1.0, r.x(1) + 2.0), tol);
    }
}

// On f = ½(x₁² + 100x₂²) (μ = 1, L = 100) gradient descent with its best step 2/(L + μ) contracts
// by (κ − 1)/(κ + 1) = 0.98 per step; momentum with η = 4/(√L + √μ)², λ = ((√κ − 1)/(√κ + 1))²
// by about √λ = 9/11. From (1, 1) to ‖∇f‖ ≤ 1e-8: about 1150 steps against about 150.
TEST(MomentumConvergence, MomentumBeatsGradientDescentAtKappa100) {
    const Objective f = quadratic(100.0);
    OptimizeOptions o;
    o.max_iterations = 3000;
    const OptimizeResult gd = ref::momentum(f, Vector{1.0, 1.0}, 2.0 / 101.0, 0.0, o);
    const OptimizeResult heavy = ref::momentum(f, Vector{1.0, 1.0}, 4.0 / 121.0, 81.0 / 121.0, o);
    ASSERT_EQ(gd.reason, StopReason::gradient_tolerance);
    ASSERT_EQ(heavy.reason, StopReason::gradient_tolerance);
    EXPECT_LT(5 * heavy.iterations, gd.iterations);
}

// ---------------------------------------------------------------- stopping reasons

namespace {
// An objective that is finite at the start and NaN after: the first call of value and gradient
// (the start) is finite.
Objective nan_after_start() {
    Objective f = quadratic(1.0);
    auto calls = std::make_shared<int>(0);
    const auto value = f.value;
    f.value = [value, calls](const Vector& x) { return (*calls)++ == 0 ? value(x) : std::nan(""); };
    return f;
}

using Method = std::function<OptimizeResult(const Objective&, const Vector&, double, const OptimizeOptions&)>;
std::vector<std::pair<std::string, Method>> methods() {
    return {
        {"momentum", [](const Objective& f, const Vector& x, double eta,
                        const OptimizeOptions& o) { return ref::momentum(f, x, eta, 0.5, o); }},
        {"nesterov", [](const Objective& f, const Vector& x, double eta,
                        const OptimizeOptions& o) { return ref::nesterov(f, x, eta, 0.5, o); }},
        {"adagrad",
         [](const Objective& f, const Vector& x, double eta, const OptimizeOptions& o) {
             return ref::adagrad(f, x, ref::AdagradParameters{eta}, o);
         }},
        {"rmsprop",
         [](const Objective& f, const Vector& x, double eta, const OptimizeOptions& o) {
             return ref::rmsprop(f, x, ref::RmspropParameters{eta}, o);
         }},
        {"adam",
         [](const Objective& f, const Vector& x, double eta, const OptimizeOptions& o) {
             return ref::adam(f, x, ref::AdamParameters{eta}, o);
         }},
        {"adamw",
         [](const Objective& f, const Vector& x, double eta, const OptimizeOptions& o) {
             return ref::adamw(f, x, ref::AdamwParameters{eta}, o);
         }},
    };
}
}  // namespace

TEST(MomentumStopping, NanObjectiveStopsWithNonFinite) {
    for (const auto& [name, method] : methods()) {
        SCOPED_TRACE(name);
        const OptimizeResult r = method(nan_after_start(), Vector{1.0, 2.0}, 0.1, OptimizeOptions{});
        EXPECT_EQ(r.reason, StopReason::non_finite);
        EXPECT_EQ(r.iterations, 1u);
        EXPECT_EQ(r.x(0), 1.0);  // the last finite iterate: the start
        EXPECT_EQ(r.x(1), 2.0);
        EXPECT_NE(r.message.find(name), std::string::npos) << r.message;
    }
}

// A learning rate of 1e12 throws x to about 1e12 on the first step (Adam's first step is about
// η per coordinate too), f to about 1e24, past f(x₀) + 1e10 (1 + |f(x₀)|).
TEST(MomentumStopping, TooLargeAStepIsReportedAsDiverged) {
    for (const auto& [name, method] : methods()) {
        SCOPED_TRACE(name);
        const OptimizeResult r = method(quadratic(1.0), Vector{1.0, 2.0}, 1e12, OptimizeOptions{});
        EXPECT_EQ(r.reason, StopReason::diverged) << r.message;
        EXPECT_TRUE(std::isfinite(r.value));
    }
}

// ---------------------------------------------------------------- bad input

namespace {
template <class F>
void expect_domain_error(F&& f, const std::string& function, const std::string& words) {
    EXPECT_THROW(f(), dlmath::domain_error);
    const std::string what = what_of(f);
    EXPECT_EQ(what.rfind(function + ":", 0), 0u) << what;
    EXPECT_NE(what.find(words), std::string::npos) << what;
}
}  // namespace

TEST(MomentumBadInput, MomentumAndNesterov) {
    const Objective f = quadratic(1.0);
    const Vector x0 = {1.0, 1.0};
    for (const double eta : {0.0, -0.1, kNaN, kInf}) {
        expect_domain_error([&] { ref::momentum(f, x0, eta, 0.5); }, "momentum", "learning_rate");
        expect_domain_error([&] { ref::nesterov(f, x0, eta, 0.5); }, "nesterov", "learning_rate");
    }
    for (const double lambda : {1.0, -0.1, 1.5, kNaN}) {
        expect_domain_error([&] { ref::momentum(f, x0, 0.1, lambda); }, "momentum", "momentum must lie in [0, 1)");
        expect_domain_error([&] { ref::nesterov(f, x0, 0.1, lambda); }, "nesterov", "momentum must lie in [0, 1)");
    }
}

TEST(MomentumBadInput, AdaptiveHyperParameters) {
    const Objective f = quadratic(1.0);
    const Vector x0 = {1.0, 1.0};
    expect_domain_error([&] { ref::adagrad(f, x0, {0.0}); }, "adagrad", "learning_rate");
    expect_domain_error([&] { ref::adagrad(f, x0, {0.1, 0.0}); }, "adagrad", "eps");
    expect_domain_error([&] { ref::adagrad(f, x0, {0.1, 1e-10, -1.0}); }, "adagrad", "initial_accumulator_value");
    expect_domain_error([&] { ref::rmsprop(f, x0, {-1.0}); }, "rmsprop", "learning_rate");
    expect_domain_error([&] { ref::rmsprop(f, x0, {0.1, 1.0}); }, "rmsprop", "alpha");
    expect_domain_error([&] { ref::rmsprop(f, x0, {0.1, 0.99, -1e-8}); }, "rmsprop", "eps");
    expect_domain_error([&] { ref::adam(f, x0, {kNaN}); }, "adam", "learning_rate");
    expect_domain_error([&] { ref::adam(f, x0, {0.1, 1.0}); }, "adam", "beta1");
    expect_domain_error([&] { ref::adam(f, x0, {0.1, 0.9, -0.5}); }, "adam", "beta2");
    expect_domain_error([&] { ref::adam(f, x0, {0.1, 0.9, 0.999, 0.0}); }, "adam", "eps");
    expect_domain_error([&] { ref::adamw(f, x0, {0.0}); }, "adamw", "learning_rate");
    expect_domain_error([&] { ref::adamw(f, x0, {0.1, 0.9, 1.0}); }, "adamw", "beta2");
    expect_domain_error([&] { ref::adamw(f, x0, {0.1, 0.9, 0.999, 1e-8, -0.01}); }, "adamw", "weight_decay");
    expect_domain_error([&] { ref::adamw(f, x0, {0.1, 0.9, 0.999, 1e-8, kInf}); }, "adamw", "weight_decay");
}

// The shared checks: a start of the wrong length, a non-finite start, an objective without a
// gradient, bad options — each named by the function.
TEST(MomentumBadInput, StartObjectiveAndOptions) {
    const Objective f = quadratic(1.0);
    Objective no_gradient = f;
    no_gradient.gradient = nullptr;
    OptimizeOptions bad;
    bad.max_iterations = 0;
    for (const auto& [name, method] : methods()) {
        SCOPED_TRACE(name);
        EXPECT_THROW(method(f, Vector{1.0, 1.0, 1.0}, 0.1, {}), dlmath::shape_error);
        EXPECT_EQ(what_of([&] { method(f, Vector{1.0}, 0.1, {}); }).rfind(name + ":", 0), 0u);
        expect_domain_error([&] { method(f, Vector{1.0, kNaN}, 0.1, {}); }, name, "finite");
        expect_domain_error([&] { method(no_gradient, Vector{1.0, 1.0}, 0.1, {}); }, name, "gradient");
        expect_domain_error([&] { method(f, Vector{1.0, 1.0}, 0.1, bad); }, name, "max_iterations");
    }
}
