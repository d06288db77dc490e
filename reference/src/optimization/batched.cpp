// Chapter 4, batched optimisers — reference twin.
//
// Rules of this file: a batch is m independent runs, so the reference runs
// the single-start optimiser of 4.2 or 4.3 on each row, through an
// objective of that row, and stores what it returns; the logistic loss
// reads like its formula.

#include "dlmath/reference/optimization/batched.hpp"

#include <cstddef>

#include "dlmath/detail/checks/optimization.hpp"
#include "dlmath/detail/composites/batched.hpp"
#include "dlmath/reference/numerical/stable.hpp"
#include "dlmath/reference/optimization/gradient_methods.hpp"
#include "dlmath/reference/probability/functions.hpp"

namespace dlmath::reference {

namespace {

// Row i of X as a vector.
Vector row(const Matrix& X, std::size_t i) {
    Vector x = Vector::from_shape({X.shape(1)});
    for (std::size_t j = 0; j < X.shape(1); ++j) x(j) = X(i, j);
    return x;
}

// Runs one(start) on every row and gathers the results.
template <class One>
BatchResult each_start(const Objective& f, const Matrix& X0, OptimizeOptions options, One one) {
    options.record = false;
    BatchResult r = detail::batch_result(X0.shape(0), f.dim);
    for (std::size_t i = 0; i < X0.shape(0); ++i) detail::store_start(r, i, one(row(X0, i), options));
    return r;
}

}  // namespace

//! [gradient_descent_batch]
// Row i: x_{t+1} = x_t − ε ∇f(x_t) from x_0 = X0[i], stopped by its own rules.
BatchResult gradient_descent_batch(const Objective& f, const Matrix& X0, double learning_rate,
                                   const OptimizeOptions& options) {
    detail::check_batch_inputs(detail::fn::gradient_descent_batch, f, X0, options);
    detail::check_positive(detail::fn::gradient_descent_batch, "learning_rate", learning_rate);
    return each_start(f, X0, options, [&](const Vector& x0, const OptimizeOptions& o) {
        return gradient_descent(f, x0, learning_rate, o);
    });
}
//! [gradient_descent_batch]

BatchResult momentum_batch(const Objective& f, const Matrix& X0, double learning_rate, double momentum,
                           const OptimizeOptions& options) {
    detail::check_batch_inputs(detail::fn::momentum_batch, f, X0, options);
    detail::check_momentum(detail::fn::momentum_batch, learning_rate, momentum);
    return each_start(f, X0, options, [&](const Vector& x0, const OptimizeOptions& o) {
        return reference::momentum(f, x0, learning_rate, momentum, o);
    });
}

BatchResult adam_batch(const Objective& f, const Matrix& X0, const AdamParameters& p,
                       const OptimizeOptions& options) {
    detail::check_batch_inputs(detail::fn::adam_batch, f, X0, options);
    detail::check_adam(detail::fn::adam_batch, p.learning_rate, p.beta1, p.beta2, p.eps, 0.0);
    return each_start(f, X0, options,
                      [&](const Vector& x0, const OptimizeOptions& o) { return adam(f, x0, p, o); });
}

//! [logistic_loss_gradient]
// z = X w;  L = (1/n) Σ_i −y_i log σ(z_i) − (1 − y_i) log σ(−z_i);  ∇L = Xᵀ(σ(z) − y) / n
LossGradient logistic_loss_gradient(const Matrix& X, const Vector& y, const Vector& w) {
    detail::check_logistic_loss_gradient(X, y, w);
    const std::size_t n = X.shape(0), d = X.shape(1);
    LossGradient r;
    r.gradient = Vector::from_shape({d});
    r.gradient.fill(0.0);
    double loss = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        double z = 0.0;
        for (std::size_t j = 0; j < d; ++j) z += X(i, j) * w(j);
        loss -= y(i) * log_sigmoid(z) + (1.0 - y(i)) * log_sigmoid(-z);
        const double e = sigmoid(z) - y(i);
        for (std::size_t j = 0; j < d; ++j) r.gradient(j) += X(i, j) * e;
    }
    const double inv_n = 1.0 / static_cast<double>(n);
    r.loss = loss * inv_n;
    for (std::size_t j = 0; j < d; ++j) r.gradient(j) *= inv_n;
    return r;
}
//! [logistic_loss_gradient]

}  // namespace dlmath::reference
