// Chapter 4, gradient descent and line searches — reference twin.
//
// Rules of this file: each function reads like its formula, with the
// textbook's index names; plain loops; no intrinsics, no OpenMP. Every
// optimiser's loop is the shared detail::Run; the line searches evaluate
// through it inside an optimiser, so that the counts stay right.

#include "dlmath/reference/optimization/gradient_methods.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <random>
#include <string>
#include <utility>

#include "dlmath/detail/checks/optimization.hpp"
#include "dlmath/detail/composites/optimization.hpp"
#include "dlmath/errors.hpp"

namespace dlmath::reference {

namespace {

using ValueAt = std::function<double(const Vector&)>;
using GradientAt = std::function<Vector(const Vector&)>;

// aᵀb = Σ_i a_i b_i
double dot(const Vector& a, const Vector& b) {
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) s += a(i) * b(i);
    return s;
}

// gᵀHg = Σ_i g_i Σ_j H_ij g_j
double curvature(const Vector& g, const Matrix& H) {
    double s = 0.0;
    for (std::size_t i = 0; i < g.size(); ++i) {
        double Hg_i = 0.0;
        for (std::size_t j = 0; j < g.size(); ++j) Hg_i += H(i, j) * g(j);
        s += g(i) * Hg_i;
    }
    return s;
}

LineSearchResult failed(LineSearchResult r, StopReason reason, std::string words) {
    r.ok = false;
    r.reason = reason;
    r.message = std::move(words);
    return r;
}

// Backtracking from x (where f = fx, ∇f = gx) along d: α = α0, ρα0, ρ²α0, ... until
// f(x + αd) <= f(x) + c1 α ∇f(x)ᵀd. Counts only the trial evaluations.
LineSearchResult backtrack(std::string_view function, const ValueAt& value, const Vector& x, double fx,
                           const Vector& gx, const Vector& d, double alpha0, double rho, double c1,
                           std::size_t max_steps) {
    LineSearchResult r;
    const double slope = dot(gx, d);  // ∇f(x)ᵀd
    if (!(slope < 0.0)) {
        return failed(r, StopReason::not_descent,
                      detail::message(function, ": d is not a descent direction (grad f^T d = ", slope, " >= 0)"));
    }
    bool seen_finite = false;
    double alpha = alpha0;
    for (std::size_t k = 0; k < max_steps; ++k) {
        const Vector x_trial = x + alpha * d;
        const double f_trial = value(x_trial);
        ++r.evaluations;
        r.alpha = alpha;
        r.value = f_trial;
        if (std::isfinite(f_trial)) seen_finite = true;
        // Armijo: f(x + αd) <= f(x) + c1 α ∇f(x)ᵀd (false for NaN: too large a step)
        if (f_trial <= fx + c1 * alpha * slope) {
            r.ok = true;
            r.message = detail::message(function, ": alpha = ", alpha, " after ", k + 1, " trials");
            return r;
        }
        alpha *= rho;
    }
    if (!seen_finite) {
        return failed(r, StopReason::non_finite,
                      detail::message(function, ": f was not finite at any of the ", max_steps, " steps tried"));
    }
    return failed(r, StopReason::line_search_failed,
                  detail::message(function, ": no sufficient decrease in ", max_steps, " steps down to alpha = ",
                                  r.alpha, " (grad f^T d = ", slope, ")"));
}

// Strong Wolfe by bracketing and zoom (Nocedal and Wright, Algorithms 3.5 and 3.6), with
// φ(α) = f(x + αd), φ'(α) = ∇f(x + αd)ᵀd. Counts only the trial evaluations.
class Wolfe {
  public:
    Wolfe(const ValueAt& value, const GradientAt& gradient, const Vector& x, const Vector& d, double phi0,
          double dphi0, double c1, double c2, std::size_t max_evaluations)
        : value_(value), gradient_(gradient), x_(x), d_(d), phi0_(phi0), dphi0_(dphi0), c1_(c1), c2_(c2),
          max_(max_evaluations) {}

    // Algorithm 3.5: α grows from α0 (doubling, at most α_max) until [α_{i-1}, α_i] brackets a step.
    LineSearchResult search(double alpha0, double alpha_max) {
        double a_prev = 0.0, phi_prev = phi0_, dphi_prev = dphi0_;
        double a = alpha0;
        for (std::size_t i = 1; r_.evaluations < max_; ++i) {
            const double phi_a = phi(a);
            if (!(phi_a <= phi0_ + c1_ * a * dphi0_) || (i > 1 && phi_a >= phi_prev)) {
                return zoom(a_prev, phi_prev, dphi_prev, a, phi_a);
            }
            Vector g_a;
            const double dphi_a = dphi(a, g_a);
            if (!std::isfinite(dphi_a)) return non_finite(a);
            if (std::fabs(dphi_a) <= -c2_ * dphi0_) return accept(a, phi_a, std::move(g_a));
            if (dphi_a >= 0.0) return zoom(a, phi_a, dphi_a, a_prev, phi_prev);
            if (a >= alpha_max) {
                return failed(r_, StopReason::line_search_failed,
                              detail::message(detail::fn::line_search, ": f still decreases at alpha_max = ",
                                              alpha_max, " (phi'(alpha) = ", dphi_a, ")"));
            }
            a_prev = a;
            phi_prev = phi_a;
            dphi_prev = dphi_a;
            a = std::min(2.0 * a, alpha_max);
        }
        return out_of_budget();
    }

  private:
    // Algorithm 3.6: lo satisfies sufficient decrease and has the lowest φ seen; a step between
    // lo and hi meets both conditions.
    LineSearchResult zoom(double lo, double phi_lo, double dphi_lo, double hi, double phi_hi) {
        while (r_.evaluations < max_) {
            const double a = trial_step(lo, phi_lo, dphi_lo, hi, phi_hi);
            if (a == lo || a == hi) break;  // the interval has shrunk to adjacent numbers
            const double phi_a = phi(a);
            if (!(phi_a <= phi0_ + c1_ * a * dphi0_) || phi_a >= phi_lo) {
                hi = a;
                phi_hi = phi_a;
                continue;
            }
            Vector g_a;
            const double dphi_a = dphi(a, g_a);
            if (!std::isfinite(dphi_a)) return non_finite(a);
            if (std::fabs(dphi_a) <= -c2_ * dphi0_) return accept(a, phi_a, std::move(g_a));
            if (dphi_a * (hi - lo) >= 0.0) {
                hi = lo;
                phi_hi = phi_lo;
            }
            lo = a;
            phi_lo = phi_a;
            dphi_lo = dphi_a;
        }
        return out_of_budget();
    }

    // The minimiser of the quadratic q with q(lo) = φ(lo), q'(lo) = φ'(lo), q(hi) = φ(hi):
    // q(lo + t) = φ(lo) + φ'(lo) t + c t², c = (φ(hi) − φ(lo) − φ'(lo)Δ) / Δ², t* = −φ'(lo) / 2c;
    // the midpoint when t* is not inside the middle 80% of the interval (or q has no minimum).
    static double trial_step(double lo, double phi_lo, double dphi_lo, double hi, double phi_hi) {
        const double delta = hi - lo;
        const double mid = lo + 0.5 * delta;
        const double c = (phi_hi - phi_lo - dphi_lo * delta) / (delta * delta);
        if (!(c > 0.0)) return mid;
        const double a = lo - dphi_lo / (2.0 * c);
        const double left = std::min(lo, hi) + 0.1 * std::fabs(delta);
        const double right = std::max(lo, hi) - 0.1 * std::fabs(delta);
        return (a >= left && a <= right) ? a : mid;
    }

    double phi(double a) {
        ++r_.evaluations;
        r_.alpha = a;
        return value_(x_ + a * d_);
    }
    double dphi(double a, Vector& g) {
        ++r_.gradient_evaluations;
        g = gradient_(x_ + a * d_);
        return dot(g, d_);
    }
    LineSearchResult accept(double a, double phi_a, Vector g_a) {
        r_.alpha = a;
        r_.value = phi_a;
        r_.gradient = std::move(g_a);
        r_.ok = true;
        r_.message = detail::message(detail::fn::line_search, ": alpha = ", a, " meets the strong Wolfe conditions");
        return r_;
    }
    LineSearchResult non_finite(double a) {
        return failed(r_, StopReason::non_finite,
                      detail::message(detail::fn::line_search, ": the gradient is not finite at alpha = ", a));
    }
    LineSearchResult out_of_budget() {
        return failed(r_, StopReason::line_search_failed,
                      detail::message(detail::fn::line_search, ": no step met the strong Wolfe conditions in ",
                                      r_.evaluations, " evaluations (last alpha = ", r_.alpha, ")"));
    }

    const ValueAt& value_;
    const GradientAt& gradient_;
    const Vector& x_;
    const Vector& d_;
    double phi0_, dphi0_, c1_, c2_;
    std::size_t max_;
    LineSearchResult r_;
};

}  // namespace

//! [random_search]
OptimizeResult random_search(const Objective& f, const Vector& x0, double radius, std::size_t samples,
                             std::uint64_t seed, const OptimizeOptions& options) {
    detail::check_random_search(radius, samples);
    detail::Run run(detail::fn::random_search, f, x0, options);
    std::mt19937_64 engine(seed);
    std::uniform_real_distribution<double> offset(-radius, radius);
    while (run.going()) {
        // x_{t+1} = argmin { f(x_t), f(y_1), ..., f(y_s) },  y_k = x_t + U[-r, r]^n
        Vector best = run.x();
        double f_best = run.value();
        for (std::size_t k = 0; k < samples; ++k) {
            Vector y = run.x();
            for (std::size_t i = 0; i < y.size(); ++i) y(i) += offset(engine);
            const double f_y = run.value_at(y);
            if (f_y < f_best) {  // false for NaN: a NaN is never the best
                best = std::move(y);
                f_best = f_y;
            }
        }
        run.step_to(best, f_best, run.gradient_at(best));
    }
    return run.result();
}
//! [random_search]

//! [gradient_descent]
OptimizeResult gradient_descent(const Objective& f, const Vector& x0, double learning_rate,
                                const OptimizeOptions& options) {
    detail::check_positive(detail::fn::gradient_descent, "learning_rate", learning_rate);
    detail::Run run(detail::fn::gradient_descent, f, x0, options);
    while (run.going()) {
        // x_{t+1} = x_t − ε ∇f(x_t)
        run.step_to(run.x() - learning_rate * run.gradient());
    }
    return run.result();
}
//! [gradient_descent]

//! [optimal_step]
double optimal_step(const Vector& g, const Matrix& H) {
    detail::check_optimal_step(g, H);
    const double gHg = curvature(g, H);
    if (!(gHg > 0.0) || !std::isfinite(gHg)) {
        throw domain_error(detail::message(detail::fn::optimal_step, ": g^T H g = ", gHg,
                                           " is not finite and > 0, so f(x - eps g) has no minimum along -g"));
    }
    // ε* = gᵀg / gᵀHg
    return dot(g, g) / gHg;
}
//! [optimal_step]

//! [gradient_descent_optimal_step]
OptimizeResult gradient_descent_optimal_step(const Objective& f, const Vector& x0, const OptimizeOptions& options) {
    const auto function = detail::fn::gradient_descent_optimal_step;
    if (!f.hessian) throw domain_error(detail::message(function, ": the objective needs a Hessian"));
    detail::Run run(function, f, x0, options);
    while (run.going()) {
        const Vector& g = run.gradient();
        const Matrix H = f.hessian(run.x());
        if (H.shape(0) != f.dim || H.shape(1) != f.dim) {
            throw shape_error(detail::message(function, ": the Hessian is (", H.shape(0), ", ", H.shape(1),
                                              "), the objective takes ", f.dim));
        }
        const double gHg = curvature(g, H);
        if (!std::isfinite(gHg)) {
            run.stop(StopReason::non_finite, detail::message(function, ": g^T H g = ", gHg, " at iteration ",
                                                             run.iteration()));
        } else if (gHg <= 0.0) {
            run.stop(StopReason::curvature_not_positive,
                     detail::message(function, ": g^T H g = ", gHg, " <= 0 at iteration ", run.iteration(),
                                     ": the optimal step is undefined"));
        } else {
            // x_{t+1} = x_t − ε* g,  ε* = gᵀg / gᵀHg
            const double eps = dot(g, g) / gHg;
            run.step_to(run.x() - eps * g);
        }
    }
    return run.result();
}
//! [gradient_descent_optimal_step]

//! [backtracking_line_search]
LineSearchResult backtracking_line_search(const Objective& f, const Vector& x, const Vector& d, double alpha0,
                                          double rho, double c1, std::size_t max_steps) {
    const auto function = detail::fn::backtracking_line_search;
    detail::check_line_search_inputs(function, f, x, d);
    detail::check_backtracking(function, alpha0, rho, c1);
    detail::check_budget(function, "max_steps", max_steps);
    const double fx = f.value(x);
    const Vector gx = f.gradient(x);
    LineSearchResult r;
    if (!std::isfinite(fx) || !detail::all_finite(gx)) {
        r = failed(r, StopReason::non_finite, detail::message(function, ": f(x) = ", fx, " or its gradient is not finite"));
    } else {
        r = backtrack(function, f.value, x, fx, gx, d, alpha0, rho, c1, max_steps);
    }
    r.evaluations += 1;  // f(x)
    r.gradient_evaluations += 1;  // ∇f(x)
    return r;
}
//! [backtracking_line_search]

//! [gradient_descent_backtracking]
OptimizeResult gradient_descent_backtracking(const Objective& f, const Vector& x0, double alpha0, double rho,
                                             double c1, const OptimizeOptions& options) {
    const auto function = detail::fn::gradient_descent_backtracking;
    detail::check_backtracking(function, alpha0, rho, c1);
    detail::Run run(function, f, x0, options);
    const ValueAt value = [&run](const Vector& y) { return run.value_at(y); };
    while (run.going()) {
        // d_t = −∇f(x_t); α_t the first of α0, ρα0, ... with sufficient decrease
        const Vector d = -run.gradient();
        const LineSearchResult s = backtrack(function, value, run.x(), run.value(), run.gradient(), d, alpha0, rho,
                                             c1, 60);
        if (!s.ok) {
            run.stop(s.reason, s.message);
        } else {
            Vector x_next = run.x() + s.alpha * d;
            Vector g_next = run.gradient_at(x_next);
            run.step_to(std::move(x_next), s.value, std::move(g_next));
        }
    }
    return run.result();
}
//! [gradient_descent_backtracking]

//! [line_search]
LineSearchResult line_search(const Objective& f, const Vector& x, const Vector& d, double c1, double c2,
                             double alpha0, double alpha_max, std::size_t max_evaluations) {
    const auto function = detail::fn::line_search;
    detail::check_line_search_inputs(function, f, x, d);
    detail::check_wolfe(alpha0, c1, c2, alpha_max);
    detail::check_budget(function, "max_evaluations", max_evaluations);
    const double phi0 = f.value(x);
    const Vector g0 = f.gradient(x);
    const double dphi0 = dot(g0, d);  // φ'(0) = ∇f(x)ᵀd
    LineSearchResult r;
    if (!std::isfinite(phi0) || !std::isfinite(dphi0)) {
        r = failed(r, StopReason::non_finite, detail::message(function, ": f(x) = ", phi0, ", grad f^T d = ", dphi0));
    } else if (!(dphi0 < 0.0)) {
        r = failed(r, StopReason::not_descent,
                   detail::message(function, ": d is not a descent direction (grad f^T d = ", dphi0, " >= 0)"));
    } else {
        r = Wolfe(f.value, f.gradient, x, d, phi0, dphi0, c1, c2, max_evaluations).search(alpha0, alpha_max);
    }
    r.evaluations += 1;  // f(x)
    r.gradient_evaluations += 1;  // ∇f(x)
    return r;
}
//! [line_search]

}  // namespace dlmath::reference
