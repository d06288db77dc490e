#include "frobenius_norm.hpp"

#include <cmath>
#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double frobenius_norm_entries(const Matrix& A) {
    // BEGIN SOLUTION
    // A ~ (m, n)
    const std::size_t m = A.shape(0), n = A.shape(1);
    double sum = 0.0;
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            sum += A(i, j) * A(i, j);
        }
    }
    return std::sqrt(sum);
    // END SOLUTION
}

FrobeniusByTrace frobenius_norm_trace(const Matrix& A) {
    // BEGIN SOLUTION
    // A ~ (m, n); Tr(A A^T) = sum_i (A A^T)_ii, (A A^T)_ii = sum_k A_ik A_ik
    const std::size_t m = A.shape(0), n = A.shape(1);
    FrobeniusByTrace r;
    r.diagonal = Vector::from_shape({m});
    double trace = 0.0;
    for (std::size_t i = 0; i < m; ++i) {
        double aat_ii = 0.0;  // row i of A against itself
        for (std::size_t k = 0; k < n; ++k) {
            aat_ii += A(i, k) * A(i, k);
        }
        r.diagonal(i) = aat_ii;
        trace += aat_ii;
    }
    r.norm = std::sqrt(trace);
    return r;
    // END SOLUTION
}

}  // namespace dlmath::exercises
