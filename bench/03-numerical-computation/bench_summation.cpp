// Chapter 3, summation: the pairwise and Kahan sums of n doubles —
// reference vs fast vs library (xt::sum, xtensor's vectorised reduction,
// which carries no error bound beyond the naive sum's). Names:
// <kernel>/<case>/<n>; counters: GB/s (the bytes the kernel must read: 8
// per element). Both fast twins are memory-bound (one load per element,
// one addition for the pairwise sum, four for Kahan's): at 10^8 elements
// they should reach 0.8 of the triad bandwidth (roofline/triad).
#include <cstddef>
#include <tuple>
#include <vector>

#include <benchmark/benchmark.h>
#include <xtensor/xmath.hpp>

#include "dlmath/fast/numerical.hpp"
#include "dlmath/tensor.hpp"
#include "dlmath/reference/numerical.hpp"
#include "kit.hpp"

namespace {

using dlmath::Vector;
using namespace dlmath::bench;

const std::vector<long long> sizes = {1'000'000, 10'000'000, 100'000'000};

// Streaming from DRAM is noisy (other processes, page placement): the large
// cases report the median of 5.
void tune(benchmark::internal::Benchmark* b, long long n) {
    if (n >= 10'000'000) b->Repetitions(5)->ReportAggregatesOnly(true);
}

auto one(std::size_t n) { return std::tuple{uniform<Vector>({n}, 1)}; }

void register_all() {
    kernel("sum_pairwise", bytes([](std::size_t n) { return 8.0 * n; }, [](std::size_t n) { return 1.0 * n; }), sizes, one)
        .roof_from(100'000'000)
        .tune(tune)
        .reference([](const Vector& x) { return dlmath::reference::sum_pairwise(x); })
        .fast([](const Vector& x) { return dlmath::fast::sum_pairwise(x); })
        .library([](const Vector& x) { return xt::sum(x)(); });

    // Kahan's step: y = x − c, t = s + y, c = (t − s) − y: 4 flops per element
    kernel("sum_kahan", bytes([](std::size_t n) { return 8.0 * n; }, [](std::size_t n) { return 4.0 * n; }), sizes, one)
        .roof_from(100'000'000)
        .tune(tune)
        .reference([](const Vector& x) { return dlmath::reference::sum_kahan(x); })
        .fast([](const Vector& x) { return dlmath::fast::sum_kahan(x); })
        .library([](const Vector& x) { return xt::sum(x)(); });
}

const int registered = (register_all(), 0);

}  // namespace
