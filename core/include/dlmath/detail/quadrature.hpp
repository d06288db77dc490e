/// \file
/// \brief The nodes and weights of the composite quadrature rules, shared by
/// both twins so that they evaluate the integrand at bitwise the same points:
/// the twins then differ only in the order in which they add the terms.
#pragma once

#include <cstddef>

namespace dlmath::detail {

//! [quadrature_nodes]
/// The node \f$ x_i = a + i h \f$, \f$ h = (b - a)/n \f$, of a rule with n panels; the last
/// node is b itself (a + n h may round to a neighbour of b).
inline double quadrature_node(double a, double b, double h, std::size_t i, std::size_t n) {
    return i == n ? b : a + static_cast<double>(i) * h;
}

/// The midpoint \f$ a + (i + \tfrac12) h \f$ of panel i.
inline double quadrature_midpoint(double a, double h, std::size_t i) {
    return a + (static_cast<double>(i) + 0.5) * h;
}

/// The weight of node i of the composite trapezoid rule (before the factor h):
/// \f$ \tfrac12 \f$ at both ends, 1 inside.
inline double trapezoid_weight(std::size_t i, std::size_t n) { return (i == 0 || i == n) ? 0.5 : 1.0; }

/// The weight of node i of the composite Simpson rule (before the factor h/3):
/// 1 at both ends, 4 at the odd nodes, 2 at the even interior ones.
inline double simpson_weight(std::size_t i, std::size_t n) {
    if (i == 0 || i == n) return 1.0;
    return i % 2 == 1 ? 4.0 : 2.0;
}
//! [quadrature_nodes]

}  // namespace dlmath::detail
