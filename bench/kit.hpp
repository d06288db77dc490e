// The benchmark kit: one way to register a kernel's cases.
//
// A kernel is measured at a list of sizes n. For each size the kit makes
// the inputs (outside the timing), and each case — `reference`, `fast`,
// `library`, and for a kernel with a ladder `step1`, `step2`, … — becomes
// one Google Benchmark named <kernel>/<case>/<n>, the scheme that
// dlmath-bench-report reads. The rate counter is GFLOP/s or GB/s from the
// work of one call (flops the kernel needs, or bytes it must move), or none
// where cases do different amounts of work for the same result. Example:
//
//   const int registered = (dlmath::bench::kernel("dot", bytes([](std::size_t n) { return 16.0 * n; },
//                                                               [](std::size_t n) { return 2.0 * n; }),
//                                                 {1000, 10000}, [](std::size_t n) {
//                                                     return std::tuple{uniform<Vector>({n}, 1), uniform<Vector>({n}, 2)};
//                                                 })
//                               .reference([](const Vector& x, const Vector& y) { return dlmath::reference::dot(x, y); })
//                               .fast([](const Vector& x, const Vector& y) { return dlmath::fast::dot(x, y); })
//                               .library([](const Vector& x, const Vector& y) { return cblas_ddot(...); }),
//                           0);
//
// The inputs are a std::tuple; each case is called with its elements.
// Settings (unit, tune) apply to the cases added after them.
//
// Arithmetic intensity. A kernel with a rate declares both what one call
// computes and what it moves: flops(flops_of_n, bytes_of_n) reports GFLOP/s,
// bytes(bytes_of_n, flops_of_n) reports GB/s, and every case gets the user
// counter `flop_per_byte` = flops / bytes at its size (the x axis of the
// roofline figure, dlmath-bench-roofline). The conventions:
//  - flops are those of the formula, not of the instructions that compute
//    it: +, −, ×, ÷, a comparison (max, a sign test, a choice) and |x| are
//    one flop each, and so is an elementary function (exp, log, log1p,
//    sqrt, sin, cos), whatever it costs in instructions;
//  - bytes are those the algorithm must move to and from memory: each input
//    it reads once and each output it writes once, 8 per double (a kernel
//    that needs two passes over its input, as the two-pass variance, counts
//    both); write-allocate traffic and re-reads from cache are not counted;
//  - the same count serves the rate counter and the intensity, so that
//    intensity × GB/s is the attained GFLOP/s and GFLOP/s / intensity the
//    attained GB/s.
// A kernel that reads nothing (its inputs are computed, as Simpson's rule's
// nodes) declares 0 bytes and gets no intensity: it is bounded by the peak
// alone. Time-only kernels (time_only()) have neither.
//
// The roof next to the case. The suite measures the triad bandwidth and the
// FMA peak once (roofline.cpp), but on a shared or virtual machine the DRAM
// bandwidth drifts by tens of per cent within minutes, so a rate measured
// minutes after the triad is set against a roof that is no longer there.
// roof_from(n) makes the fast case at sizes ≥ n measure its own roof just
// before it is timed (the triad for a GB/s kernel, the FMA peak for a
// GFLOP/s one, each the median of 3 passes; roof.hpp), in the counter
// `roof`; the report sets the rate against that roof where it exists.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "roof.hpp"

namespace dlmath::bench {

// ---------------------------------------------------------------- inputs

/// A tensor of the given shape filled with uniform values in [−1, 1) from
/// a fixed seed (the same inputs on every run).
template <class T>
T uniform(std::vector<std::size_t> shape, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> d(-1.0, 1.0);
    T x = T::from_shape(shape);
    for (auto& v : x) v = d(rng);
    return x;
}

/// The same with standard normal values.
template <class T>
T normal(std::vector<std::size_t> shape, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> d;
    T x = T::from_shape(shape);
    for (auto& v : x) v = d(rng);
    return x;
}

// ---------------------------------------------------------------- work and rates

/// What one call of a kernel at size n costs, and the rate to report.
struct Work {
    std::string counter;                           // "GFLOP/s", "GB/s", or "" (time only)
    std::function<double(std::size_t)> per_call;  // flops or bytes of one call (what the counter counts)
    std::function<double(std::size_t)> flops;     // flops of one call (empty: time only)
    std::function<double(std::size_t)> bytes;     // bytes one call must move (empty: time only)

    /// Flops per byte at size n, or 0 where there is none (time only, or no
    /// bytes moved).
    double flop_per_byte(std::size_t n) const {
        if (!flops || !bytes) return 0.0;
        const double b = bytes(n);
        return b > 0.0 ? flops(n) / b : 0.0;
    }
};

/// Compute-bound kernels: report GFLOP/s from the flops one call needs;
/// `moved(n)` is the bytes it must move (for its arithmetic intensity).
template <class F, class B>
Work flops(F f, B moved) {
    std::function<double(std::size_t)> fl(f);
    return {"GFLOP/s", fl, fl, std::function<double(std::size_t)>(moved)};
}

/// Memory-bound kernels: report GB/s from the bytes one call must move;
/// `computed(n)` is the flops of its formula (for its arithmetic intensity).
template <class B, class F>
Work bytes(B b, F computed) {
    std::function<double(std::size_t)> by(b);
    return {"GB/s", by, std::function<double(std::size_t)>(computed), by};
}

/// Cases that do different amounts of work for the same result (e.g. a
/// Jacobi SVD against LAPACK's divide and conquer): compared by time only.
inline Work time_only() { return {"", {}, {}, {}}; }

// ---------------------------------------------------------------- cases

/// The inputs of the case that runs now. Google Benchmark calls a case's
/// function once per trial iteration count and once per repetition, and
/// the kernels of a chapter run one case after another at the same sizes;
/// making 10^8 random doubles takes longer than most calls being timed. So
/// the last inputs made are kept, keyed by kernel and size, and handed out
/// again while they match. One slot for the whole suite: the inputs of a
/// 10^8 case are gigabytes, and they are freed before the next are made.
/// The inputs are made by a seeded generator, so a kept copy is what a
/// fresh call would make; the cases get them by const reference.
struct InputSlot {
    std::string kernel;
    long long n = -1;
    std::shared_ptr<const void> inputs;
};

/// The one slot (an inline function's static: one object for the whole
/// program, whatever the type of the inputs it holds).
inline InputSlot& input_slot() {
    static InputSlot slot;
    return slot;
}

template <class Inputs, class Make>
const Inputs& kept_inputs(const std::string& kernel, long long n, const Make& make) {
    InputSlot& s = input_slot();
    if (s.kernel != kernel || s.n != n || !s.inputs) {
        s.inputs.reset();  // free the old inputs before making the new ones
        s.inputs = std::make_shared<const Inputs>(make(static_cast<std::size_t>(n)));
        s.kernel = kernel;
        s.n = n;
    }
    return *static_cast<const Inputs*>(s.inputs.get());
}

/// Per-case limits for cases that are slow at large sizes.
struct Limits {
    long long single_iteration_from = 0;  // sizes >= this are timed once (calls of seconds); 0: never
    long long skip_from = 0;              // sizes >= this are not registered; 0: never
};

template <class Make>
class Kernel {
    using Inputs = std::invoke_result_t<Make&, std::size_t>;

public:
    Kernel(std::string name, Work work, std::vector<long long> sizes, Make make)
        : name_(std::move(name)), work_(std::move(work)), sizes_(std::move(sizes)), make_(std::move(make)) {}

    /// The time unit of the report (default: milliseconds).
    Kernel& unit(benchmark::TimeUnit u) {
        unit_ = u;
        return *this;
    }

    /// The fast case at sizes ≥ n measures its roof next to it (see the top
    /// of the file): for the sizes at which the kernel has a roofline target.
    Kernel& roof_from(long long n) {
        roof_from_ = n;
        return *this;
    }

    /// Extra settings per size, e.g. repetitions for the noisy DRAM-sized cases.
    Kernel& tune(std::function<void(benchmark::internal::Benchmark*, long long)> t) {
        tune_ = std::move(t);
        return *this;
    }

    template <class F>
    Kernel& reference(F f, Limits limits = {}) {
        return add("reference", std::move(f), limits, "", nullptr);
    }
    template <class F>
    Kernel& fast(F f, Limits limits = {}) {
        return add("fast", std::move(f), limits, "", nullptr);
    }
    template <class F>
    Kernel& library(F f, Limits limits = {}) {
        return add("library", std::move(f), limits, "", nullptr);
    }
    /// Step k of the kernel's ladder (k ≥ 1; step 0 is the reference case),
    /// with a few words on what it changes (the report shows them). Before
    /// it is timed, `check(inputs..., result)` must return "" — or what is
    /// wrong, and the case reports that error instead of a time: a step
    /// that got faster by computing something else must not count.
    template <class F, class Check>
    Kernel& step(int k, std::string what, F f, Check check, Limits limits = {}) {
        return add("step" + std::to_string(k), std::move(f), limits, std::move(what), std::move(check));
    }

private:
    // Registers case `kase` at every size; `check` is nullptr or a step's check.
    template <class F, class Check>
    Kernel& add(const std::string& kase, F f, Limits limits, std::string label, Check check) {
        for (long long n : sizes_) {
            if (limits.skip_from > 0 && n >= limits.skip_from) continue;
            const std::string name = name_ + "/" + kase + "/" + std::to_string(n);
            const bool single_iteration = limits.single_iteration_from > 0 && n >= limits.single_iteration_from;
            const bool own_roof = kase == "fast" && roof_from_ > 0 && n >= roof_from_ && !work_.counter.empty();
            auto run = [f, n, kernel = name_, label, check, single_iteration, own_roof, make = make_,
                        work = work_](benchmark::State& state) {
                const Inputs& in = kept_inputs<Inputs>(kernel, n, make);
                if (!label.empty()) state.SetLabel(label);
                if constexpr (!std::is_same_v<Check, std::nullptr_t>) {
                    const auto result = std::apply(f, in);
                    const std::string error =
                        std::apply([&](const auto&... args) { return check(args..., result); }, in);
                    if (!error.empty()) {
                        state.SkipWithError(error.c_str());
                        return;
                    }
                }
                // One untimed call first: on some machines (virtual ones in
                // particular) the first pass over freshly written inputs runs
                // several times slower than every later pass, and a case
                // whose single call fills the minimum time would report that
                // first pass alone. A case limited to one iteration skips it.
                if (!single_iteration) benchmark::DoNotOptimize(std::apply(f, in));
                if (own_roof) state.counters["roof"] = work.counter == "GB/s" ? triad_gbs(3) : fma_peak_gflops(3);
                for (auto _ : state) benchmark::DoNotOptimize(std::apply(f, in));
                if (!work.counter.empty()) {
                    const double per_call = work.per_call(static_cast<std::size_t>(n));
                    state.counters[work.counter] = benchmark::Counter(
                        per_call * static_cast<double>(state.iterations()) / 1e9, benchmark::Counter::kIsRate);
                    const double intensity = work.flop_per_byte(static_cast<std::size_t>(n));
                    if (intensity > 0.0) state.counters["flop_per_byte"] = intensity;
                }
            };
            auto* b = benchmark::RegisterBenchmark(name.c_str(), run);
            b->Arg(n)->UseRealTime()->Unit(unit_);
            if (single_iteration) b->Iterations(1);
            if (tune_) tune_(b, n);
        }
        return *this;
    }

    std::string name_;
    Work work_;
    std::vector<long long> sizes_;
    Make make_;
    benchmark::TimeUnit unit_ = benchmark::kMillisecond;
    long long roof_from_ = 0;  // 0: the fast case does not measure its roof
    std::function<void(benchmark::internal::Benchmark*, long long)> tune_;
};

/// Starts the registration of kernel `name` at `sizes`; `make(n)` returns
/// the inputs of size n as a std::tuple.
template <class Make>
Kernel<Make> kernel(std::string name, Work work, std::vector<long long> sizes, Make make) {
    return Kernel<Make>(std::move(name), std::move(work), std::move(sizes), std::move(make));
}

}  // namespace dlmath::bench
