// Chapter 2, estimators: mean, var, cov — reference vs fast vs library
// (xtensor's own vectorised expressions; for cov, centring and OpenBLAS's
// dsyrk). Names: <kernel>/<case>/<n>; counters: GB/s for the memory-bound
// mean and var (the bytes they must read), GFLOP/s for cov.
#include <cblas.h>

#include <cstddef>
#include <tuple>

#include <benchmark/benchmark.h>
#include <xtensor/xmath.hpp>
#include <xtensor/xview.hpp>

#include "dlmath/fast/probability.hpp"
#include "dlmath/reference/probability.hpp"
#include "kit.hpp"

namespace {

using dlmath::Matrix;
using dlmath::Vector;
using namespace dlmath::bench;

// 10^8: where every streaming kernel is measured against the triad
const std::vector<long long> sizes = {1'000, 100'000, 10'000'000, 100'000'000};
// the reference and the library take a second or more per call at 10^8
constexpr Limits slow{.single_iteration_from = 100'000'000};

void tune(benchmark::internal::Benchmark* b, long long n) {
    if (n >= 10'000'000) b->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
}

auto one_vector(std::size_t n) { return std::tuple{normal<Vector>({n}, 3)}; }

// cov of an (n, 64) data matrix: n d^2 multiply-adds (the full product; the
// symmetric kernels do half of it)
constexpr std::size_t d = 64;
auto data_matrix(std::size_t n) { return std::tuple{normal<Matrix>({n, d}, 4)}; }

Matrix library_cov(const Matrix& X) {
    const std::size_t n = X.shape(0);
    // the column means evaluated once: a lazy xt::mean inside the expression
    // would be recomputed for every entry of D
    const Vector mu = xt::mean(X, {0});
    const Matrix D = X - xt::view(mu, xt::newaxis(), xt::all());
    Matrix C = xt::zeros<double>({d, d});
    cblas_dsyrk(CblasRowMajor, CblasLower, CblasTrans, static_cast<blasint>(d), static_cast<blasint>(n),
                1.0 / static_cast<double>(n - 1), D.data(), static_cast<blasint>(d), 0.0, C.data(),
                static_cast<blasint>(d));
    return C;
}

void register_all() {
    kernel("mean", bytes([](std::size_t n) { return 8.0 * n; }, [](std::size_t n) { return n + 1.0; }), sizes, one_vector)
        .roof_from(10'000'000)
        .unit(benchmark::kMicrosecond)
        .tune(tune)
        .reference([](const Vector& x) { return dlmath::reference::mean(x); }, slow)
        .fast([](const Vector& x) { return dlmath::fast::mean(x); })
        .library([](const Vector& x) { return xt::mean(x)(); });

    // two passes over x: 16 bytes per element; the sum, then (x − x̄)² summed: 4 flops
    kernel("var", bytes([](std::size_t n) { return 16.0 * n; }, [](std::size_t n) { return 4.0 * n; }), sizes, one_vector)
        .roof_from(10'000'000)
        .unit(benchmark::kMicrosecond)
        .tune(tune)
        .reference([](const Vector& x) { return dlmath::reference::var(x); }, slow)
        .fast([](const Vector& x) { return dlmath::fast::var(x); })
        .library([](const Vector& x) { return xt::variance(x)() * x.size() / (x.size() - 1.0); });

    // X read, the d x d covariance written
    kernel("cov", flops([](std::size_t n) { return 2.0 * n * d * d; }, [](std::size_t n) { return 8.0 * (n * d + d * d); }),
           {1'000, 100'000}, data_matrix)
        .unit(benchmark::kMillisecond)
        .reference([](const Matrix& X) { return dlmath::reference::cov(X); })
        .fast([](const Matrix& X) { return dlmath::fast::cov(X); })
        .library(library_cov);
}

const int registered = (register_all(), 0);

}  // namespace
