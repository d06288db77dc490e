// The two measurements of the roofline (roof.hpp).
#include "roof.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <vector>

#include <benchmark/benchmark.h>
#include <omp.h>
#include <xsimd/xsimd.hpp>

#include "kernels/simd.hpp"

// the FMA pass inlines xsimd AVX-512 code that trips GCC 12's false uninitialised-value
// warning (kernels/simd.hpp)
DLMATH_AVX512_FALSE_WARNINGS_OFF

namespace dlmath::bench {

namespace {
constexpr std::size_t triad_length = std::size_t{1} << 25;
}  // namespace

TriadArrays::TriadArrays() : a_(triad_length), b_(triad_length), c_(triad_length) {
    const long long n = static_cast<long long>(triad_length);
    double *a = a_.data(), *b = b_.data(), *c = c_.data();
#pragma omp parallel for schedule(static)
    for (long long i = 0; i < n; ++i) a[i] = 0.0, b[i] = 1.0, c[i] = 2.0;  // first touch by the same threads
}

double TriadArrays::pass() {
    const long long n = static_cast<long long>(triad_length);
    double *a = a_.data();
    const double *b = b_.data(), *c = c_.data();
    const double s = 3.0;
#pragma omp parallel for schedule(static)
    for (long long i = 0; i < n; ++i) a[i] = b[i] + s * c[i];
    benchmark::DoNotOptimize(a);
    benchmark::ClobberMemory();
    return 24.0 * static_cast<double>(n);
}

double fma_pass() {
    using dlmath::fast::detail::batch;  // the kernels' own batch type (kernels/simd.hpp)
    constexpr int chains = 12;         // > FMA latency x FMA ports on current cores
    constexpr long long steps = 1 << 22;
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
    return 2.0 * batch::size * chains * static_cast<double>(steps) * omp_get_max_threads();
}

namespace {

// The median rate of `passes` timed calls of `once` (which returns its work), after one untimed call.
template <class Once>
double median_rate(int passes, Once once) {
    once();
    std::vector<double> rates;
    for (int p = 0; p < passes; ++p) {
        const auto start = std::chrono::steady_clock::now();
        const double work = once();
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        rates.push_back(work / seconds / 1e9);
    }
    std::sort(rates.begin(), rates.end());
    const std::size_t h = rates.size() / 2;
    return rates.size() % 2 ? rates[h] : 0.5 * (rates[h - 1] + rates[h]);
}

}  // namespace

double triad_gbs(int passes) {
    TriadArrays arrays;
    return median_rate(passes, [&arrays] { return arrays.pass(); });
}

double fma_peak_gflops(int passes) { return median_rate(passes, [] { return fma_pass(); }); }

}  // namespace dlmath::bench

DLMATH_AVX512_FALSE_WARNINGS_ON
