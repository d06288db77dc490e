// Crafted submission: prints 2 MB on every call, then returns a wrong answer
// (so its failing visible tests show that output, which must be truncated).
#include <cmath>
#include <cstdio>
#include <string>
#include "matrix_product.hpp"

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

Matrix matrix_product(const Matrix& A, const Matrix&) {
    const std::string line(1023, 'x');
    for (int i = 0; i < 2048; ++i) std::printf("%s\n", line.c_str());
    std::fflush(stdout);
    Matrix wrong = A;
    wrong.fill(std::nan(""));
    return wrong;
}

Matrix matrix_product_transposed(const Matrix& A, const Matrix& B) { return matrix_product(A, B); }

}  // namespace dlmath::exercises
