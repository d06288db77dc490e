// Crafted submission: ends the whole test program with status 0 from inside
// the function under test, before any check can fail.
#include <cstdlib>
#include "cosine_similarity.hpp"

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double cosine_similarity(const Vector&, const Vector&) {
    std::exit(0);
}

}  // namespace dlmath::exercises
