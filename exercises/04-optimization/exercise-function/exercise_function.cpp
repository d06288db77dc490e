#include "exercise_function.hpp"

#include <cmath>
#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

Vector exercise_values(const Matrix& X) {
    // BEGIN SOLUTION
    // X ~ (n, 2)
    if (X.shape(1) != 2) {
        throw shape_error(detail::message("exercise_values: X ~ (", X.shape(0), ", ", X.shape(1),
                                          ") must have 2 columns"));
    }
    const std::size_t n = X.shape(0);
    Vector f = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) {
        const double x1 = X(i, 0), x2 = X(i, 1);
        if (!std::isfinite(x1) || !std::isfinite(x2)) {
            throw domain_error(detail::message("exercise_values: X[", i, "] = (", x1, ", ", x2, ") is not finite"));
        }
        f(i) = std::sin(x1) * std::cos(x2) + std::sin(0.5 * x1) * std::cos(0.5 * x2);
    }
    return f;
    // END SOLUTION
}

Matrix exercise_gradients(const Matrix& X) {
    // BEGIN SOLUTION
    // X ~ (n, 2)
    if (X.shape(1) != 2) {
        throw shape_error(detail::message("exercise_gradients: X ~ (", X.shape(0), ", ", X.shape(1),
                                          ") must have 2 columns"));
    }
    const std::size_t n = X.shape(0);
    Matrix G = Matrix::from_shape({n, 2});
    for (std::size_t i = 0; i < n; ++i) {
        const double x1 = X(i, 0), x2 = X(i, 1);
        if (!std::isfinite(x1) || !std::isfinite(x2)) {
            throw domain_error(detail::message("exercise_gradients: X[", i, "] = (", x1, ", ", x2, ") is not finite"));
        }
        G(i, 0) = std::cos(x1) * std::cos(x2) + 0.5 * std::cos(0.5 * x1) * std::cos(0.5 * x2);
        G(i, 1) = -std::sin(x1) * std::sin(x2) - 0.5 * std::sin(0.5 * x1) * std::sin(0.5 * x2);
    }
    return G;
    // END SOLUTION
}

ExerciseRuns exercise_descent(const Matrix& X0, double learning_rate, std::size_t steps) {
    // BEGIN SOLUTION
    if (!(learning_rate > 0.0) || std::isinf(learning_rate)) {
        throw domain_error(detail::message("exercise_descent: learning_rate = ", learning_rate,
                                           " must be finite and > 0"));
    }
    if (X0.shape(1) != 2) {
        throw shape_error(detail::message("exercise_descent: X0 ~ (", X0.shape(0), ", ", X0.shape(1),
                                          ") must have 2 columns"));
    }
    for (std::size_t i = 0; i < X0.shape(0); ++i) {
        if (!std::isfinite(X0(i, 0)) || !std::isfinite(X0(i, 1))) {
            throw domain_error(detail::message("exercise_descent: X0[", i, "] = (", X0(i, 0), ", ", X0(i, 1),
                                               ") is not finite"));
        }
    }
    Matrix X = X0;
    Matrix G = exercise_gradients(X);
    for (std::size_t t = 1; t <= steps; ++t) {
        X = X - learning_rate * G;
        G = exercise_gradients(X);
    }
    Vector norms = Vector::from_shape({X.shape(0)});
    for (std::size_t i = 0; i < X.shape(0); ++i) norms(i) = std::hypot(G(i, 0), G(i, 1));
    return {X, norms};
    // END SOLUTION
}

ExerciseRuns exercise_momentum(const Matrix& X0, double learning_rate, double lambda, std::size_t steps) {
    // BEGIN SOLUTION
    if (!(learning_rate > 0.0) || std::isinf(learning_rate)) {
        throw domain_error(detail::message("exercise_momentum: learning_rate = ", learning_rate,
                                           " must be finite and > 0"));
    }
    if (!(lambda >= 0.0 && lambda < 1.0)) {
        throw domain_error(detail::message("exercise_momentum: lambda = ", lambda, " must lie in [0, 1)"));
    }
    if (X0.shape(1) != 2) {
        throw shape_error(detail::message("exercise_momentum: X0 ~ (", X0.shape(0), ", ", X0.shape(1),
                                          ") must have 2 columns"));
    }
    for (std::size_t i = 0; i < X0.shape(0); ++i) {
        if (!std::isfinite(X0(i, 0)) || !std::isfinite(X0(i, 1))) {
            throw domain_error(detail::message("exercise_momentum: X0[", i, "] = (", X0(i, 0), ", ", X0(i, 1),
                                               ") is not finite"));
        }
    }
    Matrix X = X0;
    Matrix G = exercise_gradients(X);
    Matrix velocity = Matrix::from_shape({X.shape(0), 2});
    velocity.fill(0.0);
    for (std::size_t t = 1; t <= steps; ++t) {
        velocity = -learning_rate * G + lambda * velocity;
        X = X + velocity;
        G = exercise_gradients(X);
    }
    Vector norms = Vector::from_shape({X.shape(0)});
    for (std::size_t i = 0; i < X.shape(0); ++i) norms(i) = std::hypot(G(i, 0), G(i, 1));
    return {X, norms};
    // END SOLUTION
}

Vector exercise_gradient_norms(const Vector& x0, double learning_rate, std::size_t steps) {
    // BEGIN SOLUTION
    if (x0.size() != 2) {
        throw shape_error(detail::message("exercise_gradient_norms: x0 ~ (", x0.size(), ") must have length 2"));
    }
    if (!(learning_rate > 0.0) || std::isinf(learning_rate)) {
        throw domain_error(detail::message("exercise_gradient_norms: learning_rate = ", learning_rate,
                                           " must be finite and > 0"));
    }
    if (!std::isfinite(x0(0)) || !std::isfinite(x0(1))) {
        throw domain_error(detail::message("exercise_gradient_norms: x0 = (", x0(0), ", ", x0(1), ") is not finite"));
    }
    Matrix X = Matrix::from_shape({1, 2});
    X(0, 0) = x0(0);
    X(0, 1) = x0(1);
    Vector record = Vector::from_shape({steps + 1});
    Matrix G = exercise_gradients(X);
    record(0) = std::hypot(G(0, 0), G(0, 1));
    for (std::size_t t = 1; t <= steps; ++t) {
        X = X - learning_rate * G;
        G = exercise_gradients(X);
        record(t) = std::hypot(G(0, 0), G(0, 1));
    }
    return record;
    // END SOLUTION
}

}  // namespace dlmath::exercises
