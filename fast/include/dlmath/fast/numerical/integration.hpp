/// \file
/// \brief Chapter 3, integration — fast twin: the composite rules with their
/// panels spread over threads.
#pragma once

#include <cstddef>
#include <functional>

#include "dlmath/fast/config.hpp"

namespace dlmath::fast {

/// \ingroup chapter3
/// \copydoc dlmath::reference::riemann_left
///
/// \par Fast twin
/// Bound attacked: compute (the integrand's evaluations; nothing is read from memory). The
/// nodes are the reference's, bitwise (dlmath/detail/quadrature.hpp); from
/// `quadrature_parallel_threshold` panels on, fixed blocks of `reduction_block` nodes are
/// summed by the threads and the block sums added in block order: the same result for every
/// thread count, within \f$ 2\gamma_{n+1} |h| \sum_i |f(x_i)| \f$ of the reference (only the
/// order of the additions differs). Above the threshold f is called from several threads at
/// once (in every fast rule): it must not write to shared state.
/// \sa dlmath::reference::riemann_left
double riemann_left(const std::function<double(double)>& f, double a, double b, std::size_t n);

/// \ingroup chapter3
/// \copydoc dlmath::reference::riemann_midpoint
///
/// \par Fast twin
/// As fast::riemann_left: the reference's midpoints, fixed blocks over threads, block sums in
/// block order. \sa dlmath::reference::riemann_midpoint
double riemann_midpoint(const std::function<double(double)>& f, double a, double b, std::size_t n);

/// \ingroup chapter3
/// \copydoc dlmath::reference::trapezoid
///
/// \par Fast twin
/// As fast::riemann_left, on the n + 1 weighted nodes. \sa dlmath::reference::trapezoid
double trapezoid(const std::function<double(double)>& f, double a, double b, std::size_t n);

/// \ingroup chapter3
/// \copydoc dlmath::reference::simpson
///
/// \par Fast twin
/// As fast::riemann_left, on the n + 1 nodes with Simpson's weights 1, 4, 2, …, 4, 1; the
/// same checks, so an odd n gets the reference's error. \sa dlmath::reference::simpson
double simpson(const std::function<double(double)>& f, double a, double b, std::size_t n);

}  // namespace dlmath::fast
