// Chapter 4, constrained optimisation — reference twin.
//
// Rules of this file: each function reads like its formula, with the
// textbook's names (g_i equalities with λ_i, h_j inequalities with α_j);
// plain loops; no intrinsics, no OpenMP. Projected gradient descent runs the
// shared detail::Run; constrained least squares reuses chapter 1's solve and
// lstsq.

#include "dlmath/reference/optimization/constrained.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>

#include "dlmath/detail/checks/optimization.hpp"
#include "dlmath/detail/composites/optimization.hpp"
#include "dlmath/errors.hpp"
#include "dlmath/reference/linear_algebra/decompositions.hpp"
#include "dlmath/reference/optimization/objectives.hpp"

namespace dlmath::reference {

namespace {

// aᵀb = Σ_i a_i b_i
double dot(const Vector& a, const Vector& b) {
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) s += a(i) * b(i);
    return s;
}

}  // namespace

//! [project_ball]
// P(x) = x if ‖x − c‖ <= r, else c + r (x − c)/‖x − c‖
Vector project_ball(const Vector& x, const Vector& center, double radius) {
    detail::check_project_ball(x, center, radius);
    const double distance = detail::norm2(x - center);
    if (distance <= radius) return x;  // inside: unchanged, bit for bit
    double scale = radius / distance;
    Vector y = center + scale * (x - center);
    // rounding may leave y a hair outside as computed: lower the scale until it is inside, so
    // that P(y) = y exactly
    while (detail::norm2(y - center) > radius) {
        scale = std::nextafter(scale, 0.0);
        y = center + scale * (x - center);
    }
    return y;
}
//! [project_ball]

//! [project_box]
// P(x)_i = min(max(x_i, l_i), u_i)
Vector project_box(const Vector& x, const Vector& lower, const Vector& upper) {
    detail::check_project_box(x, lower, upper);
    Vector y = x;
    for (std::size_t i = 0; i < x.size(); ++i) y(i) = std::min(std::max(x(i), lower(i)), upper(i));
    return y;
}
//! [project_box]

//! [projected_gradient_descent]
// x_0 = P(x0), x_{t+1} = P(x_t − ε∇f(x_t)); stop when ‖x_t − P(x_t − ε∇f(x_t))‖/ε <= gtol
OptimizeResult projected_gradient_descent(const Objective& f, const Vector& x0, double learning_rate,
                                          const Projection& projection, const OptimizeOptions& options) {
    const std::string_view function = detail::fn::projected_gradient_descent;
    detail::check_optimizer_inputs(function, f, x0, options);
    detail::check_positive(function, "learning_rate", learning_rate);
    if (!projection) throw domain_error(detail::message(function, ": the projection is empty"));
    const auto P = [&](const Vector& x) {
        Vector p = projection(x);
        detail::check_projected_point(function, f.dim, p);
        return p;
    };
    const double eps = learning_rate;
    detail::Run run(function, f, P(x0), options);
    while (run.going()) {
        Vector x_next = P(run.x() - eps * run.gradient());
        const double projected_gradient = detail::norm2(run.x() - x_next) / eps;  // G_ε(x_t)
        if (projected_gradient <= options.gradient_tolerance) {
            run.stop(StopReason::gradient_tolerance,
                     detail::message(function, ": the projected-gradient step ||x - P(x - eps grad f)||/eps = ",
                                     projected_gradient, " <= gradient_tolerance after ", run.iteration(),
                                     " iterations (||grad f|| = ", run.gradient_norm(), ")"));
            break;
        }
        run.step_to(std::move(x_next));
    }
    return run.result();
}
//! [projected_gradient_descent]

//! [kkt_check]
// ∇_x L = ∇f + Σ λ_i ∇g_i + Σ α_j ∇h_j;  g_i = 0, h_j <= 0;  α_j >= 0;  α_j h_j = 0
KKTResiduals kkt_check(const Objective& f, const std::vector<Constraint>& equalities,
                       const std::vector<Constraint>& inequalities, const Vector& x, const Vector& lambda,
                       const Vector& alpha) {
    detail::check_kkt(f, equalities, inequalities, x, lambda, alpha);
    const std::size_t n = x.size();
    KKTResiduals r;
    Vector grad_L = f.gradient(x);
    detail::check_kkt_gradient("the objective", 0, n, grad_L);
    for (std::size_t i = 0; i < equalities.size(); ++i) {
        const Vector grad_g = equalities[i].gradient(x);
        detail::check_kkt_gradient("equality constraint", i, n, grad_g);
        grad_L += lambda(i) * grad_g;
        r.primal_feasibility = std::max(r.primal_feasibility, std::fabs(equalities[i].value(x)));
    }
    for (std::size_t j = 0; j < inequalities.size(); ++j) {
        const Vector grad_h = inequalities[j].gradient(x);
        detail::check_kkt_gradient("inequality constraint", j, n, grad_h);
        grad_L += alpha(j) * grad_h;
        const double h = inequalities[j].value(x);
        r.primal_feasibility = std::max(r.primal_feasibility, std::max(h, 0.0));
        r.dual_feasibility = std::max(r.dual_feasibility, std::max(-alpha(j), 0.0));
        r.complementary_slackness = std::max(r.complementary_slackness, std::fabs(alpha(j) * h));
    }
    r.stationarity = detail::norm2(grad_L);
    return r;
}
//! [kkt_check]

//! [constrained_least_squares]
// min ½‖Ax − b‖² s.t. xᵀx <= 1:  x(λ) = (AᵀA + 2λI)⁻¹Aᵀb, λ = 0 or ‖x(λ)‖ = 1
ConstrainedLeastSquaresResult constrained_least_squares(const Matrix& A, const Vector& b) {
    detail::check_least_squares(detail::fn::constrained_least_squares, A, b);
    const std::size_t n = A.shape(1);
    // ‖Aᵀb‖ = ‖∇f(0)‖ for f = ½‖Ax − b‖²; x(λ) is the minimiser of ridge with α = 2λ
    const double norm_Atb = detail::norm2(least_squares(A, b).gradient(xt::zeros<double>({n})));
    ConstrainedLeastSquaresResult r;
    const auto x_of = [&](double lambda) { return ridge_minimizer(A, b, 2.0 * lambda); };

    if (norm_Atb == 0.0) {
        r.x = xt::zeros<double>({n});  // b in the null space of Aᵀ: x = 0 is the minimiser
    } else {
        r.x = lstsq(A, b);  // λ = 0: the unconstrained (minimum-norm) minimiser
        if (detail::norm2(r.x) > 1.0) {
            // ‖x(λ)‖ decreases in λ; ‖x(‖Aᵀb‖)‖ <= ‖Aᵀb‖/(2‖Aᵀb‖) = ½ < 1: bisect [0, ‖Aᵀb‖]
            double lo = 0.0, hi = norm_Atb;
            Vector x_hi = x_of(hi);
            for (;;) {
                const double mid = lo + (hi - lo) / 2;
                if (mid <= lo || mid >= hi) break;  // lo and hi are adjacent doubles
                ++r.bisections;
                Vector x_mid = x_of(mid);
                if (detail::norm2(x_mid) > 1.0) {
                    lo = mid;
                } else {
                    hi = mid;
                    x_hi = std::move(x_mid);
                }
            }
            r.x = std::move(x_hi);  // the feasible end: ‖x‖ <= 1 as computed
            r.lambda = hi;
        }
    }
    // KKT of ½‖Ax − b‖² + λ(xᵀx − 1): ∇ = Aᵀ(Ax − b) + 2λx
    const Vector grad_L = ridge(A, b, 2.0 * r.lambda).gradient(r.x);
    const double h = dot(r.x, r.x) - 1.0;
    r.kkt.stationarity = detail::norm2(grad_L);
    r.kkt.primal_feasibility = std::max(h, 0.0);
    r.kkt.dual_feasibility = std::max(-r.lambda, 0.0);
    r.kkt.complementary_slackness = std::fabs(r.lambda * h);
    return r;
}
//! [constrained_least_squares]

}  // namespace dlmath::reference
