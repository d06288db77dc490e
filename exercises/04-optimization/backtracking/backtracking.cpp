#include "backtracking.hpp"

#include <cmath>
#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

BacktrackingResult backtracking(const Matrix& A, const Vector& b, const Vector& x, const Vector& d, double alpha0,
                                double rho, double c1, std::size_t max_shrinks) {
    // BEGIN SOLUTION
    // A ~ (n, n), b, x, d ~ (n)
    const std::size_t n = x.size();
    if (A.shape(0) != n || A.shape(1) != n || b.size() != n || d.size() != n) {
        throw shape_error(detail::message("backtracking: A ~ (", A.shape(0), ", ", A.shape(1), "), b ~ (", b.size(),
                                          "), x ~ (", n, ") and d ~ (", d.size(), ") must be (n, n), (n), (n), (n)"));
    }
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            if (!std::isfinite(A(i, j))) {
                throw domain_error(detail::message("backtracking: A[", i, ", ", j, "] = ", A(i, j), " is not finite"));
            }
        }
        if (!std::isfinite(b(i)) || !std::isfinite(x(i)) || !std::isfinite(d(i))) {
            throw domain_error(detail::message("backtracking: b[", i, "] = ", b(i), ", x[", i, "] = ", x(i), ", d[",
                                               i, "] = ", d(i), ": every entry must be finite"));
        }
    }
    if (!(alpha0 > 0.0) || std::isinf(alpha0)) {
        throw domain_error(detail::message("backtracking: alpha0 = ", alpha0, " must be finite and > 0"));
    }
    if (!(rho > 0.0 && rho < 1.0)) {
        throw domain_error(detail::message("backtracking: rho = ", rho, " must lie in (0, 1)"));
    }
    if (!(c1 > 0.0 && c1 < 1.0)) {
        throw domain_error(detail::message("backtracking: c1 = ", c1, " must lie in (0, 1)"));
    }
    // f(y) = y^T A y / 2 - b^T y, one evaluation
    const auto f = [&](const Vector& y) {
        double s = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            double Ay_i = 0.0;
            for (std::size_t j = 0; j < n; ++j) Ay_i += A(i, j) * y(j);
            s += y(i) * (0.5 * Ay_i - b(i));
        }
        return s;
    };
    // the slope s = grad f(x)^T d with grad f(x) = A x - b
    double slope = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        double Ax_i = 0.0;
        for (std::size_t j = 0; j < n; ++j) Ax_i += A(i, j) * x(j);
        slope += (Ax_i - b(i)) * d(i);
    }
    if (!(slope < 0.0)) {
        throw domain_error(detail::message("backtracking: grad f(x)^T d = ", slope,
                                           " >= 0: d is not a descent direction"));
    }
    const double fx = f(x);
    std::size_t evaluations = 1;
    double alpha = alpha0;
    Vector trial = Vector::from_shape({n});
    for (std::size_t shrinks = 0;; ++shrinks) {
        for (std::size_t i = 0; i < n; ++i) trial(i) = x(i) + alpha * d(i);
        const double f_trial = f(trial);
        ++evaluations;
        if (f_trial <= fx + c1 * alpha * slope) return {alpha, evaluations};
        if (shrinks == max_shrinks) {
            throw domain_error(detail::message("backtracking: no step met f(x + alpha d) <= f(x) + c1 alpha "
                                               "grad f(x)^T d after ", max_shrinks, " shrinks (last alpha = ",
                                               alpha, ")"));
        }
        alpha = rho * alpha;
    }
    // END SOLUTION
}

}  // namespace dlmath::exercises
