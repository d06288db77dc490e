// Crafted submission: ends the whole test program with status 0 from inside
// the function under test, before any check can fail.
#include <cstdlib>
#include "bernoulli_entropy.hpp"

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double bernoulli_entropy_bits(double) {
    std::exit(0);
}

}  // namespace dlmath::exercises
