// Crafted wrong answer: the trace route taken as a shortcut. The norm comes
// from frobenius_norm_entries (right to rounding), and the "diagonal" is the
// diagonal of A^T A, the squared column lengths, which has the same trace.
// Only the diagonal shows that Tr(A A^T) was never formed.
#include "frobenius_norm.hpp"

#include <cmath>
#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double frobenius_norm_entries(const Matrix& A) {
    const std::size_t m = A.shape(0), n = A.shape(1);
    double sum = 0.0;
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < n; ++j) sum += A(i, j) * A(i, j);
    return std::sqrt(sum);
}

FrobeniusByTrace frobenius_norm_trace(const Matrix& A) {
    const std::size_t m = A.shape(0), n = A.shape(1);
    FrobeniusByTrace r;
    r.diagonal = Vector::from_shape({n});
    for (std::size_t j = 0; j < n; ++j) {
        double column = 0.0;
        for (std::size_t i = 0; i < m; ++i) column += A(i, j) * A(i, j);
        r.diagonal(j) = column;
    }
    r.norm = frobenius_norm_entries(A);
    return r;
}

}  // namespace dlmath::exercises
