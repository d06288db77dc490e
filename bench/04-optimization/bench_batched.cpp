// Chapter 4, many starts at once: batched gradient descent on the exercise
// function (100 steps from each of n starts) and the logistic loss with its
// gradient (n rows, 100 columns) — reference vs fast vs library.
//
// gradient_descent_batch/<case>/<n>: time only (compare per point-step:
// time / (100 n)). The reference runs 4.2's gradient descent start by start
// (about a microsecond per point-step), so it is measured at n = 10^4 only:
// 10^6 starts would take minutes; per point-step its rate does not depend on
// n. step1 is the fast twin through a generic batch (the reference's
// std::sin and std::cos called once per block and step; checked equal to the
// reference on the first 64 starts), fast the fused SIMD kernel
// (fast::exercise_function). Bound attacked: compute, 8 transcendental
// functions per point-step.
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
#include "dlmath/reference/numerical/stable.hpp"
#include "dlmath/reference/optimization.hpp"
#include "dlmath/reference/probability/functions.hpp"
#include "kit.hpp"

namespace {

using dlmath::BatchResult;
using dlmath::LossGradient;
using dlmath::Matrix;
using dlmath::OptimizeOptions;
using dlmath::Vector;
using namespace dlmath::bench;

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
    const Limits reference_small{0, 100000};  // 10^4 starts only (some seconds)
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
            agrees_with_reference)
        .fast([](const Matrix& X0) {
            return dlmath::fast::gradient_descent_batch(dlmath::fast::exercise_function(), X0, 0.1, hundred_steps());
        });

    kernel("logistic_loss_gradient", bytes([](std::size_t n) { return 8.0 * static_cast<double>(n * columns); }),
           {100000, 1000000}, logistic_data)
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
