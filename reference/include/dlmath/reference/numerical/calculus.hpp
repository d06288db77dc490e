/// \file
/// \brief Chapter 3, changes of variables and Taylor polynomials: the polar
/// Jacobian and its inverse, the area element |det J| = r shown by an
/// integral over a disc, Taylor polynomials from derivatives, and the first-
/// and second-order approximations of a function of several variables —
/// reference twin only (nothing here is large enough for a fast twin).
#pragma once

#include <cstddef>
#include <functional>

#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// A function of two real variables, \f$ f : \mathbb{R}^2 \to \mathbb{R} \f$.
using PlaneFunction = std::function<double(double, double)>;

/// \ingroup chapter3
/// \brief The forward transform from polar to Cartesian coordinates:
/// \f$ (r, \theta) \mapsto (x, y) = (r\cos\theta, r\sin\theta) \f$.
///
/// Shapes: `polar ~ (2)` holding (r, θ), returns (x, y). Throws `shape_error` unless polar has 2
/// entries, `domain_error` unless both are finite and r ≥ 0.
Vector polar_to_cartesian(const Vector& polar);

/// \ingroup chapter3
/// \brief The backward transform: \f$ (x, y) \mapsto (r, \theta) = (\sqrt{x^2 + y^2},
/// \operatorname{atan2}(y, x)) \f$, θ in \f$ (-\pi, \pi] \f$ (r by `std::hypot`, which never
/// overflows in the squares).
///
/// Throws `shape_error` unless the point has 2 entries, `domain_error` unless both are finite.
Vector cartesian_to_polar(const Vector& cartesian);

/// \ingroup chapter3
/// \brief The Jacobian of the polar map,
/// \f[ J = \frac{\partial(x, y)}{\partial(r, \theta)} =
///     \begin{bmatrix} \cos\theta & -r\sin\theta \\ \sin\theta & r\cos\theta \end{bmatrix},
///     \qquad \det J = r\cos^2\theta + r\sin^2\theta = r. \f]
///
/// Throws `domain_error` unless r ≥ 0 and θ are finite.
Matrix polar_jacobian(double r, double theta);

/// \ingroup chapter3
/// \brief The same Jacobian written in the Cartesian coordinates of the point,
/// \f$ J = \begin{bmatrix} x/r & -y \\ y/r & x \end{bmatrix} \f$ with \f$ r = \sqrt{x^2 + y^2} \f$.
///
/// Throws `domain_error` unless x and y are finite and not both 0 (x/r is undefined at the
/// origin, where θ is).
Matrix polar_jacobian_cartesian(double x, double y);

/// \ingroup chapter3
/// \brief The backward Jacobian \f$ J^{-1} = \partial(r, \theta) / \partial(x, y) \f$:
/// \f[ J^{-1} = \begin{bmatrix} \cos\theta & \sin\theta \\ -\sin\theta / r & \cos\theta / r
///     \end{bmatrix}, \qquad \det J^{-1} = 1/r. \f]
///
/// Throws `domain_error` unless r > 0 (at r = 0 the polar map is not invertible) and θ finite.
Matrix polar_jacobian_inverse(double r, double theta);

/// \ingroup chapter3
/// \brief \f$ \int_0^R \int_0^{2\pi} f(r\cos\theta, r\sin\theta)\; r \, d\theta\, dr \f$: the
/// integral of f over the disc of radius R in polar coordinates, with the area element
/// \f$ |\det J|\,dr\,d\theta = r\,dr\,d\theta \f$, by the midpoint rule on n × n cells.
///
/// Error \f$ O(1/n^2) \f$ for smooth f. Throws `domain_error` when f is empty, R is not finite
/// and > 0, or n = 0.
double integrate_polar(const PlaneFunction& f, double R, std::size_t n);

/// \ingroup chapter3
/// \brief The same integral in Cartesian coordinates: the midpoint rule on n × n cells of the
/// square \f$ [-R, R]^2 \f$, counting the cells whose centre lies in the disc.
///
/// The disc's edge cuts cells, so the error falls only like about \f$ n^{-3/2} \f$: the polar
/// form, whose domain is a rectangle, is the better rule. Throws like integrate_polar.
double integrate_disc_cartesian(const PlaneFunction& f, double R, std::size_t n);

/// \ingroup chapter3
/// \brief The Taylor polynomial of order K of a function given its derivatives at x0,
/// \f[ T_K(x) = \sum_{k=0}^{K} \frac{f^{(k)}(x_0)}{k!} (x - x_0)^k, \f]
/// with `derivatives` = \f$ (f(x_0), f'(x_0), \dots, f^{(K)}(x_0)) \f$ (K + 1 entries).
///
/// Evaluated by Horner's rule on the coefficients \f$ f^{(k)}(x_0)/k! \f$. An empty list gives
/// the empty sum 0. Throws `domain_error` unless every input is finite.
double taylor_polynomial(const Vector& derivatives, double x0, double x);

/// \ingroup chapter3
/// \brief The first-order (tangent plane) approximation
/// \f$ f(x) \approx f(x_0) + \nabla f(x_0)^\top (x - x_0) \f$, from f0 = f(x0) and g = ∇f(x0).
///
/// Error \f$ O(\|x - x_0\|^2) \f$. Throws `shape_error` when g, x0, x differ in length,
/// `domain_error` when an entry is not finite.
double linear_approximation(double f0, const Vector& g, const Vector& x0, const Vector& x);

/// \ingroup chapter3
/// \brief The second-order (quadratic) approximation
/// \f$ f(x) \approx f(x_0) + g^\top \delta + \tfrac12 \delta^\top H \delta \f$,
/// \f$ \delta = x - x_0 \f$, from the gradient g and Hessian H at x0.
///
/// Error \f$ O(\|\delta\|^3) \f$; exact for a quadratic. Throws like linear_approximation, and
/// `shape_error` unless H is n × n.
double quadratic_approximation(double f0, const Vector& g, const Matrix& H, const Vector& x0, const Vector& x);

}  // namespace dlmath::reference
