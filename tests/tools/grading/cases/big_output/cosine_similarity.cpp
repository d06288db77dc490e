// Crafted submission: prints 2 MB on every call, then returns a wrong answer
// (so its failing visible tests show that output, which must be truncated).
#include <cmath>
#include <cstdio>
#include <string>
#include "cosine_similarity.hpp"

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double cosine_similarity(const Vector&, const Vector&) {
    const std::string line(1023, 'x');
    for (int i = 0; i < 2048; ++i) std::printf("%s\n", line.c_str());
    std::fflush(stdout);
    return std::nan("");
}

}  // namespace dlmath::exercises
