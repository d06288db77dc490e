// The machine's roofline, measured in the same run as the kernels (each the
// median of 5 repetitions): the triad bandwidth and the FMA peak of roof.hpp.
#include <benchmark/benchmark.h>
#include <omp.h>

#include "kernels/simd.hpp"
#include "roof.hpp"

namespace {

void roofline_triad(benchmark::State& state) {
    dlmath::bench::TriadArrays arrays;
    double bytes = 0.0;
    for (auto _ : state) bytes += arrays.pass();
    state.counters["GB/s"] = benchmark::Counter(bytes / 1e9, benchmark::Counter::kIsRate);
    state.counters["threads"] = omp_get_max_threads();
}

void roofline_fma(benchmark::State& state) {
    double total_flops = 0.0;
    for (auto _ : state) total_flops += dlmath::bench::fma_pass();
    state.counters["GFLOP/s"] = benchmark::Counter(total_flops / 1e9, benchmark::Counter::kIsRate);
    state.counters["threads"] = omp_get_max_threads();
    state.counters["simd_width"] = dlmath::fast::detail::batch::size;
}

BENCHMARK(roofline_triad)->Name("roofline/triad")->UseRealTime()->Unit(benchmark::kMillisecond)->MinTime(0.5)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(roofline_fma)->Name("roofline/fma")->UseRealTime()->Unit(benchmark::kMillisecond)->MinTime(0.5)->Repetitions(5)->ReportAggregatesOnly(true);

}  // namespace
