// Chapter 4, Newton's method and quasi-Newton methods — reference twin.
//
// Rules of this file: each method reads like its update rule, with the
// textbook's names (g the gradient, H the Hessian or its inverse estimate,
// s the step, y the change of the gradient); plain loops; the loop
// bookkeeping is the shared Run, and the line search of section 4.2
// evaluates through it, so that the counts stay right.

#include "dlmath/reference/optimization/second_order.hpp"

#include <cmath>
#include <cstddef>
#include <deque>
#include <string_view>
#include <utility>
#include <vector>

#include "dlmath/detail/checks/optimization.hpp"
#include "dlmath/detail/composites/optimization.hpp"
#include "dlmath/errors.hpp"
#include "dlmath/reference/linear_algebra/decompositions.hpp"
#include "dlmath/reference/linear_algebra/vectors.hpp"
#include "dlmath/reference/optimization/gradient_methods.hpp"

namespace dlmath::reference {

namespace {

bool all_finite(const Matrix& A) {
    for (std::size_t i = 0; i < A.shape(0); ++i)
        for (std::size_t j = 0; j < A.shape(1); ++j)
            if (!std::isfinite(A(i, j))) return false;
    return true;
}

// The strong Wolfe line search of 4.2 (c1 = 1e-4, c2 = 0.9, first trial α = 1) from the
// current iterate along d, with every evaluation counted by the run.
LineSearchResult wolfe_step(detail::Run& run, const Objective& f, const Vector& d) {
    Objective counted = f;
    counted.value = [&run](const Vector& x) { return run.value_at(x); };
    counted.gradient = [&run](const Vector& x) { return run.gradient_at(x); };
    return line_search(counted, run.x(), d, 1e-4, 0.9);
}

// Checks the quasi-Newton direction d at the current iterate: finite and descending.
// Returns false (and stops the run) otherwise.
bool usable_direction(std::string_view function, detail::Run& run, const Vector& d) {
    if (!detail::all_finite(d)) {
        run.stop(StopReason::non_finite, detail::message(function, ": the search direction is not finite at iteration ",
                                                         run.iteration() + 1));
        return false;
    }
    const double slope = dot(run.gradient(), d);  // ∇f(x_t)ᵀd_t
    if (!(slope < 0.0)) {
        run.stop(StopReason::not_descent, detail::message(function, ": d is not a descent direction at iteration ",
                                                          run.iteration() + 1, " (grad f^T d = ", slope, " >= 0)"));
        return false;
    }
    return true;
}

// One line-searched step x_{t+1} = x_t + α d; false (and the run stopped) when the search failed.
bool take_wolfe_step(std::string_view function, detail::Run& run, const Objective& f, const Vector& d) {
    LineSearchResult s = wolfe_step(run, f, d);
    if (!s.ok) {
        run.stop(s.reason, detail::message(function, ": at iteration ", run.iteration() + 1, ", ", s.message));
        return false;
    }
    Vector x_next = run.x() + s.alpha * d;
    run.step_to(std::move(x_next), s.value, std::move(s.gradient));
    return run.going();
}

}  // namespace

//! [newton]
// H_t d_t = −∇f(x_t),  x_{t+1} = x_t + d_t.
OptimizeResult newton(const Objective& f, const Vector& x0, const OptimizeOptions& options) {
    const auto function = detail::fn::newton;
    detail::check_newton(f);
    detail::Run run(function, f, x0, options);
    while (run.going()) {
        const Vector& g = run.gradient();
        const Matrix H = f.hessian(run.x());
        detail::check_hessian_shape(function, f.dim, H);
        if (!all_finite(H)) {
            run.stop(StopReason::non_finite, detail::message(function, ": the Hessian is not finite at iteration ",
                                                             run.iteration() + 1));
            break;
        }
        Vector d;
        try {
            d = solve(H, Vector(-g));  // LU with partial pivoting, never H⁻¹
        } catch (const domain_error& e) {
            // H is finite, so solve fails only when it is singular (or d would overflow)
            run.stop(StopReason::curvature_not_positive,
                     detail::message(function, ": the Hessian is singular at iteration ", run.iteration() + 1, " (",
                                     e.what(), ")"));
            break;
        }
        const double slope = dot(g, d);  // ∇fᵀd = −∇fᵀH⁻¹∇f < 0 when H is positive definite
        if (!(slope < 0.0)) {
            run.stop(StopReason::not_descent,
                     detail::message(function, ": the Newton direction does not descend at iteration ",
                                     run.iteration() + 1, " (grad f^T d = ", slope,
                                     " >= 0: the Hessian is not positive definite)"));
            break;
        }
        run.step_to(run.x() + d);
    }
    return run.result();
}
//! [newton]

//! [bfgs]
// d_t = −H_t ∇f(x_t),  x_{t+1} = x_t + α_t d_t (strong Wolfe),
// H_{t+1} = (I − ρ s yᵀ) H_t (I − ρ y sᵀ) + ρ s sᵀ,  ρ = 1 / yᵀs.
OptimizeResult bfgs(const Objective& f, const Vector& x0, const OptimizeOptions& options) {
    const auto function = detail::fn::bfgs;
    detail::Run run(function, f, x0, options);
    const std::size_t n = f.dim;
    Matrix H = xt::eye<double>(n);  // H_0 = I for the first step
    bool updated = false;
    while (run.going()) {
        const Vector x = run.x(), g = run.gradient();
        Vector d = xt::zeros<double>({n});
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) d(i) -= H(i, j) * g(j);
        if (!usable_direction(function, run, d) || !take_wolfe_step(function, run, f, d)) break;
        const Vector s = run.x() - x, y = run.gradient() - g;
        const double ys = dot(y, s);
        // A Wolfe step has yᵀs >= (c2 − 1) ∇fᵀs > 0 in exact arithmetic; a pair with yᵀs <= 0
        // (rounding on a flat stretch) would make H indefinite, so it is skipped.
        if (!(ys > 0.0)) continue;
        if (!updated) H = (ys / dot(y, y)) * xt::eye<double>(n);  // Nocedal and Wright 6.20
        updated = true;
        // The product expanded (H symmetric, Hy = H y):
        // H − ρ (s (Hy)ᵀ + (Hy) sᵀ) + (ρ² yᵀHy + ρ) s sᵀ — O(n²) work.
        const double rho = 1.0 / ys;
        Vector Hy = xt::zeros<double>({n});
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) Hy(i) += H(i, j) * y(j);
        const double c = rho * rho * dot(y, Hy) + rho;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) H(i, j) += -rho * (s(i) * Hy(j) + Hy(i) * s(j)) + c * s(i) * s(j);
    }
    return run.result();
}
//! [bfgs]

//! [lbfgs]
// d_t = −H_t ∇f(x_t) by the two-loop recursion over the last m = min(t, M) pairs (s_i, y_i).
OptimizeResult lbfgs(const Objective& f, const Vector& x0, std::size_t memory, const OptimizeOptions& options) {
    const auto function = detail::fn::lbfgs;
    detail::check_lbfgs(memory);
    detail::Run run(function, f, x0, options);
    struct Pair {
        Vector s, y;
        double rho;
    };
    std::deque<Pair> pairs;  // oldest first, at most M: 2 M n numbers
    while (run.going()) {
        const Vector x = run.x(), g = run.gradient();
        Vector q = g;
        std::vector<double> a(pairs.size());
        for (std::size_t k = pairs.size(); k-- > 0;) {  // newest to oldest
            a[k] = pairs[k].rho * dot(pairs[k].s, q);
            q -= a[k] * pairs[k].y;
        }
        // H_0 = γ I with γ = sᵀy / yᵀy of the oldest pair kept (I before the first pair)
        const double gamma = pairs.empty() ? 1.0 : 1.0 / (pairs.front().rho * dot(pairs.front().y, pairs.front().y));
        Vector r = gamma * q;
        for (std::size_t k = 0; k < pairs.size(); ++k) {  // oldest to newest
            const double b = pairs[k].rho * dot(pairs[k].y, r);
            r += (a[k] - b) * pairs[k].s;
        }
        const Vector d = -r;
        if (!usable_direction(function, run, d) || !take_wolfe_step(function, run, f, d)) break;
        Vector s = run.x() - x, y = run.gradient() - g;
        const double ys = dot(y, s);
        if (!(ys > 0.0)) continue;  // skipped, as in bfgs: it would make H_t indefinite
        if (pairs.size() == memory) pairs.pop_front();
        pairs.push_back({std::move(s), std::move(y), 1.0 / ys});
    }
    return run.result();
}
//! [lbfgs]

}  // namespace dlmath::reference
