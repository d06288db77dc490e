// Crafted submission: a scalar prologue up to an aligned address before the
// SIMD loop. Its sums are accurate, but their order, and so their last bits,
// depend on where the vectors lie in memory.
#include "simd_dot.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

#include <xsimd/xsimd.hpp>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double simd_dot_range(const Vector& x, const Vector& y, std::size_t first, std::size_t count) {
    // x ~ (n), y ~ (n); the slices [first, first + count)
    using batch = xsimd::batch<double>;
    constexpr std::size_t W = batch::size;
    static_assert(W == simd_dot_width);
    const std::size_t n = x.size();
    if (y.size() != n) {
        throw shape_error(detail::message("simd_dot_range: lengths differ (x is ", shape_string(x), ", y is ",
                                          shape_string(y), ")"));
    }
    if (first > n || count > n - first) {  // first + count could wrap around
        throw shape_error(detail::message("simd_dot_range: ", count, " entries from index ", first,
                                          " do not fit in vectors of length ", n));
    }
    const double* px = x.data() + first;
    const double* py = y.data() + first;

    // 1. the full batches, into one accumulator; the slice may start
    //    anywhere, so the loads are unaligned
    // the slip: scalar steps until px is aligned to the register width, so
    // that the batch loads are aligned; where the batches start, and so the
    // order of the additions, depends on the address of the data
    double head = 0.0;
    std::size_t h = 0;
    while (h < count && reinterpret_cast<std::uintptr_t>(px + h) % (W * sizeof(double)) != 0) {
        head += px[h] * py[h];
        ++h;
    }
    px += h;
    py += h;
    count -= h;
    batch acc(0.0);
    std::size_t i = 0;
    for (; i + W <= count; i += W) {
        acc = xsimd::fma(batch::load_unaligned(px + i), batch::load_unaligned(py + i), acc);
    }
    // 2. its lanes, from lane 0 to lane W - 1 (not xsimd::reduce_add, whose
    //    order is xsimd's business)
    std::array<double, W> lanes{};
    acc.store_unaligned(lanes.data());
    double s = head + lanes[0];
    for (std::size_t l = 1; l < W; ++l) s += lanes[l];
    // 3. the scalar tail: fewer than W terms, in order
    for (; i < count; ++i) s += px[i] * py[i];
    return s;
}

double simd_dot(const Vector& x, const Vector& y) {
    if (x.size() != y.size()) {
        throw shape_error(detail::message("simd_dot: lengths differ (x is ", shape_string(x), ", y is ",
                                          shape_string(y), ")"));
    }
    return simd_dot_range(x, y, 0, x.size());
}

}  // namespace dlmath::exercises
