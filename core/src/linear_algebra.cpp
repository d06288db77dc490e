// Chapter 1's shared bookkeeping (see dlmath/detail/linear_algebra.hpp).

#include "dlmath/detail/linear_algebra.hpp"

#include <cmath>
#include <cstddef>
#include <limits>

namespace dlmath::detail {

void complete_left_singular_vectors(SVD& r) {
    // sigma_j = 0: u_j is any unit vector orthogonal to the others; take the
    // first standard basis vector that survives two Gram-Schmidt passes.
    const std::size_t m = r.U.shape(0), k = r.U.shape(1);
    for (std::size_t j = 0; j < k; ++j) {
        if (r.S(j) >= std::numeric_limits<double>::min()) continue;
        for (std::size_t e = 0; e < m; ++e) {
            Vector x = xt::zeros<double>({m});
            x(e) = 1.0;
            for (int pass = 0; pass < 2; ++pass) {
                for (std::size_t l = 0; l < k; ++l) {
                    if (l == j) continue;
                    double d = 0.0;
                    for (std::size_t i = 0; i < m; ++i) d += r.U(i, l) * x(i);
                    for (std::size_t i = 0; i < m; ++i) x(i) -= d * r.U(i, l);
                }
            }
            double nx = 0.0;
            for (std::size_t i = 0; i < m; ++i) nx += x(i) * x(i);
            nx = std::sqrt(nx);
            if (nx > 0.5) {
                for (std::size_t i = 0; i < m; ++i) r.U(i, j) = x(i) / nx;
                break;
            }
        }
    }
}

}  // namespace dlmath::detail
