// Chapter 2, the logistic sigmoid and softplus over a vector — reference vs
// fast vs library (xtensor's own vectorised expression of the same stable
// formula). Names: <kernel>/<case>/<n>; counters: GB/s (8 bytes read and 8
// written per element), though both kernels are bound by their exp.
#include <cstddef>
#include <tuple>

#include <benchmark/benchmark.h>
#include <xtensor/xmath.hpp>

#include "dlmath/fast/probability.hpp"
#include "dlmath/reference/probability.hpp"
#include "kit.hpp"

namespace {

using dlmath::Vector;
using namespace dlmath::bench;

// 10^8: where every streaming kernel is measured against the triad
const std::vector<long long> sizes = {1'000, 100'000, 10'000'000, 100'000'000};
// the reference and the library take a second or more per call at 10^8
constexpr Limits slow{.single_iteration_from = 100'000'000};

void tune(benchmark::internal::Benchmark* b, long long n) {
    if (n >= 10'000'000) b->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
}

auto arguments(std::size_t n) {
    Vector x = uniform<Vector>({n}, 5);
    x *= 20.0;  // [-20, 20): both branches and both saturations
    return std::tuple{x};
}

void register_all() {
    // |x|, exp, 1 + t, the division and the sign's choice: 5 flops per element
    kernel("sigmoid", bytes([](std::size_t n) { return 16.0 * n; }, [](std::size_t n) { return 5.0 * n; }), sizes, arguments)
        .roof_from(10'000'000)
        .unit(benchmark::kMicrosecond)
        .tune(tune)
        .reference([](const Vector& x) { return dlmath::reference::sigmoid(x); }, slow)
        .fast([](const Vector& x) { return dlmath::fast::sigmoid(x); })
        .library([](const Vector& x) {
            const Vector t = xt::exp(-xt::abs(x));
            return Vector(xt::where(x >= 0.0, 1.0, t) / (1.0 + t));
        }, slow);

    // max(x, 0) + log1p(exp(−|x|)): 5 flops per element
    kernel("softplus", bytes([](std::size_t n) { return 16.0 * n; }, [](std::size_t n) { return 5.0 * n; }), sizes, arguments)
        .roof_from(10'000'000)
        .unit(benchmark::kMicrosecond)
        .tune(tune)
        .reference([](const Vector& x) { return dlmath::reference::softplus(x); }, slow)
        .fast([](const Vector& x) { return dlmath::fast::softplus(x); })
        .library([](const Vector& x) { return Vector(xt::maximum(x, 0.0) + xt::log1p(xt::exp(-xt::abs(x)))); },
                 slow);
}

const int registered = (register_all(), 0);

}  // namespace
