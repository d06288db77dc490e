// Crafted submission: does not compile (a missing semicolon, an unknown name).
#include "cosine_similarity.hpp"

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double cosine_similarity(const Vector& x, const Vector& y) {
    double s = 0.0
    return s + undeclared_name(x, y);
}

}  // namespace dlmath::exercises
