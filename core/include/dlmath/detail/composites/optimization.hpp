/// \file
/// \brief The bookkeeping every optimiser of chapter 4 shares, written once:
/// evaluating the objective with counts, the stopping rules in their fixed
/// order, divergence and non-finite values reported as stopping reasons, and
/// the recorded trajectory. An optimiser supplies only its step.
///
/// The loop of every first-order optimiser reads
///
///     Run run(fn::adam, f, x0, options);
///     while (run.going()) {
///         const Vector& g = run.gradient();        // at the current iterate
///         Vector x_next = ...;                      // the method's step
///         run.step_to(std::move(x_next));           // evaluates there, checks every rule
///     }
///     return run.result();
///
/// and a method that finds a direction it cannot use (not a descent
/// direction, a curvature that is not positive, a failed line search)
/// calls `run.stop(reason, words)` instead of stepping.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "dlmath/detail/checks/optimization.hpp"
#include "dlmath/errors.hpp"
#include "dlmath/optimization.hpp"

namespace dlmath::detail {

/// The Euclidean norm of v, scaled so that it neither overflows nor underflows
/// (max |v_i| times the norm of v / max |v_i|); 0 for an empty or zero vector.
inline double norm2(const Vector& v) {
    double m = 0.0;
    for (std::size_t i = 0; i < v.size(); ++i) m = std::fmax(m, std::fabs(v(i)));
    if (m == 0.0 || !std::isfinite(m)) return m;
    double s = 0.0;
    for (std::size_t i = 0; i < v.size(); ++i) s += (v(i) / m) * (v(i) / m);
    return m * std::sqrt(s);
}

/// Whether every entry of v is finite.
inline bool all_finite(const Vector& v) {
    for (std::size_t i = 0; i < v.size(); ++i)
        if (!std::isfinite(v(i))) return false;
    return true;
}

/// One run of an optimiser: the current iterate with its value and gradient,
/// the counts, the stopping rules and the trajectory. The constructor checks
/// the inputs (check_optimizer_inputs) and evaluates f and its gradient at the
/// start; a start where the gradient norm is already within the tolerance
/// stops at once (0 iterations).
///
/// Rules, checked after each step in this order: a new point that is not
/// finite, or a value of +inf there, stops with diverged (the step was too
/// large); a NaN value, or a gradient that is not finite, stops with
/// non_finite; f(x_t) > f(x_0) + threshold (1 + |f(x_0)|) stops with
/// diverged; each keeps the previous iterate; then ||grad f(x_t)|| <= gtol
/// (gradient_tolerance), ||x_t - x_{t-1}|| <= xtol (step_tolerance, only
/// when > 0, or a zero step), and t = max_iterations (iteration_limit).
class Run {
  public:
    Run(std::string_view function, const Objective& f, const Vector& x0, const OptimizeOptions& options)
        : function_(function), f_(f), options_(options) {
        check_optimizer_inputs(function, f, x0, options);
        x_ = x0;
        value_ = evaluate(x_);
        gradient_ = evaluate_gradient(x_);
        gradient_norm_ = norm2(gradient_);
        start_value_ = value_;
        record();
        if (!std::isfinite(value_) || !all_finite(gradient_)) {
            finish(StopReason::non_finite, message(function_, ": the objective is not finite at the start (f = ",
                                                   value_, ", ||grad f|| = ", gradient_norm_, ")"));
        } else if (gradient_norm_ <= options_.gradient_tolerance) {
            finish(StopReason::gradient_tolerance, message(function_, ": ||grad f|| = ", gradient_norm_,
                                                           " <= gradient_tolerance at the start"));
        }
    }

    /// True until a rule stops the run.
    bool going() const { return !stopped_; }
    /// The current iterate \f$ x_t \f$, its value and gradient.
    const Vector& x() const { return x_; }
    double value() const { return value_; }
    const Vector& gradient() const { return gradient_; }
    double gradient_norm() const { return gradient_norm_; }
    /// t, the steps taken so far.
    std::size_t iteration() const { return iterations_; }
    /// The objective, for a method that evaluates it elsewhere (a line search):
    /// call value_at / gradient_at so that the counts stay right.
    double value_at(const Vector& x) { return evaluate(x); }
    Vector gradient_at(const Vector& x) { return evaluate_gradient(x); }

    /// Moves to x_next (one iteration), evaluates f and its gradient there and
    /// applies the stopping rules.
    void step_to(Vector x_next) {
        double v = std::numeric_limits<double>::quiet_NaN();
        Vector g;
        if (all_finite(x_next)) {
            v = evaluate(x_next);
            g = evaluate_gradient(x_next);
        }
        step_to(std::move(x_next), v, std::move(g));
    }

    /// The same with the value and gradient at x_next already computed (by a line search).
    void step_to(Vector x_next, double v, Vector g) {
        if (stopped_) throw std::logic_error(message(function_, ": a step after the run stopped"));
        ++iterations_;
        if (!all_finite(x_next)) {
            return finish(StopReason::diverged, message(function_, ": the step left the finite range at iteration ",
                                                        iterations_, " (the step size is too large)"));
        }
        if (v == std::numeric_limits<double>::infinity()) {
            return finish(StopReason::diverged, message(function_, ": f overflowed to +inf at iteration ", iterations_,
                                                        " (the step size is too large)"));
        }
        if (!std::isfinite(v) || !all_finite(g)) {
            return finish(StopReason::non_finite, message(function_, ": the objective returned a non-finite ",
                                                          std::isfinite(v) ? "gradient" : "value",
                                                          " at iteration ", iterations_, " (f = ", v, ")"));
        }
        if (v > start_value_ + options_.divergence_threshold * (1.0 + std::fabs(start_value_))) {
            return finish(StopReason::diverged, message(function_, ": f grew from ", start_value_, " to ", v,
                                                        " by iteration ", iterations_,
                                                        " (the step size is too large)"));
        }
        Vector dx = x_next - x_;
        const double step = norm2(dx);
        x_ = std::move(x_next);
        value_ = v;
        gradient_ = std::move(g);
        gradient_norm_ = norm2(gradient_);
        record();
        if (gradient_norm_ <= options_.gradient_tolerance) {
            finish(StopReason::gradient_tolerance, message(function_, ": ||grad f|| = ", gradient_norm_,
                                                           " <= gradient_tolerance after ", iterations_,
                                                           " iterations"));
        } else if (step <= options_.step_tolerance) {
            finish(StopReason::step_tolerance, message(function_, ": the step ||x_t - x_(t-1)|| = ", step,
                                                       " <= step_tolerance after ", iterations_, " iterations"));
        } else if (iterations_ >= options_.max_iterations) {
            finish(StopReason::iteration_limit, message(function_, ": max_iterations = ", options_.max_iterations,
                                                        " reached with ||grad f|| = ", gradient_norm_));
        }
    }

    /// Stops without a step (a direction the method cannot use), with the reason in words.
    void stop(StopReason reason, std::string words) { finish(reason, std::move(words)); }

    /// The result: the last finite iterate, its value and gradient norm, the counts and the reason.
    OptimizeResult result() const {
        OptimizeResult r;
        r.x = x_;
        r.value = value_;
        r.gradient_norm = gradient_norm_;
        r.iterations = iterations_;
        r.evaluations = evaluations_;
        r.gradient_evaluations = gradient_evaluations_;
        r.reason = reason_;
        r.message = message_;
        r.trajectory = trajectory_;
        return r;
    }

  private:
    double evaluate(const Vector& x) {
        ++evaluations_;
        return f_.value(x);
    }
    Vector evaluate_gradient(const Vector& x) {
        ++gradient_evaluations_;
        Vector g = f_.gradient(x);
        if (g.size() != f_.dim) {
            throw shape_error(message(function_, ": the gradient has ", g.size(), " entries, the objective takes ",
                                      f_.dim));
        }
        return g;
    }
    void record() {
        if (!options_.record) return;
        trajectory_.x.push_back(x_);
        trajectory_.value.push_back(value_);
        trajectory_.gradient_norm.push_back(gradient_norm_);
    }
    void finish(StopReason reason, std::string words) {
        stopped_ = true;
        reason_ = reason;
        message_ = std::move(words);
    }

    std::string_view function_;
    const Objective& f_;
    OptimizeOptions options_;
    Vector x_, gradient_;
    double value_ = 0.0, gradient_norm_ = 0.0, start_value_ = 0.0;
    std::size_t iterations_ = 0, evaluations_ = 0, gradient_evaluations_ = 0;
    bool stopped_ = false;
    StopReason reason_ = StopReason::iteration_limit;
    std::string message_;
    Trajectory trajectory_;
};

}  // namespace dlmath::detail
