// The reproducible blocked reduction shared by the fast kernels (internal).
//
// A reduction over n elements is cut into fixed blocks of `reduction_block`
// elements. Each block is reduced by a (SIMD) kernel to a partial result of
// any type — a sum, a (max, NaN seen) pair, the (max, sum of exp(x − max))
// pair of a one-pass log-sum-exp; the blocks run in parallel (OpenMP,
// schedule(static)) once n reaches `parallel_threshold`, and the partials
// are combined in block order by one thread. Which blocks exist and the
// order they are combined in depend on n only — never on the number of
// threads or on which thread reduced a block — so the result is bitwise the
// same for every thread count. (An OpenMP `reduction` clause would combine
// per-thread partials in an unspecified order.) Below the threshold the
// whole range is one block, reduced by the calling thread.
//
// Bound attacked: memory. Each block streams its operands once; the
// blocks are large enough (see config.hpp) that combining the partials
// costs nothing next to reading them.
#pragma once

#include <cstddef>
#include <type_traits>
#include <vector>

#include "dlmath/fast/config.hpp"
#include "dlmath/fast/threads.hpp"
#include "parallel.hpp"

namespace dlmath::fast::detail {

/// The partial results of the fixed blocks of Len elements (reduction_block
/// unless a kernel names its own constant) of [0, n), in block order,
/// computed in parallel (n ≥ parallel_threshold is the callers' case); a
/// team of one thread runs the same blocks in a plain loop (parallel_for).
template <std::size_t Len = reduction_block, class Block>
auto block_partials(std::size_t n, Block& block) {
    using P = std::invoke_result_t<Block&, std::size_t, std::size_t>;
    const std::size_t nblocks = (n + Len - 1) / Len;
    std::vector<P> partial(nblocks);
    const long long nb = static_cast<long long>(nblocks);
    auto one = [&](long long b) {
        const std::size_t begin = static_cast<std::size_t>(b) * Len;
        const std::size_t end = begin + Len < n ? begin + Len : n;
        partial[static_cast<std::size_t>(b)] = block(begin, end);
    };
    parallel_for(0, nb, true, one);  // a team of one enters no region (parallel.hpp)
    return partial;
}

/// Reduces [0, n) block by block: `block(begin, end)` returns the partial
/// result P of one block, and `combine(acc, part)` folds the partials in
/// block order, starting from `init` (which must be combine's identity,
/// e.g. 0 for a sum); blocks of Len elements, as block_partials.
template <std::size_t Len = reduction_block, class P, class Block, class Combine>
P blocked_reduce(std::size_t n, P init, Block block, Combine combine) {
    if (n < parallel_threshold) return combine(init, block(std::size_t{0}, n));
    P acc = init;
    for (const P& part : block_partials<Len>(n, block)) acc = combine(acc, part);
    return acc;
}

/// The same for a reduction without a convenient identity — a maximum, or
/// the (max, sum) pair of log-sum-exp, whose identity (−inf, 0) would make
/// combine compute exp(−inf − (−inf)) — for n ≥ 1: the first block's
/// partial starts the fold. The caller handles n = 0 (its value, or its
/// error, is the public function's to define).
template <class Block, class Combine>
auto blocked_reduce(std::size_t n, Block block, Combine combine) {
    if (n < parallel_threshold) return block(std::size_t{0}, n);
    const auto partial = block_partials(n, block);
    auto acc = partial[0];
    for (std::size_t b = 1; b < partial.size(); ++b) acc = combine(acc, partial[b]);
    return acc;
}

}  // namespace dlmath::fast::detail
