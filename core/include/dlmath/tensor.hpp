/// \file
/// \brief The three tensor types of the course and small shape helpers.
///
/// Every chapter speaks of scalars (`double`), vectors, matrices and rank-3
/// tensors. In code they are xtensor containers of fixed rank, so a shape
/// mistake is a compile error where it can be and a `dlmath::shape_error`
/// where it cannot.
#pragma once

#include <cstddef>
#include <sstream>
#include <string>

#include <xtensor/xtensor.hpp>

/// \namespace dlmath
/// \brief The course library: the tensor types, errors and facts shared by both twins.

/// \namespace dlmath::reference
/// \brief The reference twin: plain loops under the formula, one idea per function.

/// \namespace dlmath::fast
/// \brief The fast twin: the same functions with OpenMP and xsimd, each saying which bound it attacks.

namespace dlmath {

/// A vector \f$ x \sim (n) \f$: rank-1 tensor of doubles.
using Vector = xt::xtensor<double, 1>;
/// A matrix \f$ A \sim (m, n) \f$: rank-2 tensor of doubles, row-major.
using Matrix = xt::xtensor<double, 2>;
/// A rank-3 tensor \f$ X \sim (a, b, c) \f$, e.g. a batch of matrices.
using Tensor3 = xt::xtensor<double, 3>;

/// Formats a shape the way the error messages and the notes write it:
/// `"3"` for a vector, `"2x3"` for a matrix, `"4x2x3"` for a rank-3 tensor.
template <class E>
std::string shape_string(const E& e) {
    std::ostringstream os;
    const auto& s = e.shape();
    for (std::size_t k = 0; k < s.size(); ++k) {
        if (k) os << 'x';
        os << s[k];
    }
    return os.str();
}

}  // namespace dlmath
