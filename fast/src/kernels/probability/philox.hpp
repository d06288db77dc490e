// Counter-based random draws, W at a time (internal): the Philox4x32-10
// block of dlmath/random.hpp on W counters at once, and the uniform and
// standard normal draws made from it.
//
// Each lane of a batch<uint64_t> (as many lanes as batch<double>) holds one
// 32-bit word of one stream position in its low half, so the 32x32 -> 64-bit
// products of a Philox round are plain 64-bit lane multiplications, and
// their high and low words a shift and a mask. The lanes are independent:
// lane l of philox(c) is dlmath::philox4x32(c_l, key), bit for bit, and the
// uniform draws built from it equal dlmath::uniform_at exactly (the 53 bits
// become a double without rounding). The normal draws use xsimd's log and
// cos instead of the C library's, so they differ from dlmath::normal_at by
// a few ulps (see fast::sample for the bound).
//
// Bound attacked: compute. A draw costs 20 lane multiplications and some 60
// shifts, masks and xors, plus a log and a cosine for a normal draw; nothing
// is read from memory, 8 bytes are written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <numbers>

#include <xsimd/xsimd.hpp>

#include "../simd.hpp"

// GCC 12 warns, wrongly, that the AVX-512 shifts and roundings inlined here
// read an uninitialised value (the intrinsics start from a deliberately
// undefined register, every lane of which is overwritten); see simd.hpp.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace dlmath::fast::detail {

/// 64-bit unsigned lanes, as many as the double batch has.
using ubatch = xsimd::batch<std::uint64_t>;
static_assert(ubatch::size == W, "the counter lanes must match the double lanes");

/// The four 32-bit words of W Philox blocks, one block per lane.
struct PhiloxWords {
    ubatch w0, w1, w2, w3;
};

/// The counters first, first + 1, ..., first + W − 1.
inline ubatch counters_from(std::uint64_t first) {
    alignas(ubatch::arch_type::alignment()) std::uint64_t lanes[W];
    for (std::size_t l = 0; l < W; ++l) lanes[l] = first + l;
    return ubatch::load_aligned(lanes);
}

/// Philox4x32-10 of each lane's counter with the key `key`: the same ten
/// rounds as dlmath::philox4x32, on W blocks at once.
inline PhiloxWords philox4x32(const ubatch& counter, std::uint64_t key) {
    const ubatch low32(0xFFFFFFFFu), M0(0xD2511F53u), M1(0xCD9E8D57u);
    constexpr std::uint32_t W0 = 0x9E3779B9u, W1 = 0xBB67AE85u;  // Weyl key increments
    ubatch c0 = counter & low32, c1 = counter >> 32, c2(std::uint64_t{0}), c3(std::uint64_t{0});
    auto k0 = static_cast<std::uint32_t>(key), k1 = static_cast<std::uint32_t>(key >> 32);
    for (int round = 0; round < 10; ++round) {
        const ubatch p0 = M0 * c0, p1 = M1 * c2;  // 32 x 32 -> 64-bit products
        const ubatch hi0 = p0 >> 32, lo0 = p0 & low32, hi1 = p1 >> 32, lo1 = p1 & low32;
        c0 = hi1 ^ c1 ^ ubatch(std::uint64_t{k0});
        c1 = lo1;
        c2 = hi0 ^ c3 ^ ubatch(std::uint64_t{k1});
        c3 = lo0;
        k0 += W0;
        k1 += W1;
    }
    return {c0, c1, c2, c3};
}

/// (m + 1/2) 2^-53 for the top 53 bits m of the 64-bit word (hi, lo): a
/// uniform in (0, 1), exactly as dlmath::uniform_at makes it (m < 2^53 is
/// converted without rounding).
inline batch open_unit(const ubatch& hi, const ubatch& lo) {
    const ubatch m = ((hi << 32) | lo) >> 11;
    const batch as_double = xsimd::batch_cast<double>(xsimd::bitwise_cast<xsimd::batch<std::int64_t>>(m));
    return (as_double + batch(0.5)) * batch(0x1p-53);
}

/// Uniform draws number first, ..., first + W − 1 of the stream `seed`:
/// lane l equals dlmath::uniform_at(seed, first + l) bit for bit.
inline batch uniform_batch(std::uint64_t seed, std::uint64_t first) {
    const PhiloxWords b = philox4x32(counters_from(first), seed);
    return open_unit(b.w0, b.w1);
}

/// Standard normal draws number first, ..., first + W − 1 by Box–Muller,
/// \sqrt{-2 \ln u_1} \cos(2\pi u_2), with xsimd's log and cos.
inline batch normal_batch(std::uint64_t seed, std::uint64_t first) {
    const PhiloxWords b = philox4x32(counters_from(first), seed);
    const batch u1 = open_unit(b.w0, b.w1), u2 = open_unit(b.w2, b.w3);
    return xsimd::sqrt(batch(-2.0) * xsimd::log(u1)) * xsimd::cos(batch(2.0 * std::numbers::pi) * u2);
}

}  // namespace dlmath::fast::detail

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
