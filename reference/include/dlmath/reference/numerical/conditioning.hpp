/// \file
/// \brief Chapter 3, conditioning — reference twin: Hilbert matrices, the
/// perturbation experiment \f$ \|\delta x\|/\|x\| \le \kappa \|\delta b\|/\|b\| \f$
/// and the growth of \f$ \kappa(H_n) \f$. Reference only: the work is one LU and
/// one SVD of a small matrix (chapter 1's solve and cond).
#pragma once

#include <cstddef>

#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter3
/// \brief The Hilbert matrix of order n (SciPy: `scipy.linalg.hilbert(n)`).
///
/// \f[ (H_n)_{ij} = \frac{1}{i + j + 1}, \qquad i, j = 0, \ldots, n - 1 \f]
///
/// Symmetric positive definite, and the classic ill-conditioned matrix:
/// \f$ \kappa_2(H_n) \f$ grows like \f$ e^{3.5 n} \f$ (the literature's asymptotic rate is
/// \f$ 4 \ln(1 + \sqrt 2) \approx 3.5255 \f$ per order, Todd 1954), so chapter 1's cond is
/// meaningful up to \f$ n \approx 11 \f$ in double; beyond, \f$ \kappa u > 1 \f$.
/// Shapes: returns `(n, n)`; the Hilbert matrix of order 0 is 0×0 (as SciPy).
/// Accuracy: each entry is the correctly rounded \f$ 1/(i + j + 1) \f$ (one division of
/// exact integers). Complexity: \f$ n^2 \f$ divisions.
Matrix hilbert(std::size_t n);

/// \ingroup chapter3
/// \brief The outcome of one perturbation experiment (solve_perturbation).
struct Perturbation {
    double kappa;              ///< \f$ \kappa_2(A) \f$, chapter 1's cond
    double relative_change_b;  ///< \f$ \|\delta b\|_2 / \|b\|_2 \f$
    double relative_change_x;  ///< \f$ \|\delta x\|_2 / \|x\|_2 \f$, \f$ \delta x = \hat x(b + \delta b) - \hat x(b) \f$
    double bound;              ///< \f$ \kappa_2(A)\, \|\delta b\|_2 / \|b\|_2 \f$, the bound on relative_change_x
};

/// \ingroup chapter3
/// \brief The perturbation experiment: how much the solution of \f$ Ax = b \f$ moves when
/// b moves.
///
/// \f[ A x = b, \quad A (x + \delta x) = b + \delta b
///     \quad\Longrightarrow\quad
///     \frac{\|\delta x\|}{\|x\|} \le \kappa(A) \frac{\|\delta b\|}{\|b\|} \f]
///
/// (\f$ \delta x = A^{-1}\delta b \f$, so \f$ \|\delta x\| \le \|A^{-1}\|\|\delta b\| \f$, and
/// \f$ \|b\| \le \|A\|\|x\| \f$.) Both systems are solved with chapter 1's solve, so the
/// measured change also carries the solve's own rounding, about \f$ \kappa u \f$ of
/// \f$ \|x\| \f$ per solve; the bound holds for the computed values once
/// \f$ \|\delta b\|/\|b\| \gg u \f$.
/// Shapes: `A ~ (n, n)`, `b ~ (n)`, `db ~ (n)`.
/// \throws dlmath::shape_error if A is not square or b, db have another length.
/// \throws dlmath::domain_error if an entry is NaN/inf, b is zero, or A is singular (from solve).
/// Complexity: two LU solves and one SVD, \f$ O(n^3) \f$.
Perturbation solve_perturbation(const Matrix& A, const Vector& b, const Vector& db);

}  // namespace dlmath::reference
