// Chapter 2, information theory: entropy, cross-entropy and KL divergence —
// reference vs fast vs library (xtensor's own lazy expression, e.g.
// sum(p * log(p / q))). Names: <kernel>/<case>/<n>; counters: GB/s (the
// bytes the kernel must read: 8 per element for entropy, 16 for the pairs).
// The fast twins aim at the memory bandwidth: at 10^8 elements they should
// reach 0.7 of the triad (roofline/triad) and 10x the reference.
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

const std::vector<long long> sizes = {1'000'000, 10'000'000, 100'000'000};

// Streaming from DRAM is noisy (other processes, page placement): the large
// cases report the median of 5.
void tune(benchmark::internal::Benchmark* b, long long n) {
    if (n >= 10'000'000) b->Repetitions(5)->ReportAggregatesOnly(true);
}

// A distribution of n positive outcomes: uniform weights in [0.5, 1.5), normalised.
Vector distribution(std::size_t n, unsigned seed) {
    Vector p = uniform<Vector>({n}, seed);
    p = 1.0 + 0.5 * p;
    p /= xt::sum(p)();
    return p;
}

auto one(std::size_t n) { return std::tuple{distribution(n, 1)}; }
auto two(std::size_t n) { return std::tuple{distribution(n, 1), distribution(n, 2)}; }

void register_all() {
    // −Σ p log p and −Σ p log q: log, product, sum; p log(p/q): one division more
    kernel("entropy", bytes([](std::size_t n) { return 8.0 * n; }, [](std::size_t n) { return 3.0 * n; }), sizes, one)
        .roof_from(100'000'000)
        .tune(tune)
        .reference([](const Vector& p) { return dlmath::reference::entropy(p); })
        .fast([](const Vector& p) { return dlmath::fast::entropy(p); })
        .library([](const Vector& p) { return -xt::sum(p * xt::log(p))(); });  // no check, no 0 log 0

    kernel("cross_entropy", bytes([](std::size_t n) { return 16.0 * n; }, [](std::size_t n) { return 3.0 * n; }), sizes, two)
        .roof_from(100'000'000)
        .tune(tune)
        .reference([](const Vector& p, const Vector& q) { return dlmath::reference::cross_entropy(p, q); })
        .fast([](const Vector& p, const Vector& q) { return dlmath::fast::cross_entropy(p, q); })
        .library([](const Vector& p, const Vector& q) { return -xt::sum(p * xt::log(q))(); });

    kernel("kl_divergence", bytes([](std::size_t n) { return 16.0 * n; }, [](std::size_t n) { return 4.0 * n; }), sizes, two)
        .roof_from(100'000'000)
        .tune(tune)
        .reference([](const Vector& p, const Vector& q) { return dlmath::reference::kl_divergence(p, q); })
        .fast([](const Vector& p, const Vector& q) { return dlmath::fast::kl_divergence(p, q); })
        .library([](const Vector& p, const Vector& q) { return xt::sum(p * xt::log(p / q))(); });
}

const int registered = (register_all(), 0);

}  // namespace
