// Chapter 2, the logistic sigmoid and softplus: the worked values, the two
// identities, reference vs fast on a large vector, and the data of the
// figure sigmoid_softplus.svg.

#include <cmath>
#include <iostream>
#include <string>

#include "dlmath/fast/probability.hpp"
#include "dlmath/reference/probability.hpp"
#include "tour.hpp"

namespace ref = dlmath::reference;
namespace fast = dlmath::fast;
using dlmath::Vector;

namespace {

void values(dlmath::tour::Checks& c) {
    //! [example_sigmoid]
    const double p = ref::sigmoid(std::log(3.0));  // odds 3 : 1 -> P(y = 1) = 3/4
    const double saturated = ref::sigmoid(-1000.0);  // 0, no overflow of e^1000
    const double scale = ref::softplus(0.0);         // ln 2: a positive scale from any real number
    const double big = ref::softplus(1000.0);        // 1000 exactly
    const double tiny = ref::softplus(-700.0);       // e^-700 to full accuracy, not 0
    //! [example_sigmoid]
    dlmath::tour::check(c, "sigma(ln 3)", p, 0.75, 2);
    dlmath::tour::check(c, "sigma(0)", ref::sigmoid(0.0), 0.5);
    dlmath::tour::check(c, "sigma(-1000)", saturated, 0.0);
    dlmath::tour::check(c, "sigma(1000)", ref::sigmoid(1000.0), 1.0);
    dlmath::tour::check(c, "softplus(0) = ln 2", scale, std::log(2.0));
    dlmath::tour::check(c, "softplus(1000)", big, 1000.0);
    dlmath::tour::check(c, "softplus(-700) = e^-700", tiny, std::exp(-700.0));

    const double x = 2.5;
    dlmath::tour::check(c, "softplus(2.5) - softplus(-2.5) = 2.5", ref::softplus(x) - ref::softplus(-x), x, 2);
    // an absolute bound: 1 - sigma(2.5) is exact, each sigma carries <= 3u of a value <= 1
    const double gap = ref::sigmoid(-x) - (1.0 - ref::sigmoid(x));
    dlmath::tour::check_that(c, "sigma(-2.5) = 1 - sigma(2.5) = " + std::to_string(ref::sigmoid(-x)) +
                                    " (apart by " + std::to_string(gap / 0x1p-53) + " u, within 6 u)",
                             std::fabs(gap) <= 6 * 0x1p-53);
    // sigma'(x) by central differences against sigma (1 - sigma): agree to ~1e-10
    const double h = 1e-5, s = ref::sigmoid(x);
    const double slope = (ref::sigmoid(x + h) - ref::sigmoid(x - h)) / ((x + h) - (x - h));
    dlmath::tour::check_that(c, "sigma'(2.5) by differences = " + std::to_string(slope) + " = sigma (1 - sigma) = " +
                                    std::to_string(s * (1 - s)) + " (within 1e-10)",
                             std::fabs(slope - s * (1 - s)) < 1e-10);
}

void timings(bool quick) {
    std::cout << "  reference vs fast, best of 5 runs:\n";
    const std::size_t n = quick ? 1'000'000 : 10'000'000;
    Vector x = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) x(i) = 20.0 * (dlmath::uniform_at(3, i) - 0.5);
    Vector y;
    const std::string size = " (n = " + std::to_string(n) + ")";
    dlmath::tour::print_timing("sigmoid" + size, dlmath::tour::seconds([&] { y = ref::sigmoid(x); }),
                               dlmath::tour::seconds([&] { y = fast::sigmoid(x); }));
    dlmath::tour::print_timing("softplus" + size, dlmath::tour::seconds([&] { y = ref::softplus(x); }),
                               dlmath::tour::seconds([&] { y = fast::softplus(x); }));
}

// Figure: sigma and softplus on [-6, 6], with max(0, x) for comparison.
void figure(const std::filesystem::path& dir) {
    const std::size_t steps = 240;
    dlmath::Matrix rows = dlmath::Matrix::from_shape({steps + 1, 4});
    for (std::size_t k = 0; k <= steps; ++k) {
        const double x = -6.0 + 12.0 * static_cast<double>(k) / steps;
        rows(k, 0) = x;
        rows(k, 1) = ref::sigmoid(x);
        rows(k, 2) = ref::softplus(x);
        rows(k, 3) = std::fmax(x, 0.0);
    }
    dlmath::tour::write_csv(dir / "sigmoid_softplus.csv", "x,sigmoid,softplus,relu", rows);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    values(c);
    timings(o.quick);
    figure(o.figures);
}

const dlmath::tour::Register section{"functions", run};

}  // namespace
