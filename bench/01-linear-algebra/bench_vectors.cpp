// Chapter 1, vectors: dot and norm — reference vs fast vs library (OpenBLAS
// through its C interface). Names: <kernel>/<case>/<n>; counters: GB/s
// (the bytes the kernel must read).
#include <cblas.h>

#include <cstddef>
#include <tuple>

#include <benchmark/benchmark.h>

#include "dlmath/fast/linear_algebra.hpp"
#include "dlmath/reference/linear_algebra.hpp"
#include "kit.hpp"

namespace {

using dlmath::Vector;
using namespace dlmath::bench;

const std::vector<long long> sizes = {1'000, 10'000, 100'000, 1'000'000, 10'000'000, 100'000'000};

// Streaming from DRAM is noisy from run to run (other processes, page
// placement): the large cases report the median of 5.
void tune(benchmark::internal::Benchmark* b, long long n) {
    if (n >= 10'000'000) b->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
}

blasint len(const Vector& x) { return static_cast<blasint>(x.size()); }

auto two_vectors(std::size_t n) { return std::tuple{uniform<Vector>({n}, 1), uniform<Vector>({n}, 2)}; }
auto one_vector(std::size_t n) { return std::tuple{uniform<Vector>({n}, 3)}; }

void register_all() {
    kernel("dot", bytes([](std::size_t n) { return 16.0 * n; }, [](std::size_t n) { return 2.0 * n; }), sizes, two_vectors)
        .roof_from(100'000'000)
        .unit(benchmark::kMicrosecond)
        .tune(tune)
        .reference([](const Vector& x, const Vector& y) { return dlmath::reference::dot(x, y); })
        .fast([](const Vector& x, const Vector& y) { return dlmath::fast::dot(x, y); })
        .library([](const Vector& x, const Vector& y) { return cblas_ddot(len(x), x.data(), 1, y.data(), 1); });

    // |x|² summed, one square root: 2 flops per element
    kernel("norm2", bytes([](std::size_t n) { return 8.0 * n; }, [](std::size_t n) { return 2.0 * n + 1.0; }), sizes, one_vector)
        .roof_from(100'000'000)
        .unit(benchmark::kMicrosecond)
        .tune(tune)
        .reference([](const Vector& x) { return dlmath::reference::norm(x, 2.0); })
        .fast([](const Vector& x) { return dlmath::fast::norm(x, 2.0); })
        // OpenBLAS dnrm2 (scaled, overflow-safe like ours)
        .library([](const Vector& x) { return cblas_dnrm2(len(x), x.data(), 1); });

    kernel("norm1", bytes([](std::size_t n) { return 8.0 * n; }, [](std::size_t n) { return 2.0 * n; }), sizes, one_vector)
        .roof_from(100'000'000)
        .unit(benchmark::kMicrosecond)
        .tune(tune)
        .reference([](const Vector& x) { return dlmath::reference::norm(x, 1.0); })
        .fast([](const Vector& x) { return dlmath::fast::norm(x, 1.0); })
        .library([](const Vector& x) { return cblas_dasum(len(x), x.data(), 1); });
}

const int registered = (register_all(), 0);

}  // namespace
