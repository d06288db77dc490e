#include "gaussian_log_density_precision.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double gaussian_log_density_precision(double x, double mu, double beta) {
    // BEGIN SOLUTION
    if (std::isnan(x)) throw domain_error("gaussian_log_density_precision: x must not be NaN");
    if (!std::isfinite(mu)) {
        throw domain_error(detail::message("gaussian_log_density_precision: mu must be finite (got mu = ", mu, ")"));
    }
    if (!(beta > 0.0) || std::isinf(beta)) {
        throw domain_error(
            detail::message("gaussian_log_density_precision: beta must be finite and > 0 (got beta = ", beta, ")"));
    }
    // the variance is 1 / beta: the normaliser sqrt(beta / 2 pi) grows with
    // beta, and the exponent -(x - mu)^2 / (2 sigma^2) is -beta (x - mu)^2 / 2.
    // log beta - log 2 pi rather than log(beta / 2 pi): no underflow for a tiny beta.
    const double d = x - mu;
    return 0.5 * (std::log(beta) - std::log(2.0 * std::numbers::pi)) - 0.5 * beta * d * d;
    // END SOLUTION
}

double mvn_log_density_precision(const Vector& x, const Vector& mu, const Matrix& precision) {
    // BEGIN SOLUTION
    // x ~ (n), mu ~ (n), precision ~ (n, n)
    const std::size_t n = x.size();
    if (mu.size() != n || precision.shape(0) != n || precision.shape(1) != n) {
        throw shape_error(detail::message("mvn_log_density_precision: shapes differ (x is ", shape_string(x),
                                          ", mu is ", shape_string(mu), ", precision is ", shape_string(precision),
                                          ")"));
    }
    double largest = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(x(i)) || !std::isfinite(mu(i))) {
            throw domain_error(detail::message("mvn_log_density_precision: x and mu must be finite (x[", i, "] = ",
                                               x(i), ", mu[", i, "] = ", mu(i), ")"));
        }
        for (std::size_t j = 0; j < n; ++j) {
            if (!std::isfinite(precision(i, j))) {
                throw domain_error(detail::message("mvn_log_density_precision: precision[", i, ", ", j,
                                                   "] = ", precision(i, j), " is not finite"));
            }
            largest = std::max(largest, std::fabs(precision(i, j)));
        }
    }
    const double u = std::numeric_limits<double>::epsilon() / 2;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
            if (std::fabs(precision(i, j) - precision(j, i)) > 8.0 * double(n) * u * largest) {
                throw domain_error(detail::message("mvn_log_density_precision: precision is not symmetric (precision[",
                                                   i, ", ", j, "] = ", precision(i, j), ", precision[", j, ", ", i,
                                                   "] = ", precision(j, i), ")"));
            }
        }
    }
    // Cholesky, column by column from the lower triangle:
    // L_jj = sqrt(Lambda_jj - sum_{k<j} L_jk^2), L_ij = (Lambda_ij - sum_{k<j} L_ik L_jk) / L_jj.
    // A pivot that is not positive means Lambda is not positive definite.
    Matrix L = xt::zeros<double>({n, n});
    double half_log_det = 0.0;  // (1/2) log det Lambda = sum_j log L_jj
    for (std::size_t j = 0; j < n; ++j) {
        double pivot = precision(j, j);
        for (std::size_t k = 0; k < j; ++k) pivot -= L(j, k) * L(j, k);
        if (!(pivot > 0.0)) {
            throw domain_error(detail::message("mvn_log_density_precision: precision is not positive definite "
                                               "(Cholesky pivot ", j, " is ", pivot, ")"));
        }
        L(j, j) = std::sqrt(pivot);
        half_log_det += std::log(L(j, j));
        for (std::size_t i = j + 1; i < n; ++i) {
            double s = precision(i, j);
            for (std::size_t k = 0; k < j; ++k) s -= L(i, k) * L(j, k);
            L(i, j) = s / L(j, j);
        }
    }
    // (x - mu)^T Lambda (x - mu) = |L^T (x - mu)|^2: a sum of squares, never negative
    double quadratic = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        double y = 0.0;  // (L^T d)_k = sum_{i >= k} L_ik d_i
        for (std::size_t i = k; i < n; ++i) y += L(i, k) * (x(i) - mu(i));
        quadratic += y * y;
    }
    return half_log_det - 0.5 * double(n) * std::log(2.0 * std::numbers::pi) - 0.5 * quadratic;
    // END SOLUTION
}

}  // namespace dlmath::exercises
