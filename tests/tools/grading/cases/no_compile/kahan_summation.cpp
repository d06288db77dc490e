// Crafted submission: does not compile (a missing semicolon, an unknown name).
#include "kahan_summation.hpp"

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double kahan_sum(const Vector& x) {
    double s = 0.0
    return s + undeclared_name(x);
}

}  // namespace dlmath::exercises
