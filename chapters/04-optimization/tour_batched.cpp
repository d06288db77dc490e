// Chapter 4, many starts at once: gradient descent on the exercise function
// from a grid of starts over [0, 10]², reference (one start at a time) vs
// fast (blocks of starts, SIMD across them, threads across blocks), their
// agreement start by start, and the logistic loss with its gradient in one
// pass, against 4.1's objective.

#include <cmath>
#include <cstddef>
#include <string>

#include "dlmath/fast/optimization.hpp"
#include "dlmath/numeric.hpp"
#include "dlmath/reference/optimization.hpp"
#include "tour.hpp"

namespace {

namespace ref = dlmath::reference;
namespace fst = dlmath::fast;
using dlmath::BatchResult;
using dlmath::Matrix;
using dlmath::OptimizeOptions;
using dlmath::Vector;

// A side x side grid of starts over [0, 10]² (cell centres).
Matrix grid(std::size_t side) {
    Matrix X = Matrix::from_shape({side * side, 2});
    for (std::size_t i = 0; i < side; ++i)
        for (std::size_t j = 0; j < side; ++j) {
            X(i * side + j, 0) = 10.0 * (static_cast<double>(i) + 0.5) / static_cast<double>(side);
            X(i * side + j, 1) = 10.0 * (static_cast<double>(j) + 0.5) / static_cast<double>(side);
        }
    return X;
}

void many_starts(dlmath::tour::Checks& c, const dlmath::tour::Options& options) {
    dlmath::tour::section("Gradient descent from a grid of starts on the exercise function");
    const Matrix X0 = grid(options.quick ? 32 : 64);
    OptimizeOptions o;
    o.gradient_tolerance = 1e-6;
    o.max_iterations = 2000;
    const double eta = 0.5;
    // With the reference's exercise function, the fast twin calls its batch (std::sin, std::cos)
    // per block: every start's iterates are the reference's, bit for bit.
    const auto f = ref::exercise_function();
    const BatchResult r = ref::gradient_descent_batch(f, X0, eta, o);
    const BatchResult q = fst::gradient_descent_batch(f, X0, eta, o);
    bool same = true;
    for (std::size_t i = 0; i < X0.shape(0); ++i)
        same = same && r.x(i, 0) == q.x(i, 0) && r.x(i, 1) == q.x(i, 1) && r.iterations[i] == q.iterations[i] &&
               r.reason[i] == q.reason[i];
    dlmath::tour::check_that(c, "fast == reference, start by start (same batch): " + std::to_string(X0.shape(0)) +
                                    " starts", same);
    dlmath::tour::check_that(c, "every start converged, ||grad f|| <= 1e-6 (" + std::to_string(r.converged_count()) +
                                    " of " + std::to_string(X0.shape(0)) + ")",
                             r.converged_count() == X0.shape(0));
    double lowest = 1e300;
    for (std::size_t i = 0; i < X0.shape(0); ++i) lowest = std::fmin(lowest, r.value(i));
    std::cout << "  the lowest value reached: " << dlmath::tour::num(lowest) << "\n";

    // The fused SIMD path (fast::exercise_function: two xsimd sincos and the double-angle identities)
    // agrees after a few steps.
    OptimizeOptions few = o;
    few.max_iterations = 10;
    const BatchResult a = ref::gradient_descent_batch(f, X0, eta, few);
    const BatchResult b = fst::gradient_descent_batch(fst::exercise_function(), X0, eta, few);
    double worst = 0.0;
    for (std::size_t i = 0; i < X0.shape(0); ++i)
        worst = std::fmax(worst, std::fmax(std::fabs(a.x(i, 0) - b.x(i, 0)), std::fabs(a.x(i, 1) - b.x(i, 1))));
    // The drift bound of the page: gradients within 37u per entry (the kernel's bound), one more
    // rounding of x − ηg per entry in each twin (|x| <= 20, |g| <= 1.5), grown by 1 + ηL per step
    // with L = 2.5; per coordinate, so the √2 of the norm is left out. About 2e-11 after 10 steps.
    const double u = dlmath::unit_roundoff<double>(), L = 2.5;
    double bound = 0.0;
    for (int t = 0; t < 10; ++t) bound = (1 + eta * L) * bound + eta * 37 * u + 2 * u * (20 + 1.5 * eta);
    dlmath::tour::check_that(c, "fused SIMD path within " + dlmath::tour::num(bound, 2) +
                                    " of the reference after 10 steps (worst " + dlmath::tour::num(worst, 3) + ")",
                             worst <= bound);

    dlmath::tour::section("Timings (on this machine, 100 steps per start)");
    OptimizeOptions hundred;
    hundred.gradient_tolerance = 0.0;
    hundred.max_iterations = 100;
    const Matrix S = grid(options.quick ? 32 : 100);
    const double t_ref = dlmath::tour::seconds([&] { ref::gradient_descent_batch(f, S, 0.1, hundred); }, 1);
    const double t_generic = dlmath::tour::seconds([&] { fst::gradient_descent_batch(f, S, 0.1, hundred); }, 3);
    const double t_fused =
        dlmath::tour::seconds([&] { fst::gradient_descent_batch(fst::exercise_function(), S, 0.1, hundred); }, 3);
    const std::string m = std::to_string(S.shape(0));
    dlmath::tour::print_timing(m + " starts, generic batch per block", t_ref, t_generic);
    dlmath::tour::print_timing(m + " starts, fused SIMD exercise kernel", t_ref, t_fused);
}

void logistic(dlmath::tour::Checks& c) {
    dlmath::tour::section("The logistic loss and its gradient in one pass");
    const std::size_t n = 2000, d = 7;
    Matrix X = Matrix::from_shape({n, d});
    Vector y = Vector::from_shape({n}), w = Vector::from_shape({d});
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < d; ++j) X(i, j) = std::sin(0.37 * static_cast<double>(i * d + j));
        y(i) = std::cos(0.11 * static_cast<double>(i)) > 0.0 ? 1.0 : 0.0;
    }
    for (std::size_t j = 0; j < d; ++j) w(j) = 0.25 * static_cast<double>(j) - 0.5;
    const auto objective = ref::logistic_regression(X, y);
    const auto r = ref::logistic_loss_gradient(X, y, w);
    const auto q = fst::logistic_loss_gradient(X, y, w);
    dlmath::tour::check(c, "reference loss against 4.1's objective", r.loss, objective.value(w));
    dlmath::tour::check(c, "reference dL/dw_0 against 4.1's gradient", r.gradient(0), objective.gradient(w)(0));
    // one pass, other summation order: within 2(n + d)u of the sums of magnitudes (about 1e-12 here)
    dlmath::tour::check_that(c, "fast loss within 1e-12 of the reference", std::fabs(q.loss - r.loss) <= 1e-12);
    dlmath::tour::check_that(c, "fast dL/dw_0 within 1e-12 of the reference",
                             std::fabs(q.gradient(0) - r.gradient(0)) <= 1e-12);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& options) {
    many_starts(c, options);
    logistic(c);
}

const dlmath::tour::Register section{"batched", run};

}  // namespace
