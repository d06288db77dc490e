// Chapter 3, integration: the worked examples of the section, the error of
// the three composite rules against the panel count (figure data), and the
// two twins timed on many panels.

#include <cmath>
#include <cstddef>
#include <numbers>
#include <string>

#include "dlmath/fast/numerical.hpp"
#include "dlmath/reference/numerical.hpp"
#include "tour.hpp"

namespace {

namespace ref = dlmath::reference;
namespace fast = dlmath::fast;

void worked_examples(dlmath::tour::Checks& c) {
    //! [example_polynomial]
    const auto f = [](double x) { return -x * x + 3.0 * x + 1.0; };
    const auto F = [](double x) { return -x * x * x / 3.0 + 1.5 * x * x + x; };  // an antiderivative
    const double by_simpson = ref::simpson(f, 1.0, 3.0, 2);                     // exact for cubics
    const double by_antiderivative = F(3.0) - F(1.0);
    //! [example_polynomial]
    dlmath::tour::check(c, "∫₁³ (−x² + 3x + 1) dx by Simpson, n = 2", by_simpson, 16.0 / 3.0);
    dlmath::tour::check(c, "F(3) − F(1) with F = −x³/3 + 3x²/2 + x", by_antiderivative, 16.0 / 3.0, 4);

    //! [example_substitution]
    const auto g = [](double x) { return std::sin(x) * std::sin(x) * std::cos(x); };
    const double in_x = ref::simpson(g, 0.0, std::numbers::pi / 2, 1024);
    const double in_u = ref::simpson([](double u) { return u * u; }, 0.0, 1.0, 2);  // u = sin x
    //! [example_substitution]
    dlmath::tour::check(c, "∫₀¹ u² du by Simpson, n = 2", in_u, 1.0 / 3.0);
    dlmath::tour::check_that(c, "∫₀^{π/2} sin²x cos x dx by Simpson, n = 1024, within 1e-12 of 1/3 (" +
                                    std::to_string(in_x) + ")",
                             std::fabs(in_x - 1.0 / 3.0) < 1e-12);
}

// The error of each rule on ∫₀¹ eˣ dx = e − 1 for n = 2, 4, ..., 2^14 panels: the
// figure quadrature_error.svg (slopes −1, −2, −2 and −4 on log-log axes, until
// Simpson reaches the rounding floor near 1e-15).
void error_against_panels(const dlmath::tour::Options& o) {
    const auto f = [](double x) { return std::exp(x); };
    const double exact = std::numbers::e - 1.0;
    const std::size_t rows = 14;
    dlmath::Matrix data = dlmath::Matrix::from_shape({rows, 5});
    for (std::size_t k = 0; k < rows; ++k) {
        const std::size_t n = std::size_t{2} << k;
        data(k, 0) = static_cast<double>(n);
        data(k, 1) = std::fabs(ref::riemann_left(f, 0.0, 1.0, n) - exact);
        data(k, 2) = std::fabs(ref::riemann_midpoint(f, 0.0, 1.0, n) - exact);
        data(k, 3) = std::fabs(ref::trapezoid(f, 0.0, 1.0, n) - exact);
        data(k, 4) = std::fabs(ref::simpson(f, 0.0, 1.0, n) - exact);
    }
    std::cout << "  error on ∫₀¹ eˣ dx:   n = 16: left " << data(3, 1) << ", trapezoid " << data(3, 3)
              << ", Simpson " << data(3, 4) << "\n";
    dlmath::tour::write_csv(o.figures / "quadrature_error.csv", "panels,left,midpoint,trapezoid,simpson", data);
}

void timings(bool quick) {
    std::cout << "  reference vs fast, best of 3 runs:\n";
    const std::size_t n = quick ? 1'000'000 : 10'000'000;
    const auto f = [](double x) { return 1.0 / (1.0 + x * x); };  // ∫₀¹ = π/4
    volatile double sink = 0;
    dlmath::tour::print_timing("simpson, 1/(1 + x²) (n = " + std::to_string(n) + ")",
                               dlmath::tour::seconds([&] { sink = ref::simpson(f, 0.0, 1.0, n); }, 3),
                               dlmath::tour::seconds([&] { sink = fast::simpson(f, 0.0, 1.0, n); }, 3));
    (void)sink;
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    worked_examples(c);
    error_against_panels(o);
    timings(o.quick);
}

const dlmath::tour::Register section{"integration", run};

}  // namespace
