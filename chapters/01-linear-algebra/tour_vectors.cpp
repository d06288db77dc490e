// Chapter 1, inner products and norms: the worked examples, reference vs
// fast dot and norm, and the data of the figure unit_balls.svg.

#include <cmath>
#include <iostream>
#include <iterator>
#include <numbers>
#include <random>
#include <sstream>
#include <string>

#include "dlmath/fast/linear_algebra.hpp"
#include "dlmath/reference/linear_algebra.hpp"
#include "tour.hpp"

namespace ref = dlmath::reference;
namespace fast = dlmath::fast;
using dlmath::Vector;

namespace {

void inner_products_and_norms(dlmath::tour::Checks& c) {
    //! [example_dot]
    const Vector x = {0.1, 0.0, -0.3};
    const Vector y = {-4.0, 0.05, 0.1};
    const double d = ref::dot(x, y);  // -0.43000000000000005: one ulp from -0.43
    //! [example_dot]
    dlmath::tour::check(c, "<[0.1, 0, -0.3], [-4.0, 0.05, 0.1]>", d, -0.43, 1);
    dlmath::tour::check(c, "the same with the fast twin", fast::dot(x, y), d);

    const Vector v = {3.0, -4.0};
    dlmath::tour::check(c, "||[3, -4]||_1", ref::norm(v, 1.0), 7.0);
    dlmath::tour::check(c, "||[3, -4]||_2", ref::norm(v, 2.0), 5.0);
    dlmath::tour::check(c, "||[3, -4]||_inf", ref::norm(v, INFINITY), 4.0);
    dlmath::tour::check(c, "<x, 1> = sum of x for x = [1.5, -2, 4.25]",
                        ref::dot(Vector{1.5, -2.0, 4.25}, Vector{1.0, 1.0, 1.0}), 3.75);
    // ||(1e200, 1e200)||_2 = sqrt(2) * 1e200 although 1e200^2 overflows
    dlmath::tour::check(c, "||[1e200, 1e200]||_2 (no overflow)", ref::norm(Vector{1e200, 1e200}), std::sqrt(2.0) * 1e200, 2);

    // Template matching: over unit vectors y, <x, y> is largest at y = x/||x||.
    const Vector t = {2.0, 1.0, -2.0};
    const Vector best = t / ref::norm(t);
    std::mt19937_64 rng(1);
    std::normal_distribution<double> g;
    bool never_better = true;
    for (int k = 0; k < 10000; ++k) {
        Vector r = {g(rng), g(rng), g(rng)};
        r /= ref::norm(r);
        never_better = never_better && ref::dot(t, r) <= ref::dot(t, best) * (1 + 1e-15);
    }
    dlmath::tour::check(c, "template matching: <x, x/||x||> = ||x|| for x = [2, 1, -2]", ref::dot(t, best), 3.0, 2);
    dlmath::tour::check_that(c, "no random unit vector of 10000 beats y = x/||x||", never_better);
}

// d||x||_2^2 / dx_i = 2 x_i, checked by central differences; and the slope
// of ||x||_1, which stays at +-1 however small x_i is.
void gradients(dlmath::tour::Checks& c) {
    //! [example_gradient]
    auto squared_l2 = [](const Vector& v) { return ref::dot(v, v); };
    auto l1 = [](const Vector& v) { return ref::norm(v, 1.0); };
    // (f(x + h e_i) - f(x - h e_i)) / 2h: exact for a quadratic, up to rounding
    auto slope = [](auto f, Vector x, std::size_t i, double h) {
        const double xi = x(i);
        x(i) = xi + h;
        const double up = f(x);
        x(i) = xi - h;
        return (up - f(x)) / (2 * h);
    };
    const Vector x = {0.3, -1.7, 0.001};
    //! [example_gradient]
    const double h = 1e-5;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double fd = slope(squared_l2, x, i, h);
        // rounding of f (about 3u ||x||^2) divided by 2h: 1e-16 * 3 / 2e-5 ~ 1e-11
        dlmath::tour::check_that(c, "d||x||²/dx_" + std::to_string(i + 1) + " by differences = " + std::to_string(fd) +
                                        ", 2x_" + std::to_string(i + 1) + " = " + std::to_string(2 * x(i)) +
                                        " (within 1e-9)",
                                 std::fabs(fd - 2 * x(i)) < 1e-9);
    }
    const double l1_slope = slope(l1, x, 2, 1e-4);  // cancellation: 2u ||x||_1 / 2h ~ 2e-12
    dlmath::tour::check_that(c, "near 0 the L1 slope stays 1: d||x||_1/dx_3 at x_3 = 0.001 is " +
                                    std::to_string(l1_slope) + " (within 1e-9)",
                             std::fabs(l1_slope - 1.0) < 1e-9);
    dlmath::tour::check(c, "  while the squared L2 slope is 2x_3", 2 * x(2), 0.002);
}

void timings(bool quick) {
    std::cout << "  reference vs fast, best of 5 runs:\n";
    const std::size_t n = quick ? 1'000'000 : 10'000'000;
    Vector x = Vector::from_shape({n}), y = Vector::from_shape({n});
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> unif(-1.0, 1.0);
    for (std::size_t i = 0; i < n; ++i) { x(i) = unif(rng); y(i) = unif(rng); }
    volatile double sink = 0;
    const std::string size = " (n = " + std::to_string(n) + ")";
    dlmath::tour::print_timing("dot" + size, dlmath::tour::seconds([&] { sink = ref::dot(x, y); }),
                               dlmath::tour::seconds([&] { sink = fast::dot(x, y); }));
    dlmath::tour::print_timing("norm, p = 2" + size, dlmath::tour::seconds([&] { sink = ref::norm(x, 2.0); }),
                               dlmath::tour::seconds([&] { sink = fast::norm(x, 2.0); }));
    dlmath::tour::print_timing("norm, p = 3" + size, dlmath::tour::seconds([&] { sink = ref::norm(x, 3.0); }),
                               dlmath::tour::seconds([&] { sink = fast::norm(x, 3.0); }));
    (void)sink;
}

// p as a column name shows it: 1, 1.5, inf.
std::string number(double p) {
    std::ostringstream os;
    os << p;
    return os.str();
}

// Figure: the unit "circles" {x : ||x||_p = 1} in the plane for several p,
// written as unit_balls.csv: theta, then x and y for each p.
void unit_balls(const std::filesystem::path& dir) {
    const double ps[] = {1.0, 1.5, 2.0, 4.0, INFINITY};
    const std::size_t steps = 720;
    std::string header = "theta";
    for (double p : ps) header += ",x_p" + number(p) + ",y_p" + number(p);
    dlmath::Matrix rows = dlmath::Matrix::from_shape({steps + 1, 1 + 2 * std::size(ps)});
    for (std::size_t k = 0; k <= steps; ++k) {
        const double theta = 2 * std::numbers::pi * static_cast<double>(k) / steps;
        const Vector dir2 = {std::cos(theta), std::sin(theta)};
        rows(k, 0) = theta;
        for (std::size_t l = 0; l < std::size(ps); ++l) {
            const Vector point = dir2 / ref::norm(dir2, ps[l]);  // scaled onto ||.||_p = 1
            rows(k, 1 + 2 * l) = point(0);
            rows(k, 2 + 2 * l) = point(1);
        }
    }
    dlmath::tour::write_csv(dir / "unit_balls.csv", header, rows);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    inner_products_and_norms(c);
    gradients(c);
    timings(o.quick);
    unit_balls(o.figures);
}

const dlmath::tour::Register section{"vectors", run};

}  // namespace

