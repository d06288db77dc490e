// RapidCheck generators for the course's tensors.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include <rapidcheck.h>

#include "dlmath/fast/config.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::testing {

/// A small vector with shrinkable entries in [-range, range] (integers
/// divided by 8, so that shrinking reaches readable values).
inline rc::Gen<Vector> small_vector(int max_len = 40, int range = 1000) {
    return rc::gen::map(
        rc::gen::container<std::vector<int>>(rc::gen::inRange(-8 * range, 8 * range + 1)),
        [max_len](const std::vector<int>& v) {
            const std::size_t n = std::min<std::size_t>(v.size(), static_cast<std::size_t>(max_len));
            Vector x = Vector::from_shape({n});
            for (std::size_t i = 0; i < n; ++i) x(i) = v[i] / 8.0;
            return x;
        });
}

/// Lengths that exercise every path of a fast kernel: 0, 1, primes, sizes
/// that are not multiples of the SIMD width, one block, and sizes around
/// and above the threading threshold.
inline rc::Gen<std::size_t> kernel_length() {
    constexpr std::size_t t = fast::parallel_threshold, b = fast::reduction_block;
    return rc::gen::elementOf(std::vector<std::size_t>{0, 1, 2, 3, 5, 7, 8, 13, 31, 64, 97, 1021, b - 1, b, b + 1,
                                                         t - 1, t, t + 3, 3 * t + 17, 5 * b + 11});
}

/// A vector of the given length with standard-normal entries from `seed`
/// (filled by std::mt19937_64: fast for long vectors; the seed shrinks).
inline Vector normal_vector(std::size_t n, std::uint64_t seed, double scale = 1.0) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> d(0.0, scale);
    Vector x = Vector::from_shape({n});
    for (auto& v : x) v = d(rng);
    return x;
}

}  // namespace dlmath::testing
