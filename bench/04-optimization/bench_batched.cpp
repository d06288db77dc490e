// Chapter 4, many starts at once: batched gradient descent on the exercise
// function (100 steps from each of n starts) and the logistic loss with its
// gradient (n rows, 100 columns) — reference vs fast vs library.
//
// gradient_descent_batch/<case>/<n>: time only (compare per point-step:
// time / (100 n)). The reference runs 4.2's gradient descent start by start
// (about a microsecond per point-step), so it is measured at n = 10^4 only:
// 10^6 starts would take minutes; per point-step its rate does not depend on
// n. The ladder (kernels/optimization/batched_ladder.hpp says each step):
// step1 the fast twin through its generic path with the reference's batch
// (std::sin and std::cos; checked equal to the reference on the first 64
// starts), step2 the same path with a SIMD batch of 4 sincos pairs per
// point, step3 with fast::exercise_batch (2 sincos pairs: the double-angle
// identities), fast the fused path (fast::exercise_function: the kernel in
// place on a cache-resident block, the stopping rules as one vector test per
// W points). Bound attacked: compute, 2 sincos pairs and some 40 other
// operations per point-step.
//
// logistic_loss_gradient/<case>/<n>: GB/s from the 8·n·100 bytes of X that
// must be read once; library is the pair of BLAS dgemv calls (z = Xw, then
// Xᵀ(σ(z) − y)/n) with the elementwise part between them, reading X twice.
//
// Targets (issue 13): fast gradient descent at least 10x the reference per
// point-step (aim: 0.7 x cores x SIMD lanes); the fast logistic loss and
// gradient at least 0.8x the BLAS pair.
#include <cblas.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <tuple>

#include <benchmark/benchmark.h>
#include <xtensor/xview.hpp>

#include "dlmath/fast/optimization.hpp"
#include "dlmath/numeric.hpp"
#include "dlmath/reference/numerical/stable.hpp"
#include "dlmath/reference/optimization.hpp"
#include "dlmath/reference/probability/functions.hpp"
#include "kit.hpp"
#include "kernels/optimization/batched_ladder.hpp"

namespace {

using dlmath::BatchResult;
using dlmath::LossGradient;
using dlmath::Matrix;
using dlmath::OptimizeOptions;
using dlmath::Vector;
using namespace dlmath::bench;
namespace ladder = dlmath::fast::detail::ladder;

constexpr std::size_t steps = 100;
constexpr std::size_t columns = 100;

OptimizeOptions hundred_steps() {
    OptimizeOptions o;
    o.gradient_tolerance = 0.0;  // every start takes all 100 steps
    o.max_iterations = steps;
    return o;
}

auto starts(std::size_t n) {
    Matrix X = uniform<Matrix>({n, 2}, 21);
    X = 5.0 + 5.0 * X;  // [0, 10]²
    return std::tuple{X};
}

// step1 must compute the reference's result: on the first 64 starts, bit for bit.
std::string agrees_with_reference(const Matrix& X0, const BatchResult& r) {
    const std::size_t k = std::min<std::size_t>(64, X0.shape(0));
    const Matrix head = xt::view(X0, xt::range(0, k), xt::all());
    const BatchResult e = dlmath::reference::gradient_descent_batch(dlmath::reference::exercise_function(), head, 0.1,
                                                                    hundred_steps());
    for (std::size_t i = 0; i < k; ++i)
        if (r.x(i, 0) != e.x(i, 0) || r.x(i, 1) != e.x(i, 1)) return "differs from the reference at start " + std::to_string(i);
    return "";
}

// The exercise function with the given batch: through the fast twin's generic path (the
// fused path takes only fast::exercise_batch itself).
dlmath::Objective with_batch(void (*batch)(const Matrix&, Vector&, Matrix&)) {
    dlmath::Objective f = dlmath::reference::exercise_function();
    f.batch = [batch](const Matrix& X, Vector& v, Matrix& G) { batch(X, v, G); };
    return f;
}

void plain_fast_batch(const Matrix& X, Vector& v, Matrix& G) { dlmath::fast::exercise_batch(X, v, G); }

// Steps with a SIMD batch must stay within the drift bound of the reference on the first 64
// starts. Per step the gradients differ by at most 37u per entry (the fast tests' bound for the
// double-angle kernel, above the 20u of the four-sincos one) and each twin rounds x − ηg
// (|x| <= 10 + 100·η·1.5 = 25, |g| <= 1.5): e_t <= (1 + ηL) e_(t−1) + η√2·37u + 2√2 u (25 + 1.5η),
// L = 2.5 — loose after 100 steps (about 1e-5), but a wrong kernel misses it by far.
std::string within_drift_of_reference(const Matrix& X0, const BatchResult& r) {
    const double u = dlmath::unit_roundoff<double>(), eta = 0.1, L = 2.5;
    double e = 0.0;
    for (std::size_t t = 0; t < steps; ++t)
        e = (1 + eta * L) * e + eta * std::sqrt(2.0) * 37 * u + 2 * std::sqrt(2.0) * u * (25 + 1.5 * eta);
    const std::size_t k = std::min<std::size_t>(64, X0.shape(0));
    const Matrix head = xt::view(X0, xt::range(0, k), xt::all());
    const BatchResult ref = dlmath::reference::gradient_descent_batch(dlmath::reference::exercise_function(), head,
                                                                      eta, hundred_steps());
    for (std::size_t i = 0; i < k; ++i)
        if (std::hypot(r.x(i, 0) - ref.x(i, 0), r.x(i, 1) - ref.x(i, 1)) > e)
            return "farther than the drift bound from the reference at start " + std::to_string(i);
    return "";
}

LossGradient blas_pair(const Matrix& X, const Vector& y, const Vector& w) {
    const int n = static_cast<int>(X.shape(0)), d = static_cast<int>(X.shape(1));
    Vector z = Vector::from_shape({X.shape(0)});
    cblas_dgemv(CblasRowMajor, CblasNoTrans, n, d, 1.0, X.data(), d, w.data(), 1, 0.0, z.data(), 1);
    double loss = 0.0;
    for (int i = 0; i < n; ++i) {
        loss -= y(i) * dlmath::reference::log_sigmoid(z(i)) + (1.0 - y(i)) * dlmath::reference::log_sigmoid(-z(i));
        z(i) = dlmath::reference::sigmoid(z(i)) - y(i);
    }
    LossGradient r;
    r.gradient = Vector::from_shape({X.shape(1)});
    cblas_dgemv(CblasRowMajor, CblasTrans, n, d, 1.0 / n, X.data(), d, z.data(), 1, 0.0, r.gradient.data(), 1);
    r.loss = loss / n;
    return r;
}

auto logistic_data(std::size_t n) {
    Matrix X = uniform<Matrix>({n, columns}, 31);
    Vector w = uniform<Vector>({columns}, 32);
    Vector y = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) y(i) = X(i, 0) + 0.3 * X(i, 1) > 0.0 ? 1.0 : 0.0;
    return std::tuple{X, y, w};
}

void register_all() {
    const Limits reference_small{0, 100000};  // 10^4 starts only: the reference and the ladder take seconds at 10^6
    kernel("gradient_descent_batch", time_only(), {10000, 1000000}, starts)
        .unit(benchmark::kMillisecond)
        .reference(
            [](const Matrix& X0) {
                return dlmath::reference::gradient_descent_batch(dlmath::reference::exercise_function(), X0, 0.1,
                                                                 hundred_steps());
            },
            reference_small)
        .step(
            1, "SoA blocks, SIMD update, threads; the reference's batch per block",
            [](const Matrix& X0) {
                return dlmath::fast::gradient_descent_batch(dlmath::reference::exercise_function(), X0, 0.1,
                                                            hundred_steps());
            },
            agrees_with_reference, reference_small)
        .step(2, "+ xsimd sincos of x1, x2, x1/2, x2/2 as a plain batch",
              [](const Matrix& X0) {
                  return dlmath::fast::gradient_descent_batch(with_batch(&ladder::exercise_batch_four_sincos), X0, 0.1,
                                                              hundred_steps());
              },
              within_drift_of_reference, reference_small)
        .step(3, "+ two sincos and the double-angle identities",
              [](const Matrix& X0) {
                  return dlmath::fast::gradient_descent_batch(with_batch(&plain_fast_batch), X0, 0.1, hundred_steps());
              },
              within_drift_of_reference, reference_small)
        .fast([](const Matrix& X0) {
            return dlmath::fast::gradient_descent_batch(dlmath::fast::exercise_function(), X0, 0.1, hundred_steps());
        });

    // Xw and Xᵀr: 2·n·d flops each; per row the loss term and the residual
    // (two log-sigmoids, the sigmoid, the products and sums): about 16.
    // Bytes: X (n·d), and y (n) and w (d), which the pass reads too (y was
    // left out before: 1% of the total at d = 100)
    kernel("logistic_loss_gradient",
           bytes([](std::size_t n) { return 8.0 * static_cast<double>(n * (columns + 1) + columns); },
                 [](std::size_t n) { return static_cast<double>(n) * (4.0 * columns + 16.0); }),
           {100000, 1000000}, logistic_data)
        .roof_from(1000000)
        .unit(benchmark::kMillisecond)
        .reference([](const Matrix& X, const Vector& y, const Vector& w) {
            return dlmath::reference::logistic_loss_gradient(X, y, w);
        })
        .fast([](const Matrix& X, const Vector& y, const Vector& w) {
            return dlmath::fast::logistic_loss_gradient(X, y, w);
        })
        .library(blas_pair);
}

const int registered = (register_all(), 0);

}  // namespace
