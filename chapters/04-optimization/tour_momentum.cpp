// Chapter 4, momentum and adaptive methods: the worked examples of the
// section (the unrolled momentum identity, λ = 0 is gradient descent),
// Adam's scale invariance, the race on an ill-conditioned quadratic, and
// the data of the two figures.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "dlmath/reference/optimization.hpp"
#include "tour.hpp"

namespace {

namespace ref = dlmath::reference;
using dlmath::Matrix;
using dlmath::Objective;
using dlmath::OptimizeOptions;
using dlmath::OptimizeResult;
using dlmath::Vector;

// f(x) = ½ (x₁² + κ x₂²): A = diag(1, κ), minimiser 0, condition number κ.
Objective quadratic(double kappa) {
    Objective f;
    f.dim = 2;
    f.name = "quadratic";
    f.value = [kappa](const Vector& x) { return 0.5 * (x(0) * x(0) + kappa * x(1) * x(1)); };
    f.gradient = [kappa](const Vector& x) { return Vector{x(0), kappa * x(1)}; };
    return f;
}

// The exercise function f(x) = sin(x₁)cos(x₂) + sin(½x₁)cos(½x₂) and its gradient by hand.
double exercise_value(double x1, double x2) { return std::sin(x1) * std::cos(x2) + std::sin(0.5 * x1) * std::cos(0.5 * x2); }
Objective exercise() {
    Objective f;
    f.dim = 2;
    f.name = "exercise";
    f.value = [](const Vector& x) { return exercise_value(x(0), x(1)); };
    f.gradient = [](const Vector& x) {
        return Vector{std::cos(x(0)) * std::cos(x(1)) + 0.5 * std::cos(0.5 * x(0)) * std::cos(0.5 * x(1)),
                      -std::sin(x(0)) * std::sin(x(1)) - 0.5 * std::sin(0.5 * x(0)) * std::sin(0.5 * x(1))};
    };
    return f;
}

void unrolled(dlmath::tour::Checks& c) {
    //! [example_unrolled]
    // momentum on f = ½(x₁² + 10 x₂²) from (1, 1), η = 0.05, λ = 0.9, iterates recorded
    const Objective f = quadratic(10.0);
    OptimizeOptions o;
    o.max_iterations = 6;
    o.record = true;
    const double eta = 0.05, lambda = 0.9;
    const OptimizeResult r = ref::momentum(f, Vector{1.0, 1.0}, eta, lambda, o);
    const auto& x = r.trajectory.x;
    // g_t = x_t − x_{t−1}; check g_3 = −η∇f(x_2) − λη∇f(x_1) + λ² g_1
    const Vector g3 = x[3] - x[2], g1 = x[1] - x[0];
    const Vector unrolled = -eta * f.gradient(x[2]) - lambda * eta * f.gradient(x[1]) + lambda * lambda * g1;
    //! [example_unrolled]
    const double err = std::max(std::fabs(g3(0) - unrolled(0)), std::fabs(g3(1) - unrolled(1)));
    // each side carries a few roundings of numbers of size at most 1 (the iterates): 16 u
    std::cout << "  g₃ = (" << g3(0) << ", " << g3(1) << "), unrolled (" << unrolled(0) << ", " << unrolled(1)
              << "), difference " << err << "\n";
    dlmath::tour::check_that(c, "g₃ = −η∇f(x₂) − λη∇f(x₁) + λ²g₁ on recorded iterates, within 16u", err <= 16 * 0x1p-53);

    //! [example_lambda_zero]
    // λ = 0 against gradient descent x_t = x_{t−1} − η∇f(x_{t−1}), written out here
    const OptimizeResult heavy = ref::momentum(f, Vector{1.0, 1.0}, eta, 0.0, o);
    Vector x_gd = {1.0, 1.0};
    for (std::size_t t = 0; t < o.max_iterations; ++t) x_gd = x_gd - eta * f.gradient(x_gd);
    //! [example_lambda_zero]
    dlmath::tour::check(c, "λ = 0: x₁ after 6 steps, against gradient descent", heavy.x(0), x_gd(0));
    dlmath::tour::check(c, "λ = 0: x₂ after 6 steps, against gradient descent", heavy.x(1), x_gd(1));
}

void adam_scale(dlmath::tour::Checks& c) {
    //! [example_adam_scale]
    // Adam on f and on 1024·f (gradient ×1024): the same iterates when ε is negligible
    const Objective f = quadratic(10.0);
    Objective big = f;
    big.value = [f](const Vector& x) { return 1024.0 * f.value(x); };
    big.gradient = [f](const Vector& x) { return Vector(1024.0 * f.gradient(x)); };
    ref::AdamParameters p;
    p.learning_rate = 0.1;
    p.eps = 1e-300;
    OptimizeOptions o;
    o.max_iterations = 50;
    const OptimizeResult a = ref::adam(f, Vector{1.0, 1.0}, p, o), b = ref::adam(big, Vector{1.0, 1.0}, p, o);
    //! [example_adam_scale]
    dlmath::tour::check(c, "Adam after 50 steps, x₁ with ∇f and with 1024∇f", b.x(0), a.x(0));
    dlmath::tour::check(c, "Adam after 50 steps, x₂ with ∇f and with 1024∇f", b.x(1), a.x(1));
}

// GD, momentum (tuned for μ = 1, L = 100) and Adam on κ = 100: iterations and the gradient norms.
void race(dlmath::tour::Checks& c, const dlmath::tour::Options& options) {
    //! [example_race]
    const Objective f = quadratic(100.0);
    const Vector x0 = {1.0, 1.0};
    OptimizeOptions o;
    o.max_iterations = 3000;
    o.gradient_tolerance = 1e-8;
    o.record = true;
    const double mu = 1.0, L = 100.0, kappa = L / mu;
    const OptimizeResult gd = ref::momentum(f, x0, 2.0 / (L + mu), 0.0, o);
    const double eta = 4.0 / std::pow(std::sqrt(L) + std::sqrt(mu), 2);
    const double lambda = std::pow((std::sqrt(kappa) - 1.0) / (std::sqrt(kappa) + 1.0), 2);
    const OptimizeResult heavy = ref::momentum(f, x0, eta, lambda, o);
    ref::AdamParameters p;
    p.learning_rate = 0.01;
    const OptimizeResult adam = ref::adam(f, x0, p, o);
    //! [example_race]
    std::cout << "  κ = 100: gradient descent " << gd.iterations << " steps (" << dlmath::to_string(gd.reason)
              << "), momentum " << heavy.iterations << " steps (" << dlmath::to_string(heavy.reason) << "), Adam "
              << adam.iterations << " steps (" << dlmath::to_string(adam.reason) << ", ‖∇f‖ = "
              << adam.gradient_norm << ")\n";
    dlmath::tour::check_that(c, "momentum with the tuned η, λ needs fewer steps than gradient descent",
                             heavy.success() && gd.success() && heavy.iterations < gd.iterations);

    const std::size_t rows = std::max({gd.trajectory.gradient_norm.size(), heavy.trajectory.gradient_norm.size(),
                                       adam.trajectory.gradient_norm.size()});
    Matrix data = xt::zeros<double>({rows, std::size_t{4}});
    const auto column = [&](std::size_t j, const std::vector<double>& norms) {
        for (std::size_t t = 0; t < rows; ++t) data(t, j) = t < norms.size() ? norms[t] : std::nan("");
    };
    for (std::size_t t = 0; t < rows; ++t) data(t, 0) = static_cast<double>(t);
    column(1, gd.trajectory.gradient_norm);
    column(2, heavy.trajectory.gradient_norm);
    column(3, adam.trajectory.gradient_norm);
    dlmath::tour::write_csv(options.figures / "momentum_gradient_norm.csv", "t,gd,momentum,adam", data);
}

// Paths of gradient descent and momentum on the exercise function from several starts.
void paths(dlmath::tour::Checks& c, const dlmath::tour::Options& options) {
    //! [example_paths]
    const Objective f = exercise();
    const std::vector<Vector> starts = {{1.0, 1.0}, {2.5, 7.0}, {6.0, 2.0}, {8.5, 8.5}, {5.0, 5.5}};
    OptimizeOptions o;
    o.max_iterations = 400;
    o.gradient_tolerance = 1e-6;
    o.record = true;
    std::vector<OptimizeResult> gd, heavy;
    for (const Vector& x0 : starts) {
        gd.push_back(ref::momentum(f, x0, 0.1, 0.0, o));
        heavy.push_back(ref::momentum(f, x0, 0.1, 0.8, o));
    }
    //! [example_paths]
    bool stationary = true;
    std::size_t rows = 0;
    for (std::size_t k = 0; k < starts.size(); ++k) {
        stationary = stationary && gd[k].success() && heavy[k].success();
        rows = std::max({rows, gd[k].trajectory.x.size(), heavy[k].trajectory.x.size()});
        std::cout << "  from (" << starts[k](0) << ", " << starts[k](1) << "): gradient descent " << gd[k].iterations
                  << " steps to f = " << gd[k].value << ", momentum " << heavy[k].iterations << " steps to f = "
                  << heavy[k].value << "\n";
    }
    dlmath::tour::check_that(c, "every path ends at a stationary point (‖∇f‖ ≤ 1e-6)", stationary);

    // one column pair per path, each padded with its last point
    std::string header;
    Matrix data = xt::zeros<double>({rows, 4 * starts.size()});
    for (std::size_t k = 0; k < starts.size(); ++k) {
        const auto put = [&](std::size_t j, const std::vector<Vector>& xs) {
            for (std::size_t t = 0; t < rows; ++t) {
                const Vector& x = xs[std::min(t, xs.size() - 1)];
                data(t, j) = x(0);
                data(t, j + 1) = x(1);
            }
        };
        put(4 * k, gd[k].trajectory.x);
        put(4 * k + 2, heavy[k].trajectory.x);
        const std::string n = std::to_string(k);
        header += (k ? "," : "") + ("gd" + n + "_x1,gd" + n + "_x2,mom" + n + "_x1,mom" + n + "_x2");
    }
    dlmath::tour::write_csv(options.figures / "momentum_paths.csv", header, data);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& options) {
    unrolled(c);
    adam_scale(c);
    race(c, options);
    paths(c, options);
}

const dlmath::tour::Register section{"momentum", run};

}  // namespace
