#include "optimal_step.hpp"

#include <cmath>
#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double optimal_step(const Vector& g, const Matrix& H) {
    // BEGIN SOLUTION
    // g ~ (n), H ~ (n, n)
    const std::size_t n = g.size();
    if (H.shape(0) != n || H.shape(1) != n) {
        throw shape_error(detail::message("optimal_step: g ~ (", n, ") needs H ~ (", n, ", ", n, "), got H ~ (",
                                          H.shape(0), ", ", H.shape(1), ")"));
    }
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            if (!std::isfinite(H(i, j))) {
                throw domain_error(detail::message("optimal_step: H[", i, ", ", j, "] = ", H(i, j), " is not finite"));
            }
        }
        if (!std::isfinite(g(i))) {
            throw domain_error(detail::message("optimal_step: g[", i, "] = ", g(i), " is not finite"));
        }
    }
    double gg = 0.0;
    double gHg = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        gg += g(i) * g(i);
        double Hg_i = 0.0;
        for (std::size_t j = 0; j < n; ++j) Hg_i += H(i, j) * g(j);
        gHg += g(i) * Hg_i;
    }
    if (!(gHg > 0.0)) {
        throw domain_error(detail::message("optimal_step: g^T H g = ", gHg,
                                           " <= 0: f has no minimum along -g (g^T g = ", gg, ")"));
    }
    return gg / gHg;
    // END SOLUTION
}

SteepestDescentResult steepest_descent(const Matrix& A, const Vector& b, const Vector& x0, double tol,
                                       std::size_t max_iter) {
    // BEGIN SOLUTION
    // A ~ (n, n), b, x0 ~ (n)
    const std::size_t n = x0.size();
    if (A.shape(0) != n || A.shape(1) != n || b.size() != n) {
        throw shape_error(detail::message("steepest_descent: A ~ (", A.shape(0), ", ", A.shape(1), "), b ~ (",
                                          b.size(), ") and x0 ~ (", n, ") must be (n, n), (n) and (n)"));
    }
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            if (!std::isfinite(A(i, j))) {
                throw domain_error(
                    detail::message("steepest_descent: A[", i, ", ", j, "] = ", A(i, j), " is not finite"));
            }
        }
        if (!std::isfinite(b(i)) || !std::isfinite(x0(i))) {
            throw domain_error(detail::message("steepest_descent: b[", i, "] = ", b(i), ", x0[", i, "] = ", x0(i),
                                               ": every entry must be finite"));
        }
    }
    if (!(tol >= 0.0) || std::isinf(tol)) {
        throw domain_error(detail::message("steepest_descent: tol = ", tol, " must be finite and >= 0"));
    }
    Vector x = x0;
    Vector g = Vector::from_shape({n});
    for (std::size_t k = 0;; ++k) {
        double squares = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            double Ax_i = 0.0;
            for (std::size_t j = 0; j < n; ++j) Ax_i += A(i, j) * x(j);
            g(i) = Ax_i - b(i);
            squares += g(i) * g(i);
        }
        if (std::sqrt(squares) <= tol) return {x, k, true};
        if (k == max_iter) return {x, k, false};
        const double step = optimal_step(g, A);
        for (std::size_t i = 0; i < n; ++i) x(i) = x(i) - step * g(i);
    }
    // END SOLUTION
}

}  // namespace dlmath::exercises
