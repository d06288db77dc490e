/// \file
/// \brief Chapter 4's input checks: one `check_<function>` per public
/// function, called first thing by both twins, so that the reference and the
/// fast function reject exactly the same inputs with the same message. Each
/// function's name is written once, in `fn::`. One block per area of the
/// chapter (objectives, gradient methods, momentum and adaptive methods,
/// second-order methods, constrained problems, empirical risk, batched
/// optimisers), each with its own `fn` names.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>

#include "dlmath/detail/checks/common.hpp"
#include "dlmath/optimization.hpp"

namespace dlmath::detail {

// ------------------------------------------------------------- shared by every optimiser

/// An optimiser's objective, start and options: value and gradient present,
/// the start of the objective's dimension with finite entries, tolerances
/// finite and >= 0, at least one iteration, a positive divergence threshold.
inline void check_optimizer_inputs(std::string_view function, const Objective& f, const Vector& x0,
                                   const OptimizeOptions& o) {
    if (!f.value || !f.gradient) {
        throw domain_error(message(function, ": the objective needs a value and a gradient"));
    }
    if (x0.size() != f.dim) {
        throw shape_error(message(function, ": the start has ", x0.size(), " entries but the objective ",
                                  f.name.empty() ? std::string("f") : f.name, " takes ", f.dim));
    }
    for (std::size_t i = 0; i < x0.size(); ++i) {
        if (!std::isfinite(x0(i))) {
            throw domain_error(message(function, ": the start must be finite (x0[", i, "] = ", x0(i), ")"));
        }
    }
    if (!(o.gradient_tolerance >= 0.0) || !std::isfinite(o.gradient_tolerance)) {
        throw domain_error(message(function, ": gradient_tolerance must be finite and >= 0 (got ",
                                   o.gradient_tolerance, ")"));
    }
    if (!(o.step_tolerance >= 0.0) || !std::isfinite(o.step_tolerance)) {
        throw domain_error(message(function, ": step_tolerance must be finite and >= 0 (got ", o.step_tolerance, ")"));
    }
    if (o.max_iterations == 0) {
        throw domain_error(message(function, ": max_iterations must be >= 1 (got 0)"));
    }
    if (!(o.divergence_threshold > 0.0)) {
        throw domain_error(message(function, ": divergence_threshold must be > 0 (got ", o.divergence_threshold, ")"));
    }
}

/// A step size, learning rate or other named parameter that must be finite and > 0.
inline void check_positive(std::string_view function, std::string_view name, double v) {
    if (!(v > 0.0) || !std::isfinite(v)) {
        throw domain_error(message(function, ": ", name, " must be finite and > 0 (got ", name, " = ", v, ")"));
    }
}

/// A decay or momentum parameter in [0, 1).
inline void check_unit_interval(std::string_view function, std::string_view name, double v) {
    if (!(v >= 0.0 && v < 1.0)) {
        throw domain_error(message(function, ": ", name, " must lie in [0, 1) (got ", name, " = ", v, ")"));
    }
}

// ------------------------------------------------------------- objectives and test problems (4.1)

namespace fn {
inline constexpr std::string_view quadratic = "quadratic", quadratic_minimizer = "quadratic_minimizer",
                                  quadratic_condition = "quadratic_condition",
                                  ill_conditioned_hessian = "ill_conditioned_hessian", rosenbrock = "rosenbrock",
                                  beale = "beale", booth = "booth", himmelblau = "himmelblau",
                                  exercise_function = "exercise_function", exercise_batch = "exercise_batch",
                                  least_squares = "least_squares", ridge = "ridge", ridge_minimizer = "ridge_minimizer",
                                  logistic_regression = "logistic_regression";
}  // namespace fn

/// The point handed to an objective's value, gradient or Hessian: `n` entries.
inline void check_objective_point(std::string_view function, std::size_t n, const Vector& x) {
    if (x.size() != n) {
        throw shape_error(message(function, ": the point has ", x.size(), " entries but the objective takes ", n));
    }
}

/// The points handed to a batched objective: the rows of `X ~ (m, n)`, finite.
inline void check_objective_batch(std::string_view function, std::size_t n, const Matrix& X) {
    if (X.shape(1) != n) {
        throw shape_error(message(function, ": X must have ", n, " columns, one per variable (X is ", shape_string(X),
                                  ")"));
    }
    require_finite(function, X, "X");
}

/// quadratic(A, b): A square, not empty, finite, symmetric and positive
/// definite; b of A's order, finite. Positive definiteness is tested by
/// Cholesky's factorisation \f$ A = L L^\top \f$, which exists exactly when
/// every pivot \f$ a_{jj} - \sum_{k<j} l_{jk}^2 \f$ is > 0; the message names
/// the first pivot that is not.
inline void check_quadratic(std::string_view function, const Matrix& A, const Vector& b) {
    require_nonempty(function, A, "A");
    require_square(function, A, "A");
    require_rhs_rows(function, A, b, "A", "b");
    require_finite(function, A, "A");
    require_finite(function, b, "b");
    require_symmetric(function, A, "A");
    const std::size_t n = A.shape(0);
    Matrix L = Matrix::from_shape({n, n});
    L.fill(0.0);
    for (std::size_t j = 0; j < n; ++j) {
        double pivot = A(j, j);
        for (std::size_t k = 0; k < j; ++k) pivot -= L(j, k) * L(j, k);
        if (!(pivot > 0.0)) {
            throw domain_error(message(function, ": A must be positive definite (A is ", shape_string(A),
                                       "; Cholesky's pivot ", j, " is ", pivot, " <= 0)"));
        }
        L(j, j) = std::sqrt(pivot);
        for (std::size_t i = j + 1; i < n; ++i) {
            double s = A(i, j);
            for (std::size_t k = 0; k < j; ++k) s -= L(i, k) * L(j, k);
            L(i, j) = s / L(j, j);
        }
    }
}

/// ill_conditioned_hessian(kappa, theta): kappa finite and >= 1, theta finite.
inline void check_ill_conditioned_hessian(double kappa, double theta) {
    if (!(kappa >= 1.0) || !std::isfinite(kappa)) {
        throw domain_error(message(fn::ill_conditioned_hessian, ": kappa must be finite and >= 1 (got kappa = ", kappa,
                                   ")"));
    }
    if (!std::isfinite(theta)) {
        throw domain_error(message(fn::ill_conditioned_hessian, ": theta must be finite (got theta = ", theta, ")"));
    }
}

/// rosenbrock(n): n >= 2.
inline void check_rosenbrock(std::size_t n) {
    if (n < 2) throw domain_error(message(fn::rosenbrock, ": n must be >= 2 (got n = ", n, ")"));
}

/// least_squares(A, b) and ridge(A, b, alpha): A not empty, b of A's rows,
/// both finite.
inline void check_least_squares(std::string_view function, const Matrix& A, const Vector& b) {
    require_nonempty(function, A, "A");
    require_rhs_rows(function, A, b, "A", "b");
    require_finite(function, A, "A");
    require_finite(function, b, "b");
}

/// ridge(A, b, alpha): as least_squares, alpha finite and >= 0.
inline void check_ridge(std::string_view function, const Matrix& A, const Vector& b, double alpha) {
    check_least_squares(function, A, b);
    require_nonnegative(function, "alpha", alpha);
}

/// Binary classification data for `function`: X not empty and finite, y of X's rows with every
/// label 0 or 1 (logistic_regression here; accuracy in section 4.6).
inline void check_binary_labels(std::string_view function, const Matrix& X, const Vector& y) {
    require_nonempty(function, X, "X");
    require_rhs_rows(function, X, y, "X", "y");
    require_finite(function, X, "X");
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (!(y(i) == 0.0 || y(i) == 1.0)) {
            throw domain_error(message(function, ": the labels must be 0 or 1 (y[", i, "] = ", y(i), ")"));
        }
    }
}

/// logistic_regression(X, y): X not empty and finite, y of X's rows with
/// every label 0 or 1.
inline void check_logistic_regression(const Matrix& X, const Vector& y) {
    check_binary_labels(fn::logistic_regression, X, y);
}

// ------------------------------------------------------------- gradient methods (4.2)

namespace fn {
inline constexpr std::string_view random_search = "random_search", gradient_descent = "gradient_descent",
                                  optimal_step = "optimal_step",
                                  gradient_descent_optimal_step = "gradient_descent_optimal_step",
                                  backtracking_line_search = "backtracking_line_search",
                                  gradient_descent_backtracking = "gradient_descent_backtracking",
                                  line_search = "line_search";
}  // namespace fn

/// `random_search(f, x0, radius, samples, seed, options)`: a positive radius and at least one sample.
inline void check_random_search(double radius, std::size_t samples) {
    check_positive(fn::random_search, "radius", radius);
    if (samples == 0) throw domain_error(message(fn::random_search, ": samples must be >= 1 (got samples = 0)"));
}

/// A parameter that must lie strictly inside (0, 1): Armijo's c1, the shrink factor rho.
inline void check_open_unit_interval(std::string_view function, std::string_view name, double v) {
    if (!(v > 0.0 && v < 1.0)) {
        throw domain_error(message(function, ": ", name, " must lie in (0, 1) (got ", name, " = ", v, ")"));
    }
}

/// `optimal_step(g, H)`: H square with g's dimension.
inline void check_optimal_step(const Vector& g, const Matrix& H) {
    if (H.shape(0) != g.size() || H.shape(1) != g.size()) {
        throw shape_error(message(fn::optimal_step, ": H is (", H.shape(0), ", ", H.shape(1), ") but g has ",
                                  g.size(), " entries (H must be (", g.size(), ", ", g.size(), "))"));
    }
}

/// A line search's objective, point and direction: value and gradient present, x and d of the
/// objective's dimension with finite entries.
inline void check_line_search_inputs(std::string_view function, const Objective& f, const Vector& x, const Vector& d) {
    if (!f.value || !f.gradient) {
        throw domain_error(message(function, ": the objective needs a value and a gradient"));
    }
    if (x.size() != f.dim || d.size() != f.dim) {
        throw shape_error(message(function, ": x has ", x.size(), " entries and d has ", d.size(),
                                  " but the objective takes ", f.dim));
    }
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!std::isfinite(x(i)) || !std::isfinite(d(i))) {
            throw domain_error(message(function, ": x and d must be finite (x[", i, "] = ", x(i), ", d[", i,
                                       "] = ", d(i), ")"));
        }
    }
}

/// Backtracking (Armijo): a positive first step alpha0, rho and c1 in (0, 1).
inline void check_backtracking(std::string_view function, double alpha0, double rho, double c1) {
    check_positive(function, "alpha0", alpha0);
    check_open_unit_interval(function, "rho", rho);
    check_open_unit_interval(function, "c1", c1);
}

/// A budget of trials (a line search's max_steps or max_evaluations): at least one.
inline void check_budget(std::string_view function, std::string_view name, std::size_t n) {
    if (n == 0) throw domain_error(message(function, ": ", name, " must be >= 1 (got 0)"));
}

/// Strong Wolfe: 0 < c1 < c2 < 1, a positive first step alpha0 <= alpha_max.
inline void check_wolfe(double alpha0, double c1, double c2, double alpha_max) {
    if (!(c1 > 0.0 && c1 < c2 && c2 < 1.0)) {
        throw domain_error(message(fn::line_search, ": the Wolfe constants need 0 < c1 < c2 < 1 (got c1 = ", c1,
                                   ", c2 = ", c2, ")"));
    }
    check_positive(fn::line_search, "alpha0", alpha0);
    check_positive(fn::line_search, "alpha_max", alpha_max);
    if (alpha0 > alpha_max) {
        throw domain_error(message(fn::line_search, ": alpha0 = ", alpha0, " exceeds alpha_max = ", alpha_max));
    }
}

// ------------------------------------------------------------- momentum and adaptive methods (4.3)

/// The names of the momentum and adaptive optimisers, as the messages write them.
namespace fn {
inline constexpr std::string_view momentum = "momentum", nesterov = "nesterov", adagrad = "adagrad",
                                  rmsprop = "rmsprop", adam = "adam", adamw = "adamw";
}  // namespace fn

/// `momentum` and `nesterov`: a learning rate eta > 0 (finite) and a momentum lambda in [0, 1).
inline void check_momentum(std::string_view function, double learning_rate, double momentum) {
    check_positive(function, "learning_rate", learning_rate);
    check_unit_interval(function, "momentum", momentum);
}

/// `adagrad`: eta > 0, eps > 0, an initial accumulator >= 0 (all finite).
inline void check_adagrad(double learning_rate, double eps, double initial_accumulator) {
    check_positive(fn::adagrad, "learning_rate", learning_rate);
    check_positive(fn::adagrad, "eps", eps);
    if (!(initial_accumulator >= 0.0) || !std::isfinite(initial_accumulator)) {
        throw domain_error(message(fn::adagrad, ": initial_accumulator_value must be finite and >= 0 (got ",
                                   initial_accumulator, ")"));
    }
}

/// `rmsprop`: eta > 0, the decay alpha in [0, 1), eps > 0.
inline void check_rmsprop(double learning_rate, double alpha, double eps) {
    check_positive(fn::rmsprop, "learning_rate", learning_rate);
    check_unit_interval(fn::rmsprop, "alpha", alpha);
    check_positive(fn::rmsprop, "eps", eps);
}

/// `adam` and `adamw`: eta > 0, beta1 and beta2 in [0, 1), eps > 0, a weight decay >= 0 (finite).
inline void check_adam(std::string_view function, double learning_rate, double beta1, double beta2, double eps,
                       double weight_decay) {
    check_positive(function, "learning_rate", learning_rate);
    check_unit_interval(function, "beta1", beta1);
    check_unit_interval(function, "beta2", beta2);
    check_positive(function, "eps", eps);
    if (!(weight_decay >= 0.0) || !std::isfinite(weight_decay)) {
        throw domain_error(message(function, ": weight_decay must be finite and >= 0 (got weight_decay = ",
                                   weight_decay, ")"));
    }
}

// ------------------------------------------------------------- Newton and quasi-Newton methods (4.4)

/// The names of the second-order optimisers, as the messages write them.
namespace fn {
inline constexpr std::string_view newton = "newton", bfgs = "bfgs", lbfgs = "lbfgs";
}  // namespace fn

/// `newton`: the objective must have a Hessian.
inline void check_newton(const Objective& f) {
    if (!f.hessian) throw domain_error(message(fn::newton, ": the objective needs a Hessian"));
}

/// The Hessian an objective returned: (n, n).
inline void check_hessian_shape(std::string_view function, std::size_t n, const Matrix& H) {
    if (H.shape(0) != n || H.shape(1) != n) {
        throw shape_error(message(function, ": the Hessian is (", H.shape(0), ", ", H.shape(1),
                                  ") but the objective takes ", n, " variables"));
    }
}

/// `lbfgs`: a memory of at least one pair.
inline void check_lbfgs(std::size_t memory) {
    if (memory == 0) throw domain_error(message(fn::lbfgs, ": memory must be >= 1 (got memory = 0)"));
}

// ------------------------------------------------------------- constrained optimisation (4.5)

namespace fn {
inline constexpr std::string_view project_ball = "project_ball", project_box = "project_box",
                                  projected_gradient_descent = "projected_gradient_descent",
                                  kkt_check = "kkt_check", constrained_least_squares = "constrained_least_squares";
}  // namespace fn

/// Two vectors that must have the same length, named in the message.
inline void check_same_length(std::string_view function, const Vector& x, std::string_view xname, const Vector& y,
                              std::string_view yname) {
    if (x.size() != y.size()) {
        throw shape_error(message(function, ": ", xname, " has ", x.size(), " entries but ", yname, " has ", y.size()));
    }
}

/// `project_ball(x, center, radius)`: x and center of one length, finite; radius finite and > 0.
inline void check_project_ball(const Vector& x, const Vector& center, double radius) {
    check_same_length(fn::project_ball, x, "x", center, "center");
    require_finite(fn::project_ball, x, "x");
    require_finite(fn::project_ball, center, "center");
    check_positive(fn::project_ball, "radius", radius);
}

/// `project_box(x, lower, upper)`: one length, x finite, bounds not NaN (infinite allowed), lower <= upper.
inline void check_project_box(const Vector& x, const Vector& lower, const Vector& upper) {
    check_same_length(fn::project_box, x, "x", lower, "lower");
    check_same_length(fn::project_box, x, "x", upper, "upper");
    require_finite(fn::project_box, x, "x");
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(lower(i)) || std::isnan(upper(i))) {
            throw domain_error(message(fn::project_box, ": the bounds must not be NaN (lower[", i, "] = ", lower(i),
                                       ", upper[", i, "] = ", upper(i), ")"));
        }
        if (lower(i) > upper(i)) {
            throw domain_error(message(fn::project_box, ": the box is empty: lower[", i, "] = ", lower(i),
                                       " > upper[", i, "] = ", upper(i)));
        }
    }
}

/// The point a projection returned: of the objective's dimension and finite.
inline void check_projected_point(std::string_view function, std::size_t n, const Vector& p) {
    if (p.size() != n) {
        throw shape_error(message(function, ": the projection returned ", p.size(), " entries, the objective takes ",
                                  n));
    }
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (!std::isfinite(p(i))) {
            throw domain_error(message(function, ": the projection returned a non-finite point (entry ", i, " is ",
                                       p(i), ")"));
        }
    }
}

/// `kkt_check(f, equalities, inequalities, x, lambda, alpha)`: a gradient for f and every
/// constraint, a value for every constraint, x of f's dimension, one multiplier per constraint,
/// x and the multipliers finite (a negative alpha is a residual, not an error).
template <class Constraints>
void check_kkt(const Objective& f, const Constraints& equalities, const Constraints& inequalities, const Vector& x,
               const Vector& lambda, const Vector& alpha) {
    const std::string_view function = fn::kkt_check;
    if (!f.gradient) throw domain_error(message(function, ": the objective needs a gradient"));
    for (const auto* set : {&equalities, &inequalities}) {
        for (std::size_t k = 0; k < set->size(); ++k) {
            if (!(*set)[k].value || !(*set)[k].gradient) {
                throw domain_error(message(function, ": ", set == &equalities ? "equality" : "inequality",
                                           " constraint ", k, " needs a value and a gradient"));
            }
        }
    }
    if (x.size() != f.dim) {
        throw shape_error(message(function, ": x has ", x.size(), " entries but the objective takes ", f.dim));
    }
    if (lambda.size() != equalities.size()) {
        throw shape_error(message(function, ": lambda has ", lambda.size(), " entries for ", equalities.size(),
                                  " equality constraints"));
    }
    if (alpha.size() != inequalities.size()) {
        throw shape_error(message(function, ": alpha has ", alpha.size(), " entries for ", inequalities.size(),
                                  " inequality constraints"));
    }
    require_finite(function, x, "x");
    require_finite(function, lambda, "lambda");
    require_finite(function, alpha, "alpha");
}

/// A gradient returned to kkt_check: of x's length.
inline void check_kkt_gradient(std::string_view what, std::size_t k, std::size_t n, const Vector& g) {
    if (g.size() != n) {
        throw shape_error(message(fn::kkt_check, ": the gradient of ", what, " ", k, " has ", g.size(),
                                  " entries, x has ", n));
    }
}

// ------------------------------------------------------------- empirical risk (4.6)

/// The names of the empirical-risk functions, as the messages write them.
namespace fn {
inline constexpr std::string_view with_bias = "with_bias",
                                  linear_regression_normal_equations = "linear_regression_normal_equations",
                                  linear_regression_lstsq = "linear_regression_lstsq",
                                  linear_regression_gradient_descent = "linear_regression_gradient_descent",
                                  mean_squared_error = "mean_squared_error",
                                  predict_proba = "predict_proba", accuracy = "accuracy",
                                  negative_log_posterior = "negative_log_posterior",
                                  make_classification = "make_classification",
                                  make_regression = "make_regression";
}  // namespace fn

/// Regression data: X not empty, y of X's rows, both finite (a NaN label is named).
inline void check_regression_data(std::string_view function, const Matrix& X, const Vector& y) {
    require_nonempty(function, X, "X");
    require_rhs_rows(function, X, y, "X", "y");
    require_finite(function, X, "X");
    require_finite(function, y, "y");
}

/// A weight vector for data with d columns: d entries, finite.
inline void check_weights(std::string_view function, const Matrix& X, const Vector& w) {
    if (w.size() != X.shape(1)) {
        throw shape_error(message(function, ": w has ", w.size(), " entries but X is ", shape_string(X),
                                  " (one weight per column)"));
    }
    require_finite(function, w, "w");
}

/// A generator's sample size: at least `least` points.
inline void check_sample_size(std::string_view function, std::size_t n, std::size_t least) {
    if (n < least) throw domain_error(message(function, ": n must be >= ", least, " (got n = ", n, ")"));
}

}  // namespace dlmath::detail

// ------------------------------------------------------------- batched optimisers (4.7)

namespace dlmath::detail {

namespace fn {
inline constexpr std::string_view gradient_descent_batch = "gradient_descent_batch",
                                  momentum_batch = "momentum_batch", adam_batch = "adam_batch",
                                  logistic_loss_gradient = "logistic_loss_gradient";
}  // namespace fn

/// The inputs of every batched optimiser: an objective with a value, a gradient and a batch
/// form, starts X0 ~ (m, n) with n = f.dim, all finite (m = 0 allowed), and valid options.
inline void check_batch_inputs(std::string_view function, const Objective& f, const Matrix& X0,
                               const OptimizeOptions& o) {
    if (!f.value || !f.gradient || !f.batch) {
        throw domain_error(message(function, ": the objective needs a value, a gradient and a batch form"));
    }
    if (X0.shape(1) != f.dim) {
        throw shape_error(message(function, ": X0 is ", shape_string(X0), " but the objective ",
                                  f.name.empty() ? std::string("f") : f.name, " takes ", f.dim,
                                  " variables (X0 must be (m, ", f.dim, "))"));
    }
    require_finite(function, X0, "X0");
    // the options as every single-start optimiser checks them (a start of the right size stands in)
    Vector probe = Vector::from_shape({f.dim});
    probe.fill(0.0);
    check_optimizer_inputs(function, f, probe, o);
}

/// The shapes of the logistic loss's arguments: X nonempty, one label per row, one weight per
/// column. A caller that checks the entries in its own pass calls this first and the full check
/// below when its pass finds a bad entry (which then throws the message the reference gives).
inline void check_logistic_loss_gradient_shape(const Matrix& X, const Vector& y, const Vector& w) {
    const std::string_view function = fn::logistic_loss_gradient;
    require_nonempty(function, X, "X");
    require_rhs_rows(function, X, y, "X", "y");
    if (w.size() != X.shape(1)) {
        throw shape_error(message(function, ": w has ", w.size(), " entries but X is ", shape_string(X),
                                  " (w must have one entry per column)"));
    }
}

inline void check_logistic_loss_gradient(const Matrix& X, const Vector& y, const Vector& w) {
    const std::string_view function = fn::logistic_loss_gradient;
    check_logistic_loss_gradient_shape(X, y, w);
    require_finite(function, X, "X");
    require_finite(function, w, "w");
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (!(y(i) == 0.0 || y(i) == 1.0)) {
            throw domain_error(message(function, ": the labels must be 0 or 1 (y[", i, "] = ", y(i), ")"));
        }
    }
}

}  // namespace dlmath::detail
