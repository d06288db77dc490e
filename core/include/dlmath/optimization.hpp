/// \file
/// \brief Chapter 4's shared vocabulary: the objective an optimiser
/// minimises, the options every optimiser takes, and the result every
/// optimiser returns — with the reason it stopped, never a silent NaN.
///
/// Both twins use these types: the reference optimisers run one start at a
/// time, the fast ones many starts at once, and both report in the same
/// words.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dlmath/tensor.hpp"

namespace dlmath {

/// \ingroup chapter4
/// \brief A differentiable objective \f$ f : \mathbb{R}^n \to \mathbb{R} \f$ (a loss): its value,
/// its gradient, and optionally its Hessian and a batched form.
///
/// `dim` is n. `value` and `gradient` are required by every optimiser; `hessian` by Newton's
/// method and the optimal step size; `batch` by the batched optimisers of the fast twin: it
/// takes the points as the rows of `X ~ (m, n)` and writes their values `f ~ (m)` and
/// gradients `G ~ (m, n)` (resized by the callee).
struct Objective {
    std::size_t dim = 0;                                      ///< n, the number of variables
    std::function<double(const Vector&)> value;               ///< \f$ f(x) \f$
    std::function<Vector(const Vector&)> gradient;            ///< \f$ \nabla f(x) \f$, shape (n)
    std::function<Matrix(const Vector&)> hessian;             ///< \f$ \nabla^2 f(x) \f$, shape (n, n); may be empty
    std::function<void(const Matrix&, Vector&, Matrix&)> batch;  ///< rows of X -> f, G; may be empty
    std::string name;                                         ///< for messages and figures
};

/// \ingroup chapter4
/// \brief Why an optimiser stopped. Only the first two mean success.
enum class StopReason {
    gradient_tolerance,      ///< \f$ \|\nabla f(x_t)\| \le \f$ gradient_tolerance: a stationary point
    step_tolerance,          ///< \f$ \|x_{t} - x_{t-1}\| \le \f$ step_tolerance: the iterates stopped moving
    iteration_limit,         ///< max_iterations steps were taken first
    diverged,                ///< f grew past the divergence threshold, or x left the finite range (step too large)
    not_descent,             ///< the search direction d has \f$ \nabla f^\top d \ge 0 \f$: no decrease along it
    non_finite,              ///< the objective returned NaN or an infinite value or gradient
    curvature_not_positive,  ///< \f$ g^\top H g \le 0 \f$: the optimal step size is undefined
    line_search_failed,      ///< no step along a descent direction met the line search's conditions
};

/// \ingroup chapter4
/// \brief The name of a StopReason, as in `StopReason::diverged` -> "diverged".
std::string_view to_string(StopReason reason);

/// \ingroup chapter4
/// \brief Whether a StopReason means success (a gradient or a step tolerance was met).
inline bool converged(StopReason reason) {
    return reason == StopReason::gradient_tolerance || reason == StopReason::step_tolerance;
}

/// \ingroup chapter4
/// \brief The iterates of a run: \f$ x_t \f$, \f$ f(x_t) \f$ and \f$ \|\nabla f(x_t)\| \f$ for
/// t = 0 (the start), 1, ..., iterations. Empty unless `OptimizeOptions::record`.
struct Trajectory {
    std::vector<Vector> x;               ///< \f$ x_0, x_1, \ldots \f$
    std::vector<double> value;           ///< \f$ f(x_0), f(x_1), \ldots \f$
    std::vector<double> gradient_norm;   ///< \f$ \|\nabla f(x_0)\|, \ldots \f$ (NaN where not evaluated)
};

/// \ingroup chapter4
/// \brief What every optimiser takes besides the objective and the start.
struct OptimizeOptions {
    double gradient_tolerance = 1e-8;  ///< stop when \f$ \|\nabla f(x_t)\|_2 \le \f$ this (>= 0)
    double step_tolerance = 0.0;       ///< stop when \f$ \|x_t - x_{t-1}\|_2 \le \f$ this (>= 0; 0: only a zero step)
    std::size_t max_iterations = 1000; ///< the most steps taken (>= 1)
    /// diverged when \f$ f(x_t) > f(x_0) + \f$ divergence_threshold \f$ \cdot (1 + |f(x_0)|) \f$ (> 0)
    double divergence_threshold = 1e10;
    bool record = false;               ///< keep the Trajectory
};

/// \ingroup chapter4
/// \brief The outcome of an optimiser (as SciPy's `OptimizeResult`): the last finite iterate,
/// its value and gradient norm, the counts, and why it stopped, in a name and in words.
struct OptimizeResult {
    Vector x;                                       ///< the last finite iterate
    double value = 0.0;                             ///< \f$ f(x) \f$
    double gradient_norm = 0.0;                     ///< \f$ \|\nabla f(x)\|_2 \f$ (NaN where never evaluated)
    std::size_t iterations = 0;                     ///< steps taken
    std::size_t evaluations = 0;                    ///< calls of f
    std::size_t gradient_evaluations = 0;           ///< calls of the gradient
    StopReason reason = StopReason::iteration_limit;///< why it stopped
    std::string message;                            ///< the same in words, with the values involved
    Trajectory trajectory;                          ///< the iterates, when recorded
    /// True when a gradient or step tolerance was met.
    bool success() const { return converged(reason); }
};

}  // namespace dlmath

// ------------------------------------------------------------- batched optimisers (4.7)

namespace dlmath {

/// \ingroup chapter4
/// \brief The outcome of a batched optimiser: for each of the m starts (the rows of X0), what
/// the single-start optimiser would have returned — its last finite iterate, value, gradient
/// norm, step count and stopping reason. Each start stops by itself; one that diverges or meets
/// a non-finite value is reported so and leaves the others alone.
struct BatchResult {
    Matrix x;                             ///< the last finite iterates, shape (m, n)
    Vector value;                         ///< \f$ f(x_i) \f$, shape (m)
    Vector gradient_norm;                 ///< \f$ \|\nabla f(x_i)\|_2 \f$, shape (m)
    std::vector<std::size_t> iterations;  ///< steps taken by each start
    std::vector<StopReason> reason;       ///< why each start stopped
    /// How many starts met a gradient or step tolerance.
    std::size_t converged_count() const {
        std::size_t k = 0;
        for (StopReason r : reason) k += converged(r) ? 1 : 0;
        return k;
    }
};

/// \ingroup chapter4
/// \brief The logistic loss and its gradient at one weight vector (logistic_loss_gradient).
struct LossGradient {
    double loss = 0.0;  ///< the mean cross-entropy from logits
    Vector gradient;    ///< its gradient, shape (d)
};

}  // namespace dlmath
