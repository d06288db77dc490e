#include "power_iteration.hpp"

#include <cmath>
#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

PowerIterationResult power_iteration(const Matrix& A, const Vector& x0, int max_iterations, double tolerance) {
    // BEGIN SOLUTION
    // A ~ (n, n), x0 ~ (n)
    if (A.shape(0) != A.shape(1) || A.shape(0) == 0) {
        throw shape_error(detail::message("power_iteration: A must be square and non-empty (A is ",
                                          shape_string(A), ")"));
    }
    const std::size_t n = A.shape(0);
    if (x0.size() != n) {
        throw shape_error(detail::message("power_iteration: x0 has ", x0.size(), " entries, A is ",
                                          shape_string(A)));
    }
    if (max_iterations < 1 || !(tolerance > 0.0)) {
        throw domain_error(detail::message("power_iteration: need max_iterations >= 1 and tolerance > 0 (got ",
                                           max_iterations, " and ", tolerance, ")"));
    }
    auto norm2 = [](const Vector& v) {
        double s = 0.0;
        for (double e : v) s += e * e;
        return std::sqrt(s);
    };
    auto times = [&A, n](const Vector& v) {  // A v
        Vector y = Vector::from_shape({n});
        for (std::size_t i = 0; i < n; ++i) {
            double s = 0.0;
            for (std::size_t j = 0; j < n; ++j) s += A(i, j) * v(j);
            y(i) = s;
        }
        return y;
    };

    const double n0 = norm2(x0);
    if (n0 == 0.0) throw domain_error("power_iteration: the start vector x0 is zero");
    PowerIterationResult r;
    Vector x = x0 / n0;
    // Each round makes one product: A x tells the Rayleigh quotient and the
    // residual of x, and, normalised, is the next iterate.
    for (int t = 1; t <= max_iterations; ++t) {
        r.iterations = t;
        const Vector Ax = times(x);
        const double length = norm2(Ax);
        if (length == 0.0) throw domain_error("power_iteration: A x = 0, x lies in the null space of A");
        double lambda = 0.0;  // Rayleigh quotient x^T A x (||x|| = 1)
        for (std::size_t i = 0; i < n; ++i) lambda += x(i) * Ax(i);
        r.eigenvalue = lambda;
        r.eigenvector = x;
        const Vector residual = Ax - lambda * x;
        if (norm2(residual) <= tolerance * std::fabs(lambda)) {
            r.converged = true;
            return r;
        }
        // the next iterate, unless this was the last product allowed: then
        // (lambda, x) stays a consistent pair
        if (t < max_iterations) x = Ax / length;  // x <- A x / ||A x||
    }
    return r;
    // END SOLUTION
}

}  // namespace dlmath::exercises
