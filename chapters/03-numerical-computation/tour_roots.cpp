// Chapter 3, Newton's method and bisection: the worked examples of the
// section (one Newton step minimises a quadratic, in one and in two
// dimensions), the statuses, and the measured orders of convergence.

#include <cmath>
#include <cstddef>
#include <numbers>
#include <string>

#include <xtensor-blas/xlinalg.hpp>

#include "dlmath/reference/numerical.hpp"
#include "tour.hpp"

namespace {

namespace ref = dlmath::reference;
using dlmath::Matrix;
using dlmath::Vector;

void one_step(dlmath::tour::Checks& c) {
    //! [example_one_step]
    // f(x) = (x - 3)^2 + 1: f'(x) = 2(x - 3), f''(x) = 2
    const auto r = ref::newton_minimize([](double x) { return 2.0 * (x - 3.0); }, [](double) { return 2.0; }, 10.0);
    // f(x) = ½ xᵀAx − bᵀx: ∇f = Ax − b, H = A; the minimiser is A⁻¹b = (1/5, 2/5)
    const Matrix A = {{3.0, 1.0}, {1.0, 2.0}};
    const Vector b = {1.0, 1.0}, x0 = {10.0, -7.0};
    const Vector g = xt::linalg::dot(A, x0) - b;
    const Vector x1 = ref::newton_step(x0, g, A);
    //! [example_one_step]
    dlmath::tour::check(c, "1-D: x after one Newton step from 10", r.root, 3.0);
    dlmath::tour::check(c, "1-D: steps taken", static_cast<double>(r.iterations), 1.0);
    // x − s cancels from about 10 down to 0.2: the rounding of s (u·10, some 50 ulp of 0.2)
    // is what remains, so 128 ulp
    dlmath::tour::check(c, "2-D: x₁ after one step x − H⁻¹∇f", x1(0), 0.2, 128);
    dlmath::tour::check(c, "2-D: x₂ after one step x − H⁻¹∇f", x1(1), 0.4, 128);
}

void orders(dlmath::tour::Checks& c) {
    //! [example_orders]
    const auto simple = ref::newton([](double x) { return x * x - 2.0; }, [](double x) { return 2.0 * x; }, 1.0,
                                    1.48e-8, 50, true);
    const auto double_root = ref::newton([](double x) { return (x - 1) * (x - 1); },
                                         [](double x) { return 2 * (x - 1); }, 2.0, 1.48e-8, 50, true);
    const auto flat = ref::newton([](double x) { return x * x - 2.0; }, [](double x) { return 2.0 * x; }, 0.0);
    const auto halving = ref::bisect([](double x) { return x * x - 2.0; }, 0.0, 2.0, 2e-12, 100, true);
    //! [example_orders]
    dlmath::tour::check(c, "Newton on x² − 2 from 1: √2", simple.root, std::numbers::sqrt2, 1);
    std::cout << "  Newton on x² − 2: " << simple.iterations << " steps, measured order "
              << ref::convergence_order(simple.iterates, std::numbers::sqrt2) << "\n";
    std::cout << "  Newton on (x − 1)²: " << double_root.iterations << " steps, measured order "
              << ref::convergence_order(double_root.iterates, 1.0) << "\n";
    std::cout << "  bisection on [0, 2]: " << halving.iterations << " halvings, bracket 2 / 2^"
              << halving.iterations << " = " << std::ldexp(2.0, -static_cast<int>(halving.iterations))
              << ", error " << std::fabs(halving.root - std::numbers::sqrt2) << "\n";
    dlmath::tour::check_that(c, "Newton from 0 on x² − 2 stops with zero_derivative (" + flat.reason + "), not NaN",
                             flat.status == ref::RootStatus::zero_derivative && std::isfinite(flat.root));
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options&) {
    one_step(c);
    orders(c);
}

const dlmath::tour::Register section{"roots", run};

}  // namespace
