// Chapter 3, composite Simpson rule — reference vs fast vs library (xtensor's
// own vectorised expression on the sampled integrand). Names:
// simpson/<case>/<n>; counter: GFLOP/s, counting the cheap integrand
// 1/(1 + x²) and its weight as 5 flops per node.
#include <cstddef>
#include <tuple>

#include <benchmark/benchmark.h>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xview.hpp>

#include "dlmath/fast/numerical.hpp"
#include "dlmath/reference/numerical.hpp"
#include "kit.hpp"

namespace {

using dlmath::Vector;
using namespace dlmath::bench;

// 10^5 .. 10^7 panels (even, as Simpson needs)
const std::vector<long long> sizes = {100'000, 1'000'000, 10'000'000};

double integrand(double x) { return 1.0 / (1.0 + x * x); }  // ∫₀¹ = π/4

auto panels(std::size_t n) { return std::tuple{n}; }

// The same sum as one xtensor expression: the n + 1 samples and Simpson's weights
// 1, 4, 2, ..., 4, 1 as strided views (allocates the samples: 8 (n + 1) bytes).
double library_simpson(std::size_t n) {
    const double h = 1.0 / static_cast<double>(n);
    const Vector x = xt::linspace<double>(0.0, 1.0, n + 1);
    const Vector y = 1.0 / (1.0 + x * x);
    const double odd = xt::sum(xt::view(y, xt::range(1, n, 2)))();
    const double even = xt::sum(xt::view(y, xt::range(2, n - 1, 2)))();
    return h / 3.0 * (y(0) + 4.0 * odd + 2.0 * even + y(n));
}

void register_all() {
    // the nodes are computed, not read: no bytes, no arithmetic intensity (bounded by the peak alone)
    kernel("simpson", flops([](std::size_t n) { return 5.0 * static_cast<double>(n + 1); }, [](std::size_t) { return 0.0; }),
           sizes, panels)
        .unit(benchmark::kMillisecond)
        .reference([](std::size_t n) { return dlmath::reference::simpson(integrand, 0.0, 1.0, n); })
        .fast([](std::size_t n) { return dlmath::fast::simpson(integrand, 0.0, 1.0, n); })
        .library(library_simpson);
}

const int registered = (register_all(), 0);

}  // namespace
