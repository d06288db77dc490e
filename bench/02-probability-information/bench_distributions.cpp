// Chapter 2, distributions: the Gaussian log-density of a sample and
// Gaussian sampling — reference vs fast vs library. Names:
// <kernel>/<case>/<n>; counters: GB/s for the log-density (the bytes read
// and written), time only for sampling (the library case draws from
// another generator, std::mt19937_64 with std::normal_distribution).
#include <cmath>
#include <cstddef>
#include <numbers>
#include <random>
#include <tuple>

#include <benchmark/benchmark.h>
#include <xtensor/xmath.hpp>

#include "dlmath/fast/probability.hpp"
#include "dlmath/reference/probability.hpp"
#include "kit.hpp"

namespace {

using dlmath::Gaussian;
using dlmath::Vector;
using namespace dlmath::bench;

const std::vector<long long> sizes = {1'000'000, 10'000'000, 100'000'000};

void tune(benchmark::internal::Benchmark* b, long long n) {
    if (n >= 10'000'000) b->Repetitions(3)->ReportAggregatesOnly(true);
}

const Gaussian g = Gaussian::from_stddev(0.5, 2.0);

void register_all() {
    // c − ½((x − μ)/σ)²: 5 flops per element
    kernel("gaussian_log_pdf", bytes([](std::size_t n) { return 16.0 * n; }, [](std::size_t n) { return 5.0 * n; }),
           sizes,
           [](std::size_t n) { return std::tuple{normal<Vector>({n}, 1)}; })
        .roof_from(100'000'000)
        .tune(tune)
        .reference([](const Vector& x) { return dlmath::reference::log_pdf(g, x); },
                   Limits{.single_iteration_from = 100'000'000})
        .fast([](const Vector& x) { return dlmath::fast::log_pdf(g, x); })
        // one xtensor expression, evaluated in one vectorised pass on one thread
        .library([](const Vector& x) {
            const double c = -0.5 * std::log(2 * std::numbers::pi) - std::log(g.stddev());
            return Vector(c - 0.5 * xt::square((x - g.mean()) / g.stddev()));
        });

    kernel("gaussian_sample", time_only(), sizes, [](std::size_t n) { return std::tuple{n}; })
        .tune(tune)
        .reference([](std::size_t n) {
            dlmath::Rng rng(42);
            return dlmath::reference::sample(g, rng, n);
        }, Limits{.single_iteration_from = 100'000'000})
        .fast([](std::size_t n) {
            dlmath::Rng rng(42);
            return dlmath::fast::sample(g, rng, n);
        })
        .library([](std::size_t n) {
            std::mt19937_64 rng(42);
            std::normal_distribution<double> d(g.mean(), g.stddev());
            Vector x = Vector::from_shape({n});
            for (auto& v : x) v = d(rng);
            return x;
        }, Limits{.single_iteration_from = 100'000'000});
}

const int registered = (register_all(), 0);

}  // namespace
