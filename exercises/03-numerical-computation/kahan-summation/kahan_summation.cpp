#include "kahan_summation.hpp"

#include <cmath>
#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double kahan_sum(const Vector& x) {
    // BEGIN SOLUTION
    double s = 0.0, c = 0.0;  // the running sum, and minus the low bits it has lost
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double y = x(i) - c;  // the next term, corrected by what the last addition lost
        const double t = s + y;     // the low bits of y are rounded away here
        c = (t - s) - y;            // (t - s) is what was really added: c = -(what was lost)
        s = t;
    }
    if (std::isfinite(s)) return s;
    // an infinite term makes the compensation inf - inf = NaN: give the IEEE sum instead
    double naive = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) naive += x(i);
    return naive;
    // END SOLUTION
}

}  // namespace dlmath::exercises
