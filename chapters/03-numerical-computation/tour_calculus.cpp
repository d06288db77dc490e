// Chapter 3, changes of variables and Taylor polynomials: the polar Jacobian
// and det J = r, the disc integral in two coordinate systems, the Taylor
// coefficients of sin x + cos x, and the data of the figure taylor.svg.

#include <cmath>
#include <filesystem>
#include <numbers>
#include <string>

#include <xtensor/xview.hpp>

#include "dlmath/reference/linear_algebra.hpp"
#include "dlmath/reference/numerical.hpp"
#include "tour.hpp"

namespace ref = dlmath::reference;
using dlmath::Matrix;
using dlmath::Vector;

namespace {

void polar(dlmath::tour::Checks& c) {
    //! [example_polar]
    const double r = 2.0, theta = 0.9;
    const Matrix J = ref::polar_jacobian(r, theta);  // [[cos t, -r sin t], [sin t, r cos t]]
    const double det_J = ref::det(J);                 // r (cos^2 t + sin^2 t) = r
    const Vector xy = ref::polar_to_cartesian(Vector{r, theta});
    const Matrix Jc = ref::polar_jacobian_cartesian(xy(0), xy(1));  // [[x/r, -y], [y/r, x]]
    //! [example_polar]
    dlmath::tour::check(c, "polar: det J at r = 2 equals r", det_J, 2.0, 4);
    dlmath::tour::check(c, "polar: J(1, 2) = -r sin t = -y", Jc(0, 1), J(0, 1), 4);
    dlmath::tour::check(c, "polar: J(2, 1) = sin t = y / r", Jc(1, 0), J(1, 0), 4);
    dlmath::tour::check(c, "polar: det J^-1 = 1/r", ref::det(ref::polar_jacobian_inverse(r, theta)), 0.5, 4);

    //! [example_disc]
    const ref::PlaneFunction f = [](double x, double y) { return std::exp(-(x * x + y * y)); };
    const double in_polar = ref::integrate_polar(f, 2.0, 200);              // with |det J| = r
    const double in_cartesian = ref::integrate_disc_cartesian(f, 2.0, 400);  // cells of the square
    const double exact = std::numbers::pi * (1 - std::exp(-4.0));           // pi (1 - e^(-R^2))
    //! [example_disc]
    dlmath::tour::check_that(c, "disc integral of exp(-(x^2 + y^2)), polar: " + std::to_string(in_polar) + " (exact " +
                                    std::to_string(exact) + ", within 1e-4)",
                             std::fabs(in_polar - exact) < 1e-4);
    dlmath::tour::check_that(c, "the same, Cartesian cells: " + std::to_string(in_cartesian) + " (within 2e-3)",
                             std::fabs(in_cartesian - exact) < 2e-3);
}

void taylor(dlmath::tour::Checks& c) {
    //! [example_taylor]
    const Vector d = {1, 1, -1, -1, 1, 1};  // (sin + cos)^(k)(0): 1, 1, -1, -1, 1, 1, ...
    const double x = 0.5;
    const double T5 = ref::taylor_polynomial(d, 0.0, x);  // 1 + x - x^2/2! - x^3/3! + x^4/4! + x^5/5!
    //! [example_taylor]
    dlmath::tour::check(c, "Taylor of sin x + cos x at 0.5, order 5",
                        T5, 1 + x - x * x / 2 - x * x * x / 6 + std::pow(x, 4) / 24 + std::pow(x, 5) / 120, 4);
    const double err = std::fabs(T5 - (std::sin(x) + std::cos(x)));
    dlmath::tour::check_that(c, "its error " + std::to_string(err) + " <= sqrt(2) x^6 / 6! = " +
                                    std::to_string(std::sqrt(2.0) * std::pow(x, 6) / 720),
                             err <= std::sqrt(2.0) * std::pow(x, 6) / 720);
    // the tangent plane and quadratic model of 2x^2 - xy + 3y^2 - 10 about (1, 2)
    const Vector p0 = {1.0, 2.0}, p = {1.1, 1.9}, g = {2.0, 11.0};
    const Matrix H = {{4.0, -1.0}, {-1.0, 6.0}};
    const double q = 2 * 1.1 * 1.1 - 1.1 * 1.9 + 3 * 1.9 * 1.9 - 10;
    dlmath::tour::check(c, "quadratic model of a quadratic is exact", ref::quadratic_approximation(2.0, g, H, p0, p),
                        q, 8);
    // f(1, 2) = 2; d = (0.1, -0.1), 1/2 d^T H d = 1/2 (0.04 + 0.02 + 0.06) = 0.06
    const double gap = q - ref::linear_approximation(2.0, g, p0, p);
    dlmath::tour::check_that(c, "the tangent plane misses by 1/2 d^T H d = 0.06: " + std::to_string(gap),
                             std::fabs(gap - 0.06) < 1e-12);
}

// Figure: sin x + cos x and its Taylor polynomials of orders 1, 3 and 5 about 0 on [-4, 4].
void figure(const std::filesystem::path& dir) {
    const std::size_t steps = 200;
    const Vector d = {1, 1, -1, -1, 1, 1};
    Matrix rows = Matrix::from_shape({steps + 1, 5});
    for (std::size_t k = 0; k <= steps; ++k) {
        const double x = -4.0 + 8.0 * static_cast<double>(k) / steps;
        rows(k, 0) = x;
        rows(k, 1) = std::sin(x) + std::cos(x);
        rows(k, 2) = ref::taylor_polynomial(xt::view(d, xt::range(0, 2)), 0.0, x);
        rows(k, 3) = ref::taylor_polynomial(xt::view(d, xt::range(0, 4)), 0.0, x);
        rows(k, 4) = ref::taylor_polynomial(d, 0.0, x);
    }
    dlmath::tour::write_csv(dir / "taylor.csv", "x,f,order1,order3,order5", rows);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    polar(c);
    taylor(c);
    figure(o.figures);
}

const dlmath::tour::Register section{"calculus", run};

}  // namespace
