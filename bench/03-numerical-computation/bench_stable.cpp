// Chapter 3, stable formulas: the row-wise softmax (with the steps of its
// ladder), logsumexp and log_softmax of an n x n matrix of logits —
// reference vs fast vs library (xtensor's own expression of the same
// max-shifted formula). Names: <kernel>/<case>/<n>; counters: GB/s (8 bytes
// read per entry, and 8 written for softmax and log_softmax).
//
// Targets (issue 12), at n = 4096, in one run of `./course bench`: the fast
// softmax and logsumexp at least 10x the reference, at least 1x the xtensor
// expression, and at least 0.5 of the measured triad bandwidth.
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <tuple>

#include <benchmark/benchmark.h>
#include <xtensor/xmath.hpp>
#include <xtensor/xreducer.hpp>
#include <xtensor/xview.hpp>

#include "dlmath/fast/numerical.hpp"
#include "dlmath/reference/numerical.hpp"
#include "kit.hpp"
#include "kernels/numerical/softmax_ladder.hpp"

namespace {

using dlmath::Matrix;
using dlmath::Vector;
using namespace dlmath::bench;
namespace ladder = dlmath::fast::detail::ladder;

// 10^4 rows of 10^4: the 10^8 entries at which every streaming kernel is measured against the triad
const std::vector<long long> sizes = {1024, 4096, 10000};

auto logits(std::size_t n) {
    Matrix X = uniform<Matrix>({n, n}, 11);
    X *= 40.0;  // [-40, 40): entries far below the row maximum and close to it
    return std::tuple{X};
}

// A ladder step must compute the softmax: every entry within (6n + 20)u relative of the fast
// twin's (both within that of the reference; the tests prove the bound) and 2^-1073 absolute.
std::string agrees_with_fast(const Matrix& X, const Matrix& Y) {
    const Matrix F = dlmath::fast::softmax(X, 1);
    if (Y.shape() != F.shape()) return "wrong shape";
    const double tol = 2 * (6.0 * static_cast<double>(X.shape(1)) + 20) * std::numeric_limits<double>::epsilon() / 2;
    for (std::size_t k = 0; k < Y.size(); ++k)
        if (!(std::fabs(Y.data()[k] - F.data()[k]) <= tol * F.data()[k] + 1e-323))
            return "differs from fast::softmax at entry " + std::to_string(k);
    return "";
}

// The library cases: xtensor expressions of the max-shifted formulas, row by row.
Matrix xt_softmax(const Matrix& X) {
    const auto m = xt::eval(xt::amax(X, {1}));
    const Matrix E = xt::exp(X - xt::view(m, xt::all(), xt::newaxis()));
    const auto s = xt::eval(xt::sum(E, {1}));
    return E / xt::view(s, xt::all(), xt::newaxis());
}

Vector xt_logsumexp(const Matrix& X) {
    const auto m = xt::eval(xt::amax(X, {1}));
    return m + xt::log(xt::sum(xt::exp(X - xt::view(m, xt::all(), xt::newaxis())), {1}));
}

Matrix xt_log_softmax(const Matrix& X) {
    const Vector l = xt_logsumexp(X);
    return X - xt::view(l, xt::all(), xt::newaxis());
}

void tune(benchmark::internal::Benchmark* b, long long n) {
    if (n >= 4096) b->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
}

void register_all() {
    // at 10^4 the reference and xtensor take a second or more per call, and the ladder's steps,
    // shown at the smaller sizes, are left out
    constexpr Limits slow{.single_iteration_from = 10000}, steps{.skip_from = 10000};
    // per entry: the row maximum's comparison, x − m, exp, the sum, then ÷ s
    // (softmax) or − log s (log_softmax): 5 flops; logsumexp: 4
    const auto read_write = bytes([](std::size_t n) { return 16.0 * n * n; }, [](std::size_t n) { return 5.0 * n * n; });
    kernel("softmax", read_write, sizes, logits)
        .roof_from(4096)
        .unit(benchmark::kMillisecond)
        .tune(tune)
        .reference([](const Matrix& X) { return dlmath::reference::softmax(X, 1); }, slow)
        .step(1, "three sweeps: max, exp-sum, divide", ladder::softmax_step1, agrees_with_fast, steps)
        .step(2, "max-shift, two passes per row in cache", ladder::softmax_step2, agrees_with_fast, steps)
        .step(3, "online max + sum in one pass (scalar)", ladder::softmax_step3, agrees_with_fast, steps)
        .step(4, "+ xsimd and the kernel exp (1 thread)", ladder::softmax_step4, agrees_with_fast, steps)
        .step(5, "one exp per element: max, exp-store-sum, scale", ladder::softmax_step5, agrees_with_fast, steps)
        .step(6, "+ OpenMP across rows, next row prefetched (all threads)", ladder::softmax_step6, agrees_with_fast, steps)
        .fast([](const Matrix& X) { return dlmath::fast::softmax(X, 1); })
        .library(xt_softmax, slow);

    kernel("logsumexp", bytes([](std::size_t n) { return 8.0 * n * n; }, [](std::size_t n) { return 4.0 * n * n + 2.0 * n; }),
           sizes, logits)
        .roof_from(4096)
        .unit(benchmark::kMillisecond)
        .tune(tune)
        .reference([](const Matrix& X) { return dlmath::reference::logsumexp(X, 1); }, slow)
        .fast([](const Matrix& X) { return dlmath::fast::logsumexp(X, 1); })
        .library(xt_logsumexp, slow);

    kernel("log_softmax", read_write, sizes, logits)
        .roof_from(4096)
        .unit(benchmark::kMillisecond)
        .tune(tune)
        .reference([](const Matrix& X) { return dlmath::reference::log_softmax(X, 1); }, slow)
        .fast([](const Matrix& X) { return dlmath::fast::log_softmax(X, 1); })
        .library(xt_log_softmax, slow);
}

const int registered = (register_all(), 0);

}  // namespace
