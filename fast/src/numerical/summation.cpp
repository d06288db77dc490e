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

// The halving of a range of 2^j full leaves is a perfect binary tree, so it is computed without
// recursion: the leaves' sums, then level by level, (s0 + s1) + (s2 + s3) and so on, the same
// additions in the same order. Measured with one thread in L2 (81920 elements), and with 10^8
// elements on two threads against fast::norm(x, 1), which streams the same bytes:
//  - without a call per leaf (the general leaf's call, alignment and tail checks), the in-cache
//    rate is 1.8–2× what it was; at 10^8 it stays at 0.7 of norm1's;
//  - two accumulators, not four: as fast in cache (a leaf is 16 loads; two chains of additions
//    keep up with them). In a variant with aligned loads, 10^8 ran at 0.83 of norm1 with two and
//    0.65 with four, where GCC issued the leaf's 16 loads out of address order (+0x40, +0x140,
//    +0x400, +0x80, ...); that the hardware prefetcher follows an ordered stream better is the
//    likely cause, not a proven one.
// The loads are unaligned: that variant's aligned loads (the first and last register masked) put
// a leaf's terms in lanes that depend on the array's address, and so did its bits. A leaf's terms
// meet in another order than the general leaf's; the bound counts L − 1 additions in any order.
constexpr std::size_t kTreeLeaves = reduction_block / pairwise_leaf;  // a whole block of the blocked reduction
constexpr std::size_t kTreeUnroll = 2;  // accumulators of a full leaf (see above)

template <class T>
T tree_sum(const T* x, std::size_t begin, std::size_t leaves) {
    using B = detail::batch_of<T>;
    constexpr std::size_t w = detail::width_of<T>, regs = pairwise_leaf / w;
    static_assert(pairwise_leaf % (kTreeUnroll * w) == 0, "a leaf is whole unrolled steps");
    std::array<T, kTreeLeaves> s;
    for (std::size_t j = 0; j < leaves; ++j) {
        const T* leaf = x + begin + j * pairwise_leaf;
        std::array<B, kTreeUnroll> acc;
        for (std::size_t u = 0; u < kTreeUnroll; ++u) acc[u] = B::load_unaligned(leaf + u * w);
        for (std::size_t k = kTreeUnroll; k < regs; k += kTreeUnroll)
            for (std::size_t u = 0; u < kTreeUnroll; ++u) acc[u] += B::load_unaligned(leaf + (k + u) * w);
        s[j] = detail::lanes_sum(detail::pairwise_sum<0, kTreeUnroll>(acc));
    }
    for (std::size_t width = leaves; width > 1; width /= 2)
        for (std::size_t i = 0; i < width / 2; ++i) s[i] = s[2 * i] + s[2 * i + 1];
    return s[0];
}

// The halving of the reference, down to leaves of pairwise_leaf elements.
template <class T>
T pairwise_range(const T* x, std::size_t begin, std::size_t end) {
    const std::size_t len = end - begin, leaves = len / pairwise_leaf;
    if (len < pairwise_leaf) return leaf_sum(x, begin, end);
    if (len % pairwise_leaf == 0 && (leaves & (leaves - 1)) == 0 && leaves <= kTreeLeaves)
        return tree_sum(x, begin, leaves);
    const std::size_t mid = begin + len / 2;
    return pairwise_range(x, begin, mid) + pairwise_range(x, mid, end);
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
// The SIMD part of a Kahan block: every lane of 4 accumulators runs Kahan's recurrence, batch
// i + u·W of each unrolled step into accumulator u, the full batches left into accumulator 0.
template <class T>
struct KahanLanes {
    std::array<detail::batch_of<T>, kUnroll> s, c;  // sums and compensations
    std::size_t tail;                               // where the scalar tail starts
};

// The loop runs on copies of the states, written back once after it: GCC then keeps them in
// registers. Updated in place through arrays whose address escapes (the shared aligned loop's
// state arrays, the result, a store from the array after the loop), it also stored every running
// sum to the stack at every step.
template <class T>
[[gnu::noinline]] KahanLanes<T> kahan_lanes(const T* x, std::size_t begin, std::size_t end) {
    using B = detail::batch_of<T>;
    constexpr std::size_t w = detail::width_of<T>;
    KahanLanes<T> out;
    out.s.fill(B(T(0)));
    out.c.fill(B(T(0)));
    auto step = [](B& sum, B& comp, const B& v) {
        const B y = v - comp;
        const B t = sum + y;
        comp = (t - sum) - y;
        sum = t;
    };
    auto s = out.s, c = out.c;  // the loop's copies
    std::size_t i = begin;
    for (; i + kUnroll * w <= end; i += kUnroll * w)
        for (std::size_t u = 0; u < kUnroll; ++u) step(s[u], c[u], B::load_unaligned(x + i + u * w));
    for (; i + w <= end; i += w) step(s[0], c[0], B::load_unaligned(x + i));
    out.s = s;
    out.c = c;
    out.tail = i;
    return out;
}

// A Kahan block: the lanes' sums and negated compensations folded into one scalar compensated
// sum in lane order, then the scalar tail.
template <class T>
Compensated<T> kahan_block(const T* x, std::size_t begin, std::size_t end) {
    constexpr std::size_t w = detail::width_of<T>;
    const KahanLanes<T> lanes = kahan_lanes(x, begin, end);
    Compensated<T> total;
    for (std::size_t u = 0; u < kUnroll; ++u) {  // accumulators 0, 1, ..., in order
        alignas(64) T ls[w], lc[w];
        lanes.s[u].store_aligned(ls);
        lanes.c[u].store_aligned(lc);
        for (std::size_t l = 0; l < w; ++l) {
            total.add(ls[l]);
            total.add(-lc[l]);
        }
    }
    for (std::size_t i = lanes.tail; i < end; ++i) total.add(x[i]);  // scalar tail
    return total;
}
//! [fast_sum_kahan]

}  // namespace

template <class T>
T sum_pairwise(const xt::xtensor<T, 1>& x) {
    const std::size_t n = x.size();
    const T* data = x.data();
    if (n == 0) return T(0);
    if (n < parallel_threshold) return pairwise_range(data, 0, n);
    auto block = [data](std::size_t begin, std::size_t end) { return pairwise_range(data, begin, end); };
    const std::vector<T> partial = detail::block_partials(n, block);
    return pairwise_partials(partial, 0, partial.size());
}

template <class T>
T sum_kahan(const xt::xtensor<T, 1>& x) {
    const std::size_t n = x.size();
    const T* data = x.data();
    auto block = [data](std::size_t begin, std::size_t end) { return kahan_block(data, begin, end); };
    const Compensated<T> total = detail::blocked_reduce(n, Compensated<T>{}, block,
                                                        [](Compensated<T> acc, const Compensated<T>& part) {
                                                            acc.add(part.s);
                                                            acc.add(-part.c);
                                                            return acc;
                                                        });
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
