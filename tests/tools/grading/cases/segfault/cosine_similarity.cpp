// Crafted submission: dereferences a null pointer in the function under test.
#include "cosine_similarity.hpp"

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double cosine_similarity(const Vector& x, const Vector& y) {
    volatile double* p = nullptr;
    *p = double(x.size() + y.size());
    return *p;
}

}  // namespace dlmath::exercises
