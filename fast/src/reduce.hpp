// Blocked, reproducible parallel reductions shared by the fast kernels.
//
// A reduction over n elements is cut into fixed blocks of
// `reduction_block` elements. Each block is reduced by a SIMD kernel; the
// blocks run in parallel (OpenMP, schedule(static)) once n reaches
// `parallel_threshold`; the per-block results are combined in index order.
// The result therefore depends on n only — not on the number of threads.
#pragma once

#include <cstddef>
#include <vector>

#include "dlmath/fast/config.hpp"

namespace dlmath::fast::detail {

/// Reduces [0, n) with `block(begin, end)` per block and `combine(acc, part)`
/// in block order. `T` is the partial result type.
template <class T, class Block, class Combine>
T blocked_reduce(std::size_t n, T init, Block block, Combine combine) {
    if (n < parallel_threshold) return combine(init, block(std::size_t{0}, n));

    const std::size_t nblocks = (n + reduction_block - 1) / reduction_block;
    std::vector<T> partial(nblocks);
    const long long nb = static_cast<long long>(nblocks);
#pragma omp parallel for schedule(static)
    for (long long b = 0; b < nb; ++b) {
        const std::size_t begin = static_cast<std::size_t>(b) * reduction_block;
        const std::size_t end = begin + reduction_block < n ? begin + reduction_block : n;
        partial[static_cast<std::size_t>(b)] = block(begin, end);
    }
    T acc = init;
    for (const T& part : partial) acc = combine(acc, part);
    return acc;
}

}  // namespace dlmath::fast::detail
