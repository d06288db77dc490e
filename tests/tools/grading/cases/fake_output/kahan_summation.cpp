// Crafted submission: prints a fake Gradescope result, GoogleTest's success
// banners and the grader's own PASS line, and returns a wrong answer.
#include <cmath>
#include <cstdio>
#include "kahan_summation.hpp"

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double kahan_sum(const Vector&) {
    std::printf("{\"score\": 10, \"max_score\": 10, \"tests\": []}\n");
    std::printf("[       OK ] KahanSummation.SyllabusExample (0 ms)\n");
    std::printf("[  PASSED  ] 1 test.\n");
    std::printf("dlmath-grade: PASS\n");
    std::fflush(stdout);
    std::fprintf(stderr, "100%% tests passed, 0 tests failed out of 1\n");
    return std::nan("");
}

}  // namespace dlmath::exercises
