/// \file
/// \brief Chapter 4, many starts at once: the batched optimisers and the
/// logistic loss with its gradient — reference twin (one start at a time,
/// through the single-start optimisers of 4.2 and 4.3).
#pragma once

#include "dlmath/optimization.hpp"
#include "dlmath/reference/optimization/momentum.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter4
/// \brief Gradient descent from every row of `X0 ~ (m, n)`: row i of the result is what
/// gradient_descent(f, X0[i], learning_rate, options) returns (options.record is ignored).
///
/// f needs a value, a gradient and a batch form (the fast twin evaluates through the batch,
/// this one through value and gradient: they must agree). m = 0 gives an empty result.
/// Throws domain_error for an objective without those, a non-finite start, a learning rate
/// that is not finite and > 0 or invalid options, shape_error when X0 has not f.dim columns —
/// the messages name gradient_descent_batch.
/// \sa dlmath::fast::gradient_descent_batch
BatchResult gradient_descent_batch(const Objective& f, const Matrix& X0, double learning_rate,
                                   const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \brief Momentum (the syllabus's form, torch.optim.SGD's momentum) from every row of X0:
/// row i is momentum(f, X0[i], learning_rate, momentum, options). Throws as
/// gradient_descent_batch, and domain_error for a momentum outside [0, 1).
/// \sa dlmath::fast::momentum_batch
BatchResult momentum_batch(const Objective& f, const Matrix& X0, double learning_rate, double momentum,
                           const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \brief Adam from every row of X0: row i is adam(f, X0[i], parameters, options). Throws as
/// gradient_descent_batch, and as adam for invalid parameters (naming adam_batch).
/// \sa dlmath::fast::adam_batch
BatchResult adam_batch(const Objective& f, const Matrix& X0, const AdamParameters& parameters = {},
                       const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \brief The loss of logistic regression and its gradient at w, in one call: with z = X w,
/// \f$ L(w) = \frac1n \sum_i -y_i \log\sigma(z_i) - (1 - y_i)\log\sigma(-z_i) \f$ and
/// \f$ \nabla L(w) = \frac1n X^\top(\sigma(z) - y) \f$ — the value and gradient of
/// logistic_regression(X, y) at w, with the stable log-sigmoid of chapter 3.
///
/// Shapes: `X ~ (n, d)`, `y ~ (n)` of labels 0 or 1, `w ~ (d)`. Throws shape_error for an empty
/// X or mismatched shapes, domain_error for non-finite X or w or a label other than 0 and 1.
/// \sa dlmath::fast::logistic_loss_gradient, dlmath::reference::logistic_regression
LossGradient logistic_loss_gradient(const Matrix& X, const Vector& y, const Vector& w);

}  // namespace dlmath::reference
