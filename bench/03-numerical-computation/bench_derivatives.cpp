// Chapter 3, the finite-difference gradient of a cheap function in 10^3 to
// 10^5 dimensions — reference vs fast (threads over coordinates); there is
// no library case (no library differentiates by finite differences).
// Names: gradient/<case>/<n>; time only: the work is 2n calls of f.
//
// The function reads 16 fixed entries of its argument, so one call costs a
// constant and the gradient O(n): what is timed is the machinery (the
// per-coordinate moves, the calls through std::function, the threads and
// their private copies of x). A loss that reads its whole argument makes
// the gradient O(n^2) — 2 * 10^10 operations at n = 10^5 — which is why
// finite differences check gradients but never train networks.
#include <cmath>
#include <cstddef>
#include <tuple>

#include <benchmark/benchmark.h>

#include "dlmath/fast/numerical.hpp"
#include "dlmath/reference/numerical.hpp"
#include "kit.hpp"

namespace {

using dlmath::Vector;
using namespace dlmath::bench;

const std::vector<long long> sizes = {1'000, 10'000, 100'000};

// f(x) = sum_k log(1 + x_{i_k}^2) over 16 entries spread across x: safe to call concurrently
double probe_loss(const Vector& x) {
    const std::size_t n = x.size();
    double s = 0.0;
    for (std::size_t k = 0; k < 16; ++k) {
        const double v = x((k * 7919) % n);
        s += std::log1p(v * v);
    }
    return s;
}

auto arguments(std::size_t n) { return std::tuple{uniform<Vector>({n}, 9)}; }

void register_all() {
    kernel("gradient", time_only(), sizes, arguments)
        .unit(benchmark::kMillisecond)
        .reference([](const Vector& x) { return dlmath::reference::gradient(probe_loss, x); })
        .fast([](const Vector& x) { return dlmath::fast::gradient(probe_loss, x); });
}

const int registered = (register_all(), 0);

}  // namespace
