// Crafted submission: drops the last column of every matrix with two
// columns or more, so the hidden property fails, and RapidCheck shrinks its
// random matrix to a smallest one that shows it: the student must see that
// counterexample in the output.
#include "frobenius_norm.hpp"

#include <cmath>
#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

namespace {
double sum_of_squares_but_last_column(const Matrix& A) {
    const std::size_t m = A.shape(0), n = A.shape(1);
    const std::size_t used = n >= 2 ? n - 1 : n;
    double sum = 0.0;
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < used; ++j) {
            sum += A(i, j) * A(i, j);
        }
    }
    return sum;
}
}  // namespace

double frobenius_norm_entries(const Matrix& A) { return std::sqrt(sum_of_squares_but_last_column(A)); }

FrobeniusByTrace frobenius_norm_trace(const Matrix& A) {
    const std::size_t m = A.shape(0), n = A.shape(1);
    const std::size_t used = n >= 2 ? n - 1 : n;
    FrobeniusByTrace r;
    r.diagonal = Vector::from_shape({m});
    for (std::size_t i = 0; i < m; ++i) {
        r.diagonal(i) = 0.0;
        for (std::size_t k = 0; k < used; ++k) r.diagonal(i) += A(i, k) * A(i, k);
    }
    r.norm = std::sqrt(sum_of_squares_but_last_column(A));
    return r;
}

}  // namespace dlmath::exercises
