// The pairwise sum of a range of whole leaves (internal), for the fast
// sum_pairwise (numerical/summation.cpp): the tree of one block.
//
// The halving of a range of 2^j full leaves is a perfect binary tree, so it is computed without
// recursion: the leaves' sums, then level by level, (s0 + s1) + (s2 + s3) and so on, the same
// additions in the same order. A leaf: two accumulators, element p of the leaf into lane p mod W
// of accumulator (p / W) mod 2, in increasing p; their sum; its lanes added (lanes_sum).
//
// Its registers are read at aligned addresses where the array allows it: std::allocator aligns
// a large array to 16 bytes, so a 64-byte load from there straddles two cache lines. With off
// elements before the range in its first register (the same for every leaf: a leaf is a whole
// number of registers' bytes), a leaf's registers 0, ..., L/W are loaded from off elements before
// it, register k into accumulator k mod 2; register 0 keeps its lanes from off on, register L/W
// those below off, the other lanes hold −0 (x + −0 = x, exactly, −0 included). Element p then
// lies in lane (p + off) mod 2W of the pair of accumulators, the same elements in the same order
// as in lane p mod 2W without the shift. So lane l of their sum holds lanes l − off and l − off + W
// (mod 2W) of the pair: lane l − off (mod W) of the unshifted sum, its two terms added in the
// other order, which IEEE addition does not see. Turned back by off lanes, the sum has the bits
// of the unshifted one: the result does not depend on the array's address.
//
// Measured with one thread in L2 (81920 elements), and with 10^8 elements on two threads against
// fast::norm(x, 1), which streams the same bytes:
//  - without a call per leaf (the general leaf's call, alignment and tail checks), the in-cache
//    rate is 1.8–2× what it was;
//  - aligned loads: at 10^8, 0.83 of norm1's rate against 0.70 unaligned;
//  - two accumulators, not four: as fast in cache (a leaf is 16 loads; two chains of additions
//    keep up with them), and at 10^8 0.83 of norm1 against 0.65 with four, where GCC issued the
//    leaf's 16 loads out of address order (+0x40, +0x140, +0x400, +0x80, ...); that the hardware
//    prefetcher follows an ordered stream better is the likely cause, not a proven one.
// A leaf's terms meet in another order than the general leaf's; the bound counts L − 1 additions
// in any order.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "dlmath/fast/config.hpp"
#include "dlmath/fast/numerical/summation.hpp"
#include "../simd.hpp"

namespace dlmath::fast::detail {

/// The most leaves of a tree: a whole block of the blocked reduction.
inline constexpr std::size_t pairwise_tree_leaves = reduction_block / pairwise_leaf;

/// The pairwise sum of x[begin, begin + leaves·L), L = pairwise_leaf, for `leaves` a power of two
/// up to pairwise_tree_leaves; x has n elements (the registers it reads stay inside them).
template <class T>
T pairwise_tree(const T* x, std::size_t n, std::size_t begin, std::size_t leaves) {
    using B = batch_of<T>;
    constexpr std::size_t w = width_of<T>, regs = pairwise_leaf / w;
    static_assert(regs % 2 == 0, "a leaf is whole pairs of registers");
    const std::size_t end = begin + leaves * pairwise_leaf;
    const auto address = reinterpret_cast<std::uintptr_t>(x + begin);
    const std::size_t off = address % sizeof(T) == 0 ? address % sizeof(B) / sizeof(T) : 0;
    const bool shifted = off != 0 && off <= begin && end - off + w <= n;  // the registers lie inside x
    alignas(64) T lane_index[w];
    for (std::size_t l = 0; l < w; ++l) lane_index[l] = static_cast<T>(l);
    const auto head = B::load_aligned(lane_index) >= B(static_cast<T>(shifted ? off : 0));
    std::array<T, pairwise_tree_leaves> s;
    for (std::size_t j = 0; j < leaves; ++j) {
        const T* leaf = x + begin + j * pairwise_leaf;
        B a0, a1;
        if (!shifted) {
            a0 = B::load_unaligned(leaf);
            a1 = B::load_unaligned(leaf + w);
            for (std::size_t k = 2; k < regs; k += 2) {
                a0 += B::load_unaligned(leaf + k * w);
                a1 += B::load_unaligned(leaf + (k + 1) * w);
            }
            s[j] = lanes_sum(a0 + a1);
        } else {
            const T* p = leaf - off;
            a0 = xsimd::select(head, B::load_aligned(p), B(T(-0.0)));
            a1 = B::load_aligned(p + w);
            for (std::size_t k = 2; k < regs; k += 2) {
                a0 += B::load_aligned(p + k * w);
                a1 += B::load_aligned(p + (k + 1) * w);
            }
            a0 += xsimd::select(head, B(T(-0.0)), B::load_aligned(p + regs * w));
            s[j] = lanes_sum(rotate_lanes(a0 + a1, off));
        }
    }
    for (std::size_t width = leaves; width > 1; width /= 2)
        for (std::size_t i = 0; i < width / 2; ++i) s[i] = s[2 * i] + s[2 * i + 1];
    return s[0];
}

}  // namespace dlmath::fast::detail
