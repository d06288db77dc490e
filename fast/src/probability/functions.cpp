// Chapter 2, the logistic sigmoid and softplus — fast twin.
//
// Rules of this file: OpenMP + xsimd, same signatures as the reference
// twin; every SIMD loop ends with a scalar tail.
//
// Bound attacked: the instructions of the elementary functions. Each
// element moves 16 bytes (8 read, 8 written) and costs an exponential, and
// for softplus a log1p. Both take the kernel exponential (kernels/exp.hpp,
// within 3u, the bound the tests use), and softplus the kernel's
// log(1 + t) for t = e^-|v| in (0, 1] (kernels/log.hpp, log1p_unit: no
// exponent split, within 7.4u). Measured on one core of a 2-core AVX-512
// machine, data in cache: softplus 1.6–1.7 ns per element, against 3.1–3.3
// with xsimd's exp and log1p, and 1.0 ns since its exponential and its
// logarithm run in passes of their own (map_in_two_passes); the sigmoid
// 0.7 ns. The sigmoid is bound by its instruction count, not by its
// division: with the division replaced by a multiplication (a timing
// experiment only), a loop of the sigmoid's batches
// in L1 took the same 0.61 ns per element, and a reciprocal estimate with a
// Newton step and a corrected quotient took 0.84. So neither kernel reaches
// the memory's speed on a machine with much bandwidth per core: 16 bytes per
// element in 0.6 ns is 27 GB/s per core.

#include "dlmath/fast/probability/functions.hpp"

#include <cstddef>

#include <xsimd/xsimd.hpp>

#include "dlmath/reference/probability/functions.hpp"
#include "dlmath/fast/threads.hpp"
#include "../kernels/exp.hpp"
#include "../kernels/log.hpp"
#include "../kernels/simd.hpp"
#include "../kernels/parallel.hpp"

namespace dlmath::fast {
namespace {

using detail::batch;
using detail::W;

// Below this argument e^x is a subnormal number (ln(DBL_MIN) = -708.396...),
// which the kernel exponential gets only within an absolute 2^-1075, not a
// relative 3u; a batch with such an entry takes the reference formula,
// whose std::exp rounds the subnormal once.
constexpr double exp_flushes_below = -708.0;

// f(begin, end) on fixed chunks of whole batches (4 KiB of x, in L1 with the 4 KiB of y they
// fill), shared among the threads from parallel_threshold. The elements are independent, so
// the thread count changes no bits.
template <class F>
void for_chunks(std::size_t n, F f) {
    constexpr std::size_t chunk = 64 * W;
    const long long chunks = static_cast<long long>((n + chunk - 1) / chunk);
    detail::parallel_for(0, chunks, n >= parallel_threshold, [&](long long c) {
        const std::size_t begin = static_cast<std::size_t>(c) * chunk;
        f(begin, begin + chunk < n ? begin + chunk : n);
    });
}

// y[i, i + W) = out(v) for the batch v = x[i, i + W), or the scalar formula on each of its
// entries if one lies below exp_flushes_below.
template <class Out, class Scalar>
void store_batch(const double* px, double* py, std::size_t i, Out out, Scalar scalar) {
    const batch v = xsimd::load_unaligned(px + i);
    if (xsimd::any(v < batch(exp_flushes_below))) {
        for (std::size_t l = 0; l < W; ++l) py[i + l] = scalar(px[i + l]);
    } else {
        out(v).store_unaligned(py + i);
    }
}

// y = f(x) element by element: `simd(v)` on full batches, `scalar(x_i)` on the tail and on
// any batch with an entry below exp_flushes_below.
template <class Simd, class Scalar>
Vector map(const Vector& x, Simd simd, Scalar scalar) {
    Vector y = Vector::from_shape({x.size()});
    const double* px = x.data();
    double* py = y.data();
    for_chunks(x.size(), [&](std::size_t begin, std::size_t end) {
        detail::for_each_batch<double>(
            begin, end, [&](std::size_t i) { store_batch(px, py, i, simd, scalar); },
            [&](std::size_t i) { py[i] = scalar(px[i]); });  // scalar tail
    });
    return y;
}

// The same for f(v) = second(v, first(v)), in two passes over each chunk: the first stores
// first(v) into y, the second reads it back from L1 and overwrites it with second(v, ·).
// For two long chains of dependent instructions, such as an exponential and then a
// logarithm: in one loop, each batch's instructions wait on the ones before them, and the
// processor's schedulers, full of waiting instructions, see too few of the next batch's to
// keep its pipes busy; each pass alone holds one chain per batch. Measured for softplus in
// L1 on a 2-core AVX-512 machine: 1.43 ns per element and core in one loop, 0.95 in two.
template <class First, class Second, class Scalar>
Vector map_in_two_passes(const Vector& x, First first, Second second, Scalar scalar) {
    Vector y = Vector::from_shape({x.size()});
    const double* px = x.data();
    double* py = y.data();
    for_chunks(x.size(), [&](std::size_t begin, std::size_t end) {
        detail::for_each_batch<double>(
            begin, end, [&](std::size_t i) { first(xsimd::load_unaligned(px + i)).store_unaligned(py + i); },
            [](std::size_t) {});  // the tail is the second pass's
        detail::for_each_batch<double>(
            begin, end,
            [&](std::size_t i) {
                store_batch(px, py, i, [&](const batch& v) { return second(v, xsimd::load_unaligned(py + i)); },
                            scalar);
            },
            [&](std::size_t i) { py[i] = scalar(px[i]); });  // scalar tail
    });
    return y;
}

}  // namespace

double sigmoid(double x) { return reference::sigmoid(x); }

//! [fast_sigmoid]
Vector sigmoid(const Vector& x) {
    return map(
        x,
        [](batch v) {
            // t = e^-|v| in (0, 1]: 1/(1 + t) where v >= 0, t/(1 + t) where v < 0 (and NaN)
            const batch t = detail::exp(-xsimd::abs(v));
            const batch one(1.0);
            return xsimd::select(v >= batch(0.0), one, t) / (one + t);
        },
        [](double xi) { return reference::sigmoid(xi); });
}
//! [fast_sigmoid]

double softplus(double x) { return reference::softplus(x); }

//! [fast_softplus]
Vector softplus(const Vector& x) {
    // max(v, 0) + log1p(t), t = e^-|v|, the exponential and the logarithm in passes of their
    // own; NaN: the max gives 0 and the log1p NaN, as std::fmax
    return map_in_two_passes(
        x, [](const batch& v) { return detail::exp(-xsimd::abs(v)); },
        [](const batch& v, const batch& t) { return xsimd::max(v, batch(0.0)) + detail::log1p_unit(t); },
        [](double xi) { return reference::softplus(xi); });
}
//! [fast_softplus]

}  // namespace dlmath::fast
