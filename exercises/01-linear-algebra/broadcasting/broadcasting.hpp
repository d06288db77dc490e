/// \file
/// \brief Exercise (chapter 1): NumPy's broadcasting rule — the shape of the
/// result, the strides that read an operand as that shape, and a sum.
#pragma once

#include <cstddef>
#include <vector>

#include <xtensor/xarray.hpp>

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The shape two operands broadcast to (see \ref exercise_broadcasting):
/// aligned from the right, each pair of extents must be equal or one of them
/// 1 (a missing axis counts as 1), and the result takes the larger,
/// \f[ r_k = \max(a_k, b_k) \quad\text{for } a_k = b_k \text{ or } \min(a_k, b_k) = 1 . \f]
///
/// \param a the shape of one operand, e.g. \f$ (4, 1) \f$
/// \param b the shape of the other, e.g. \f$ (4) \f$
/// \returns the broadcast shape, of rank \f$ \max(|a|, |b|) \f$, e.g. \f$ (4, 4) \f$
/// \throws dlmath::shape_error when an aligned pair of extents differs and
///         neither is 1
std::vector<std::size_t> broadcast_shape(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b);

/// The strides, in elements, that read a row-major array of shape \p shape
/// as an array of shape \p target without copying it (see
/// \ref exercise_broadcasting): entry \f$ (i_0, \ldots, i_{R-1}) \f$ of the
/// broadcast array is element \f$ \sum_k i_k s_k \f$ of the original. An axis
/// the source lacks or has of extent 1 gets stride 0; any other axis its
/// row-major stride.
///
/// \param shape the shape of the source, of rank at most that of \p target
/// \param target the shape to read it as
/// \returns \f$ s \f$, one stride per axis of \p target
/// \throws dlmath::shape_error when \p shape does not broadcast to \p target
std::vector<std::size_t> broadcast_strides(const std::vector<std::size_t>& shape,
                                           const std::vector<std::size_t>& target);

/// The broadcast sum \f$ a + b \f$ (see \ref exercise_broadcasting), read
/// through broadcast_strides: entry \f$ i \f$ of the result is
/// \f$ a_{\sum_k i_k s^a_k} + b_{\sum_k i_k s^b_k} \f$.
///
/// \param a an array of any rank, row-major
/// \param b an array of any rank, row-major
/// \returns an array of shape broadcast_shape(a.shape(), b.shape())
/// \throws dlmath::shape_error when the shapes do not broadcast
xt::xarray<double> broadcast_add(const xt::xarray<double>& a, const xt::xarray<double>& b);

}  // namespace dlmath::exercises
