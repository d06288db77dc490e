/// \file
/// \brief Exercise (chapter 3): the central-difference gradient and a gradient check.
#pragma once

#include <cmath>
#include <cstddef>

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// The function whose gradient is asked, given by its parameters (see
/// \ref exercise_central_difference_gradient):
/// \f[ f(x) = \sum_{i=0}^{n-1} e^{a_i x_i} + b_i \sin(x_i)\, x_{(i+1) \bmod n} , \f]
/// with a and b of x's length. Evaluate it with evaluate(f, x).
struct Objective {
    Vector a;  ///< the rates of the exponentials, \f$ a \sim (n) \f$
    Vector b;  ///< the weights of the coupling terms, \f$ b \sim (n) \f$
};

/// \f$ f(x) \f$ for the parameters in \p f (given; call it, do not change it).
inline double evaluate(const Objective& f, const Vector& x) {
    const std::size_t n = x.size();
    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i) s += std::exp(f.a(i) * x(i)) + f.b(i) * std::sin(x(i)) * x((i + 1) % n);
    return s;
}

/// The gradient of f at x by central differences, one coordinate at a time:
/// \f[ g_j = \frac{f(x + h_j e_j) - f(x - h_j e_j)}{2 h_j} , \f]
/// with \f$ h_j = h \f$ when \p h > 0, and \f$ h_j = \sqrt[3]{\varepsilon}\,\max(1, |x_j|) \f$
/// (\f$ \varepsilon = 2^{-52} \f$) when \p h = 0.
///
/// \returns \f$ g \sim (n) \f$ (empty for an empty x)
/// \throws dlmath::shape_error when f.a or f.b does not have x's length
/// \throws dlmath::domain_error when an entry of x is not finite, or h is negative, NaN or infinite
Vector central_difference_gradient(const Objective& f, const Vector& x, double h);

/// Gradient checking: the relative error of an analytic gradient \p g of f at x against the
/// central-difference gradient \f$ g_{fd} \f$ (central_difference_gradient with h = 0),
/// \f[ \frac{\|g - g_{fd}\|_2}{\max(\|g\|_2, \|g_{fd}\|_2, \text{tiny})} , \f]
/// tiny the smallest normal double (so two zero gradients give 0).
///
/// \throws dlmath::shape_error when g, f.a or f.b does not have x's length
/// \throws dlmath::domain_error when an entry of x is not finite
double gradient_check(const Objective& f, const Vector& g, const Vector& x);

}  // namespace dlmath::exercises
