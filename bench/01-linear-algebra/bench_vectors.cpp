// Chapter 1, section 1.1: dot and norm — reference vs fast vs library.
// Names: <kernel>/<case>/<size>; counters: GB/s (bytes the kernel must read).
#include <cblas.h>

#include <cmath>
#include <cstddef>
#include <random>
#include <string>

#include <benchmark/benchmark.h>

#include "dlmath/fast/linear_algebra.hpp"
#include "dlmath/reference/linear_algebra.hpp"

namespace {

using dlmath::Vector;

Vector random_vector(std::size_t n, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> d(-1.0, 1.0);
    Vector x = Vector::from_shape({n});
    for (auto& v : x) v = d(rng);
    return x;
}

void set_bytes(benchmark::State& state, double bytes_per_iter) {
    state.counters["GB/s"] = benchmark::Counter(bytes_per_iter * state.iterations() / 1e9, benchmark::Counter::kIsRate);
}

template <class F>
void bench_dot(benchmark::State& state, F f) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const Vector x = random_vector(n, 1), y = random_vector(n, 2);
    for (auto _ : state) benchmark::DoNotOptimize(f(x, y));
    set_bytes(state, 16.0 * static_cast<double>(n));
}

template <class F>
void bench_norm(benchmark::State& state, F f) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const Vector x = random_vector(n, 3);
    for (auto _ : state) benchmark::DoNotOptimize(f(x));
    set_bytes(state, 8.0 * static_cast<double>(n));
}

void register_all() {
    const long long sizes[] = {1'000, 10'000, 100'000, 1'000'000, 10'000'000, 100'000'000};
    for (long long n : sizes) {
        const std::string s = std::to_string(n);
        auto tune = [n](benchmark::internal::Benchmark* b) {
            b->Arg(n)->UseRealTime();
            // Streaming from DRAM is noisy from run to run (other processes,
            // page placement): the large cases report the median of 5.
            if (n >= 10'000'000) b->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
            else b->Unit(benchmark::kMicrosecond);
        };
        tune(benchmark::RegisterBenchmark(("dot/reference/" + s).c_str(), [](benchmark::State& st) {
            bench_dot(st, [](const Vector& x, const Vector& y) { return dlmath::reference::dot(x, y); });
        }));
        tune(benchmark::RegisterBenchmark(("dot/fast/" + s).c_str(), [](benchmark::State& st) {
            bench_dot(st, [](const Vector& x, const Vector& y) { return dlmath::fast::dot(x, y); });
        }));
        tune(benchmark::RegisterBenchmark(("dot/library/" + s).c_str(), [](benchmark::State& st) {
            // OpenBLAS, through its C interface
            bench_dot(st, [](const Vector& x, const Vector& y) {
                return cblas_ddot(static_cast<blasint>(x.size()), x.data(), 1, y.data(), 1);
            });
        }));
        tune(benchmark::RegisterBenchmark(("norm2/reference/" + s).c_str(), [](benchmark::State& st) {
            bench_norm(st, [](const Vector& x) { return dlmath::reference::norm(x, 2.0); });
        }));
        tune(benchmark::RegisterBenchmark(("norm2/fast/" + s).c_str(), [](benchmark::State& st) {
            bench_norm(st, [](const Vector& x) { return dlmath::fast::norm(x, 2.0); });
        }));
        tune(benchmark::RegisterBenchmark(("norm2/library/" + s).c_str(), [](benchmark::State& st) {
            // OpenBLAS dnrm2 (scaled, overflow-safe like ours)
            bench_norm(st, [](const Vector& x) { return cblas_dnrm2(static_cast<blasint>(x.size()), x.data(), 1); });
        }));
        tune(benchmark::RegisterBenchmark(("norm1/reference/" + s).c_str(), [](benchmark::State& st) {
            bench_norm(st, [](const Vector& x) { return dlmath::reference::norm(x, 1.0); });
        }));
        tune(benchmark::RegisterBenchmark(("norm1/fast/" + s).c_str(), [](benchmark::State& st) {
            bench_norm(st, [](const Vector& x) { return dlmath::fast::norm(x, 1.0); });
        }));
        tune(benchmark::RegisterBenchmark(("norm1/library/" + s).c_str(), [](benchmark::State& st) {
            bench_norm(st, [](const Vector& x) { return cblas_dasum(static_cast<blasint>(x.size()), x.data(), 1); });
        }));
    }
}

const int registered = (register_all(), 0);

}  // namespace
