// Chapter 4, gradient descent and line searches: the worked example (one step
// with the optimal step size makes the directional derivative along −g
// vanish), learning rates too small, right and too large, the line searches
// side by side, and the figures (the zig-zag of a fixed step against the
// optimal step, and the iteration count against the condition number).

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "dlmath/numeric.hpp"
#include "dlmath/reference/optimization.hpp"
#include "tour.hpp"

namespace {

namespace ref = dlmath::reference;
using dlmath::Matrix;
using dlmath::Objective;
using dlmath::OptimizeOptions;
using dlmath::OptimizeResult;
using dlmath::StopReason;
using dlmath::Vector;

double dot(const Vector& a, const Vector& b) {
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) s += a(i) * b(i);
    return s;
}

// f(x) = ½ (x₁² + κ x₂²): A = diag(1, κ), b = 0, condition number κ, minimiser 0
Objective ill_conditioned(double kappa) {
    Objective f;
    f.dim = 2;
    f.name = "diag(1, " + std::to_string(static_cast<int>(kappa)) + ") quadratic";
    f.value = [kappa](const Vector& x) { return 0.5 * (x(0) * x(0) + kappa * x(1) * x(1)); };
    f.gradient = [kappa](const Vector& x) -> Vector { return Vector{x(0), kappa * x(1)}; };
    f.hessian = [kappa](const Vector&) { return Matrix{{1.0, 0.0}, {0.0, kappa}}; };
    return f;
}

// Rosenbrock's function in 2-D: (1 − x)² + 100 (y − x²)²
Objective rosenbrock2() {
    Objective f;
    f.dim = 2;
    f.name = "rosenbrock";
    f.value = [](const Vector& x) {
        return (1 - x(0)) * (1 - x(0)) + 100 * (x(1) - x(0) * x(0)) * (x(1) - x(0) * x(0));
    };
    f.gradient = [](const Vector& x) -> Vector {
        return Vector{-2 * (1 - x(0)) - 400 * x(0) * (x(1) - x(0) * x(0)), 200 * (x(1) - x(0) * x(0))};
    };
    return f;
}

std::string str(double v) {
    std::ostringstream out;
    out << std::setprecision(3) << v;
    return out.str();
}

void report(const std::string& what, const OptimizeResult& r) {
    std::cout << "  " << std::left << std::setw(34) << what << std::right << std::setw(6) << r.iterations
              << " steps, " << std::setw(6) << r.evaluations << " values, f = " << std::setprecision(3) << r.value
              << ", " << dlmath::to_string(r.reason) << "\n";
}

void optimal_step(dlmath::tour::Checks& c) {
    //! [example_optimal_step]
    // f(x) = ½ xᵀ diag(1, 10) x at x = (10, 1): g = (10, 10), gᵀg = 200, gᵀHg = 1100
    const Objective f = ill_conditioned(10.0);
    const Vector x = {10.0, 1.0};
    const Vector g = f.gradient(x);
    const double eps = ref::optimal_step(g, f.hessian(x));  // gᵀg / gᵀHg = 2/11
    const Vector x1 = x - eps * g;                            // (90/11, −9/11)
    const double directional = dot(g, f.gradient(x1));       // gᵀ∇f(x − ε*g) = 0
    //! [example_optimal_step]
    dlmath::tour::check(c, "ε* = gᵀg / gᵀHg", eps, 2.0 / 11.0);
    dlmath::tour::check(c, "x₁ after one step", x1(0), 90.0 / 11.0, 4);
    dlmath::tour::check(c, "x₂ after one step", x1(1), -9.0 / 11.0, 4);
    // the rounding of x1 (2u (|x| + ε*|g|) per entry) times |g|ᵀ|A|, plus the product: 4u |g|ᵀ|A|(...)
    const double u = dlmath::unit_roundoff<double>();
    const double bound = 4 * u * (10 * (10 + eps * 10 + std::fabs(x1(0))) + 100 * (1 + eps * 10 + std::fabs(x1(1))));
    dlmath::tour::check_that(c, "gᵀ∇f(x − ε*g) = " + str(directional) + ", within the rounding bound " + str(bound),
                             std::fabs(directional) <= bound);
    std::cout << "  f: " << f.value(x) << " -> " << f.value(x1) << " (the decrease ½(gᵀg)²/gᵀHg = "
              << 0.5 * 200.0 * 200.0 / 1100.0 << ")\n";
}

void learning_rates(dlmath::tour::Checks& c) {
    // On diag(1, 10), λ_max = 10: steps converge for ε < 2/λ_max = 0.2
    const Objective f = ill_conditioned(10.0);
    const Vector x0 = {10.0, 1.0};
    std::cout << "  learning rates on " << f.name << " from (10, 1), 2/λ_max = 0.2:\n";
    OptimizeResult last;
    for (double lr : {0.001, 0.01, 0.1, 0.18, 0.21}) {
        last = ref::gradient_descent(f, x0, lr, {});
        report("ε = " + str(lr), last);
    }
    dlmath::tour::check_that(c, "ε = 0.21 > 2/λ_max is reported as diverged (" + last.message + ")",
                             last.reason == StopReason::diverged);
}

void line_searches(dlmath::tour::Checks& c) {
    const Objective f = ill_conditioned(10.0);
    const Vector x0 = {10.0, 1.0};
    std::cout << "  line searches on " << f.name << " from (10, 1):\n";
    report("fixed ε = 1/λ_max = 0.1", ref::gradient_descent(f, x0, 0.1, {}));
    const auto exact = ref::gradient_descent_optimal_step(f, x0, {});
    report("exact (optimal step ε*)", exact);
    report("backtracking (α0 = 1, ρ = ½)", ref::gradient_descent_backtracking(f, x0, 1.0, 0.5, 1e-4, {}));
    dlmath::tour::check_that(c, "exact line search converged", exact.reason == StopReason::gradient_tolerance);

    //! [example_wolfe]
    const Objective rosen = rosenbrock2();
    const Vector x = {-1.2, 1.0};
    const Vector d = -rosen.gradient(x);
    const auto s = ref::line_search(rosen, x, d);  // c1 = 1e-4, c2 = 0.9
    //! [example_wolfe]
    std::cout << "  strong Wolfe on Rosenbrock from (-1.2, 1) along -g: α = " << s.alpha << " after "
              << s.evaluations << " values, f " << rosen.value(x) << " -> " << s.value << "\n";
    const double slope0 = dot(rosen.gradient(x), d), slope1 = dot(s.gradient, d);
    dlmath::tour::check_that(c, "both Wolfe conditions hold at the step",
                             s.ok && s.value <= rosen.value(x) + 1e-4 * s.alpha * slope0 &&
                                 std::fabs(slope1) <= 0.9 * std::fabs(slope0));

    OptimizeOptions o;
    o.max_iterations = 100;
    const auto r = ref::random_search(rosen, x, 0.2, 20, 42, o);
    report("random search on Rosenbrock", r);
    dlmath::tour::check_that(c, "random search ends no worse than its start", r.value <= rosen.value(x));
}

// Figures: (1) the iterates of a fixed step ε = 1/λ_max = 0.1 (the steep coordinate is done in
// one step, the shallow one shrinks by 0.9 per step), of ε = 0.195 (close to 2/λ_max: the steep
// coordinate flips sign at every step), of the optimal step and of Newton's method (one step to
// the minimiser, section 4.4) on diag(1, 10) from (10, 1);
// (2) the steps to ||∇f|| <= 1e-8 against κ for the family diag(1, κ): fixed step 1/κ from
// (1, 1), optimal step and backtracking from (κ, 1).
void figures(const std::filesystem::path& dir) {
    const Objective f = ill_conditioned(10.0);
    OptimizeOptions o;
    o.record = true;
    o.max_iterations = 30;
    const auto write_path = [&](const OptimizeResult& r, const std::string& name) {
        const auto& xs = r.trajectory.x;
        Matrix rows = Matrix::from_shape({xs.size(), 3});
        for (std::size_t t = 0; t < xs.size(); ++t) {
            rows(t, 0) = static_cast<double>(t);
            rows(t, 1) = xs[t](0);
            rows(t, 2) = xs[t](1);
        }
        dlmath::tour::write_csv(dir / name, "t,x1,x2", rows);
    };
    write_path(ref::gradient_descent(f, Vector{10.0, 1.0}, 0.1, o), "zigzag_small.csv");
    write_path(ref::gradient_descent(f, Vector{10.0, 1.0}, 0.195, o), "zigzag_fixed.csv");
    write_path(ref::gradient_descent_optimal_step(f, Vector{10.0, 1.0}, o), "zigzag_optimal.csv");
    write_path(ref::newton(f, Vector{10.0, 1.0}, o), "zigzag_newton.csv");  // section 4.4: one step

    const std::vector<double> kappas = {1, 2, 4, 8, 16, 32, 64, 128, 256};
    Matrix rows = Matrix::from_shape({kappas.size(), 4});
    OptimizeOptions count;
    count.max_iterations = 5000;
    for (std::size_t k = 0; k < kappas.size(); ++k) {
        const double kappa = kappas[k];
        const Objective q = ill_conditioned(kappa);
        rows(k, 0) = kappa;
        rows(k, 1) = static_cast<double>(ref::gradient_descent(q, Vector{1.0, 1.0}, 1.0 / kappa, count).iterations);
        rows(k, 2) = static_cast<double>(ref::gradient_descent_optimal_step(q, Vector{kappa, 1.0}, count).iterations);
        rows(k, 3) = static_cast<double>(
            ref::gradient_descent_backtracking(q, Vector{kappa, 1.0}, 1.0, 0.5, 1e-4, count).iterations);
    }
    dlmath::tour::write_csv(dir / "iterations_kappa.csv", "kappa,fixed,optimal,backtracking", rows);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    optimal_step(c);
    learning_rates(c);
    line_searches(c);
    figures(o.figures);
}

const dlmath::tour::Register section{"gradient_methods", run};

}  // namespace
