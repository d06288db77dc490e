// Chapter 3, derivatives by finite differences: the worked examples, a
// gradient check, the linear layer, reference vs fast on a large gradient,
// and the data of the figure fd_error.svg (the V of truncation and rounding).

#include <cmath>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>

#include "dlmath/fast/numerical.hpp"
#include "dlmath/reference/numerical.hpp"
#include "tour.hpp"

namespace ref = dlmath::reference;
namespace fast = dlmath::fast;
using dlmath::Matrix;
using dlmath::Vector;

namespace {

using dlmath::tour::num;

// |value - expected| <= tol, printed with both numbers
void near(dlmath::tour::Checks& c, const std::string& what, double value, double expected, double tol) {
    dlmath::tour::check_that(c, what + " = " + num(value) + " (exact " + num(expected) + ", within " + num(tol, 2) + ")",
                             std::fabs(value - expected) <= tol);
}

void one_variable(dlmath::tour::Checks& c) {
    //! [example_cubic]
    const auto f = [](double x) { return x * x * x - 6 * x * x + 4 * x + 12; };  // f'(x) = 3x^2 - 12x + 4
    const double central = ref::central_difference(f, 2.0);  // h = cbrt(eps) max(1, |x|)
    const double forward = ref::forward_difference(f, 2.0);  // h = sqrt(eps) max(1, |x|)
    //! [example_cubic]
    near(c, "f'(2) of x^3 - 6x^2 + 4x + 12, central", central, -8.0, 1e-9);
    near(c, "f'(2) of x^3 - 6x^2 + 4x + 12, forward", forward, -8.0, 1e-6);
    const auto g = [](double x) { return std::sin(2 * x); };
    near(c, "d/dx sin(2x) at 0.3 = 2 cos(0.6), central", ref::central_difference(g, 0.3), 2 * std::cos(0.6), 1e-9);
    //! [example_abs]
    const auto a = [](double x) { return std::fabs(x); };
    const double at_kink_central = ref::central_difference(a, 0.0);  // (h - h) / 2h = 0
    const double at_kink_forward = ref::forward_difference(a, 0.0);  // (h - 0) / h = 1
    //! [example_abs]
    dlmath::tour::check(c, "|x| at 0: the central difference gives 0 (no derivative exists)", at_kink_central, 0.0);
    dlmath::tour::check(c, "|x| at 0: the forward difference gives 1", at_kink_forward, 1.0);
}

void several_variables(dlmath::tour::Checks& c) {
    //! [example_partials]
    const ref::Objective f = [](const Vector& p) { return 2 * p(0) * p(0) - p(0) * p(1) + 3 * p(1) * p(1) - 10; };
    const Vector g = ref::gradient(f, Vector{1.0, 2.0});  // [4x - y, -x + 6y] = [2, 11]
    //! [example_partials]
    near(c, "df/dx of 2x^2 - xy + 3y^2 - 10 at (1, 2) = 4x - y", g(0), 2.0, 1e-9);
    near(c, "df/dy of 2x^2 - xy + 3y^2 - 10 at (1, 2) = -x + 6y", g(1), 11.0, 1e-9);

    //! [example_chain_rule]
    const ref::Objective T = [](const Vector& p) { return p(1) * p(1) + p(0) - 0.5; };
    const double t = 1.25;
    const Vector p = {t, t * t - t + 0.25}, p_dot = {1.0, 2 * t - 1};   // the curve and its velocity
    const double dT_dt = ref::directional_derivative(T, p, p_dot);       // <grad T(p(t)), p'(t)>
    const double expected = 2 * (t * t - t + 0.25) * (2 * t - 1) + 1;    // 2(t^2 - t + 1/4)(2t - 1) + 1
    //! [example_chain_rule]
    near(c, "chain rule: dT/dt at t = 1.25 along (t, t^2 - t + 1/4)", dT_dt, expected, 1e-9);

    const ref::Objective s = [](const Vector& q) { return std::sin(q(0)) * std::sin(q(1)); };
    const Vector gs = ref::gradient(s, Vector{0.7, -1.2});
    near(c, "differential of sin x sin y: df/dx = cos x sin y at (0.7, -1.2)", gs(0), std::cos(0.7) * std::sin(-1.2),
         1e-9);
    near(c, "differential of sin x sin y: df/dy = sin x cos y at (0.7, -1.2)", gs(1), std::sin(0.7) * std::cos(-1.2),
         1e-9);

    //! [example_directional]
    const Vector q = {1.5, 0.75}, v = {0.5, 1.0};
    const Vector grad = ref::gradient(T, q);                 // [1, 2y]
    const double D_v = ref::directional_derivative(T, q, v);  // 1/2 + 2y
    //! [example_directional]
    near(c, "grad (y^2 + x - 1/2) at y = 0.75: [1, 2y], entry 1", grad(0), 1.0, 1e-9);
    near(c, "grad (y^2 + x - 1/2) at y = 0.75: [1, 2y], entry 2", grad(1), 1.5, 1e-9);
    near(c, "D_v f along v = [1/2, 1] at y = 0.75: 1/2 + 2y", D_v, 2.0, 1e-9);
}

void checks_and_layers(dlmath::tour::Checks& c) {
    //! [example_gradient_check]
    const ref::Objective loss = [](const Vector& w) { return std::log(1 + std::exp(-w(0) * 2.0 + w(1))); };
    const ref::VectorFunction right = [](const Vector& w) {
        const double s = 1 / (1 + std::exp(w(0) * 2.0 - w(1)));  // sigma(-2 w0 + w1)
        return Vector{-2 * s, s};
    };
    const ref::VectorFunction wrong = [](const Vector& w) {
        const double s = 1 / (1 + std::exp(w(0) * 2.0 - w(1)));
        return Vector{-s, s};  // the factor 2 of the chain rule forgotten
    };
    const double err_right = ref::gradient_check(loss, right, Vector{0.3, -0.4});
    const double err_wrong = ref::gradient_check(loss, wrong, Vector{0.3, -0.4});
    //! [example_gradient_check]
    dlmath::tour::check_that(c, "gradient check of a right gradient: " + num(err_right, 3) + " < 1e-8",
                             err_right < 1e-8);
    dlmath::tour::check_that(c, "gradient check of a wrong gradient: " + num(err_wrong, 3) + " > 1e-2",
                             err_wrong > 1e-2);

    //! [example_linear_layer]
    const Matrix W = {{1.0, -2.0, 0.5}, {3.0, 0.25, -1.0}};  // o = 2, d = 3
    const Vector x = {0.5, -1.0, 2.0};
    const ref::VectorFunction layer = [&](const Vector& v) {  // y_i = sum_j W_ij v_j
        Vector y = xt::zeros<double>({W.shape(0)});
        for (std::size_t i = 0; i < W.shape(0); ++i)
            for (std::size_t j = 0; j < W.shape(1); ++j) y(i) += W(i, j) * v(j);
        return y;
    };
    const Matrix dy_dx = ref::jacobian(layer, x);                     // = W
    const dlmath::Tensor3 dy_dW = ref::linear_weight_jacobian(2, x);  // (o, o, d): delta_ik x_j
    //! [example_linear_layer]
    near(c, "linear layer: dy_2/dx_3 = W(2, 3)", dy_dx(1, 2), -1.0, 1e-9);
    dlmath::tour::check(c, "linear layer: dy_2/dW_23 = x_3", dy_dW(1, 1, 2), 2.0);
    dlmath::tour::check(c, "linear layer: dy_1/dW_23 = 0", dy_dW(0, 1, 2), 0.0);
}

void timings(bool quick) {
    std::cout << "  reference vs fast, best of 3 runs (f reads 16 entries of x: 2n cheap calls):\n";
    const std::size_t n = quick ? 20000 : 100000;
    Vector x = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) x(i) = std::sin(static_cast<double>(i));
    // safe to call concurrently: it only reads its argument
    const ref::Objective f = [](const Vector& v) {
        double s = 0;
        for (std::size_t k = 0; k < 16; ++k) s += std::log1p(v((k * 7919) % v.size()) * v((k * 7919) % v.size()));
        return s;
    };
    Vector g;
    dlmath::tour::print_timing("gradient (n = " + std::to_string(n) + ")",
                               dlmath::tour::seconds([&] { g = ref::gradient(f, x); }, 3),
                               dlmath::tour::seconds([&] { g = fast::gradient(f, x); }, 3));
}

// Figure: the error of the forward and central differences of exp at x = 1 against h, from
// 1e-15 to 1e-1 (below half an ulp of 1, 1.1e-16, x + h would round to x): truncation falls
// with h (slopes 1 and 2), rounding grows as eps / h.
void figure(const std::filesystem::path& dir) {
    const std::size_t steps = 120;
    Matrix rows = Matrix::from_shape({steps + 1, 3});
    const auto f = [](double t) { return std::exp(t); };
    const double exact = std::exp(1.0);
    for (std::size_t k = 0; k <= steps; ++k) {
        const double h = std::pow(10.0, -15.0 + 14.0 * static_cast<double>(k) / steps);
        rows(k, 0) = h;
        // an error of exactly 0 has no logarithm: floor it at 1e-17 (below every plotted value)
        rows(k, 1) = std::fmax(std::fabs(ref::forward_difference(f, 1.0, h) - exact), 1e-17);
        rows(k, 2) = std::fmax(std::fabs(ref::central_difference(f, 1.0, h) - exact), 1e-17);
    }
    dlmath::tour::write_csv(dir / "fd_error.csv", "h,forward,central", rows);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    one_variable(c);
    several_variables(c);
    checks_and_layers(c);
    timings(o.quick);
    figure(o.figures);
}

const dlmath::tour::Register section{"derivatives", run};

}  // namespace
