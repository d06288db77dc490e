// Chapter 2, random variables and distributions: the worked examples.

#include <cmath>
#include <iostream>

#include "dlmath/fast/probability.hpp"
#include "dlmath/reference/probability.hpp"
#include "tour.hpp"

using dlmath::Gaussian;

namespace {

void gaussian_forms(dlmath::tour::Checks& c) {
    //! [example_gaussian_forms]
    const Gaussian by_variance = Gaussian::from_variance(1.0, 4.0);     // sigma^2 = 4
    const Gaussian by_precision = Gaussian::from_precision(1.0, 0.25);  // beta = 1/4
    //! [example_gaussian_forms]
    dlmath::tour::check(c, "N(2.5; 1, sigma^2 = 4)", by_variance.pdf(2.5),
                        std::exp(-0.5 * 0.75 * 0.75) / std::sqrt(2.0 * M_PI * 4.0), 4);
    dlmath::tour::check(c, "N(2.5; 1, beta = 1/4) (the precision form)", by_precision.pdf(2.5), by_variance.pdf(2.5));
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options&) { gaussian_forms(c); }

const dlmath::tour::Register section{"distributions", run};

}  // namespace
