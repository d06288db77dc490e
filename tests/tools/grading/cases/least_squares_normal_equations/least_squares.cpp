// Crafted submission: least squares through the normal equations
// A^T A x = A^T b, by Cholesky. It squares the condition number (and the
// entries: A^T A overflows for entries near 1e180); right on well-conditioned
// matrices of moderate entries.
#include "least_squares.hpp"

#include <cmath>
#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

LeastSquaresResult least_squares(const Matrix& A, const Vector& b) {
    const std::size_t m = A.shape(0), n = A.shape(1);
    if (b.size() != m) throw shape_error(detail::message("least_squares: b has ", b.size(), " entries, A ", m, " rows"));
    if (m < n) throw shape_error(detail::message("least_squares: A is ", shape_string(A), ", fewer rows than columns"));
    for (double v : A)
        if (!std::isfinite(v)) throw domain_error("least_squares: a non-finite entry in A");
    for (double v : b)
        if (!std::isfinite(v)) throw domain_error("least_squares: a non-finite entry in b");
    // G = A^T A, h = A^T b
    Matrix G = xt::zeros<double>({n, n});
    Vector h = xt::zeros<double>({n});
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j)
            for (std::size_t p = 0; p < m; ++p) G(i, j) += A(p, i) * A(p, j);
        for (std::size_t p = 0; p < m; ++p) h(i) += A(p, i) * b(p);
    }
    // G = L L^T
    Matrix L = xt::zeros<double>({n, n});
    for (std::size_t j = 0; j < n; ++j) {
        double d = G(j, j);
        for (std::size_t k = 0; k < j; ++k) d -= L(j, k) * L(j, k);
        if (!(d > 0.0)) throw domain_error("least_squares: A does not have full column rank");
        L(j, j) = std::sqrt(d);
        for (std::size_t i = j + 1; i < n; ++i) {
            double s = G(i, j);
            for (std::size_t k = 0; k < j; ++k) s -= L(i, k) * L(j, k);
            L(i, j) = s / L(j, j);
        }
    }
    // L y = h, L^T x = y
    Vector x = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) {
        double s = h(i);
        for (std::size_t k = 0; k < i; ++k) s -= L(i, k) * x(k);
        x(i) = s / L(i, i);
    }
    for (std::size_t i = n; i-- > 0;) {
        double s = x(i);
        for (std::size_t k = i + 1; k < n; ++k) s -= L(k, i) * x(k);
        x(i) = s / L(i, i);
    }
    double rr = 0.0;
    for (std::size_t p = 0; p < m; ++p) {
        double r = b(p);
        for (std::size_t j = 0; j < n; ++j) r -= A(p, j) * x(j);
        rr += r * r;
    }
    return {x, std::sqrt(rr)};
}

}  // namespace dlmath::exercises
