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

// sum_{i=0}^{count-1} term(i) over fixed blocks of nodes: one thread below
// quadrature_parallel_threshold, else the blocks of reduction_block nodes in
// parallel, added in block order (blocked_reduce's own threshold is for
// memory-bound streams; an integrand call costs far more than a load, so the
// quadrature rules fork earlier and hand it their own decision).
template <class Term>
double weighted_sum(std::size_t count, Term term) {
    const auto block = [&term](std::size_t begin, std::size_t end) {
        double s = 0.0;
        for (std::size_t i = begin; i < end; ++i) s += term(i);
        return s;
    };
    if (count < quadrature_parallel_threshold) return block(0, count);
    double acc = 0.0;
    for (const double part : detail::block_partials(count, block)) acc += part;
    return acc;
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
    return h / 3.0 * weighted_sum(n + 1, [&](std::size_t i) {
               return dlmath::detail::simpson_weight(i, n) * f(dlmath::detail::quadrature_node(a, b, h, i, n));
           });
}
//! [simpson]

}  // namespace dlmath::fast
