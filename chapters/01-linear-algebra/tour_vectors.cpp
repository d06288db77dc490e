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
    timings(o.quick);
    unit_balls(o.figures);
}

const dlmath::tour::Register section{"vectors", run};

}  // namespace

