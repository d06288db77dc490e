// Chapter 2, random variables and distributions — fast twin.
//
// Rules of this file: OpenMP + xsimd, the same signatures and checks as the
// reference twin. Every element is computed by one batch formula: the full
// batches directly, the tail (fewer than W elements at the end) by the same
// formula on a batch whose lane 0 is the element. The work is cut into
// fixed blocks that depend on n only, so the results are bitwise the same
// for every thread count. The log-densities are memory-bound, the samplers
// compute-bound; each says so.

#include "dlmath/fast/probability/distributions.hpp"

#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numbers>

#include <xsimd/xsimd.hpp>

#include "dlmath/detail/checks/probability.hpp"
#include "dlmath/fast/threads.hpp"
#include "../kernels/probability/philox.hpp"
#include "../kernels/simd.hpp"
#include "../kernels/parallel.hpp"

namespace dlmath::fast {
namespace {

using detail::batch;
using detail::W;

constexpr double inf = std::numeric_limits<double>::infinity();

// body(begin, end) on the fixed blocks [b·block, (b+1)·block) of [0, n),
// shared among the threads (schedule(static)) from `threshold` elements;
// below it, the calling thread runs body(0, n). `block` is a multiple of W,
// so the SIMD batches start at the same multiples of W either way.
template <class Body>
void for_each_block(std::size_t n, std::size_t block, std::size_t threshold, const Body& body) {
    if (n < threshold) {
        body(std::size_t{0}, n);
        return;
    }
    const long long nblocks = static_cast<long long>((n + block - 1) / block);
    detail::parallel_for(0, nblocks, true, [&](long long b) {
        const std::size_t begin = static_cast<std::size_t>(b) * block;
        body(begin, begin + block < n ? begin + block : n);
    });
}

//! [fast_log_pdf]
// y_i = f(x_i) for a batch formula f, in parallel blocks from parallel_threshold
// points. A NaN among the x_i is noticed on the way (one compare per batch) and
// reported by the same check as the reference's, after the loop: no pass of
// its own over x, and no exception inside the parallel region.
// Bound attacked: memory (one read and one write of 8 bytes per point).
template <class Distribution, class F>
Vector log_pdf_of_each(const Distribution&, const Vector& x, F f) {
    const std::size_t n = x.size();
    Vector y = xt::empty<double>({n});
    const double* in = x.data();
    double* out = y.data();
    std::atomic<bool> nan{false};
    for_each_block(n, reduction_block, parallel_threshold, [&](std::size_t begin, std::size_t end) {
        xsimd::batch_bool<double> seen(false);
        detail::for_each_batch<double>(
            begin, end,
            [&](std::size_t i) {
                const batch v = xsimd::load_unaligned(in + i);
                seen = seen || xsimd::isnan(v);
                f(v).store_unaligned(out + i);
            },
            [&](std::size_t i) {  // the tail: the same formula, lane 0
                if (std::isnan(in[i])) seen = xsimd::batch_bool<double>(true);
                out[i] = f(batch(in[i])).get(0);
            });
        if (xsimd::any(seen)) nan.store(true, std::memory_order_relaxed);
    });
    if (nan.load()) dlmath::detail::check_log_pdf_sample(Distribution::family, x);  // throws, naming the first NaN
    return y;
}
//! [fast_log_pdf]

// n draws, draw i computed by draws(counter) for the W counters from
// rng.position() + i, in fixed blocks of sample_block draws.
// Bound attacked: compute (Philox and the transform; 8 bytes written per draw).
template <class Draws>
Vector sample_in_blocks(Rng& rng, std::size_t n, Draws draws) {
    Vector x = xt::empty<double>({n});
    const std::uint64_t first = rng.take(n);
    double* out = x.data();
    for_each_block(n, sample_block, sample_parallel_threshold, [&](std::size_t begin, std::size_t end) {
        detail::for_each_batch<double>(
            begin, end, [&](std::size_t i) { draws(first + i).store_unaligned(out + i); },
            [&](std::size_t i) { out[i] = draws(first + i).get(0); });  // the tail: lane 0
    });
    return x;
}

}  // namespace

Vector log_pdf(const Gaussian& dist, const Vector& x) {
    // log N(x; mu, sigma^2) = c - 1/2 z^2, c = -1/2 log(2 pi) - log sigma, z = (x - mu)/sigma
    const batch mu(dist.mean()), sigma(dist.stddev());
    const batch c(-0.5 * std::log(2.0 * std::numbers::pi) - std::log(dist.stddev()));
    return log_pdf_of_each(dist, x, [&](const batch& v) {
        const batch z = (v - mu) / sigma;
        return c - batch(0.5) * z * z;
    });
}

Vector log_pdf(const Uniform& dist, const Vector& x) {
    // -log(b - a) on [a, b], -inf outside
    const batch a(dist.lower()), b(dist.upper()), inside(-std::log(dist.upper() - dist.lower()));
    return log_pdf_of_each(dist, x, [&](const batch& v) { return xsimd::select(a <= v && v <= b, inside, batch(-inf)); });
}

Vector log_pdf(const Exponential& dist, const Vector& x) {
    // log lambda - lambda x for x >= 0, -inf below
    const batch lambda(dist.lambda()), log_lambda(std::log(dist.lambda()));
    return log_pdf_of_each(dist, x, [&](const batch& v) {
        return xsimd::select(v < batch(0.0), batch(-inf), log_lambda - lambda * v);
    });
}

Vector log_pdf(const Laplace& dist, const Vector& x) {
    // -|x - mu|/gamma - log(2 gamma)
    const batch mu(dist.location()), gamma(dist.scale()), log_2gamma(std::log(2.0 * dist.scale()));
    return log_pdf_of_each(dist, x, [&](const batch& v) { return -xsimd::abs((v - mu) / gamma) - log_2gamma; });
}

//! [fast_sample_gaussian]
Vector sample(const Gaussian& dist, Rng& rng, std::size_t n) {
    // x_i = mu + sigma z_i, z_i by Box-Muller from the Philox block of counter i
    const batch mu(dist.mean()), sigma(dist.stddev());
    const std::uint64_t seed = rng.seed();
    return sample_in_blocks(rng, n, [&](std::uint64_t i) { return mu + sigma * detail::normal_batch(seed, i); });
}
//! [fast_sample_gaussian]

Vector sample(const Uniform& dist, Rng& rng, std::size_t n) {
    // a + (b - a) u_i
    const batch a(dist.lower()), width(dist.upper() - dist.lower());
    const std::uint64_t seed = rng.seed();
    return sample_in_blocks(rng, n, [&](std::uint64_t i) { return a + width * detail::uniform_batch(seed, i); });
}

Vector sample(const Exponential& dist, Rng& rng, std::size_t n) {
    // -log(u_i) / lambda, the isf of a uniform draw
    const batch lambda(dist.lambda());
    const std::uint64_t seed = rng.seed();
    return sample_in_blocks(rng, n, [&](std::uint64_t i) {
        return (batch(0.0) - xsimd::log(detail::uniform_batch(seed, i))) / lambda;
    });
}

Vector sample(const Laplace& dist, Rng& rng, std::size_t n) {
    // the quantile of u_i: mu + gamma log(2u) below 1/2, mu - gamma log(2(1 - u)) above
    const batch mu(dist.location()), gamma(dist.scale());
    const std::uint64_t seed = rng.seed();
    return sample_in_blocks(rng, n, [&](std::uint64_t i) {
        const batch u = detail::uniform_batch(seed, i);
        const auto lower = u < batch(0.5);
        const batch l = xsimd::log(xsimd::select(lower, batch(2.0) * u, batch(2.0) * (batch(1.0) - u)));
        return xsimd::select(lower, mu + gamma * l, mu - gamma * l);
    });
}

}  // namespace dlmath::fast
