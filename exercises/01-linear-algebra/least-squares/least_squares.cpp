#include "least_squares.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

#include <xtensor/xview.hpp>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

LeastSquaresResult least_squares(const Matrix& A, const Vector& b) {
    // BEGIN SOLUTION
    // A ~ (m, n), b ~ (m), returns x ~ (n)
    const std::size_t m = A.shape(0), n = A.shape(1);
    if (b.size() != m) {
        throw shape_error(detail::message("least_squares: b has ", b.size(), " entries but A has ", m,
                                          " rows (A is ", shape_string(A), ", b is ", shape_string(b), ")"));
    }
    if (m < n) {
        throw shape_error(detail::message("least_squares: A is ", shape_string(A),
                                          ", fewer rows than columns (use the minimum-norm solution)"));
    }
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < n; ++j)
            if (!std::isfinite(A(i, j)))
                throw domain_error(detail::message("least_squares: A(", i, ", ", j, ") = ", A(i, j), " is not finite"));
        if (!std::isfinite(b(i)))
            throw domain_error(detail::message("least_squares: b(", i, ") = ", b(i), " is not finite"));
    }

    // The 2-norm of v(from..m-1), scaled by its largest magnitude so that
    // squares neither overflow nor underflow (section 1.2).
    auto norm = [m](auto&& v, std::size_t from) {
        double big = 0.0;
        for (std::size_t i = from; i < m; ++i) big = std::max(big, std::fabs(v(i)));
        if (big == 0.0) return 0.0;
        double s = 0.0;
        for (std::size_t i = from; i < m; ++i) s += (v(i) / big) * (v(i) / big);
        return big * std::sqrt(s);
    };

    // Householder QR in place: column k of R below the diagonal becomes the
    // reflector v (v_k = 1 implied), H_k = I - tau_k v v^T; c = Q^T b.
    Matrix R = A;
    Vector c = b;
    for (std::size_t k = 0; k < n; ++k) {
        const double nrm = norm(xt::view(R, xt::all(), k), k);
        if (nrm == 0.0) continue;  // a zero column below the diagonal: R_kk = 0, caught below
        const double alpha = R(k, k);
        const double beta = alpha >= 0.0 ? -nrm : nrm;  // the sign that avoids cancellation
        const double tau = (beta - alpha) / beta;
        for (std::size_t i = k + 1; i < m; ++i) R(i, k) /= (alpha - beta);  // |v_i| <= 1
        R(k, k) = beta;
        auto reflect = [&](auto&& y) {
            double w = y(k);
            for (std::size_t i = k + 1; i < m; ++i) w += R(i, k) * y(i);
            w *= tau;
            y(k) -= w;
            for (std::size_t i = k + 1; i < m; ++i) y(i) -= w * R(i, k);
        };
        for (std::size_t j = k + 1; j < n; ++j) reflect(xt::view(R, xt::all(), j));
        reflect(c);
    }

    // full column rank: every |R_kk| above max(m, n) eps max_j |R_jj|
    double rmax = 0.0;
    for (std::size_t k = 0; k < n; ++k) rmax = std::max(rmax, std::fabs(R(k, k)));
    const double tol = static_cast<double>(std::max(m, n)) * std::numeric_limits<double>::epsilon() * rmax;
    for (std::size_t k = 0; k < n; ++k) {
        if (!(std::fabs(R(k, k)) > tol)) {
            throw domain_error(detail::message("least_squares: A (", shape_string(A),
                                               ") does not have full column rank: |R(", k, ", ", k, ")| = ",
                                               std::fabs(R(k, k)), " <= ", tol));
        }
    }

    // R x = (Q^T b)_(0..n-1) by back substitution; the rest of Q^T b is the residual
    Vector x = Vector::from_shape({n});
    for (std::size_t k = n; k-- > 0;) {
        double s = c(k);
        for (std::size_t j = k + 1; j < n; ++j) s -= R(k, j) * x(j);
        x(k) = s / R(k, k);
    }
    return {x, norm(c, n)};
    // END SOLUTION
}

}  // namespace dlmath::exercises
