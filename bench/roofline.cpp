// The machine's roofline, measured in the same run as the kernels (each
// the median of 5 repetitions):
//  - bandwidth: a STREAM-style triad a[i] = b[i] + s*c[i] over arrays far
//    larger than the caches, on all OpenMP threads (24 bytes counted per
//    element, as STREAM does);
//  - peak: independent xsimd FMA chains on every thread, enough of them to
//    cover the FMA latency (2 flops per lane per FMA).
#include <cstddef>
#include <vector>

#include <benchmark/benchmark.h>
#include <omp.h>
#include <xsimd/xsimd.hpp>

#include "kernels/simd.hpp"

namespace {

void roofline_triad(benchmark::State& state) {
    const std::size_t n = std::size_t{1} << 25;  // 3 x 256 MiB
    std::vector<double> a(n), b(n, 1.0), c(n, 2.0);
    const double s = 3.0;
    const long long nn = static_cast<long long>(n);
#pragma omp parallel for schedule(static)
    for (long long i = 0; i < nn; ++i) a[i] = 0.0;  // first touch by the same threads
    for (auto _ : state) {
#pragma omp parallel for schedule(static)
        for (long long i = 0; i < nn; ++i) a[i] = b[i] + s * c[i];
        benchmark::DoNotOptimize(a.data());
        benchmark::ClobberMemory();
    }
    state.counters["GB/s"] = benchmark::Counter(24.0 * static_cast<double>(n) * state.iterations() / 1e9,
                                                benchmark::Counter::kIsRate);
    state.counters["threads"] = omp_get_max_threads();
}

void roofline_fma(benchmark::State& state) {
    using dlmath::fast::detail::batch;  // the kernels' own batch type (kernels/simd.hpp)
    constexpr int chains = 12;         // > FMA latency x FMA ports on current cores
    constexpr long long steps = 1 << 22;
    double total_flops = 0.0;
    for (auto _ : state) {
        double sink = 0.0;
#pragma omp parallel reduction(+ : sink)
        {
            // the operands come from values the compiler cannot see, so that
            // it can neither fold the chains at compile time nor drop them
            double one = 1.0, mult = 0.999999999, add = 1e-9;
            benchmark::DoNotOptimize(one);
            benchmark::DoNotOptimize(mult);
            benchmark::DoNotOptimize(add);
            batch acc[chains];
            for (int k = 0; k < chains; ++k) acc[k] = batch(one + k * add);
            const batch m(mult), a(add);
            for (long long t = 0; t < steps; ++t) {
                for (int k = 0; k < chains; ++k) acc[k] = dlmath::fast::detail::fma(acc[k], m, a);
            }
            batch r(0.0);
            for (int k = 0; k < chains; ++k) r += acc[k];
            sink += xsimd::hadd(r);
        }
        benchmark::DoNotOptimize(sink);
        total_flops += 2.0 * batch::size * chains * static_cast<double>(steps) * omp_get_max_threads();
    }
    state.counters["GFLOP/s"] = benchmark::Counter(total_flops / 1e9, benchmark::Counter::kIsRate);
    state.counters["threads"] = omp_get_max_threads();
    state.counters["simd_width"] = batch::size;
}

BENCHMARK(roofline_triad)->Name("roofline/triad")->UseRealTime()->Unit(benchmark::kMillisecond)->MinTime(0.5)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(roofline_fma)->Name("roofline/fma")->UseRealTime()->Unit(benchmark::kMillisecond)->MinTime(0.5)->Repetitions(5)->ReportAggregatesOnly(true);

}  // namespace
