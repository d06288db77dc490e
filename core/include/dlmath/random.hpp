/// \file
/// \brief Seeded, reproducible random numbers from a counter-based generator.
///
/// A counter-based generator turns a (counter, key) pair into random bits
/// with a fixed bijective mixing function, instead of stepping a hidden
/// state. Draw number \f$ i \f$ of the stream with seed \f$ s \f$ is therefore
/// a pure function of \f$ (s, i) \f$: any thread can compute any block of a
/// sample without seeing the draws before it, and the sample is bitwise the
/// same for every thread count. The mixing function is Philox4x32-10
/// (Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as easy as
/// 1, 2, 3", SC 2011): ten rounds of two 32x32 -> 64-bit multiplications,
/// with the key bumped by Weyl constants between rounds.
///
/// Every draw consumes one counter value (one 128-bit Philox block): a
/// uniform uses its first 53 bits, a standard normal its first two 32-bit
/// words pairs (Box–Muller, the cosine branch).
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>

namespace dlmath {

/// \brief The Philox4x32-10 block for a 64-bit counter and a 64-bit key:
/// four 32-bit words, a bijective function of the counter for each key.
inline std::array<std::uint32_t, 4> philox4x32(std::uint64_t counter, std::uint64_t key) {
    constexpr std::uint64_t M0 = 0xD2511F53u, M1 = 0xCD9E8D57u;  // round multipliers
    constexpr std::uint32_t W0 = 0x9E3779B9u, W1 = 0xBB67AE85u;  // Weyl key increments
    std::uint32_t c0 = static_cast<std::uint32_t>(counter), c1 = static_cast<std::uint32_t>(counter >> 32);
    std::uint32_t c2 = 0, c3 = 0;  // the high half of the 128-bit counter is unused
    std::uint32_t k0 = static_cast<std::uint32_t>(key), k1 = static_cast<std::uint32_t>(key >> 32);
    for (int round = 0; round < 10; ++round) {
        const std::uint64_t p0 = M0 * c0, p1 = M1 * c2;
        const auto hi0 = static_cast<std::uint32_t>(p0 >> 32), lo0 = static_cast<std::uint32_t>(p0);
        const auto hi1 = static_cast<std::uint32_t>(p1 >> 32), lo1 = static_cast<std::uint32_t>(p1);
        c0 = hi1 ^ c1 ^ k0;
        c1 = lo1;
        c2 = hi0 ^ c3 ^ k1;
        c3 = lo0;
        k0 += W0;
        k1 += W1;
    }
    return {c0, c1, c2, c3};
}

/// \brief Uniform draw number `index` of the stream `seed`, in the open
/// interval (0, 1): \f$ (m + \tfrac12)\,2^{-53} \f$ with \f$ m \f$ the top 53
/// bits of the block's first two words, so that \f$ \log u \f$ is always finite.
inline double uniform_at(std::uint64_t seed, std::uint64_t index) {
    const auto b = philox4x32(index, seed);
    const std::uint64_t bits = (static_cast<std::uint64_t>(b[0]) << 32) | b[1];
    return (static_cast<double>(bits >> 11) + 0.5) * 0x1p-53;
}

/// \brief Standard normal draw number `index` of the stream `seed` by
/// Box–Muller: \f$ z = \sqrt{-2\ln u_1}\,\cos(2\pi u_2) \f$ with \f$ u_1 \f$
/// from the block's first two words and \f$ u_2 \f$ from its last two.
inline double normal_at(std::uint64_t seed, std::uint64_t index) {
    const auto b = philox4x32(index, seed);
    const std::uint64_t bits1 = (static_cast<std::uint64_t>(b[0]) << 32) | b[1];
    const std::uint64_t bits2 = (static_cast<std::uint64_t>(b[2]) << 32) | b[3];
    const double u1 = (static_cast<double>(bits1 >> 11) + 0.5) * 0x1p-53;
    const double u2 = (static_cast<double>(bits2 >> 11) + 0.5) * 0x1p-53;
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

/// \brief A seeded stream of draws: a seed and the next counter value.
///
/// `Rng rng(42);` then `dist.sample(rng, n)` takes the next n counter values;
/// the same seed gives the same sample on every machine and thread count.
class Rng {
public:
    /// A stream with seed `seed`, positioned at its first draw.
    explicit Rng(std::uint64_t seed) : seed_(seed) {}
    /// The stream's seed (the Philox key).
    std::uint64_t seed() const { return seed_; }
    /// The counter value of the next draw (how many draws were taken so far).
    std::uint64_t position() const { return next_; }
    /// Reserves the next `n` draws and returns the first counter value of them.
    std::uint64_t take(std::uint64_t n) {
        const std::uint64_t first = next_;
        next_ += n;
        return first;
    }
    /// The next uniform draw in (0, 1).
    double uniform() { return uniform_at(seed_, take(1)); }
    /// The next standard normal draw.
    double normal() { return normal_at(seed_, take(1)); }

private:
    std::uint64_t seed_;
    std::uint64_t next_ = 0;
};

}  // namespace dlmath
