// Chapter 4, momentum and adaptive methods — reference twin.
//
// Rules of this file: each optimiser reads like its update rule, with the
// syllabus's index names (step t reads the gradient at x_{t-1} and writes
// the state with index t, then x_t); plain loops over the coordinates; the
// loop bookkeeping is the shared Run.

#include "dlmath/reference/optimization/momentum.hpp"

#include <cmath>
#include <cstddef>
#include <string_view>
#include <utility>

#include "dlmath/detail/checks/optimization.hpp"
#include "dlmath/detail/composites/optimization.hpp"

namespace dlmath::reference {

//! [momentum]
// g_t = −η ∇f(x_{t−1}) + λ g_{t−1},  x_t = x_{t−1} + g_t,  g_0 = 0.
OptimizeResult momentum(const Objective& f, const Vector& x0, double learning_rate, double momentum,
                        const OptimizeOptions& options) {
    detail::check_momentum(detail::fn::momentum, learning_rate, momentum);
    const double eta = learning_rate, lambda = momentum;
    detail::Run run(detail::fn::momentum, f, x0, options);
    Vector g = xt::zeros<double>({f.dim});  // g_0 = 0
    while (run.going()) {
        const Vector& grad = run.gradient();  // ∇f(x_{t−1})
        const Vector& x = run.x();            // x_{t−1}
        Vector x_next(x.shape());
        for (std::size_t i = 0; i < f.dim; ++i) {
            g(i) = -eta * grad(i) + lambda * g(i);  // λ = 0: exactly −η ∇f (0·g adds +0)
            x_next(i) = x(i) + g(i);                // x + (−η∇f) rounds as x − η∇f
        }
        run.step_to(std::move(x_next));
    }
    return run.result();
}
//! [momentum]

//! [nesterov]
// g_t = −η ∇f(x_{t−1} + λ g_{t−1}) + λ g_{t−1},  x_t = x_{t−1} + g_t,  g_0 = 0.
OptimizeResult nesterov(const Objective& f, const Vector& x0, double learning_rate, double momentum,
                        const OptimizeOptions& options) {
    detail::check_momentum(detail::fn::nesterov, learning_rate, momentum);
    const double eta = learning_rate, lambda = momentum;
    detail::Run run(detail::fn::nesterov, f, x0, options);
    Vector g = xt::zeros<double>({f.dim});  // g_0 = 0
    while (run.going()) {
        const Vector& x = run.x();  // x_{t−1}
        // the look-ahead point x_{t−1} + λ g_{t−1}; it is x_{t−1} itself on the first step or for λ = 0
        Vector ahead(x.shape());
        for (std::size_t i = 0; i < f.dim; ++i) ahead(i) = x(i) + lambda * g(i);
        const bool at_x = run.iteration() == 0 || lambda == 0.0;
        const Vector grad = at_x ? run.gradient() : run.gradient_at(ahead);
        if (!detail::all_finite(grad)) {
            run.stop(StopReason::non_finite, detail::message(detail::fn::nesterov,
                                                             ": the gradient at the look-ahead point is not finite "
                                                             "at iteration ", run.iteration() + 1));
            break;
        }
        Vector x_next(x.shape());
        for (std::size_t i = 0; i < f.dim; ++i) {
            g(i) = -eta * grad(i) + lambda * g(i);
            x_next(i) = x(i) + g(i);
        }
        run.step_to(std::move(x_next));
    }
    return run.result();
}
//! [nesterov]

//! [adagrad]
// s_t = s_{t−1} + ∇f(x_{t−1})²,  x_t = x_{t−1} − η ∇f(x_{t−1}) / (√s_t + ε).
OptimizeResult adagrad(const Objective& f, const Vector& x0, const AdagradParameters& p,
                       const OptimizeOptions& options) {
    detail::check_adagrad(p.learning_rate, p.eps, p.initial_accumulator_value);
    detail::Run run(detail::fn::adagrad, f, x0, options);
    Vector s = xt::zeros<double>({f.dim});
    s.fill(p.initial_accumulator_value);  // s_0
    while (run.going()) {
        const Vector& grad = run.gradient();
        const Vector& x = run.x();
        Vector x_next(x.shape());
        for (std::size_t i = 0; i < f.dim; ++i) {
            s(i) = s(i) + grad(i) * grad(i);
            x_next(i) = x(i) - p.learning_rate * grad(i) / (std::sqrt(s(i)) + p.eps);
        }
        run.step_to(std::move(x_next));
    }
    return run.result();
}
//! [adagrad]

//! [rmsprop]
// v_t = α v_{t−1} + (1 − α) ∇f(x_{t−1})²,  x_t = x_{t−1} − η ∇f(x_{t−1}) / (√v_t + ε).
OptimizeResult rmsprop(const Objective& f, const Vector& x0, const RmspropParameters& p,
                       const OptimizeOptions& options) {
    detail::check_rmsprop(p.learning_rate, p.alpha, p.eps);
    detail::Run run(detail::fn::rmsprop, f, x0, options);
    Vector v = xt::zeros<double>({f.dim});  // v_0 = 0
    while (run.going()) {
        const Vector& grad = run.gradient();
        const Vector& x = run.x();
        Vector x_next(x.shape());
        for (std::size_t i = 0; i < f.dim; ++i) {
            v(i) = p.alpha * v(i) + (1.0 - p.alpha) * grad(i) * grad(i);
            x_next(i) = x(i) - p.learning_rate * grad(i) / (std::sqrt(v(i)) + p.eps);
        }
        run.step_to(std::move(x_next));
    }
    return run.result();
}
//! [rmsprop]

namespace {

//! [adam]
// m_t = β₁ m_{t−1} + (1 − β₁) ∇f(x_{t−1}),   v_t = β₂ v_{t−1} + (1 − β₂) ∇f(x_{t−1})²,
// m̂_t = m_t / (1 − β₁ᵗ),   v̂_t = v_t / (1 − β₂ᵗ),
// x_t = (1 − η w) x_{t−1} − η m̂_t / (√v̂_t + ε)        (w = 0: Adam; w > 0: AdamW)
OptimizeResult adam_with_decay(std::string_view function, const Objective& f, const Vector& x0, double eta,
                               double beta1, double beta2, double eps, double w, const OptimizeOptions& options) {
    detail::check_adam(function, eta, beta1, beta2, eps, w);
    detail::Run run(function, f, x0, options);
    Vector m = xt::zeros<double>({f.dim}), v = xt::zeros<double>({f.dim});  // m_0 = v_0 = 0
    while (run.going()) {
        const Vector& grad = run.gradient();
        const Vector& x = run.x();
        const double t = static_cast<double>(run.iteration() + 1);
        const double correction1 = 1.0 - std::pow(beta1, t), correction2 = 1.0 - std::pow(beta2, t);
        const double shrink = 1.0 - eta * w;  // exactly 1 when w = 0
        Vector x_next(x.shape());
        for (std::size_t i = 0; i < f.dim; ++i) {
            m(i) = beta1 * m(i) + (1.0 - beta1) * grad(i);
            v(i) = beta2 * v(i) + (1.0 - beta2) * grad(i) * grad(i);
            const double m_hat = m(i) / correction1, v_hat = v(i) / correction2;
            x_next(i) = shrink * x(i) - eta * m_hat / (std::sqrt(v_hat) + eps);
        }
        run.step_to(std::move(x_next));
    }
    return run.result();
}
//! [adam]

}  // namespace

OptimizeResult adam(const Objective& f, const Vector& x0, const AdamParameters& p, const OptimizeOptions& options) {
    return adam_with_decay(detail::fn::adam, f, x0, p.learning_rate, p.beta1, p.beta2, p.eps, 0.0, options);
}

OptimizeResult adamw(const Objective& f, const Vector& x0, const AdamwParameters& p, const OptimizeOptions& options) {
    return adam_with_decay(detail::fn::adamw, f, x0, p.learning_rate, p.beta1, p.beta2, p.eps, p.weight_decay,
                           options);
}

}  // namespace dlmath::reference
