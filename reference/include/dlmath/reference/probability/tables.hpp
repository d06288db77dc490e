/// \file
/// \brief Chapter 2, joint, marginal and conditional probability — discrete
/// tables (reference only: the tables are small, and every function is a
/// few sums over them).
///
/// Conventions. A joint table of two variables is a matrix
/// \f$ P_{ij} = P(x = i, y = j) \f$; of three, a rank-3 tensor
/// \f$ P_{ijk} = P(a = i, b = j, c = k) \f$. A conditional table holds one
/// distribution per row, the condition indexing the rows:
/// \f$ C_{ij} = P(y = j \mid x = i) \f$, so every row sums to 1. Tables are
/// validated: entries finite and \f$ \ge 0 \f$, joint tables summing to 1
/// and conditional tables' rows summing to 1 within table_tolerance.
#pragma once

#include <cstddef>

#include "dlmath/detail/checks/probability.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter2
/// \brief How far a table's entries (or a row of a conditional table) may sum
/// from 1: \f$ \sqrt{\varepsilon} = 2^{-26} \approx 1.5 \cdot 10^{-8} \f$, the
/// tolerance of NumPy's `random.choice`. It is also the default tolerance of
/// the independence checks.
inline constexpr double table_tolerance = detail::table_tolerance;

/// \ingroup chapter2
/// \brief The marginal distribution of one of two variables: sum out the other.
///
/// \f[ P(x = i) = \sum_j P(x = i, y = j) \quad (\text{axis } 0), \qquad
///     P(y = j) = \sum_i P(x = i, y = j) \quad (\text{axis } 1) \f]
///
/// Shapes: `P ~ (k_x, k_y)`; returns `(k_x)` for axis 0, `(k_y)` for axis 1
/// (NumPy: `P.sum(axis=1)` and `P.sum(axis=0)`: the axis named here is the one *kept*).
/// \throws dlmath::shape_error if `axis > 1`.
/// \throws dlmath::domain_error if an entry is negative, infinite or NaN, or the
/// entries do not sum to 1 within table_tolerance (the message gives the sum).
/// Accuracy: each entry a sum of k terms, within \f$ \gamma_{k} \f$ relative.
/// \sa sum_out, conditional
Vector marginal(const Matrix& P, std::size_t axis);

/// \ingroup chapter2
/// \brief The marginal distribution of one of three variables: sum out the other two.
///
/// \f[ P(a = i) = \sum_{j,k} P(a = i, b = j, c = k) \f] and likewise for b (axis 1) and c (axis 2).
///
/// Shapes: `P ~ (k_a, k_b, k_c)`; returns the length of the kept axis.
/// \throws dlmath::shape_error if `axis > 2`.
/// \throws dlmath::domain_error for an invalid joint table (as marginal of two variables).
/// \sa sum_out
Vector marginal(const Tensor3& P, std::size_t axis);

/// \ingroup chapter2
/// \brief The joint table of two of three variables: sum out the variable on `axis`.
///
/// \f[ P(a, c) = \sum_j P(a, b = j, c) \quad (\text{axis } 1) \f]
///
/// Shapes: `P ~ (k_a, k_b, k_c)`; returns the two remaining axes in their order,
/// e.g. `(k_a, k_c)` for axis 1.
/// \throws dlmath::shape_error if `axis > 2`.
/// \throws dlmath::domain_error for an invalid joint table.
Matrix sum_out(const Tensor3& P, std::size_t axis);

/// \ingroup chapter2
/// \brief The conditional table \f$ P(y \mid x) \f$ of a joint table.
///
/// \f[ P(y = j \mid x = i) = \frac{P(x = i, y = j)}{P(x = i)}, \qquad P(x = i) = \sum_j P(x = i, y = j) \f]
///
/// Shapes: `P ~ (k_x, k_y)`; returns `(k_x, k_y)`, one distribution per row.
/// To condition on y instead, pass the transpose.
/// \throws dlmath::domain_error for an invalid joint table, and when some
/// \f$ P(x = i) = 0 \f$: the conditional given an impossible event is undefined
/// (the message names i).
/// Accuracy: each entry within \f$ \gamma_{k_y + 1} \f$ relative.
Matrix conditional(const Matrix& P);

/// \ingroup chapter2
/// \brief Bayes' rule: the posterior \f$ P(x \mid y) \f$ from a prior \f$ P(x) \f$
/// and a likelihood \f$ P(y \mid x) \f$.
///
/// \f[ P(x = i \mid y = j) = \frac{P(x = i)\, P(y = j \mid x = i)}{P(y = j)}, \qquad
///     P(y = j) = \sum_i P(x = i)\, P(y = j \mid x = i) \f]
///
/// Shapes: `prior ~ (k_x)`, `likelihood ~ (k_x, k_y)` (row i is \f$ P(y \mid x = i) \f$);
/// returns `(k_y, k_x)`, row j the posterior \f$ P(x \mid y = j) \f$.
/// \throws dlmath::shape_error if the likelihood has not one row per value of x.
/// \throws dlmath::domain_error for an invalid prior or likelihood, and when an
/// observation has evidence \f$ P(y = j) = 0 \f$ (the message names j).
/// Accuracy: each entry within \f$ \gamma_{k_x + 2} \f$ relative.
Matrix bayes_rule(const Vector& prior, const Matrix& likelihood);

/// \ingroup chapter2
/// \brief The chain rule for two variables: \f$ P(x, y) = P(x)\, P(y \mid x) \f$.
///
/// Shapes: `p_x ~ (k_x)`, `p_y_given_x ~ (k_x, k_y)`; returns `(k_x, k_y)`.
/// \throws dlmath::shape_error if the shapes do not chain.
/// \throws dlmath::domain_error for an invalid distribution or conditional table.
/// Accuracy: one product per entry, within u relative.
Matrix joint(const Vector& p_x, const Matrix& p_y_given_x);

/// \ingroup chapter2
/// \brief The directed factorisation of the chain \f$ a \to b \to c \f$:
///
/// \f[ p(a, b, c) = p(a)\, p(b \mid a)\, p(c \mid b) \f]
///
/// The chain rule of probability writes any joint as \f$ p(a)\,p(b \mid a)\,p(c \mid a, b) \f$;
/// this graph says that c depends on a only through b, so \f$ p(c \mid a, b) = p(c \mid b) \f$
/// and \f$ a \perp c \mid b \f$ holds for the result.
///
/// Shapes: `p_a ~ (k_a)`, `p_b_given_a ~ (k_a, k_b)`, `p_c_given_b ~ (k_b, k_c)`;
/// returns `(k_a, k_b, k_c)`.
/// \throws dlmath::shape_error if the shapes do not chain.
/// \throws dlmath::domain_error for an invalid distribution or conditional table.
/// Accuracy: two products per entry, within \f$ \gamma_2 \f$ relative (exact for binary fractions
/// with few digits, as in the worked example).
Tensor3 joint(const Vector& p_a, const Matrix& p_b_given_a, const Matrix& p_c_given_b);

/// \ingroup chapter2
/// \brief Whether x and y are independent: \f$ P(x, y) = P(x)\,P(y) \f$ for every entry.
///
/// Returns \f$ \max_{ij} |P(x = i, y = j) - P(x = i)\,P(y = j)| \le \mathrm{tol} \f$.
/// The default tolerance, table_tolerance, is far above the rounding of the marginals
/// (\f$ \gamma_k \f$) and far below any dependence worth the name.
/// \throws dlmath::domain_error for an invalid joint table or a tolerance that is negative,
/// infinite or NaN.
bool independent(const Matrix& P, double tol = table_tolerance);

/// \ingroup chapter2
/// \brief Whether the two other variables are independent given the variable on axis `given`.
///
/// For `given = 1` (b): \f$ a \perp c \mid b \f$ when, for every b with \f$ P(b) > 0 \f$,
/// \f[ \max_{i,k} \big| P(a = i, c = k \mid b) - P(a = i \mid b)\, P(c = k \mid b) \big| \le \mathrm{tol} \f]
/// (values of b with probability 0 condition nothing and are skipped).
///
/// Shapes: `P ~ (k_a, k_b, k_c)`.
/// \throws dlmath::shape_error if `given > 2`.
/// \throws dlmath::domain_error for an invalid joint table or tolerance.
bool conditionally_independent(const Tensor3& P, std::size_t given, double tol = table_tolerance);

/// \ingroup chapter2
/// \brief The partition function of the undirected chain \f$ a - b - c \f$ with
/// clique factors \f$ \phi_1(a, b) \f$ and \f$ \phi_2(b, c) \f$:
///
/// \f[ Z = \sum_{i,j,k} \phi_1(a = i, b = j)\, \phi_2(b = j, c = k) \f]
///
/// Shapes: `phi_ab ~ (k_a, k_b)`, `phi_bc ~ (k_b, k_c)`. The factors need not be
/// distributions: any non-negative weights.
/// \throws dlmath::shape_error if the factors do not share b.
/// \throws dlmath::domain_error if a factor entry is negative, infinite or NaN, or
/// Z is 0 or overflows.
double partition_function(const Matrix& phi_ab, const Matrix& phi_bc);

/// \ingroup chapter2
/// \brief The undirected model of the chain \f$ a - b - c \f$, normalised:
///
/// \f[ p(a, b, c) = \frac{1}{Z}\, \phi_1(a, b)\, \phi_2(b, c) \f]
///
/// Shapes and errors as partition_function; returns `(k_a, k_b, k_c)`, summing to 1
/// within \f$ \gamma_{n+2} \f$ for n entries. As in the directed chain,
/// \f$ a \perp c \mid b \f$: b separates a from c in the graph.
Tensor3 undirected_joint(const Matrix& phi_ab, const Matrix& phi_bc);

}  // namespace dlmath::reference
