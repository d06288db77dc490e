#include "bayes_rule.hpp"

#include <cmath>
#include <cstddef>
#include <limits>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

Matrix posterior_from_joint(const Matrix& joint) {
    // BEGIN SOLUTION
    // joint ~ (nx, ny)
    const std::size_t nx = joint.shape(0), ny = joint.shape(1);
    double total = 0.0;
    for (std::size_t i = 0; i < nx; ++i) {
        for (std::size_t j = 0; j < ny; ++j) {
            if (!(joint(i, j) >= 0.0) || std::isinf(joint(i, j))) {
                throw domain_error(detail::message("posterior_from_joint: joint[", i, ", ", j, "] = ", joint(i, j),
                                                   " is not a probability"));
            }
            total += joint(i, j);
        }
    }
    const double tolerance = std::sqrt(std::numeric_limits<double>::epsilon());
    if (!(std::fabs(total - 1.0) <= tolerance)) {
        throw domain_error(detail::message("posterior_from_joint: the joint table sums to ", total,
                                           ", not 1 (tolerance ", tolerance, ")"));
    }
    Matrix posterior = Matrix::from_shape({nx, ny});
    for (std::size_t j = 0; j < ny; ++j) {
        // the marginal P(y = j): sum x out of column j
        double py = 0.0;
        for (std::size_t i = 0; i < nx; ++i) py += joint(i, j);
        if (py == 0.0) {
            throw domain_error(detail::message("posterior_from_joint: P(y = ", j,
                                               ") = 0, the posterior given an impossible y is undefined"));
        }
        for (std::size_t i = 0; i < nx; ++i) posterior(i, j) = joint(i, j) / py;
    }
    return posterior;
    // END SOLUTION
}

Vector bayes_posterior(const Vector& prior, const Matrix& likelihood, std::size_t y) {
    // BEGIN SOLUTION
    // prior ~ (k), likelihood ~ (k, m)
    const std::size_t k = prior.size();
    if (likelihood.shape(0) != k) {
        throw shape_error(detail::message("bayes_posterior: the likelihood needs one row per outcome of x (prior is ",
                                          shape_string(prior), ", likelihood is ", shape_string(likelihood), ")"));
    }
    const std::size_t m = likelihood.shape(1);
    if (y >= m) {
        throw shape_error(detail::message("bayes_posterior: y = ", y, " is not a column of the likelihood (",
                                          shape_string(likelihood), ")"));
    }
    const double tolerance = std::sqrt(std::numeric_limits<double>::epsilon());
    double prior_total = 0.0;
    for (std::size_t i = 0; i < k; ++i) {
        if (!(prior(i) >= 0.0) || std::isinf(prior(i))) {
            throw domain_error(detail::message("bayes_posterior: prior[", i, "] = ", prior(i),
                                               " is not a probability"));
        }
        prior_total += prior(i);
        double row = 0.0;
        for (std::size_t j = 0; j < m; ++j) {
            if (!(likelihood(i, j) >= 0.0) || std::isinf(likelihood(i, j))) {
                throw domain_error(detail::message("bayes_posterior: likelihood[", i, ", ", j, "] = ",
                                                   likelihood(i, j), " is not a probability"));
            }
            row += likelihood(i, j);
        }
        if (!(std::fabs(row - 1.0) <= tolerance)) {
            throw domain_error(detail::message("bayes_posterior: row ", i, " of the likelihood, P(y | x = ", i,
                                               "), sums to ", row, ", not 1 (tolerance ", tolerance, ")"));
        }
    }
    if (!(std::fabs(prior_total - 1.0) <= tolerance)) {
        throw domain_error(detail::message("bayes_posterior: the prior sums to ", prior_total, ", not 1 (tolerance ",
                                           tolerance, ")"));
    }
    // posterior = likelihood x prior / evidence
    Vector posterior = Vector::from_shape({k});
    double evidence = 0.0;  // P(y) = sum_i P(x = i) P(y | x = i)
    for (std::size_t i = 0; i < k; ++i) {
        posterior(i) = prior(i) * likelihood(i, y);
        evidence += posterior(i);
    }
    if (evidence == 0.0) {
        throw domain_error(detail::message("bayes_posterior: the evidence P(y = ", y,
                                           ") is 0, the posterior given an impossible y is undefined"));
    }
    for (std::size_t i = 0; i < k; ++i) posterior(i) /= evidence;
    return posterior;
    // END SOLUTION
}

}  // namespace dlmath::exercises
