// Chapter 3, integration — fast twin.
//
// Rules of this file: OpenMP, same signatures and checks as the reference
// twin. Bound attacked: compute — a rule is n calls of the integrand and
// reads nothing from memory; the only lever is to spread the calls over
// the cores. (No SIMD: the integrand is an opaque scalar function.) The
// sums go through the fixed blocks of kernels/reduce.hpp, so every result
// is bitwise the same for any thread count.

#include "dlmath/fast/numerical/integration.hpp"

#include <cstddef>

#include "dlmath/detail/checks/numerical.hpp"
#include "dlmath/detail/quadrature.hpp"
#include "../kernels/reduce.hpp"

namespace dlmath::fast {
namespace {

// The sum of block(begin, end) over the fixed blocks of [0, count): one
// thread below quadrature_parallel_threshold, else the blocks of
// reduction_block nodes in parallel, added in block order (blocked_reduce's
// own threshold is for memory-bound streams; an integrand call costs far
// more than a load, so the quadrature rules fork earlier and hand it their
// own decision).
template <class Block>
double blocked_sum(std::size_t count, Block block) {
    if (count < quadrature_parallel_threshold) return block(0, count);
    double acc = 0.0;
    for (const double part : detail::block_partials(count, block)) acc += part;
    return acc;
}

// sum_{i=0}^{count-1} term(i), through blocked_sum.
template <class Term>
double weighted_sum(std::size_t count, Term term) {
    return blocked_sum(count, [&term](std::size_t begin, std::size_t end) {
        double s = 0.0;
        for (std::size_t i = begin; i < end; ++i) s += term(i);
        return s;
    });
}

}  // namespace

//! [riemann_left]
double riemann_left(const std::function<double(double)>& f, double a, double b, std::size_t n) {
    dlmath::detail::check_quadrature(dlmath::detail::fn::riemann_left, a, b, n);
    const double h = (b - a) / static_cast<double>(n);
    return h * weighted_sum(n, [&](std::size_t i) { return f(dlmath::detail::quadrature_node(a, b, h, i, n)); });
}
//! [riemann_left]

double riemann_midpoint(const std::function<double(double)>& f, double a, double b, std::size_t n) {
    dlmath::detail::check_quadrature(dlmath::detail::fn::riemann_midpoint, a, b, n);
    const double h = (b - a) / static_cast<double>(n);
    return h * weighted_sum(n, [&](std::size_t i) { return f(dlmath::detail::quadrature_midpoint(a, h, i)); });
}

double trapezoid(const std::function<double(double)>& f, double a, double b, std::size_t n) {
    dlmath::detail::check_quadrature(dlmath::detail::fn::trapezoid, a, b, n);
    const double h = (b - a) / static_cast<double>(n);
    return h * weighted_sum(n + 1, [&](std::size_t i) {
               return dlmath::detail::trapezoid_weight(i, n) * f(dlmath::detail::quadrature_node(a, b, h, i, n));
           });
}

//! [simpson]
double simpson(const std::function<double(double)>& f, double a, double b, std::size_t n) {
    dlmath::detail::check_simpson(a, b, n);
    const double h = (b - a) / static_cast<double>(n);
    // h/3 (f(x_0) + 4 (f(x_1) + f(x_3) + ...) + 2 (f(x_2) + f(x_4) + ...) + f(x_n)): the
    // interior nodes 1 .. n-1 in blocks, the odd and the even ones into two sums. The sum
    // lives in memory across each call of f; two sums are two independent chains, and the
    // weights 4 and 2 (exact powers of two) are applied once per block, not once per node.
    const auto node = [a, h](std::size_t i) { return a + static_cast<double>(i) * h; };
    const auto interior = [&f, &node](std::size_t begin, std::size_t end) {  // nodes 1 + [begin, end)
        double odd = 0.0, even = 0.0;  // begin is even (a multiple of the block), so node 1 + begin is odd
        std::size_t i = 1 + begin;
        for (; i + 1 < 1 + end; i += 2) {
            odd += f(node(i));
            even += f(node(i + 1));
        }
        if (i < 1 + end) odd += f(node(i));
        return 4.0 * odd + 2.0 * even;
    };
    return h / 3.0 * (f(a) + blocked_sum(n - 1, interior) + f(b));
}
//! [simpson]

}  // namespace dlmath::fast
