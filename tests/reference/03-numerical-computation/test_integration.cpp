// Integration, reference twin: the worked examples of the chapter, the
// orders of the composite rules measured by a log-log fit, exactness for
// low-degree polynomials, the edge conventions, and bad input.

#include <cmath>
#include <cstddef>
#include <numbers>
#include <string>
#include <vector>

#include "dlmath/reference/numerical.hpp"
#include "prelude.hpp"

namespace {

using Rule = double (*)(const std::function<double(double)>&, double, double, std::size_t);

// ▶ f(x) = -x^2 + 3x + 1 and its antiderivative F(x) = -x^3/3 + 3/2 x^2 + x.
double f_example(double x) { return -x * x + 3.0 * x + 1.0; }
double F_example(double x) { return -x * x * x / 3.0 + 1.5 * x * x + x; }

// The slope of the least-squares line through (log n_k, log err_k).
double loglog_slope(const std::vector<double>& n, const std::vector<double>& err) {
    const double m = static_cast<double>(n.size());
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (std::size_t k = 0; k < n.size(); ++k) {
        const double x = std::log(n[k]), y = std::log(err[k]);
        sx += x; sy += y; sxx += x * x; sxy += x * y;
    }
    return (m * sxy - sx * sy) / (m * sxx - sx * sx);
}

// The errors of a rule on exp over [0, 1] (exact: e - 1) for n = 8, 16, ..., 128.
// The smallest error (Simpson, n = 128) is about h^4 e / 180 = 5e-11, far above the
// rounding of the sum (about 128 u e = 4e-14), so the fit sees truncation only.
double measured_order(Rule rule) {
    std::vector<double> n, err;
    for (std::size_t panels = 8; panels <= 128; panels *= 2) {
        n.push_back(static_cast<double>(panels));
        err.push_back(std::fabs(rule([](double x) { return std::exp(x); }, 0.0, 1.0, panels) -
                                (std::numbers::e - 1.0)));
    }
    return -loglog_slope(n, err);
}

}  // namespace

// ---------------------------------------------------------------- worked examples

// ▶ ∫₁³ (−x² + 3x + 1) dx = 16/3. Simpson's rule is exact for cubics: with n = 2
// (h = 1, every node and value an integer) the sum is 3 + 4·3 + 1 = 16 exactly, and
// h/3 · 16 rounds once, to the double nearest 16/3.
TEST(IntegrationWorkedExample, SimpsonGivesSixteenThirds) {
    EXPECT_EQ(ref::simpson(f_example, 1.0, 3.0, 2), 16.0 / 3.0);
    // With more panels (dyadic: exact nodes), only rounding remains: each value is
    // within 4u of its 19-sized terms, the sum gamma_{n+1} of sum |w f|: (n + 80) u (b - a) 19.
    for (std::size_t n : {4, 64, 1024}) {
        EXPECT_NEAR(ref::simpson(f_example, 1.0, 3.0, n), 16.0 / 3.0, (n + 80.0) * u * 2.0 * 19.0) << "n = " << n;
    }
}

// ▶ The antiderivative −⅓x³ + 3/2 x² + x gives the same 16/3: F(3) − F(1) = 7.5 − 13/6.
// F(3) = 7.5 exactly; F(1) carries the rounding of 1/3 (and two additions): 4 ulp of 16/3.
TEST(IntegrationWorkedExample, AntiderivativeGivesTheSameValue) {
    const double ulp = std::nextafter(16.0 / 3.0, 10.0) - 16.0 / 3.0;
    EXPECT_NEAR(F_example(3.0) - F_example(1.0), 16.0 / 3.0, 4 * ulp);
    // ... and the trapezoid rule approaches it as h^2: T_n - 16/3 = (b - a) h^2 / 12 · 2 = h^2 / 3
    // exactly for this f (f'' = -2 everywhere, so the error term has no higher orders).
    for (std::size_t n : {2, 8, 32}) {
        const double h = 2.0 / static_cast<double>(n);
        EXPECT_NEAR(ref::trapezoid(f_example, 1.0, 3.0, n) - 16.0 / 3.0, -h * h / 3.0, 64 * u * 19.0) << "n = " << n;
    }
}

// ▶ The substitution u = sin x, du = cos x dx: ∫₀^{π/2} sin²x cos x dx = ∫₀¹ u² du = 1/3.
// ∫₀¹ u² du by Simpson is exact (h = 1/2: 0 + 4/4 + 1 = 2, times 1/6). The integral in x:
// Simpson's error is (b - a)/180 h^4 max|f''''| with f = (cos x - cos 3x)/4, |f''''| <= 82/4;
// for n = 1024 that is below 1e-12, plus the rounding of the sum, (n + 16) u.
TEST(IntegrationWorkedExample, SubstitutionGivesOneThird) {
    EXPECT_EQ(ref::simpson([](double t) { return t * t; }, 0.0, 1.0, 2), 1.0 / 3.0);
    const double b = std::numbers::pi / 2, h = b / 1024;
    const double truncation = b / 180 * std::pow(h, 4) * 82.0 / 4.0;
    EXPECT_NEAR(ref::simpson([](double x) { return std::sin(x) * std::sin(x) * std::cos(x); }, 0.0, b, 1024), 1.0 / 3.0,
                truncation + (1024 + 16) * u);
}

// ---------------------------------------------------------------- orders of convergence

// Error ~ C h^p: a log-log fit of the error against n has slope -p. The band of ±0.15
// leaves room for the higher-order terms at n = 8 (their relative size is about h = 1/8
// for the left sum, h^2 for the others) and would still tell p = 1, 2 and 4 apart.
TEST(IntegrationProperty, OrdersFromALogLogFit) {
    EXPECT_NEAR(measured_order(ref::riemann_left), 1.0, 0.15);
    EXPECT_NEAR(measured_order(ref::riemann_midpoint), 2.0, 0.15);
    EXPECT_NEAR(measured_order(ref::trapezoid), 2.0, 0.15);
    EXPECT_NEAR(measured_order(ref::simpson), 4.0, 0.15);
}

// Simpson is exact for every cubic, the trapezoid and midpoint rules for every line; only
// rounding remains. Bound: each node carries 2u|x| of rounding and each Horner evaluation
// 2·3 u of the magnitudes sum_k (k + 1)|c_k| R^k (R = max(|a|, |b|); k|c_k| R^k from the
// node's rounding through f'); the weighted sum adds gamma_{n+1}: (n + 16) u |b − a| M,
// plus 8u of the exact value's magnitude for the antiderivative (computed in long double).
RC_GTEST_PROP(IntegrationProperty, ExactForLowDegrees, ()) {
    const auto c = *rc::gen::container<std::vector<int>>(4, rc::gen::inRange(-64, 65));
    const double a = *rc::gen::inRange(-64, 65) / 8.0, b = *rc::gen::inRange(-64, 65) / 8.0;
    const std::size_t n = 2 * static_cast<std::size_t>(*rc::gen::inRange(1, 40));
    const auto poly = [&](int degree) {
        return [=](double x) {
            double p = 0.0;
            for (int k = degree; k >= 0; --k) p = p * x + c[static_cast<std::size_t>(k)];
            return p;
        };
    };
    const auto exact = [&](int degree) {
        long double s = 0;
        for (int k = 0; k <= degree; ++k) {
            s += c[static_cast<std::size_t>(k)] * (std::pow((long double)b, k + 1) - std::pow((long double)a, k + 1)) / (k + 1);
        }
        return static_cast<double>(s);
    };
    const auto bound = [&](int degree) {
        const double R = std::max(std::fabs(a), std::fabs(b));
        double M = 0.0, V = 0.0;
        for (int k = 0; k <= degree; ++k) {
            M += (k + 1) * std::abs(c[static_cast<std::size_t>(k)]) * std::pow(R, k);
            V += std::abs(c[static_cast<std::size_t>(k)]) * std::pow(R, k + 1);
        }
        return (static_cast<double>(n) + 16.0) * u * std::fabs(b - a) * M + 8.0 * u * V;
    };
    DLMATH_RC_ASSERT(agree(ref::simpson(poly(3), a, b, n), exact(3), bound(3), "simpson, cubic"));
    DLMATH_RC_ASSERT(agree(ref::trapezoid(poly(1), a, b, n), exact(1), bound(1), "trapezoid, line"));
    DLMATH_RC_ASSERT(agree(ref::riemann_midpoint(poly(1), a, b, n), exact(1), bound(1), "midpoint, line"));
}

// ---------------------------------------------------------------- edge conventions

// As scipy.integrate: an empty interval gives 0, and reversed limits the negative of the
// integral (h < 0). On [3, 1] with n = 2^k the nodes are those of [1, 3] in reverse, and the
// values are summed in the other order: within the same rounding bound as above.
TEST(IntegrationEdge, EmptyAndReversedIntervals) {
    EXPECT_EQ(ref::trapezoid(f_example, 2.0, 2.0, 8), 0.0);
    EXPECT_EQ(ref::simpson(f_example, 2.0, 2.0, 8), 0.0);
    for (std::size_t n : {2, 16, 256}) {
        EXPECT_NEAR(ref::simpson(f_example, 3.0, 1.0, n), -16.0 / 3.0, (n + 80.0) * u * 2.0 * 19.0);
    }
}

// A NaN of the integrand propagates (IEEE), it is not an input error.
TEST(IntegrationEdge, NanOfTheIntegrandPropagates) {
    EXPECT_TRUE(std::isnan(ref::trapezoid([](double x) { return x > 0.5 ? kNaN : x; }, 0.0, 1.0, 4)));
}

// ---------------------------------------------------------------- bad input

TEST(IntegrationBadInput, SimpsonRefusesAnOddPanelCount) {
    const std::string m = what_of([] { ref::simpson(f_example, 1.0, 3.0, 3); });
    EXPECT_EQ(m, "simpson: n must be an even number of panels (got n = 3; Simpson's rule fits one parabola to each "
                 "pair of panels)");
    EXPECT_THROW(ref::simpson(f_example, 1.0, 3.0, 1), dlmath::domain_error);
}

TEST(IntegrationBadInput, EveryRuleRefusesZeroPanelsAndInfiniteLimits) {
    for (Rule rule : {Rule{ref::riemann_left}, Rule{ref::riemann_midpoint}, Rule{ref::trapezoid}, Rule{ref::simpson}}) {
        EXPECT_THROW(rule(f_example, 0.0, 1.0, 0), dlmath::domain_error);
        EXPECT_THROW(rule(f_example, 0.0, kInf, 4), dlmath::domain_error);
        EXPECT_THROW(rule(f_example, kNaN, 1.0, 4), dlmath::domain_error);
    }
    EXPECT_EQ(what_of([] { ref::trapezoid(f_example, 0.0, 1.0, 0); }),
              "trapezoid: n must be at least 1 panel (got n = 0)");
    EXPECT_EQ(what_of([] { ref::riemann_left(f_example, 0.0, kInf, 2); }),
              "riemann_left: the limits must be finite (got a = 0, b = inf)");
}
