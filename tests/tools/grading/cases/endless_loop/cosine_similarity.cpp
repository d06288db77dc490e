// Crafted submission: never returns.
#include "cosine_similarity.hpp"

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double cosine_similarity(const Vector& x, const Vector& y) {
    volatile double s = double(x.size() + y.size());
    for (;;) {
        s = s + 1.0;
    }
}

}  // namespace dlmath::exercises
