/// \file
/// \brief The glue both twins of the batched optimisers (4.7) share: the
/// result of m starts assembled in one place, and the stopping rules of
/// one start written as a decision on scalars, so that the fast twin, which
/// keeps its points as arrays rather than as Runs, stops each point exactly
/// where detail::Run stops the single-start optimiser.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>

#include "dlmath/detail/checks/optimization.hpp"
#include "dlmath/optimization.hpp"

namespace dlmath::detail {

/// A BatchResult for m starts of n variables, every entry 0 and every reason iteration_limit.
inline BatchResult batch_result(std::size_t m, std::size_t n) {
    BatchResult r;
    r.x = Matrix::from_shape({m, n});
    r.x.fill(0.0);
    r.value = Vector::from_shape({m});
    r.value.fill(0.0);
    r.gradient_norm = Vector::from_shape({m});
    r.gradient_norm.fill(0.0);
    r.iterations.assign(m, 0);
    r.reason.assign(m, StopReason::iteration_limit);
    return r;
}

/// Stores the single-start result of start i in row i.
inline void store_start(BatchResult& r, std::size_t i, const OptimizeResult& one) {
    for (std::size_t j = 0; j < one.x.size(); ++j) r.x(i, j) = one.x(j);
    r.value(i) = one.value;
    r.gradient_norm(i) = one.gradient_norm;
    r.iterations[i] = one.iterations;
    r.reason[i] = one.reason;
}

/// The Euclidean norm of the n numbers p[0], p[s], ..., p[(n−1)s], computed as detail::norm2
/// computes it (scaled by the largest magnitude, the same operations in the same order), so
/// that a norm taken from an array of points equals the single-start optimiser's bit for bit.
inline double strided_norm2(const double* p, std::size_t n, std::size_t s) {
    double m = 0.0;
    for (std::size_t i = 0; i < n; ++i) m = std::fmax(m, std::fabs(p[i * s]));
    if (m == 0.0 || !std::isfinite(m)) return m;
    double q = 0.0;
    for (std::size_t i = 0; i < n; ++i) q += (p[i * s] / m) * (p[i * s] / m);
    return m * std::sqrt(q);
}

/// What becomes of one start after a step: whether the new point is taken (accept) and
/// whether the start stops there (stop, with reason).
struct Verdict {
    bool accept = false;
    bool stop = false;
    StopReason reason = StopReason::iteration_limit;
};

/// The rules of detail::Run at the start: a non-finite value or gradient stops with
/// non_finite, a gradient norm within the tolerance with gradient_tolerance (0 iterations).
inline Verdict start_verdict(double value, bool gradient_finite, double gradient_norm, const OptimizeOptions& o) {
    if (!std::isfinite(value) || !gradient_finite) return {false, true, StopReason::non_finite};
    if (gradient_norm <= o.gradient_tolerance) return {false, true, StopReason::gradient_tolerance};
    return {false, false, StopReason::iteration_limit};
}

/// The rules of detail::Run::step_to after step t (t >= 1), in its order: a new point that
/// is not finite, or a value of +inf there, diverged; a NaN value or a non-finite gradient,
/// non_finite; f beyond f(x_0) + threshold (1 + |f(x_0)|), diverged — each keeping the old
/// point; otherwise the point is taken and gradient_tolerance, step_tolerance and
/// iteration_limit are tried in that order. `step` and `gradient_norm` are used only when the
/// point is taken.
inline Verdict step_verdict(bool x_finite, double v, bool gradient_finite, double start_value, double gradient_norm,
                            double step, std::size_t t, const OptimizeOptions& o) {
    if (!x_finite || v == std::numeric_limits<double>::infinity()) return {false, true, StopReason::diverged};
    if (!std::isfinite(v) || !gradient_finite) return {false, true, StopReason::non_finite};
    if (v > start_value + o.divergence_threshold * (1.0 + std::fabs(start_value))) {
        return {false, true, StopReason::diverged};
    }
    if (gradient_norm <= o.gradient_tolerance) return {true, true, StopReason::gradient_tolerance};
    if (step <= o.step_tolerance) return {true, true, StopReason::step_tolerance};
    if (t >= o.max_iterations) return {true, true, StopReason::iteration_limit};
    return {true, false, StopReason::iteration_limit};
}

}  // namespace dlmath::detail
