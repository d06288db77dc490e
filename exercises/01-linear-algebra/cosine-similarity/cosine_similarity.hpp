/// \file
/// \brief Exercise (chapter 1): the cosine similarity of two vectors.
#pragma once

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The cosine of the angle between \p x and \p y (see \ref exercise_cosine_similarity):
/// \f[ \cos\theta(x, y) = \frac{x^\top y}{\lVert x \rVert_2 \, \lVert y \rVert_2} \f]
///
/// Every pair of non-zero vectors of doubles has a cosine, however large or
/// small their entries: \f$ x = (10^{200}, 10^{200}) \f$ and
/// \f$ x = (10^{-170}, 10^{-170}) \f$ are ordinary vectors, although their
/// squared entries are not ordinary doubles.
///
/// \param x a vector \f$ x \sim (n) \f$
/// \param y a vector \f$ y \sim (n) \f$
/// \returns a number in \f$ [-1, 1] \f$
/// \throws dlmath::shape_error when the lengths of \p x and \p y differ
/// \throws dlmath::domain_error when \p x or \p y is the zero vector
double cosine_similarity(const Vector& x, const Vector& y);

}  // namespace dlmath::exercises
