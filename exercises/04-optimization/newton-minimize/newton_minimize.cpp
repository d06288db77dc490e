#include "newton_minimize.hpp"

#include <cmath>
#include <cstddef>
#include <utility>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

NewtonMinimizeResult newton_minimize(const Matrix& A, const Vector& b, double c, const Vector& x0, double tol,
                                     std::size_t max_iter) {
    // BEGIN SOLUTION
    const std::size_t n = x0.size();
    if (n == 0) throw domain_error("newton_minimize: x0 must not be empty");
    if (A.shape(0) != n || A.shape(1) != n || b.size() != n) {
        throw shape_error(detail::message("newton_minimize: A ~ (", A.shape(0), ", ", A.shape(1), ") and b ~ (",
                                          b.size(), ") do not fit x0 ~ (", n, ")"));
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(x0(i)) || !std::isfinite(b(i))) {
            throw domain_error(detail::message("newton_minimize: x0[", i, "] = ", x0(i), ", b[", i, "] = ", b(i),
                                               ": every entry must be finite"));
        }
        for (std::size_t j = 0; j < n; ++j) {
            if (!std::isfinite(A(i, j))) {
                throw domain_error(detail::message("newton_minimize: A[", i, ", ", j, "] = ", A(i, j),
                                                   " must be finite"));
            }
        }
    }
    if (!(c >= 0.0) || std::isinf(c)) {
        throw domain_error(detail::message("newton_minimize: c = ", c, " must be finite and >= 0"));
    }
    if (!(tol >= 0.0) || std::isinf(tol)) {
        throw domain_error(detail::message("newton_minimize: tol = ", tol, " must be finite and >= 0"));
    }
    Vector x = x0;
    for (std::size_t k = 0;; ++k) {
        // g = A x − b + c x³
        Vector g = Vector::from_shape({n});
        double squares = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            double s = -b(i);
            for (std::size_t j = 0; j < n; ++j) s += A(i, j) * x(j);
            g(i) = s + c * x(i) * x(i) * x(i);
            squares += g(i) * g(i);
        }
        if (std::sqrt(squares) <= tol) return {x, k, true};
        if (k == max_iter) return {x, k, false};
        // H = A + 3c diag(x²)
        Matrix H = A;
        for (std::size_t i = 0; i < n; ++i) H(i, i) += 3.0 * c * x(i) * x(i);
        // Gaussian elimination with partial pivoting on [H | −g], then back substitution: H d = −g
        Vector d = -g;
        for (std::size_t j = 0; j < n; ++j) {
            std::size_t p = j;
            for (std::size_t i = j + 1; i < n; ++i)
                if (std::fabs(H(i, j)) > std::fabs(H(p, j))) p = i;
            if (H(p, j) == 0.0) {
                throw domain_error(detail::message("newton_minimize: the Hessian is singular at step ", k,
                                                   " (no pivot in column ", j, ")"));
            }
            if (p != j) {
                for (std::size_t l = 0; l < n; ++l) std::swap(H(j, l), H(p, l));
                std::swap(d(j), d(p));
            }
            for (std::size_t i = j + 1; i < n; ++i) {
                const double m = H(i, j) / H(j, j);
                for (std::size_t l = j; l < n; ++l) H(i, l) -= m * H(j, l);
                d(i) -= m * d(j);
            }
        }
        for (std::size_t j = n; j-- > 0;) {
            for (std::size_t l = j + 1; l < n; ++l) d(j) -= H(j, l) * d(l);
            d(j) /= H(j, j);
        }
        for (std::size_t i = 0; i < n; ++i) x(i) = x(i) + d(i);
    }
    // END SOLUTION
}

}  // namespace dlmath::exercises
