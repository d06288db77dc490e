// Section 3.3, summation — fast twin: SIMD lanes within a block, OpenMP
// across the fixed blocks of the reproducible blocked reduction
// (kernels/reduce.hpp), partials combined in block order. Both kernels are
// memory-bound: each element is loaded once.
//
// Kahan's compensation (t − s) − y must be evaluated as written: the
// project builds without -ffast-math and with -ffp-contract=off, and the
// xsimd operators below are plain vector instructions.

#include "dlmath/fast/numerical/summation.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

#include "dlmath/fast/config.hpp"
#include "../kernels/numerical/pairwise_tree.hpp"
#include "../kernels/reduce.hpp"
#include "../kernels/simd.hpp"

namespace dlmath::fast {

namespace {

constexpr std::size_t kUnroll = 4;  // independent accumulators: 4 additions in flight

// ---------------------------------------------------------------- pairwise

//! [fast_sum_pairwise]
// A leaf of any length: 4 SIMD accumulators, added pairwise, then across lanes, then the tail.
template <class T>
T leaf_sum(const T* x, std::size_t begin, std::size_t end) {
    using B = detail::batch_of<T>;
    return detail::sum_streams<T, kUnroll>(
        std::array<const T*, 1>{x}, begin, end, [](const B& acc, const std::array<B, 1>& v) { return acc + v[0]; },
        [x](T s, std::size_t i) { return s + x[i]; });
}

// The halving of the reference, down to leaves of pairwise_leaf elements; x has n elements.
template <class T>
T pairwise_range(const T* x, std::size_t n, std::size_t begin, std::size_t end) {
    const std::size_t len = end - begin, leaves = len / pairwise_leaf;
    if (len < pairwise_leaf) return leaf_sum(x, begin, end);
    if (len % pairwise_leaf == 0 && (leaves & (leaves - 1)) == 0 && leaves <= detail::pairwise_tree_leaves)
        return detail::pairwise_tree(x, n, begin, leaves);
    const std::size_t mid = begin + len / 2;
    return pairwise_range(x, n, begin, mid) + pairwise_range(x, n, mid, end);
}

// The block sums, added pairwise in the same halving order.
template <class T>
T pairwise_partials(const std::vector<T>& p, std::size_t begin, std::size_t end) {
    if (end - begin == 1) return p[begin];
    const std::size_t mid = begin + (end - begin) / 2;
    return pairwise_partials(p, begin, mid) + pairwise_partials(p, mid, end);
}
//! [fast_sum_pairwise]

// ---------------------------------------------------------------- Kahan

// One scalar compensated sum (s, c): the value is s − c.
template <class T>
struct Compensated {
    T s = T(0), c = T(0);
    void add(T v) {
        const T y = v - c;
        const T t = s + y;
        c = (t - s) - y;
        s = t;
    }
};

//! [fast_sum_kahan]
// Kahan in every lane of 4 SIMD accumulators over [begin, end); the lanes'
// sums and negated compensations are folded into one scalar compensated sum
// in lane order, then the scalar tail.
template <class T>
Compensated<T> kahan_lanes(const T* x, std::size_t begin, std::size_t end) {
    using B = detail::batch_of<T>;
    constexpr std::size_t w = detail::width_of<T>;
    std::array<std::array<B, 2>, kUnroll> acc;  // accumulator u: its sums acc[u][0], compensations acc[u][1]
    for (auto& a : acc) a = {B(T(0)), B(T(0))};
    // the state read into locals and written back whole: with the sum copied alone, GCC kept the
    // sums in registers but also stored them to the stack at every step (in cache 0.92× the rate)
    auto step = [](std::array<B, 2>& sc, const std::array<B, 1>& v) {
        B sum = sc[0], comp = sc[1];
        const B y = v[0] - comp;
        const B t = sum + y;
        comp = (t - sum) - y;
        sum = t;
        sc[1] = comp;
        sc[0] = sum;
    };
    // the unrolled part with aligned loads (simd.hpp), then the full batches left, into accumulator 0
    std::size_t i = detail::aligned_unrolled<T, kUnroll>(std::array<const T*, 1>{x}, begin, end, acc, step);
    for (; i + w <= end; i += w) step(acc[0], detail::load_batches(std::array<const T*, 1>{x}, i));
    Compensated<T> total;
    for (const auto& a : acc) {  // accumulators 0, 1, ..., in order
        alignas(64) T ls[w], lc[w];
        a[0].store_aligned(ls);
        a[1].store_aligned(lc);
        for (std::size_t l = 0; l < w; ++l) {
            total.add(ls[l]);
            total.add(-lc[l]);
        }
    }
    for (; i < end; ++i) total.add(x[i]);  // scalar tail
    return total;
}
//! [fast_sum_kahan]

}  // namespace

template <class T>
T sum_pairwise(const xt::xtensor<T, 1>& x) {
    const std::size_t n = x.size();
    const T* data = x.data();
    if (n == 0) return T(0);
    if (n < parallel_threshold) return pairwise_range(data, n, 0, n);
    auto block = [data, n](std::size_t begin, std::size_t end) { return pairwise_range(data, n, begin, end); };
    const std::vector<T> partial = detail::block_partials(n, block);
    return pairwise_partials(partial, 0, partial.size());
}

template <class T>
T sum_kahan(const xt::xtensor<T, 1>& x) {
    const std::size_t n = x.size();
    const T* data = x.data();
    auto block = [data](std::size_t begin, std::size_t end) { return kahan_lanes(data, begin, end); };
    // blocks of kahan_block elements: the lane fold that ends a block is one long chain of dependent
    // additions, so it must be rare next to the stream (config.hpp)
    const auto combine = [](Compensated<T> acc, const Compensated<T>& part) {
        acc.add(part.s);
        acc.add(-part.c);
        return acc;
    };
    const Compensated<T> total = detail::blocked_reduce<kahan_block>(n, Compensated<T>{}, block, combine);
    const T s = total.s - total.c;
    // an infinite term makes a compensation inf − inf = NaN: return the IEEE sum, as the reference
    if (!std::isfinite(s)) return sum_pairwise(x);
    return s;
}

template float sum_pairwise<float>(const xt::xtensor<float, 1>&);
template double sum_pairwise<double>(const xt::xtensor<double, 1>&);
template float sum_kahan<float>(const xt::xtensor<float, 1>&);
template double sum_kahan<double>(const xt::xtensor<double, 1>&);

}  // namespace dlmath::fast
