// Chapter 4, constrained optimisation: the worked examples of least squares on
// the unit ball (an unconstrained solution that is feasible, λ = 0; one that
// is not, λ > 0 and ‖x‖ = 1), the KKT residuals of both, projected gradient
// descent reaching the same point, and the data of the figure (both
// minimisers and the projected path; the script draws the contours and the disc).

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "dlmath/numeric.hpp"
#include "dlmath/reference/linear_algebra.hpp"
#include "dlmath/reference/optimization.hpp"
#include "tour.hpp"

namespace {

namespace ref = dlmath::reference;
using dlmath::Matrix;
using dlmath::Objective;
using dlmath::OptimizeOptions;
using dlmath::Vector;
using dlmath::tour::num;

double l2(const Vector& v) { return std::sqrt(v(0) * v(0) + v(1) * v(1)); }

// The 2-D example of the figure: A = [[2, 0.5], [0.5, 1]], b = (3, 2); the least-squares
// solution A⁻¹b = (16/7, 6/7) has norm 2.44 > 1.
const Matrix kFigureA = {{2.0, 0.5}, {0.5, 1.0}};
const Vector kFigureB = {3.0, 2.0};

void feasible(dlmath::tour::Checks& c) {
    //! [example_feasible]
    // A = diag(2, 4), b = (1, 1): the least-squares solution (1/2, 1/4) has norm 0.56 <= 1
    const Matrix A = {{2.0, 0.0}, {0.0, 4.0}};
    const Vector b = {1.0, 1.0};
    const auto r = ref::constrained_least_squares(A, b);  // λ = 0, x = lstsq(A, b)
    //! [example_feasible]
    const Vector x_ls = ref::lstsq(A, b);
    dlmath::tour::check(c, "λ when the unconstrained solution is feasible", r.lambda, 0.0);
    dlmath::tour::check(c, "x₁ (as lstsq)", r.x(0), x_ls(0));
    dlmath::tour::check(c, "x₂ (as lstsq)", r.x(1), x_ls(1));
    dlmath::tour::check(c, "x₁ = 1/2", r.x(0), 0.5, 2);
    dlmath::tour::check(c, "x₂ = 1/4", r.x(1), 0.25, 2);
}

void active(dlmath::tour::Checks& c) {
    //! [example_active]
    // A = I, b = (3, 4): x(λ) = b/(1 + 2λ), ‖x(λ)‖ = 5/(1 + 2λ) = 1 at λ = 2, x = (3/5, 4/5)
    const Matrix A = {{1.0, 0.0}, {0.0, 1.0}};
    const Vector b = {3.0, 4.0};
    const auto r = ref::constrained_least_squares(A, b);
    //! [example_active]
    // ‖x(λ)‖ carries a few u of rounding; |dλ/d‖x‖| = (1 + 2λ)²/10 = 2.5 turns 4u into ~2.5 ulp of 2
    dlmath::tour::check(c, "λ = 2", r.lambda, 2.0, 4);
    dlmath::tour::check(c, "x₁ = 3/5", r.x(0), 0.6, 4);
    dlmath::tour::check(c, "x₂ = 4/5", r.x(1), 0.8, 4);
    const double u = dlmath::unit_roundoff<double>();
    dlmath::tour::check_that(c, "‖x‖ = " + num(l2(r.x), 17) + " is 1 to rounding (within 4u) and not above 1",
                             std::fabs(l2(r.x) - 1.0) <= 4 * u && l2(r.x) <= 1.0);
    dlmath::tour::check_that(c, "KKT residuals: stationarity " + num(r.kkt.stationarity, 3) + ", feasibility " +
                                    num(r.kkt.primal_feasibility, 3) + ", slackness " +
                                    num(r.kkt.complementary_slackness, 3) + ", all within 1e-14",
                             r.kkt.satisfied(1e-14));
    std::cout << "  the bisection for λ took " << r.bisections << " steps\n";
}

// f(x) = ½‖Ax − b‖², ∇f = Aᵀ(Ax − b)
Objective least_squares_objective(const Matrix& A, const Vector& b) {
    Objective f;
    f.dim = A.shape(1);
    f.name = "least squares";
    f.value = [A, b](const Vector& x) {
        const Vector r = ref::matvec(A, x) - b;
        return 0.5 * ref::dot(r, r);
    };
    f.gradient = [A, b](const Vector& x) -> Vector { return ref::matvec(ref::transpose(A), ref::matvec(A, x) - b); };
    return f;
}

void projected(dlmath::tour::Checks& c, const std::filesystem::path& dir) {
    const auto exact = ref::constrained_least_squares(kFigureA, kFigureB);
    std::cout << "  A = [[2, 0.5], [0.5, 1]], b = (3, 2): lstsq x = (" << num(16.0 / 7, 6) << ", " << num(6.0 / 7, 6)
              << "), norm " << num(std::sqrt(292.0) / 7, 4) << "; on the disc x = (" << num(exact.x(0), 6) << ", "
              << num(exact.x(1), 6) << "), λ = " << num(exact.lambda, 6) << "\n";
    //! [example_projected]
    const Objective f = least_squares_objective(kFigureA, kFigureB);
    const ref::Projection unit_disc = [](const Vector& x) { return ref::project_ball(x, Vector{0.0, 0.0}, 1.0); };
    OptimizeOptions o;
    o.record = true;
    o.max_iterations = 2000;
    o.gradient_tolerance = 1e-12;  // on the projected-gradient step, not on ‖∇f‖
    const auto r = ref::projected_gradient_descent(f, Vector{-1.5, 1.5}, 0.2, unit_disc, o);
    //! [example_projected]
    std::cout << "  projected gradient descent from (-1.5, 1.5), ε = 0.2: " << r.iterations << " steps, "
              << r.message << "\n";
    dlmath::tour::check_that(c, "projected gradient descent ends at the Lagrangian solution (within 1e-10)",
                             r.success() && l2(r.x - exact.x) <= 1e-10);
    dlmath::tour::check_that(c, "and ‖∇f‖ = " + num(r.gradient_norm, 4) + " there is not 0: the constraint holds it",
                             r.gradient_norm > 0.1);

    // figure data (the contours are drawn from the formula): the path, the two minimisers
    const auto& xs = r.trajectory.x;
    Matrix path = Matrix::from_shape({xs.size(), 2});
    for (std::size_t t = 0; t < xs.size(); ++t) {
        path(t, 0) = xs[t](0);
        path(t, 1) = xs[t](1);
    }
    dlmath::tour::write_csv(dir / "constrained_path.csv", "x1,x2", path);
    const Vector x_ls = ref::lstsq(kFigureA, kFigureB);
    const Matrix points = {{x_ls(0), x_ls(1)}, {exact.x(0), exact.x(1)}};
    dlmath::tour::write_csv(dir / "constrained_points.csv", "x1,x2", points);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    feasible(c);
    active(c);
    projected(c, o.figures);
}

const dlmath::tour::Register section{"constrained", run};

}  // namespace
