// Derivatives by finite differences, reference twin: the worked examples of
// the section against their analytic derivatives, Boost.Math autodiff as the
// oracle on a function of three variables (gradient and Hessian), the error
// orders of the forward and central differences as properties, the linear
// layer's Jacobians, and bad input.

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <numbers>
#include <string>

#include <boost/math/differentiation/autodiff.hpp>

#include "dlmath/reference/numerical.hpp"
#include "prelude.hpp"

namespace {

namespace ad = boost::math::differentiation;

constexpr double eps = std::numeric_limits<double>::epsilon();
// The error of a central difference with h = cbrt(eps) max(1, |x|): truncation h^2 |f'''| / 6
// plus rounding about eps |f| / h, each eps^(2/3) = 3.7e-11 times a scale S bounding |f|,
// |f'''| near x (and max(1, |x|)^2). 20 eps^(2/3) S leaves a factor of about 10 of room.
double central_bound(double S) { return 20.0 * std::cbrt(eps) * std::cbrt(eps) * S; }
// Forward difference, h = sqrt(eps) max(1, |x|): h |f''| / 2 + 2 eps |f| / h, each sqrt(eps) S.
double forward_bound(double S) { return 10.0 * std::sqrt(eps) * S; }
// Hessian, h = eps^(1/4): truncation h^2 |f''''| / 3 and rounding 4 eps |f| / (4 h^2), each
// sqrt(eps) S.
double hessian_bound(double S) { return 20.0 * std::sqrt(eps) * S; }

double cubic(double x) { return x * x * x - 6 * x * x + 4 * x + 12; }
double cubic_prime(double x) { return 3 * x * x - 12 * x + 4; }

// A function of three variables written once, for doubles and for autodiff's fvar.
template <class A, class B, class C>
auto loss3(const A& a, const B& b, const C& c) {
    using std::exp;
    using std::log;
    using std::sin;
    return exp(0.5 * a) * sin(b) + a * b * c * c + log(1.0 + c * c);
}
double loss3_at(const Vector& x) { return loss3(x(0), x(1), x(2)); }

}  // namespace

// ---------------------------------------------------------------- worked examples

// ▶ f(x) = x^3 - 6x^2 + 4x + 12, f'(x) = 3x^2 - 12x + 4; f'(2) = -8.
TEST(DerivativesWorkedExample, Cubic) {
    for (double x : {-1.0, 0.0, 2.0, 3.5}) {
        // |f| and |f'''| = 6 stay below 50 on [-2, 5]
        EXPECT_NEAR(ref::central_difference(cubic, x), cubic_prime(x), central_bound(50.0)) << x;
        EXPECT_NEAR(ref::forward_difference(cubic, x), cubic_prime(x), forward_bound(50.0)) << x;
        // autodiff's derivative is the analytic one up to the rounding of its arithmetic
        const auto X = ad::make_fvar<double, 1>(x);
        const auto F = X * X * X - 6.0 * X * X + 4.0 * X + 12.0;
        EXPECT_NEAR(F.derivative(1), cubic_prime(x), 64 * u) << x;
    }
    EXPECT_EQ(cubic_prime(2.0), -8.0);
}

// ▶ d/dx sin(2x) = 2 cos(2x).
TEST(DerivativesWorkedExample, SinTwoX) {
    const auto f = [](double x) { return std::sin(2 * x); };
    for (double x : {0.0, 0.3, 1.0, -2.5}) {
        // |f| <= 1, |f'''| <= 8
        EXPECT_NEAR(ref::central_difference(f, x), 2 * std::cos(2 * x), central_bound(9.0)) << x;
        const auto X = ad::make_fvar<double, 1>(x);
        EXPECT_NEAR(sin(2.0 * X).derivative(1), 2 * std::cos(2 * x), 4 * u) << x;
    }
}

// ▶ f(x, y) = 2x^2 - xy + 3y^2 - 10: df/dx = 4x - y, df/dy = -x + 6y. A quadratic has f''' = 0,
// so only the rounding of f remains: eps |f| / h.
TEST(DerivativesWorkedExample, PartialsOfAQuadratic) {
    const ref::Objective f = [](const Vector& p) { return 2 * p(0) * p(0) - p(0) * p(1) + 3 * p(1) * p(1) - 10; };
    const Vector g = ref::gradient(f, Vector{1.0, 2.0});
    EXPECT_NEAR(g(0), 4 * 1.0 - 2.0, central_bound(20.0));
    EXPECT_NEAR(g(1), -1.0 + 6 * 2.0, central_bound(20.0));
    // the Hessian [[4, -1], [-1, 6]], exactly symmetric
    const Matrix H = ref::hessian(f, Vector{1.0, 2.0});
    EXPECT_NEAR(H(0, 0), 4.0, hessian_bound(20.0));
    EXPECT_NEAR(H(0, 1), -1.0, hessian_bound(20.0));
    EXPECT_NEAR(H(1, 1), 6.0, hessian_bound(20.0));
    EXPECT_EQ(H(0, 1), H(1, 0));
}

// ▶ The chain rule: T(x, y) = y^2 + x - 1/2 along (t, t^2 - t + 1/4):
// dT/dt = 2 (t^2 - t + 1/4)(2t - 1) + 1 = <grad T(p(t)), p'(t)>.
TEST(DerivativesWorkedExample, MultivariableChainRule) {
    const ref::Objective T = [](const Vector& p) { return p(1) * p(1) + p(0) - 0.5; };
    for (double t : {-1.0, 0.0, 0.5, 1.25, 2.0}) {
        const double expected = 2 * (t * t - t + 0.25) * (2 * t - 1) + 1;
        const Vector p = {t, t * t - t + 0.25}, p_dot = {1.0, 2 * t - 1};
        // along the curve: T(p(t)) is a quartic in t with |T|, |T'''| below 60 on [-1, 2]
        const auto along = [&](double s) { return T(Vector{s, s * s - s + 0.25}); };
        EXPECT_NEAR(ref::central_difference(along, t), expected, central_bound(60.0)) << t;
        // the same by the chain rule: D_{p'} T at p(t); T is quadratic in p, so only rounding
        EXPECT_NEAR(ref::directional_derivative(T, p, p_dot), expected, central_bound(60.0)) << t;
    }
}

// ▶ The differential of sin x sin y: df = cos x sin y dx + sin x cos y dy; the increment
// f(p + d) - f(p) matches df up to O(|d|^2) (the Hessian's entries are at most 1: |d|^2).
TEST(DerivativesWorkedExample, DifferentialOfSinXSinY) {
    const ref::Objective f = [](const Vector& p) { return std::sin(p(0)) * std::sin(p(1)); };
    const double x = 0.7, y = -1.2;
    const Vector g = ref::gradient(f, Vector{x, y});
    EXPECT_NEAR(g(0), std::cos(x) * std::sin(y), central_bound(4.0));
    EXPECT_NEAR(g(1), std::sin(x) * std::cos(y), central_bound(4.0));
    for (double s : {1e-1, 1e-2, 1e-3}) {
        const double dx = 0.6 * s, dy = -0.8 * s;  // |d| = s
        const double df = std::cos(x) * std::sin(y) * dx + std::sin(x) * std::cos(y) * dy;
        EXPECT_LE(std::fabs(f(Vector{x + dx, y + dy}) - f(Vector{x, y}) - df), s * s) << s;
    }
}

// ▶ f(x, y) = y^2 + x - 1/2: grad f = [1, 2y]; along v = [1/2, 1]: D_v f = 1/2 + 2y.
TEST(DerivativesWorkedExample, GradientAndDirectionalDerivative) {
    const ref::Objective f = [](const Vector& p) { return p(1) * p(1) + p(0) - 0.5; };
    for (double y : {-2.0, 0.0, 0.75, 3.0}) {
        const Vector p = {1.5, y};
        const Vector g = ref::gradient(f, p);
        EXPECT_NEAR(g(0), 1.0, central_bound(20.0)) << y;
        EXPECT_NEAR(g(1), 2 * y, central_bound(20.0)) << y;
        EXPECT_NEAR(ref::directional_derivative(f, p, Vector{0.5, 1.0}), 0.5 + 2 * y, central_bound(20.0)) << y;
    }
}

// ▶ |x| at 0 has no derivative. Code still returns a number: the central difference averages
// the one-sided slopes -1 and 1 to 0 (a subgradient), the forward difference gives 1.
TEST(DerivativesWorkedExample, AbsoluteValueAtZero) {
    const auto f = [](double x) { return std::fabs(x); };
    EXPECT_EQ(ref::central_difference(f, 0.0), 0.0);
    EXPECT_EQ(ref::forward_difference(f, 0.0), 1.0);
    EXPECT_EQ(ref::central_difference(f, 1.0), 1.0);  // away from the kink, exact
}

// ---------------------------------------------------------------- steps and orders

TEST(Derivatives, StepsFromEpsilon) {
    EXPECT_EQ(ref::forward_step(0.5), std::sqrt(eps));
    EXPECT_EQ(ref::central_step(-0.5), std::cbrt(eps));
    EXPECT_EQ(ref::central_step(1e6), std::cbrt(eps) * 1e6);  // relative to |x| beyond 1
    EXPECT_GT(1e300 + ref::forward_step(1e300), 1e300);        // x + h is still a new point
}

// The error of both differences against h for f(x) = exp(a x): a log-log fit of the error
// at h = 2^-4 .. 2^-10 (where truncation dominates rounding by 10^5 or more) has slope 2 for
// the central difference (error h^2 a^3 e^(ax) / 6) and 1 for the forward difference. The
// band +-0.15 holds the next terms of the expansions (relative size a h / 2 <= 1/16 at most).
RC_GTEST_PROP(DerivativesProperty, CentralIsSecondOrderForwardIsFirstOrder, ()) {
    const double a = *rc::gen::inRange(4, 17) / 8.0;  // 0.5 .. 2
    const double x = *rc::gen::inRange(-16, 17) / 8.0;
    const auto f = [a](double t) { return std::exp(a * t); };
    const double exact = a * std::exp(a * x);
    double sx = 0, sy_c = 0, sy_f = 0, sxx = 0, sxy_c = 0, sxy_f = 0;
    const int K = 7;
    for (int k = 4; k < 4 + K; ++k) {
        const double h = std::ldexp(1.0, -k);
        const double lx = std::log(h);
        const double lc = std::log(std::fabs(ref::central_difference(f, x, h) - exact));
        const double lf = std::log(std::fabs(ref::forward_difference(f, x, h) - exact));
        sx += lx, sxx += lx * lx, sy_c += lc, sy_f += lf, sxy_c += lx * lc, sxy_f += lx * lf;
    }
    const double slope_c = (K * sxy_c - sx * sy_c) / (K * sxx - sx * sx);
    const double slope_f = (K * sxy_f - sx * sy_f) / (K * sxx - sx * sx);
    RC_ASSERT(std::fabs(slope_c - 2.0) <= 0.15);
    RC_ASSERT(std::fabs(slope_f - 1.0) <= 0.15);
}

// The gradient of a quadratic f = 1/2 x^T A x + b^T x is A_sym x + b; f''' = 0, so only
// rounding: eps |f| / h per coordinate, |f| <= n^2 max|A| |x|^2 + ... (bounded by S below).
RC_GTEST_PROP(DerivativesProperty, GradientOfAQuadratic, ()) {
    const std::size_t n = *rc::gen::inRange<std::size_t>(1, 9);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Matrix A = random<Matrix>({n, n}, seed);
    const Vector b = random<Vector>({n}, seed + 1), x = random<Vector>({n}, seed + 2);
    const ref::Objective f = [&](const Vector& p) {
        double s = 0;
        for (std::size_t i = 0; i < n; ++i) {
            s += b(i) * p(i);
            for (std::size_t j = 0; j < n; ++j) s += 0.5 * p(i) * A(i, j) * p(j);
        }
        return s;
    };
    const Vector g = ref::gradient(f, x);
    double S = 1.0;
    for (std::size_t i = 0; i < n; ++i) S += std::fabs(b(i) * x(i)) * 4.0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) S += std::fabs(A(i, j)) * (std::fabs(x(i)) + 1) * (std::fabs(x(j)) + 1) * 4.0;
    for (std::size_t i = 0; i < n; ++i) {
        double expected = b(i);
        for (std::size_t j = 0; j < n; ++j) expected += 0.5 * (A(i, j) + A(j, i)) * x(j);
        RC_ASSERT(std::fabs(g(i) - expected) <= central_bound(S));
    }
    const Matrix H = ref::hessian(f, x);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            RC_ASSERT(H(i, j) == H(j, i));
            RC_ASSERT(std::fabs(H(i, j) - 0.5 * (A(i, j) + A(j, i))) <= hessian_bound(S));
        }
}

// ---------------------------------------------------------------- the autodiff oracle

// Gradient and Hessian of exp(a/2) sin b + a b c^2 + log(1 + c^2) against autodiff: |f| and its
// derivatives up to the fourth stay below 40 near the points used.
TEST(Derivatives, GradientAndHessianAgainstAutodiff) {
    for (const Vector& x : {Vector{0.3, -0.7, 1.1}, Vector{-1.0, 2.0, 0.5}, Vector{1.5, 0.1, -1.3}}) {
        const auto [A, B, C] = ad::make_ftuple<double, 2, 2, 2>(x(0), x(1), x(2));
        const auto F = loss3(A, B, C);
        const Vector g = ref::gradient(loss3_at, x);
        EXPECT_NEAR(g(0), F.derivative(1, 0, 0), central_bound(40.0));
        EXPECT_NEAR(g(1), F.derivative(0, 1, 0), central_bound(40.0));
        EXPECT_NEAR(g(2), F.derivative(0, 0, 1), central_bound(40.0));
        const Matrix H = ref::hessian(loss3_at, x);
        EXPECT_NEAR(H(0, 0), F.derivative(2, 0, 0), hessian_bound(40.0));
        EXPECT_NEAR(H(0, 1), F.derivative(1, 1, 0), hessian_bound(40.0));
        EXPECT_NEAR(H(0, 2), F.derivative(1, 0, 1), hessian_bound(40.0));
        EXPECT_NEAR(H(1, 1), F.derivative(0, 2, 0), hessian_bound(40.0));
        EXPECT_NEAR(H(1, 2), F.derivative(0, 1, 1), hessian_bound(40.0));
        EXPECT_NEAR(H(2, 2), F.derivative(0, 0, 2), hessian_bound(40.0));
        // the gradient check of autodiff's gradient is at the level of the differences' error
        const ref::VectorFunction grad = [](const Vector& p) {
            const auto [a, b, c] = ad::make_ftuple<double, 1, 1, 1>(p(0), p(1), p(2));
            const auto v = loss3(a, b, c);
            return Vector{static_cast<double>(v.derivative(1, 0, 0)), static_cast<double>(v.derivative(0, 1, 0)),
                          static_cast<double>(v.derivative(0, 0, 1))};
        };
        EXPECT_LT(ref::gradient_check(loss3_at, grad, x), 1e-9);
        // a wrong gradient (the last term's derivative forgotten) is caught
        const ref::VectorFunction wrong = [&](const Vector& p) {
            Vector w = grad(p);
            w(2) -= 2 * p(2) / (1 + p(2) * p(2));
            return w;
        };
        EXPECT_GT(ref::gradient_check(loss3_at, wrong, x), 1e-3);
    }
}

// Jacobian, jvp and vjp of F(a, b, c) = (a b, sin c, a + b^2 c) against the analytic J.
TEST(Derivatives, JacobianJvpVjp) {
    const ref::VectorFunction F = [](const Vector& p) {
        return Vector{p(0) * p(1), std::sin(p(2)), p(0) + p(1) * p(1) * p(2)};
    };
    const Vector x = {0.5, -1.5, 2.0};
    const Matrix J_exact = {{x(1), x(0), 0.0}, {0.0, 0.0, std::cos(x(2))}, {1.0, 2 * x(1) * x(2), x(1) * x(1)}};
    const Matrix J = ref::jacobian(F, x);
    ASSERT_EQ(J.shape(0), 3u);
    ASSERT_EQ(J.shape(1), 3u);
    // |F| and third derivatives below 10 near x; max(1, |x_j|) = 2 scales h^2 by 4
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 3; ++j) EXPECT_NEAR(J(i, j), J_exact(i, j), central_bound(40.0)) << i << j;
    const Vector v = {1.0, 0.5, -2.0}, w = {-1.0, 2.0, 0.25};
    const Vector Jv = ref::jvp(F, x, v), wJ = ref::vjp(F, x, w);
    for (std::size_t i = 0; i < 3; ++i) {
        double jv = 0, wj = 0;
        for (std::size_t k = 0; k < 3; ++k) jv += J_exact(i, k) * v(k), wj += w(k) * J_exact(k, i);
        EXPECT_NEAR(Jv(i), jv, central_bound(400.0)) << i;  // |v| up to 2: t v moves up to 2h
        EXPECT_NEAR(wJ(i), wj, central_bound(200.0)) << i;  // sum of three columns times |w| <= 2
    }
    EXPECT_EQ(ref::jvp(F, x, Vector{0.0, 0.0, 0.0}), (Vector{0.0, 0.0, 0.0}));
    EXPECT_EQ(ref::directional_derivative([](const Vector& p) { return p(0); }, x, Vector{0.0, 0.0, 0.0}), 0.0);
}

// ▶ The linear layer y = W x: dy/dx = W, and dy_i/dW_kj = delta_ik x_j, an (o, o, d) tensor that
// is the (o, od) Jacobian of W -> W x once W is flattened row by row. F is linear, so the
// differences carry rounding only: d terms of size |W||x| rounded, divided by 2h.
TEST(DerivativesWorkedExample, LinearLayer) {
    const std::size_t o = 3, d = 4;
    const Matrix W = random<Matrix>({o, d}, 5);
    const Vector x = random<Vector>({d}, 6);
    const auto layer = [&](const Matrix& Wm, const Vector& v) {
        Vector y = xt::zeros<double>({o});
        for (std::size_t i = 0; i < o; ++i)
            for (std::size_t j = 0; j < d; ++j) y(i) += Wm(i, j) * v(j);
        return y;
    };
    const double bound = 8.0 * d * u * (1 + max_abs(W)) * (1 + max_abs(x)) / ref::central_step(max_abs(W) + 1);
    const Matrix Jx = ref::jacobian([&](const Vector& v) { return layer(W, v); }, x);
    for (std::size_t i = 0; i < o; ++i)
        for (std::size_t j = 0; j < d; ++j) EXPECT_NEAR(Jx(i, j), W(i, j), bound);
    const Tensor3 T = ref::linear_weight_jacobian(o, x);
    ASSERT_EQ(T.shape(0), o);
    ASSERT_EQ(T.shape(1), o);
    ASSERT_EQ(T.shape(2), d);
    Vector w_flat = Vector::from_shape({o * d});
    for (std::size_t k = 0; k < o * d; ++k) w_flat(k) = W.data()[k];
    const Matrix JW = ref::jacobian(
        [&](const Vector& wf) {
            Matrix Wm = Matrix::from_shape({o, d});
            for (std::size_t k = 0; k < o * d; ++k) Wm.data()[k] = wf(k);
            return layer(Wm, x);
        },
        w_flat);
    ASSERT_EQ(JW.shape(1), o * d);
    for (std::size_t i = 0; i < o; ++i)
        for (std::size_t k = 0; k < o; ++k)
            for (std::size_t j = 0; j < d; ++j) {
                EXPECT_NEAR(JW(i, k * d + j), T(i, k, j), bound) << i << k << j;
                EXPECT_EQ(T(i, k, j), i == k ? x(j) : 0.0);
            }
}

TEST(Derivatives, EmptyPointGivesEmptyResults) {
    const ref::Objective f = [](const Vector&) { return 1.0; };
    EXPECT_EQ(ref::gradient(f, Vector{}).size(), 0u);
    EXPECT_EQ(ref::hessian(f, Vector{}).size(), 0u);
    EXPECT_EQ(ref::gradient_check(f, [](const Vector&) { return Vector{}; }, Vector{}), 0.0);
}

// ---------------------------------------------------------------- bad input

TEST(DerivativesBadInput, FunctionsPointsAndSteps) {
    const ref::ScalarFunction none;
    const ref::Objective f = [](const Vector& p) { return p(0); };
    const ref::VectorFunction F = [](const Vector& p) { return p; };
    EXPECT_THROW(ref::central_difference(none, 1.0), dlmath::domain_error);
    EXPECT_EQ(what_of([&] { ref::central_difference(none, 1.0); }), "central_difference: f is an empty function");
    EXPECT_THROW(ref::forward_difference(cubic, kNaN), dlmath::domain_error);
    EXPECT_THROW(ref::central_difference(cubic, kInf), dlmath::domain_error);
    EXPECT_EQ(what_of([&] { ref::forward_difference(cubic, 1.0, 0.0); }),
              "forward_difference: the step h must be finite and > 0 (got h = 0)");
    EXPECT_THROW(ref::central_difference(cubic, 1.0, -1e-3), dlmath::domain_error);
    EXPECT_THROW(ref::central_difference(cubic, 1.0, kNaN), dlmath::domain_error);
    EXPECT_THROW(ref::gradient(f, Vector{1.0, kNaN}), dlmath::domain_error);
    EXPECT_THROW(ref::gradient(f, Vector{1.0}, kInf), dlmath::domain_error);
    EXPECT_THROW(ref::gradient(ref::Objective{}, Vector{1.0}), dlmath::domain_error);
    EXPECT_THROW(ref::hessian(f, Vector{kInf}), dlmath::domain_error);
    EXPECT_THROW(ref::hessian(f, Vector{1.0}, 0.0), dlmath::domain_error);
    EXPECT_THROW(ref::jacobian(F, Vector{kNaN}), dlmath::domain_error);
    EXPECT_THROW(ref::jacobian(F, Vector{1.0}, -1.0), dlmath::domain_error);
    EXPECT_EQ(what_of([&] { ref::directional_derivative(f, Vector{1.0, 2.0}, Vector{1.0}); }),
              "directional_derivative: lengths differ (x has 2 elements, v has 1)");
    EXPECT_THROW(ref::directional_derivative(f, Vector{1.0}, Vector{kNaN}), dlmath::domain_error);
    EXPECT_THROW(ref::jvp(F, Vector{1.0}, Vector{1.0, 2.0}), dlmath::shape_error);
    EXPECT_EQ(what_of([&] { ref::vjp(F, Vector{1.0, 2.0}, Vector{1.0}); }),
              "vjp: w must have one entry per output of F (F(x) has 2 values, w has 1)");
    EXPECT_THROW(ref::vjp(F, Vector{1.0}, Vector{kNaN}), dlmath::domain_error);
    EXPECT_EQ(what_of([&] { ref::gradient_check(f, [](const Vector&) { return Vector{1.0}; }, Vector{1.0, 2.0}); }),
              "gradient_check: grad(x) has 1 entries but x has 2");
    EXPECT_THROW(ref::gradient_check(f, ref::VectorFunction{}, Vector{1.0}), dlmath::domain_error);
    EXPECT_THROW(ref::linear_weight_jacobian(2, Vector{kNaN}), dlmath::domain_error);
}

// A function whose output length changes from point to point is reported, naming the coordinate.
TEST(DerivativesBadInput, OutputLengthChanges) {
    const ref::VectorFunction F = [](const Vector& p) { return p(1) > 2.0 ? Vector{1.0} : Vector{1.0, 2.0}; };
    EXPECT_EQ(what_of([&] { ref::jacobian(F, Vector{0.0, 2.0}); }),
              "jacobian: F returned 1 values at the step along coordinate 1 but 2 at x");
    EXPECT_THROW(ref::vjp(F, Vector{0.0, 2.0}, Vector{1.0, 1.0}), dlmath::shape_error);
    EXPECT_EQ(what_of([&] { ref::jvp(F, Vector{0.0, 2.0}, Vector{0.0, 1.0}); }),
              "jvp: F returned 1 values at a step along v but 2 at x");
}
