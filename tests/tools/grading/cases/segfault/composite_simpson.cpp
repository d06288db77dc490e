// Crafted submission: dereferences a null pointer in the function under test.
#include "composite_simpson.hpp"

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double composite_simpson(const Vector& y, double h) {
    volatile double* p = nullptr;
    *p = double(y.size()) * h;
    return *p;
}

}  // namespace dlmath::exercises
