// Chapter 4, empirical risk: the worked example (least squares cannot fit
// XOR: w = 0, b = ½, every prediction ½, mean squared error ¼), linear
// regression three ways and what conditioning does to the normal equations,
// logistic regression and random search on a synthetic two-class problem,
// ridge as the MAP estimate, and the generalisation gap against the number
// of training examples (the figure).

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include <xtensor/xnorm.hpp>

#include "dlmath/numeric.hpp"
#include "dlmath/reference/linear_algebra/decompositions.hpp"
#include "dlmath/reference/optimization.hpp"
#include "tour.hpp"

namespace {

namespace ref = dlmath::reference;
using dlmath::Matrix;
using dlmath::Objective;
using dlmath::OptimizeOptions;
using dlmath::OptimizeResult;
using dlmath::Vector;
using dlmath::tour::num;

// the Euclidean norm of a vector expression
template <class E>
double l2(const E& v) {
    return xt::norm_l2(v)();
}

void xor_example(dlmath::tour::Checks& c) {
    //! [example_xor]
    // the four XOR points and their labels; the last weight is the bias b
    const Matrix X = ref::with_bias(Matrix{{0.0, 0.0}, {0.0, 1.0}, {1.0, 0.0}, {1.0, 1.0}});
    const Vector y = {0.0, 1.0, 1.0, 0.0};
    const Vector w = ref::linear_regression_normal_equations(X, y);  // (w₁, w₂, b) = (0, 0, ½)
    const double mse = ref::mean_squared_error(X, y, w);             // ¼
    //! [example_xor]
    dlmath::tour::check(c, "w₁ = 0", w(0), 0.0);
    dlmath::tour::check(c, "w₂ = 0", w(1), 0.0);
    dlmath::tour::check(c, "b = ½", w(2), 0.5);
    for (std::size_t i = 0; i < 4; ++i) {
        const double prediction = X(i, 0) * w(0) + X(i, 1) * w(1) + w(2);
        dlmath::tour::check(c, "prediction at (" + num(X(i, 0)) + ", " + num(X(i, 1)) + ") = ½", prediction, 0.5);
    }
    dlmath::tour::check(c, "mean squared error ¼", mse, 0.25);
    const Vector w_pinv = ref::linear_regression_lstsq(X, y);
    std::cout << "  the pseudoinverse gives (" << num(w_pinv(0), 3) << ", " << num(w_pinv(1), 3) << ", "
              << num(w_pinv(2), 3) << "): no line separates the classes, the best linear fit predicts ½ everywhere\n";
}

// y = X w exactly for polynomial features 1, t, ..., t^5 at 40 points of [0, 1]: the residual is 0,
// so each method's error is its own rounding, about κ(X)² u (normal equations) and κ(X) u (lstsq).
void three_ways(dlmath::tour::Checks& c) {
    const dlmath::reference::Dataset data = ref::make_regression(200, Vector{1.0, -2.0, 0.5}, 0.1, 1);
    const Matrix X = ref::with_bias(data.X);
    const Vector w_ne = ref::linear_regression_normal_equations(X, data.y);
    const Vector w_ls = ref::linear_regression_lstsq(X, data.y);
    const OptimizeResult gd = ref::linear_regression_gradient_descent(X, data.y, {});
    std::cout << "  200 noisy examples of y = x₁ − 2x₂ + ½x₃ (noise 0.1), with a bias:\n"
              << "    normal equations  w = (" << num(w_ne(0), 4) << ", " << num(w_ne(1), 4) << ", "
              << num(w_ne(2), 4) << ", " << num(w_ne(3), 4) << ")\n"
              << "    |lstsq − normal equations| = " << num(l2(w_ls - w_ne), 3) << "\n"
              << "    |gradient descent − lstsq|  = " << num(l2(gd.x - w_ls), 3) << " after " << gd.iterations
              << " steps of 1/λ_max (" << dlmath::to_string(gd.reason) << ")\n";
    dlmath::tour::check_that(c, "the three ways agree to 1e-8 on a well-conditioned problem",
                             l2(w_ls - w_ne) <= 1e-8 && l2(gd.x - w_ls) <= 1e-8);

    const std::size_t n = 40, degree = 5;
    Matrix V = Matrix::from_shape({n, degree + 1});
    for (std::size_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / static_cast<double>(n - 1);
        double power = 1.0;
        for (std::size_t j = 0; j <= degree; ++j, power *= t) V(i, j) = power;
    }
    Vector w_true = Vector::from_shape({degree + 1});
    w_true.fill(1.0);
    Vector y = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) {
        double s = 0.0;
        for (std::size_t j = 0; j <= degree; ++j) s += V(i, j);
        y(i) = s;
    }
    const double kappa = ref::cond(V), u = dlmath::unit_roundoff<double>();
    const double e_ne = l2(ref::linear_regression_normal_equations(V, y) - w_true) / l2(w_true);
    const double e_ls = l2(ref::linear_regression_lstsq(V, y) - w_true) / l2(w_true);
    std::cout << "  polynomial features of degree 5 on [0, 1]: κ(X) = " << num(kappa, 3) << ", κ(X)² u = "
              << num(kappa * kappa * u, 3) << ", κ(X) u = " << num(kappa * u, 3) << "\n"
              << "    relative error: normal equations " << num(e_ne, 3) << ", lstsq " << num(e_ls, 3) << "\n";
    dlmath::tour::check_that(c, "the normal equations lose about κ² u, lstsq about κ u (100× less here)",
                             e_ls * 100.0 <= e_ne && e_ne <= 100.0 * kappa * kappa * u);
}

void logistic(dlmath::tour::Checks& c) {
    const ref::Dataset train = ref::make_classification(200, 7);
    const ref::Dataset test = ref::make_classification(20000, 8);
    const Matrix X = ref::with_bias(train.X), X_test = ref::with_bias(test.X);
    const Objective loss = ref::logistic_regression(X, train.y);
    // the cross-entropy's Hessian is at most XᵀX / (4n): 1/L with that L never overshoots
    const Matrix H = ref::least_squares(X, train.y).hessian(Vector{0.0, 0.0, 0.0});
    const double L = ref::eigh(H).eigenvalues(2) / (4.0 * static_cast<double>(X.shape(0)));
    OptimizeOptions o;
    o.gradient_tolerance = 1e-6;
    o.record = true;
    const Vector w0 = {0.0, 0.0, 0.0};
    const OptimizeResult gd = ref::gradient_descent(loss, w0, 1.0 / L, o);
    const OptimizeResult bt = ref::gradient_descent_backtracking(loss, w0, 1.0, 0.5, 1e-4, o);
    OptimizeOptions tight;
    tight.gradient_tolerance = 1e-12;
    const OptimizeResult nt = ref::newton(loss, w0, tight);
    bool falling = true;
    for (std::size_t t = 1; t < gd.trajectory.value.size(); ++t) {
        falling = falling && gd.trajectory.value[t] <= gd.trajectory.value[t - 1];
    }
    std::cout << "  logistic regression on 200 examples of two blobs 2 apart (best possible accuracy Φ(1) = 0.841):\n"
              << "    gradient descent, step 1/L:  loss " << num(gd.trajectory.value.front(), 4) << " -> "
              << num(gd.value, 6) << " in " << gd.iterations << " steps\n"
              << "    backtracking line search:    loss " << num(bt.value, 6) << " in " << bt.iterations << " steps\n"
              << "    Newton's method (4.4):       loss " << num(nt.value, 6) << " in " << nt.iterations
              << " steps (gradient norm " << num(nt.gradient_norm, 2) << ")\n"
              << "    accuracy: training " << num(ref::accuracy(X, train.y, gd.x), 3) << ", fresh sample of 20000 "
              << num(ref::accuracy(X_test, test.y, gd.x), 3) << "\n";
    dlmath::tour::check_that(c, "the cross-entropy never rises along gradient descent, from log 2", falling);
    dlmath::tour::check_that(c, "Newton reaches the same minimiser in a handful of steps",
                             nt.reason == dlmath::StopReason::gradient_tolerance && nt.iterations <= 10 &&
                                 nt.value <= gd.value);
    dlmath::tour::check_that(c, "fresh-sample accuracy within 0.03 of the best possible 0.841",
                             std::fabs(ref::accuracy(X_test, test.y, gd.x) - 0.841) <= 0.03);

    OptimizeOptions rs;
    rs.record = true;
    rs.max_iterations = 200;
    const OptimizeResult r = ref::random_search(loss, w0, 0.5, 10, 3, rs);
    bool never_rises = true;
    for (std::size_t t = 1; t < r.trajectory.value.size(); ++t) {
        never_rises = never_rises && r.trajectory.value[t] <= r.trajectory.value[t - 1];
    }
    std::cout << "    random search (radius ½, 10 draws a round): loss " << num(r.value, 4) << " after "
              << r.iterations << " rounds, accuracy " << num(ref::accuracy(X_test, test.y, r.x), 3) << "\n";
    dlmath::tour::check_that(c, "random search's best-so-far loss never rises", never_rises);
}

void map_estimate(dlmath::tour::Checks& c) {
    const ref::Dataset data = ref::make_regression(30, Vector{2.0, -1.0}, 0.5, 4);
    const double sigma2 = 0.25, tau2 = 0.5;
    //! [example_map]
    const Objective posterior = ref::negative_log_posterior(data.X, data.y, sigma2, tau2);
    const Vector w_map = ref::ridge_minimizer(data.X, data.y, sigma2 / tau2);  // α = σ²/τ²
    const double g = l2(posterior.gradient(w_map));                           // 0 up to rounding
    //! [example_map]
    std::cout << "  ridge_minimizer(X, y, σ²/τ² = " << num(sigma2 / tau2) << ") = (" << num(w_map(0), 4) << ", "
              << num(w_map(1), 4) << "); ‖∇(−log posterior)‖ there = " << num(g, 3) << "\n";
    dlmath::tour::check_that(c, "the ridge minimiser is the MAP estimate (gradient below 1e-10)", g <= 1e-10);
}

// The generalisation gap of least squares on y = xᵀw + noise (d = 10, noise 1): the training MSE
// (the empirical risk) and the population risk, estimated on 20000 fresh examples, each averaged
// over 10 seeds, against the number n of training examples.
void gap(dlmath::tour::Checks& c, const std::filesystem::path& dir) {
    Vector w = Vector::from_shape({10});
    for (std::size_t j = 0; j < 10; ++j) w(j) = 1.0 / static_cast<double>(j + 1);
    const ref::Dataset fresh = ref::make_regression(20000, w, 1.0, 1000);
    const std::vector<std::size_t> sizes = {12, 15, 20, 30, 50, 100, 200, 500, 1000};
    const std::size_t seeds = 10;
    Matrix rows = Matrix::from_shape({sizes.size(), 4});
    for (std::size_t k = 0; k < sizes.size(); ++k) {
        double train = 0.0, population = 0.0;
        for (std::size_t s = 0; s < seeds; ++s) {
            const ref::Dataset data = ref::make_regression(sizes[k], w, 1.0, s);
            const Vector v = ref::linear_regression_normal_equations(data.X, data.y);
            train += ref::mean_squared_error(data.X, data.y, v);
            population += ref::mean_squared_error(fresh.X, fresh.y, v);
        }
        rows(k, 0) = static_cast<double>(sizes[k]);
        rows(k, 1) = train / seeds;
        rows(k, 2) = population / seeds;
        rows(k, 3) = rows(k, 2) - rows(k, 1);
    }
    dlmath::tour::write_csv(dir / "generalization_gap.csv", "n,train,population,gap", rows);
    std::cout << "  least squares, d = 10, noise 1 (population risk ≥ 1):\n";
    for (std::size_t k = 0; k < sizes.size(); ++k) {
        std::cout << "    n = " << std::setw(4) << sizes[k] << ": training " << num(rows(k, 1), 3) << ", population "
                  << num(rows(k, 2), 3) << ", gap " << num(rows(k, 3), 3) << "\n";
    }
    dlmath::tour::check_that(c, "the gap shrinks from n = 12 to n = 1000 (below 0.05)",
                             rows(0, 3) > 1.0 && rows(sizes.size() - 1, 3) < 0.05);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    xor_example(c);
    three_ways(c);
    logistic(c);
    map_estimate(c);
    gap(c, o.figures);
}

const dlmath::tour::Register section{"empirical_risk", run};

}  // namespace
