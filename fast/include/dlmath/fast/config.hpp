/// \file
/// \brief Tuning constants shared by the fast kernels.
#pragma once

#include <cstddef>

namespace dlmath::fast {

/// Vectors shorter than this are reduced by one thread: below it the cost of
/// waking the OpenMP team (a few microseconds) exceeds the work.
inline constexpr std::size_t parallel_threshold = std::size_t{1} << 16;

/// Length of the fixed blocks a reduction is split into (16384 doubles,
/// 128 KiB per operand: two operands fit a typical L2 cache).
inline constexpr std::size_t reduction_block = std::size_t{1} << 14;

}  // namespace dlmath::fast
