// Chapter 4, section 4.6: empirical risk — reference twin. Linear regression
// three ways, the risks a trained model is judged by, ridge as a MAP
// estimate, and the synthetic data the section trains on. The losses are
// section 4.1's objectives and the optimiser is section 4.2's gradient
// descent; nothing here runs a loop of its own.

#include "dlmath/reference/optimization/empirical_risk.hpp"

#include <cmath>
#include <cstddef>
#include <numbers>
#include <string>

#include "dlmath/detail/checks/optimization.hpp"
#include "dlmath/errors.hpp"
#include "dlmath/random.hpp"
#include "dlmath/reference/linear_algebra/decompositions.hpp"
#include "dlmath/reference/optimization/gradient_methods.hpp"
#include "dlmath/reference/optimization/objectives.hpp"
#include "dlmath/reference/probability/functions.hpp"

namespace dlmath::reference {

namespace {

namespace fn = dlmath::detail::fn;

// z = X w, one dot product per row
Vector logits(const Matrix& X, const Vector& w) {
    const std::size_t n = X.shape(0), d = X.shape(1);
    Vector z = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) {
        double s = 0.0;
        for (std::size_t j = 0; j < d; ++j) s += X(i, j) * w(j);
        z(i) = s;
    }
    return z;
}

}  // namespace

//! [with_bias]
// [X 1]: the bias is the weight of a column of ones
Matrix with_bias(const Matrix& X) {
    detail::require_nonempty(fn::with_bias, X, "X");
    detail::require_finite(fn::with_bias, X, "X");
    const std::size_t n = X.shape(0), d = X.shape(1);
    Matrix Xb = Matrix::from_shape({n, d + 1});
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < d; ++j) Xb(i, j) = X(i, j);
        Xb(i, d) = 1.0;
    }
    return Xb;
}
//! [with_bias]

//! [linear_regression_normal_equations]
// X^T X w = X^T y
Vector linear_regression_normal_equations(const Matrix& X, const Vector& y) {
    detail::check_regression_data(fn::linear_regression_normal_equations, X, y);
    const std::size_t n = X.shape(0), d = X.shape(1);
    const std::size_t rank = matrix_rank(X);
    if (rank < d) {
        throw domain_error(detail::message(fn::linear_regression_normal_equations, ": X^T X is singular: X is (", n,
                                           ", ", d, ") of rank ", rank, " < ", d,
                                           " (use linear_regression_lstsq for the minimum-norm solution)"));
    }
    Matrix XtX = Matrix::from_shape({d, d});
    Vector Xty = Vector::from_shape({d});
    for (std::size_t j = 0; j < d; ++j) {
        for (std::size_t k = 0; k < d; ++k) {
            double s = 0.0;
            for (std::size_t i = 0; i < n; ++i) s += X(i, j) * X(i, k);
            XtX(j, k) = s;
        }
        double s = 0.0;
        for (std::size_t i = 0; i < n; ++i) s += X(i, j) * y(i);
        Xty(j) = s;
    }
    return solve(XtX, Xty);
}
//! [linear_regression_normal_equations]

//! [linear_regression_lstsq]
// w = X^+ y: the least-squares solution of smallest norm
Vector linear_regression_lstsq(const Matrix& X, const Vector& y) {
    detail::check_regression_data(fn::linear_regression_lstsq, X, y);
    return lstsq(X, y);
}
//! [linear_regression_lstsq]

//! [linear_regression_gradient_descent]
// w_{t+1} = w_t - (1/L) X^T (X w_t - y),  w_0 = 0,  L = lambda_max(X^T X)
OptimizeResult linear_regression_gradient_descent(const Matrix& X, const Vector& y, const OptimizeOptions& options) {
    detail::check_regression_data(fn::linear_regression_gradient_descent, X, y);
    const dlmath::Objective f = least_squares(X, y);
    const Matrix H = f.hessian(Vector::from_shape({X.shape(1)}));  // X^T X, the same at every w
    const double L = eigh(H).eigenvalues(X.shape(1) - 1);          // ascending: the last is the largest
    Vector w0 = Vector::from_shape({X.shape(1)});
    w0.fill(0.0);
    return gradient_descent(f, w0, L > 0.0 ? 1.0 / L : 1.0, options);
}
//! [linear_regression_gradient_descent]

//! [mean_squared_error]
// R(w) = (1/n) sum_i (x_i^T w - y_i)^2
double mean_squared_error(const Matrix& X, const Vector& y, const Vector& w) {
    detail::check_regression_data(fn::mean_squared_error, X, y);
    detail::check_weights(fn::mean_squared_error, X, w);
    const Vector z = logits(X, w);
    double s = 0.0;
    for (std::size_t i = 0; i < y.size(); ++i) s += (z(i) - y(i)) * (z(i) - y(i));
    return s / static_cast<double>(y.size());
}
//! [mean_squared_error]

//! [predict_proba]
// p_i = sigma(x_i^T w)
Vector predict_proba(const Matrix& X, const Vector& w) {
    detail::require_nonempty(fn::predict_proba, X, "X");
    detail::require_finite(fn::predict_proba, X, "X");
    detail::check_weights(fn::predict_proba, X, w);
    return sigmoid(logits(X, w));
}
//! [predict_proba]

//! [accuracy]
// (1/n) #{ i : [x_i^T w >= 0] = y_i }
double accuracy(const Matrix& X, const Vector& y, const Vector& w) {
    detail::check_binary_labels(fn::accuracy, X, y);
    detail::check_weights(fn::accuracy, X, w);
    const Vector z = logits(X, w);
    std::size_t right = 0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        const double predicted = z(i) >= 0.0 ? 1.0 : 0.0;
        if (predicted == y(i)) ++right;
    }
    return static_cast<double>(right) / static_cast<double>(y.size());
}
//! [accuracy]

//! [negative_log_posterior]
// -log p(y|X,w) - log p(w) = ||Xw - y||^2 / (2 sigma^2) + ||w||^2 / (2 tau^2)
//                            + (n/2) log(2 pi sigma^2) + (d/2) log(2 pi tau^2)
dlmath::Objective negative_log_posterior(const Matrix& X, const Vector& y, double noise_variance,
                                         double prior_variance) {
    detail::check_regression_data(fn::negative_log_posterior, X, y);
    detail::check_positive(fn::negative_log_posterior, "noise_variance", noise_variance);
    detail::check_positive(fn::negative_log_posterior, "prior_variance", prior_variance);
    const std::size_t n = X.shape(0), d = X.shape(1);
    const double s2 = noise_variance, t2 = prior_variance;
    const double constant = 0.5 * static_cast<double>(n) * std::log(2.0 * std::numbers::pi * s2) +
                            0.5 * static_cast<double>(d) * std::log(2.0 * std::numbers::pi * t2);
    const auto residual = [X, y, n, d](const Vector& w) {
        detail::check_objective_point(fn::negative_log_posterior, d, w);
        Vector r = logits(X, w);
        for (std::size_t i = 0; i < n; ++i) r(i) -= y(i);
        return r;
    };
    dlmath::Objective f;
    f.dim = d;
    f.name = "negative_log_posterior";
    f.value = [residual, n, d, s2, t2, constant](const Vector& w) {
        const Vector r = residual(w);
        double rr = 0.0, ww = 0.0;
        for (std::size_t i = 0; i < n; ++i) rr += r(i) * r(i);
        for (std::size_t j = 0; j < d; ++j) ww += w(j) * w(j);
        return rr / (2.0 * s2) + ww / (2.0 * t2) + constant;
    };
    f.gradient = [residual, X, n, d, s2, t2](const Vector& w) {
        const Vector r = residual(w);
        Vector g = Vector::from_shape({d});
        for (std::size_t j = 0; j < d; ++j) {
            double s = 0.0;
            for (std::size_t i = 0; i < n; ++i) s += X(i, j) * r(i);
            g(j) = s / s2 + w(j) / t2;
        }
        return g;
    };
    f.hessian = [X, n, d, s2, t2](const Vector& w) {
        detail::check_objective_point(fn::negative_log_posterior, d, w);
        Matrix H = Matrix::from_shape({d, d});
        for (std::size_t j = 0; j < d; ++j) {
            for (std::size_t k = 0; k < d; ++k) {
                double s = 0.0;
                for (std::size_t i = 0; i < n; ++i) s += X(i, j) * X(i, k);
                H(j, k) = s / s2 + (j == k ? 1.0 / t2 : 0.0);
            }
        }
        return H;
    };
    return f;
}
//! [negative_log_posterior]

//! [make_classification]
// y_i = i mod 2,  x_i = (2 y_i - 1) (s / (2 sqrt 2)) (1, 1) + N(0, I)
Dataset make_classification(std::size_t n, std::uint64_t seed, double separation) {
    detail::check_sample_size(fn::make_classification, n, 2);
    detail::check_positive(fn::make_classification, "separation", separation);
    const double m = separation / (2.0 * std::numbers::sqrt2);
    Rng rng(seed);
    Dataset data{Matrix::from_shape({n, 2}), Vector::from_shape({n})};
    for (std::size_t i = 0; i < n; ++i) {
        data.y(i) = static_cast<double>(i % 2);
        const double sign = 2.0 * data.y(i) - 1.0;
        data.X(i, 0) = sign * m + rng.normal();
        data.X(i, 1) = sign * m + rng.normal();
    }
    return data;
}
//! [make_classification]

//! [make_regression]
// x_ij ~ N(0, 1),  y_i = x_i^T w + noise eps_i,  eps_i ~ N(0, 1)
Dataset make_regression(std::size_t n, const Vector& w, double noise, std::uint64_t seed) {
    detail::check_sample_size(fn::make_regression, n, 1);
    if (w.size() == 0) throw domain_error(detail::message(fn::make_regression, ": w must have at least one entry"));
    detail::require_finite(fn::make_regression, w, "w");
    detail::require_nonnegative(fn::make_regression, "noise", noise);
    const std::size_t d = w.size();
    Rng rng(seed);
    Dataset data{Matrix::from_shape({n, d}), Vector::from_shape({n})};
    for (std::size_t i = 0; i < n; ++i) {
        double s = 0.0;
        for (std::size_t j = 0; j < d; ++j) {
            data.X(i, j) = rng.normal();
            s += data.X(i, j) * w(j);
        }
        data.y(i) = s + noise * rng.normal();
    }
    return data;
}
//! [make_regression]

}  // namespace dlmath::reference
