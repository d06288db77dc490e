/// \file
/// \brief Chapter 3, derivatives by finite differences — fast twin: the
/// gradient shared among threads by coordinates, the Jacobian by columns.
#pragma once

#include "dlmath/fast/config.hpp"
#include "dlmath/reference/numerical/derivatives.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::fast {

using reference::Objective;
using reference::VectorFunction;

/// \ingroup chapter3
/// \copydoc dlmath::reference::gradient(const Objective&, const Vector&)
///
/// \par Fast twin
/// Bound attacked: the evaluations of f (2n of them, nothing else costs). The first coordinate
/// is computed alone and timed; the others are shared among threads (`schedule(static)`) when
/// at that cost they come to `fd_parallel_work` (100 µs) or more, from `fd_parallel_min`
/// coordinates on. Each thread moves coordinates of its own copy of x. Every coordinate is computed exactly as the
/// reference computes it, so the result is bitwise the reference's for every thread count.
/// **f is called from several threads at once**: it must be safe to call concurrently (no
/// shared mutable state, no counters without atomics). An exception thrown by f is caught in
/// its thread and the one of the lowest coordinate is rethrown after the loop.
/// \sa dlmath::reference::gradient
Vector gradient(const Objective& f, const Vector& x);
/// \ingroup chapter3
/// \copydoc dlmath::reference::gradient(const Objective&, const Vector&, double)
///
/// \par Fast twin
/// As gradient(const Objective&, const Vector&): threads over coordinates, f called concurrently.
Vector gradient(const Objective& f, const Vector& x, double h);

/// \ingroup chapter3
/// \copydoc dlmath::reference::jacobian(const VectorFunction&, const Vector&)
///
/// \par Fast twin
/// The columns are shared among threads as the gradient's coordinates are (the first one timed,
/// the rest shared from `fd_parallel_work` of work on); each column is
/// the reference's, bit for bit. **F is called from several threads at once** and must be safe
/// to call concurrently. A change of F's output length is reported for the lowest coordinate,
/// as in the reference.
/// \sa dlmath::reference::jacobian
Matrix jacobian(const VectorFunction& F, const Vector& x);
/// \ingroup chapter3
/// \copydoc dlmath::reference::jacobian(const VectorFunction&, const Vector&, double)
///
/// \par Fast twin
/// As jacobian(const VectorFunction&, const Vector&): threads over columns.
Matrix jacobian(const VectorFunction& F, const Vector& x, double h);

}  // namespace dlmath::fast
