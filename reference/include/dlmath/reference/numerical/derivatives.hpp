/// \file
/// \brief Chapter 3, derivatives by finite differences: forward and central
/// differences with a step chosen from machine epsilon, gradient,
/// directional derivative, Jacobian, Hessian, Jacobian-vector and
/// vector-Jacobian products, a gradient check, and the Jacobian of a linear
/// layer with respect to its weights — reference twin.
#pragma once

#include <cstddef>
#include <functional>

#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// A function of one real variable, \f$ f : \mathbb{R} \to \mathbb{R} \f$.
using ScalarFunction = std::function<double(double)>;
/// A function of n variables, \f$ f : \mathbb{R}^n \to \mathbb{R} \f$ (a loss).
using Objective = std::function<double(const Vector&)>;
/// A vector-valued function, \f$ F : \mathbb{R}^n \to \mathbb{R}^m \f$ (a layer).
using VectorFunction = std::function<Vector(const Vector&)>;

/// \ingroup chapter3
/// \brief The step of a forward difference at x: \f$ h = \sqrt{\varepsilon}\,\max(1, |x|) \f$.
///
/// The forward difference errs by \f$ \tfrac{h}{2}|f''| \f$ (truncation) plus about
/// \f$ 2\varepsilon|f|/h \f$ (the rounding of f at two points, divided by h); the sum is
/// smallest at \f$ h \approx \sqrt{\varepsilon} \f$ for f, f'' of order 1, where the error is
/// about \f$ \sqrt{\varepsilon} \approx 1.5 \cdot 10^{-8} \f$. The factor \f$ \max(1, |x|) \f$
/// keeps \f$ x + h \f$ distinct from x for large |x|. \f$ \varepsilon = 2^{-52} \f$.
double forward_step(double x);

/// \ingroup chapter3
/// \brief The step of a central difference at x: \f$ h = \sqrt[3]{\varepsilon}\,\max(1, |x|) \f$.
///
/// The central difference errs by \f$ \tfrac{h^2}{6}|f'''| \f$ plus about \f$ \varepsilon|f|/h \f$;
/// the sum is smallest at \f$ h \approx \sqrt[3]{\varepsilon} \approx 6 \cdot 10^{-6} \f$,
/// where the error is about \f$ \varepsilon^{2/3} \approx 4 \cdot 10^{-11} \f$.
double central_step(double x);

/// \ingroup chapter3
/// \brief The forward difference \f[ f'(x) \approx \frac{f(x + h) - f(x)}{h} \f]
/// with the step h of forward_step(x); error \f$ O(h) \f$.
///
/// The step divided by is \f$ (x + h) - x \f$, the step actually taken after x + h is rounded.
/// Throws `domain_error` when f is empty or x is not finite. The values of f are used as they
/// come: a NaN from f gives NaN.
/// \sa central_difference, forward_step
double forward_difference(const ScalarFunction& f, double x);
/// \ingroup chapter3
/// \brief The forward difference with a user step h (finite, > 0, else `domain_error`).
double forward_difference(const ScalarFunction& f, double x, double h);

/// \ingroup chapter3
/// \brief The central difference \f[ f'(x) \approx \frac{f(x + h) - f(x - h)}{2h} \f]
/// with the step h of central_step(x); error \f$ O(h^2) \f$ — the odd terms of the two
/// Taylor expansions cancel.
///
/// Throws `domain_error` when f is empty or x is not finite.
/// \sa forward_difference, central_step
double central_difference(const ScalarFunction& f, double x);
/// \ingroup chapter3
/// \brief The central difference with a user step h (finite, > 0, else `domain_error`).
double central_difference(const ScalarFunction& f, double x, double h);

/// \ingroup chapter3
/// \brief The gradient by central differences, one coordinate at a time:
/// \f[ \frac{\partial f}{\partial x_j} \approx \frac{f(x + h_j e_j) - f(x - h_j e_j)}{2 h_j},
///     \qquad h_j = \sqrt[3]{\varepsilon}\,\max(1, |x_j|). \f]
///
/// Shapes: `x ~ (n)`, returns `(n)`; 2n evaluations of f. Throws `domain_error` when f is empty
/// or x has a non-finite entry. Accuracy: about \f$ \varepsilon^{2/3} \f$ relative for smooth f
/// with derivatives of order 1.
/// \sa dlmath::fast::gradient, gradient_check
Vector gradient(const Objective& f, const Vector& x);
/// \ingroup chapter3
/// \brief The gradient by central differences with one user step h for every coordinate.
/// \sa dlmath::fast::gradient
Vector gradient(const Objective& f, const Vector& x, double h);

/// \ingroup chapter3
/// \brief The directional derivative \f$ D_v f(x) = \langle \nabla f(x), v \rangle \f$ by one
/// central difference along v:
/// \f[ D_v f(x) \approx \frac{f(x + t v) - f(x - t v)}{2t},
///     \qquad t = \sqrt[3]{\varepsilon}\,\max(1, \|x\|_\infty) / \|v\|_\infty. \f]
///
/// Two evaluations instead of 2n. v is not normalised (D_v is linear in v); v = 0 gives 0.
/// Throws `shape_error` when x and v differ in length, `domain_error` when f is empty or an
/// entry is not finite.
double directional_derivative(const Objective& f, const Vector& x, const Vector& v);

/// \ingroup chapter3
/// \brief The Jacobian \f$ J_{ij} = \partial F_i / \partial x_j \f$ by central differences,
/// one column per coordinate.
///
/// Shapes: `x ~ (n)`, F(x) ~ (m), returns `(m, n)`; 2n + 1 evaluations of F. Throws
/// `domain_error` when F is empty or x is not finite, `shape_error` when F returns different
/// lengths at different points.
/// \sa dlmath::fast::jacobian
Matrix jacobian(const VectorFunction& F, const Vector& x);
/// \ingroup chapter3
/// \brief The Jacobian by central differences with one user step h.
/// \sa dlmath::fast::jacobian
Matrix jacobian(const VectorFunction& F, const Vector& x, double h);

/// \ingroup chapter3
/// \brief The Hessian \f$ H_{ij} = \partial^2 f / \partial x_i \partial x_j \f$ by central
/// differences of central differences:
/// \f[ H_{ij} \approx \frac{f(x{+}h_ie_i{+}h_je_j) - f(x{+}h_ie_i{-}h_je_j)
///        - f(x{-}h_ie_i{+}h_je_j) + f(x{-}h_ie_i{-}h_je_j)}{4 h_i h_j},
///     \qquad h_i = \varepsilon^{1/4} \max(1, |x_i|). \f]
///
/// Truncation \f$ O(h^2) \f$, rounding about \f$ \varepsilon |f| / h^2 \f$: the step
/// \f$ \varepsilon^{1/4} \f$ balances them at about \f$ \sqrt{\varepsilon} \approx 10^{-8} \f$.
/// The formula is symmetric in i and j, so the result is exactly symmetric.
/// Shapes: `x ~ (n)`, returns `(n, n)`; 2n(n + 1) evaluations. Throws like gradient.
Matrix hessian(const Objective& f, const Vector& x);
/// \ingroup chapter3
/// \brief The Hessian with one user step h.
Matrix hessian(const Objective& f, const Vector& x, double h);

/// \ingroup chapter3
/// \brief The Jacobian-vector product \f$ J(x)\,v \f$ without forming J: one central
/// difference of F along v (the step t of directional_derivative), two evaluations of F.
///
/// This is what forward-mode automatic differentiation computes exactly. Shapes: `x, v ~ (n)`,
/// returns `(m)`. Throws like directional_derivative, and `shape_error` when F's two values
/// differ in length.
Vector jvp(const VectorFunction& F, const Vector& x, const Vector& v);

/// \ingroup chapter3
/// \brief The vector-Jacobian product \f$ w^\top J(x) \f$: the gradient of
/// \f$ x \mapsto \langle w, F(x) \rangle \f$, by central differences column by column.
///
/// This is what backpropagation (reverse mode) computes exactly, in one pass; by differences it
/// costs 2n evaluations. Shapes: `x ~ (n)`, F(x), `w ~ (m)`, returns `(n)`. Throws
/// `shape_error` when w's length is not F(x)'s.
Vector vjp(const VectorFunction& F, const Vector& x, const Vector& w);

/// \ingroup chapter3
/// \brief Gradient checking: the relative error of an analytic gradient against central
/// differences,
/// \f[ \frac{\|g - g_{fd}\|_2}{\max(\|g\|_2, \|g_{fd}\|_2, \text{tiny})},
///     \qquad g = \text{grad}(x),\; g_{fd} = \text{gradient}(f, x). \f]
///
/// A correct gradient of a smooth function gives about \f$ 10^{-10} \f$ or less; a wrong one
/// (a sign, a factor 2, a missing term) gives \f$ 10^{-2} \f$ to 1. `tiny` is the smallest
/// normal double, so two zero gradients give 0, not NaN. Throws `domain_error` when f or grad is
/// empty or x not finite, `shape_error` when grad(x) has the wrong length.
double gradient_check(const Objective& f, const VectorFunction& grad, const Vector& x);

/// \ingroup chapter3
/// \brief The Jacobian of a linear layer \f$ y = Wx \f$ (W of shape (o, d)) with respect to its
/// weights: \f[ \frac{\partial y_i}{\partial W_{kj}} = \delta_{ik}\, x_j, \f]
/// a tensor T of shape (o, o, d) with \f$ T(i, k, j) = \delta_{ik} x_j \f$ — shape (o, od) once W
/// is flattened row by row. (With respect to x the Jacobian is W itself.)
///
/// Throws `domain_error` when x has a non-finite entry.
Tensor3 linear_weight_jacobian(std::size_t o, const Vector& x);

}  // namespace dlmath::reference
