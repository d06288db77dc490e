// Chapter 4, Newton's method and quasi-Newton methods: the worked examples of
// the section (one Newton step on a quadratic, Newton stopped at a saddle),
// BFGS and L-BFGS on Rosenbrock's function against gradient descent, the
// memory counts for a large network, and the data of the figure.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iostream>
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

void one_step(dlmath::tour::Checks& c) {
    //! [example_newton_quadratic]
    // f(x) = ½ xᵀA x − bᵀx with A = [[4, 1], [1, 3]], b = (1, 2): x* = A⁻¹b = (1/11, 7/11)
    const Matrix A = {{4.0, 1.0}, {1.0, 3.0}};
    const Vector b = {1.0, 2.0};
    const Objective f = ref::quadratic(A, b);
    const OptimizeResult r = ref::newton(f, Vector{5.0, -3.0});
    //! [example_newton_quadratic]
    std::cout << "  Newton from (5, −3): x = (" << dlmath::tour::num(r.x(0)) << ", " << dlmath::tour::num(r.x(1))
              << ") after " << r.iterations << " step (" << dlmath::to_string(r.reason) << ")\n";
    dlmath::tour::check_that(c, "one Newton step reaches the minimiser of a quadratic", r.iterations == 1 && r.success());
    // g = A x0 − b carries at most γ₃(|A||x0| + |b|) ≤ 69u per entry; LU's backward error
    // γ₆|L||U| and that error magnified by ‖A⁻¹‖ = 0.36 and cond(A) ≈ 1.9 move d = x* − x0
    // (size ≤ 6) by < 100u, and x0 + d adds one rounding of a number ≤ 5: 200u bounds it all.
    const double err = std::max(std::fabs(r.x(0) - 1.0 / 11.0), std::fabs(r.x(1) - 7.0 / 11.0));
    std::cout << "  |x − (1/11, 7/11)| = " << err << "\n";
    dlmath::tour::check_that(c, "x after one step is (1/11, 7/11) within 200u", err <= 200 * 0x1p-53);
}

void saddle(dlmath::tour::Checks& c) {
    //! [example_newton_saddle]
    // f(x, y) = x² − y² from (1, 1): H = diag(2, −2), d = −H⁻¹∇f = (−1, −1) and ∇fᵀd = −2 + 2 = 0
    Objective f;
    f.dim = 2;
    f.name = "x^2 - y^2";
    f.value = [](const Vector& x) { return x(0) * x(0) - x(1) * x(1); };
    f.gradient = [](const Vector& x) { return Vector{2.0 * x(0), -2.0 * x(1)}; };
    f.hessian = [](const Vector&) { return Matrix{{2.0, 0.0}, {0.0, -2.0}}; };
    const OptimizeResult r = ref::newton(f, Vector{1.0, 1.0});
    //! [example_newton_saddle]
    std::cout << "  " << r.message << "\n";
    dlmath::tour::check_that(c, "Newton at an indefinite Hessian stops with not_descent, at the start, no NaN",
                             r.reason == dlmath::StopReason::not_descent && r.iterations == 0 &&
                                 r.x(0) == 1.0 && r.x(1) == 1.0);
}

void rosenbrock(dlmath::tour::Checks& c, const dlmath::tour::Options& options) {
    //! [example_rosenbrock]
    const Objective f = ref::rosenbrock(2);
    const Vector x0 = {-1.2, 1.0};
    OptimizeOptions o;
    o.max_iterations = 5000;
    o.gradient_tolerance = 1e-8;
    o.record = true;
    const OptimizeResult gd = ref::gradient_descent_backtracking(f, x0, 1.0, 0.5, 1e-4, o);
    const OptimizeResult newton = ref::newton(f, x0, o);
    const OptimizeResult bfgs = ref::bfgs(f, x0, o);
    const OptimizeResult lbfgs = ref::lbfgs(f, x0, 5, o);
    //! [example_rosenbrock]
    for (const auto* r : {&gd, &newton, &bfgs, &lbfgs}) {
        std::cout << "  " << r->message << ": x = (" << dlmath::tour::num(r->x(0)) << ", "
                  << dlmath::tour::num(r->x(1)) << "), " << r->evaluations << " evaluations of f\n";
    }
    const auto at_one = [](const OptimizeResult& r) {
        return r.success() && std::fabs(r.x(0) - 1.0) <= 1e-6 && std::fabs(r.x(1) - 1.0) <= 1e-6;
    };
    dlmath::tour::check_that(c, "BFGS reaches Rosenbrock's (1, 1) within 1e-6", at_one(bfgs));
    dlmath::tour::check_that(c, "L-BFGS (M = 5) reaches Rosenbrock's (1, 1) within 1e-6", at_one(lbfgs));
    dlmath::tour::check_that(c, "BFGS needs fewer than a tenth of the steps of gradient descent",
                             10 * bfgs.iterations < gd.iterations);

    const std::vector<const OptimizeResult*> runs = {&gd, &bfgs, &lbfgs, &newton};
    std::size_t rows = 0;
    for (const auto* r : runs) rows = std::max(rows, r->trajectory.value.size());
    Matrix data = xt::zeros<double>({rows, std::size_t{5}});
    for (std::size_t t = 0; t < rows; ++t) {
        data(t, 0) = static_cast<double>(t);
        for (std::size_t j = 0; j < runs.size(); ++j) {
            const auto& v = runs[j]->trajectory.value;  // f − f* with f* = 0
            data(t, j + 1) = t < v.size() ? v[t] : std::nan("");
        }
    }
    dlmath::tour::write_csv(options.figures / "second_order_rosenbrock.csv", "t,gd,bfgs,lbfgs,newton", data);
}

void memory_counts() {
    //! [example_memory]
    const double n = 1e8, M = 10, bytes = 8;
    std::cout << "  n = 1e8 parameters in double precision:\n"
              << "    Newton or BFGS, an n × n matrix: " << n * n * bytes / 1e15 << " PB\n"
              << "    L-BFGS with M = 10 pairs, 2Mn numbers: " << 2 * M * n * bytes / 1e9 << " GB\n"
              << "    Adam, 2n numbers of state: " << 2 * n * bytes / 1e9 << " GB\n";
    //! [example_memory]
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& options) {
    one_step(c);
    saddle(c);
    rosenbrock(c, options);
    memory_counts();
}

const dlmath::tour::Register section{"second_order", run};

}  // namespace
