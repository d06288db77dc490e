/// \file
/// \brief Exercise (chapter 4): the exercise function, its gradient by hand, and gradient descent
///        and momentum on it from several starts.
#pragma once

#include <cstddef>

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The exercise function on a batch of points (see \ref exercise_exercise_function):
/// \f[ f(x) = \sin x_1 \cos x_2 + \sin(\tfrac12 x_1) \cos(\tfrac12 x_2) \f]
/// for each row \f$ x = (x_1, x_2) \f$ of X.
///
/// \param X the points, \f$ X \sim (n, 2) \f$
/// \returns \f$ f \sim (n) \f$, f(i) the value at row i
/// \throws dlmath::shape_error when X does not have 2 columns
/// \throws dlmath::domain_error when an entry of X is NaN or infinite
Vector exercise_values(const Matrix& X);

/// The gradient of the exercise function, derived by hand, on a batch of points:
/// \f[ \partial_1 f = \cos x_1 \cos x_2 + \tfrac12 \cos(\tfrac12 x_1) \cos(\tfrac12 x_2) , \quad
///     \partial_2 f = -\sin x_1 \sin x_2 - \tfrac12 \sin(\tfrac12 x_1) \sin(\tfrac12 x_2) . \f]
///
/// \param X the points, \f$ X \sim (n, 2) \f$
/// \returns \f$ G \sim (n, 2) \f$, row i the gradient at row i of X
/// \throws dlmath::shape_error when X does not have 2 columns
/// \throws dlmath::domain_error when an entry of X is NaN or infinite
Matrix exercise_gradients(const Matrix& X);

/// The end of a run from several starts.
struct ExerciseRuns {
    Matrix points;          ///< the last iterate of each run, \f$ \sim (n, 2) \f$
    Vector gradient_norms;  ///< \f$ \|\nabla f\|_2 \f$ at each last iterate, \f$ \sim (n) \f$
};

/// Gradient descent from each row of X0: \f$ x_t = x_{t-1} - \eta \nabla f(x_{t-1}) \f$ for
/// t = 1, ..., steps.
///
/// \param X0 the starts, \f$ X_0 \sim (n, 2) \f$
/// \param learning_rate \f$ \eta \f$, finite and \f$ > 0 \f$
/// \param steps the number of updates T
/// \returns the points \f$ x_T \f$ and the gradient norms there
/// \throws dlmath::shape_error when X0 does not have 2 columns
/// \throws dlmath::domain_error when an entry of X0 is NaN or infinite, or the learning rate
///         is not a finite positive number
ExerciseRuns exercise_descent(const Matrix& X0, double learning_rate, std::size_t steps);

/// Momentum from each row of X0, in the syllabus's indexing: the velocity \f$ g_0 = 0 \f$ and
/// \f$ g_t = -\eta \nabla f(x_{t-1}) + \lambda g_{t-1} \f$, \f$ x_t = x_{t-1} + g_t \f$ for t = 1, ..., steps.
///
/// \param X0 the starts, \f$ X_0 \sim (n, 2) \f$
/// \param learning_rate \f$ \eta \f$, finite and \f$ > 0 \f$
/// \param lambda the momentum coefficient \f$ \lambda \in [0, 1) \f$
/// \param steps the number of updates T
/// \returns the points \f$ x_T \f$ and the gradient norms there
/// \throws dlmath::shape_error when X0 does not have 2 columns
/// \throws dlmath::domain_error when an entry of X0 is NaN or infinite, the learning rate is
///         not a finite positive number, or lambda is outside [0, 1)
ExerciseRuns exercise_momentum(const Matrix& X0, double learning_rate, double lambda, std::size_t steps);

/// The gradient norms along one gradient descent run from x0:
/// \f$ \|\nabla f(x_t)\|_2 \f$ for t = 0, 1, ..., steps (the start included).
///
/// \param x0 the start, \f$ x_0 \sim (2) \f$
/// \param learning_rate \f$ \eta \f$, finite and \f$ > 0 \f$
/// \param steps the number of updates T
/// \returns the record \f$ \sim (T + 1) \f$
/// \throws dlmath::shape_error when x0 does not have length 2
/// \throws dlmath::domain_error when an entry of x0 is NaN or infinite, or the learning rate
///         is not a finite positive number
Vector exercise_gradient_norms(const Vector& x0, double learning_rate, std::size_t steps);

}  // namespace dlmath::exercises
