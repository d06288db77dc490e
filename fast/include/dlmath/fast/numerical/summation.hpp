/// \file
/// \brief Section 3.3, summation — fast twin: the pairwise and the
/// compensated sum with SIMD lanes and threads, in a fixed combination order
/// (bitwise the same result for every thread count), each with its own
/// error bound. The naive sum has no fast twin: its lesson is its order,
/// and a vectorised or threaded sum is no longer that order.
#pragma once

#include <cstddef>

#include <xtensor/xtensor.hpp>

namespace dlmath::fast {

/// Length of the leaves of the fast pairwise sum (128 elements, a multiple
/// of every SIMD width): a leaf is summed by SIMD lanes, the leaves pairwise.
inline constexpr std::size_t pairwise_leaf = 128;

/// \ingroup chapter3
/// \copydoc dlmath::reference::sum_pairwise
///
/// \par Fast twin
/// The same halving down to leaves of `pairwise_leaf` elements; a leaf is
/// summed by SIMD accumulators (4 registers of W lanes; 2 for a full leaf
/// inside a range of 2^j full leaves, whose tree is then added without
/// recursion), added pairwise and across lanes, its scalar tail last. From `parallel_threshold` elements the
/// vector is cut into the fixed blocks of the blocked reduction, each
/// summed so by one thread, and the block sums are added pairwise. The
/// order depends on n only. A term goes through at most L − 1 additions
/// inside its leaf (L = pairwise_leaf, in whatever order) and at most
/// \f$ \lceil \log_2 n \rceil \f$ above it:
/// \f[ |\hat s - s| \le \gamma_{L - 1 + \lceil \log_2 n \rceil} \sum_i |x_i|. \f]
/// Bound attacked: memory (one load per addition, intensity 1/8 flop per
/// byte in double).
template <class T>
T sum_pairwise(const xt::xtensor<T, 1>& x);

/// \ingroup chapter3
/// \copydoc dlmath::reference::sum_kahan
///
/// \par Fast twin
/// Kahan's recurrence runs in each of 4·W SIMD lanes over its share of a
/// block; then one scalar compensated sum folds, in a fixed order, every
/// lane's sum and the negated compensation, block after block (blocks of
/// `kahan_block` elements, in parallel from `parallel_threshold` elements).
/// Two compensated sums in sequence give twice the reference bound:
/// \f[ |\hat s - s| \le \bigl(4u + O(n u^2)\bigr) \sum_i |x_i|. \f]
/// Bound attacked: memory (4 flops per 8 bytes in double: still far below
/// the machine's balance).
template <class T>
T sum_kahan(const xt::xtensor<T, 1>& x);

}  // namespace dlmath::fast
