/// \file
/// \brief Chapter 3, integration — reference twin: the left and midpoint Riemann
/// sums and the composite trapezoid and Simpson rules on n equal panels.
///
/// Conventions (as `scipy.integrate`): the rules take the integrand and the limits, so
/// b < a gives the negative of the integral over [b, a] (h = (b − a)/n is negative) and
/// a = b gives 0. NaN or infinite values of f propagate (IEEE). SciPy's `trapezoid` and
/// `simpson` take sampled values instead; on the samples \f$ f(x_0), \ldots, f(x_n) \f$
/// of the nodes below they compute the same sums.
#pragma once

#include <cstddef>
#include <functional>

namespace dlmath::reference {

/// \ingroup chapter3
/// \brief The left Riemann sum with n panels.
///
/// \f[ L_n = h \sum_{i=0}^{n-1} f(x_i), \qquad x_i = a + i h, \quad h = \frac{b - a}{n} \f]
///
/// Error: \f$ \frac{b - a}{2} h f'(\xi) \f$, first order in h.
/// \throws dlmath::domain_error if a or b is NaN/inf or n is 0.
/// Accuracy (rounding): \f$ \gamma_{n+1} |h| \sum_i |f(x_i)| \f$ plus the error of f.
/// Complexity: n evaluations of f. \sa dlmath::fast::riemann_left
double riemann_left(const std::function<double(double)>& f, double a, double b, std::size_t n);

/// \ingroup chapter3
/// \brief The midpoint rule with n panels.
///
/// \f[ M_n = h \sum_{i=0}^{n-1} f\big(a + (i + \tfrac12) h\big) \f]
///
/// Error: \f$ \frac{b - a}{24} h^2 f''(\xi) \f$, second order; exact for polynomials of degree ≤ 1.
/// \throws dlmath::domain_error if a or b is NaN/inf or n is 0.
/// Complexity: n evaluations of f. \sa dlmath::fast::riemann_midpoint
double riemann_midpoint(const std::function<double(double)>& f, double a, double b, std::size_t n);

/// \ingroup chapter3
/// \brief The composite trapezoid rule with n panels (SciPy: `trapezoid(f(x), x)` on the
/// n + 1 nodes).
///
/// \f[ T_n = h \Big( \tfrac12 f(x_0) + \sum_{i=1}^{n-1} f(x_i) + \tfrac12 f(x_n) \Big) \f]
///
/// Error: \f$ -\frac{b - a}{12} h^2 f''(\xi) \f$, second order; exact for polynomials of degree ≤ 1.
/// \throws dlmath::domain_error if a or b is NaN/inf or n is 0.
/// Complexity: n + 1 evaluations of f. \sa dlmath::fast::trapezoid
double trapezoid(const std::function<double(double)>& f, double a, double b, std::size_t n);

/// \ingroup chapter3
/// \brief The composite Simpson rule with n panels, n even (SciPy: `simpson(f(x), x)` on
/// the n + 1 nodes, n even).
///
/// \f[ S_n = \frac{h}{3} \Big( f(x_0) + 4 \sum_{i \text{ odd}} f(x_i)
///         + 2 \sum_{0 < i < n,\ i \text{ even}} f(x_i) + f(x_n) \Big) \f]
///
/// One parabola through each pair of panels. Error:
/// \f$ -\frac{b - a}{180} h^4 f^{(4)}(\xi) \f$, fourth order; exact for cubics.
/// \throws dlmath::domain_error if a or b is NaN/inf, or n is 0 or odd (the message names n;
/// SciPy patches an odd count with a special last panel, this rule refuses it).
/// Complexity: n + 1 evaluations of f. \sa dlmath::fast::simpson
double simpson(const std::function<double(double)>& f, double a, double b, std::size_t n);

}  // namespace dlmath::reference
