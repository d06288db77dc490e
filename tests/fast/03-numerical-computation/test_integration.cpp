// Integration, fast twin: agrees with the reference twin within the bound of
// a reordered sum, is bitwise reproducible for any thread count, and rejects
// the same bad input with the same message.

#include <cmath>
#include <cstddef>
#include <string>

#include "dlmath/fast/numerical.hpp"
#include "dlmath/reference/numerical.hpp"
#include "prelude.hpp"

namespace {

using Rule = double (*)(const std::function<double(double)>&, double, double, std::size_t);

struct Twins {
    const char* name;
    Rule fast;
    Rule ref;
};

const Twins kRules[] = {{"riemann_left", fast::riemann_left, ref::riemann_left},
                        {"riemann_midpoint", fast::riemann_midpoint, ref::riemann_midpoint},
                        {"trapezoid", fast::trapezoid, ref::trapezoid},
                        {"simpson", fast::simpson, ref::simpson}};

// Panel counts around the threading threshold and the reduction block (even, so that
// Simpson takes them too).
std::size_t panels() {
    const std::size_t t = dlmath::fast::quadrature_parallel_threshold, b = dlmath::fast::reduction_block;
    return *rc::gen::elementOf(std::vector<std::size_t>{2, 4, 64, t - 2, t, t + 2, b - 2, b, b + 2, 3 * b + 10});
}

}  // namespace

// Both twins evaluate f at bitwise the same nodes (dlmath/detail/quadrature.hpp) and add
// the same n + 1 weighted terms in different orders; any two orders of a sum of m terms
// are within 2 gamma_{m-1} sum |terms| of each other (Higham 4.2), and the final scaling
// by h (or h/3) rounds both alike: |fast − ref| <= 2 gamma_{n+1} |h| sum_i w_i |f(x_i)|,
// which is 2 gamma_{n+1} times the same rule applied to |f| (times 3 for Simpson's h/3 ·
// weights, summed with its own weights: the rule on |f| is that sum).
RC_GTEST_PROP(IntegrationAgreement, EveryRuleWithinTheReorderingBound, ()) {
    const std::size_t n = panels();
    const double a = *rc::gen::inRange(-40, 41) / 8.0, width = *rc::gen::inRange(-40, 41) / 8.0;
    const double w = 1.0 + *rc::gen::inRange(0, 30);
    const auto f = [w](double x) { return std::sin(w * x) + 0.25 * x; };
    const auto abs_f = [&f](double x) { return std::fabs(f(x)); };
    for (const Twins& t : kRules) {
        const double magnitude = std::fabs(t.ref(abs_f, a, a + width, n));
        DLMATH_RC_ASSERT(agree(t.fast(f, a, a + width, n), t.ref(f, a, a + width, n),
                               2 * gamma_n(static_cast<double>(n) + 2) * magnitude * 1.01, t.name));
    }
}

// The block sums are added in block order whatever the thread count: bitwise the same result.
TEST(IntegrationAgreement, BitwiseReproducibleForAnyThreadCount) {
    const std::size_t n = 3 * dlmath::fast::reduction_block + 10;
    const auto f = [](double x) { return std::exp(-x * x); };
    for (const Twins& t : kRules) {
        double one, many;
        {
            const scoped_threads s(1);
            one = t.fast(f, -3.0, 3.0, n);
        }
        {
            const scoped_threads s(4);
            many = t.fast(f, -3.0, 3.0, n);
        }
        EXPECT_EQ(one, many) << t.name;
    }
}

// The worked example through the fast twin: Simpson with n = 2 is exact (see the reference test).
TEST(IntegrationAgreement, WorkedExample) {
    EXPECT_EQ(fast::simpson([](double x) { return -x * x + 3 * x + 1; }, 1.0, 3.0, 2), 16.0 / 3.0);
}

TEST(IntegrationAgreement, SameErrorsAsTheReference) {
    const auto f = [](double x) { return x; };
    for (const Twins& t : kRules) {
        expect_same_error([&] { t.fast(f, 0.0, 1.0, 0); }, [&] { t.ref(f, 0.0, 1.0, 0); });
        expect_same_error([&] { t.fast(f, kNaN, 1.0, 4); }, [&] { t.ref(f, kNaN, 1.0, 4); });
        expect_same_error([&] { t.fast(f, 0.0, -kInf, 4); }, [&] { t.ref(f, 0.0, -kInf, 4); });
    }
    const std::size_t odd = dlmath::fast::quadrature_parallel_threshold + 1;
    EXPECT_EQ(expect_same_error([&] { fast::simpson(f, 0.0, 1.0, odd); }, [&] { ref::simpson(f, 0.0, 1.0, odd); }),
              "simpson: n must be an even number of panels (got n = 4097; Simpson's rule fits one parabola to each "
              "pair of panels)");
}
