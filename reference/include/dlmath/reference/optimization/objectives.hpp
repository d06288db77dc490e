/// \file
/// \brief Chapter 4, section 4.1: objectives and test problems — the
/// quadratic and its condition number, Rosenbrock, Beale, Booth, Himmelblau,
/// the exercise function on [0,10]² (also batched), least squares, logistic
/// regression and ridge — each a dlmath::Objective with its value, its
/// gradient, its Hessian and, where it has one, its batched form; reference
/// twin.
///
/// Every factory checks its data once, when the objective is built; the
/// returned functions check only the length of their argument (a point of
/// the wrong length throws `shape_error` naming the objective).
#pragma once

#include <array>
#include <cstddef>

#include "dlmath/optimization.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter4
/// \brief The quadratic \f$ f(x) = \tfrac12 x^\top A x - b^\top x \f$,
/// \f$ \nabla f(x) = A x - b \f$, \f$ \nabla^2 f = A \f$.
///
/// A must be symmetric positive definite: then f is strictly convex and its unique minimiser
/// solves \f$ A x^* = b \f$ (quadratic_minimizer), with minimum \f$ -\tfrac12 b^\top x^* \f$.
/// Shapes: `A ~ (n, n)`, `b ~ (n)`, n >= 1. No batched form.
/// \throws dlmath::shape_error if A is not square or b's length is not n.
/// \throws dlmath::domain_error if an entry is not finite, A is not symmetric, or A is not
/// positive definite (its smallest eigenvalue, by eigh, is <= 0).
dlmath::Objective quadratic(const Matrix& A, const Vector& b);

/// \ingroup chapter4
/// \brief The minimiser of quadratic(A, b): the solution of \f$ A x = b \f$ (chapter 1's
/// solve). Throws as quadratic.
Vector quadratic_minimizer(const Matrix& A, const Vector& b);

/// \ingroup chapter4
/// \brief The condition number \f$ \kappa_2(A) = \lambda_{\max} / \lambda_{\min} \f$ of a
/// quadratic's Hessian (chapter 1's cond): the ratio of the longest to the shortest axis of its
/// level sets, squared, and what slows gradient descent down. Throws as quadratic.
double quadratic_condition(const Matrix& A);

/// \ingroup chapter4
/// \brief An ill-conditioned 2×2 Hessian: \f$ A = R(\theta)\,\operatorname{diag}(1, \kappa)\,
/// R(\theta)^\top \f$, the rotation \f$ R(\theta) \f$ turning the axes off the coordinate axes.
///
/// Eigenvalues 1 and κ, so cond(A) = κ. The family of later sections' zig-zag and
/// iteration-count experiments. \throws dlmath::domain_error unless κ >= 1 and θ are finite.
Matrix ill_conditioned_hessian(double kappa, double theta = 0.5235987755982988);

/// \ingroup chapter4
/// \brief Rosenbrock's function in n >= 2 variables (SciPy `rosen`, `rosen_der`, `rosen_hess`):
/// \f[ f(x) = \sum_{i=0}^{n-2} 100\,(x_{i+1} - x_i^2)^2 + (1 - x_i)^2. \f]
///
/// Its minimiser is \f$ (1, \ldots, 1) \f$ with f = 0, at the bottom of a long curved
/// valley. The Hessian is tridiagonal. Batched form: rows of `X ~ (m, n)`.
/// \throws dlmath::domain_error if n < 2.
dlmath::Objective rosenbrock(std::size_t n = 2);

/// \ingroup chapter4
/// \brief Beale's function \f$ f(x, y) = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 +
/// (2.625 - x + xy^3)^2 \f$; minimiser (3, 0.5), f = 0. Batched form on `X ~ (m, 2)`.
dlmath::Objective beale();

/// \ingroup chapter4
/// \brief Booth's function \f$ f(x, y) = (x + 2y - 7)^2 + (2x + y - 5)^2 \f$, a quadratic;
/// minimiser (1, 3), f = 0. Batched form on `X ~ (m, 2)`.
dlmath::Objective booth();

/// \ingroup chapter4
/// \brief Himmelblau's function \f$ f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2 \f$; four
/// minima with f = 0 (himmelblau_minima), a local maximum near (−0.27, −0.92) and four saddles.
/// Batched form on `X ~ (m, 2)`.
dlmath::Objective himmelblau();

/// \ingroup chapter4
/// \brief Himmelblau's four minimisers: (3, 2) exactly, and the three others (no closed form)
/// from 16-digit values polished by three Newton steps on the gradient, so that the gradient
/// there is rounding noise (a few \f$ 10^{-13} \f$).
std::array<Vector, 4> himmelblau_minima();

/// \ingroup chapter4
/// \brief The exercise function on \f$ [0, 10]^2 \f$:
/// \f[ f(x) = \sin x_1 \cos x_2 + \sin(\tfrac12 x_1) \cos(\tfrac12 x_2), \f]
/// \f[ \frac{\partial f}{\partial x_1} = \cos x_1 \cos x_2 + \tfrac12 \cos(\tfrac12 x_1)\cos(\tfrac12 x_2), \f]
/// \f[ \frac{\partial f}{\partial x_2} = -\sin x_1 \sin x_2 - \tfrac12 \sin(\tfrac12 x_1)\sin(\tfrac12 x_2). \f]
///
/// Several local minima, maxima and saddles in the square, so gradient descent ends where its
/// start decides. Its batched form is exercise_batch.
dlmath::Objective exercise_function();

/// \ingroup chapter4
/// \brief The exercise function of every row of `X ~ (m, 2)`, vectorised: values `f ~ (m)` and
/// gradients `G ~ (m, 2)` (both resized here); equal, bitwise, to the point-wise form.
/// \throws dlmath::shape_error unless X has 2 columns.
/// \throws dlmath::domain_error if an entry of X is not finite.
void exercise_batch(const Matrix& X, Vector& f, Matrix& G);

/// \ingroup chapter4
/// \brief The values alone of exercise_batch: \f$ f(X_{i,:}) \f$ for every row. Throws as
/// exercise_batch.
Vector exercise_values(const Matrix& X);

/// \ingroup chapter4
/// \brief Linear least squares \f$ f(x) = \tfrac12 \|A x - b\|^2 \f$,
/// \f$ \nabla f = A^\top (A x - b) \f$, \f$ \nabla^2 f = A^\top A \f$.
///
/// Convex; its minimisers are the least-squares solutions (chapter 1's lstsq gives the one of
/// smallest norm). Shapes: `A ~ (m, n)`, `b ~ (m)`, m, n >= 1.
/// \throws dlmath::shape_error if A is empty or b's length is not m.
/// \throws dlmath::domain_error if an entry is not finite.
dlmath::Objective least_squares(const Matrix& A, const Vector& b);

/// \ingroup chapter4
/// \brief Ridge regression \f$ f(x) = \tfrac12 \|A x - b\|^2 + \tfrac{\alpha}{2} \|x\|^2 \f$,
/// \f$ \nabla f = A^\top (A x - b) + \alpha x \f$, \f$ \nabla^2 f = A^\top A + \alpha I \f$.
///
/// The negative log-posterior under a Gaussian likelihood and a Gaussian prior
/// \f$ x \sim N(0, \sigma^2/\alpha\, I) \f$: its minimiser is the MAP estimate
/// \f$ (A^\top A + \alpha I)^{-1} A^\top b \f$ (ridge_minimizer). α = 0 is least_squares.
/// \throws as least_squares, and dlmath::domain_error unless α is finite and >= 0.
dlmath::Objective ridge(const Matrix& A, const Vector& b, double alpha);

/// \ingroup chapter4
/// \brief The minimiser of ridge(A, b, α) by the normal equations, solved with chapter 1's
/// solve: \f$ (A^\top A + \alpha I) x = A^\top b \f$. Throws as ridge, and
/// dlmath::domain_error when \f$ A^\top A + \alpha I \f$ is singular.
Vector ridge_minimizer(const Matrix& A, const Vector& b, double alpha);

/// \ingroup chapter4
/// \brief Logistic regression's mean cross-entropy from the logits \f$ z = X w \f$:
/// \f[ f(w) = \frac1n \sum_{i=1}^n \Big( -y_i \log\sigma(z_i) - (1 - y_i) \log\sigma(-z_i) \Big)
///          = \frac1n \sum_{i=1}^n \big( \zeta(z_i) - y_i z_i \big), \f]
/// \f$ \nabla f = X^\top (\sigma(z) - y) / n \f$, \f$ \nabla^2 f = X^\top S X / n \f$ with
/// \f$ S = \operatorname{diag}(\sigma(z_i)(1 - \sigma(z_i))) \f$.
///
/// The log-sigmoids are chapter 3's stable log_sigmoid, so a confident wrong logit of 1000
/// costs 1000, not inf. Convex; on separable data it has no minimiser (the loss tends to 0 as
/// ‖w‖ grows). Shapes: `X ~ (n, d)`, `y ~ (n)` with entries 0 or 1.
/// \throws dlmath::shape_error if X is empty or y's length is not n.
/// \throws dlmath::domain_error if an entry of X is not finite or a label is not 0 or 1.
dlmath::Objective logistic_regression(const Matrix& X, const Vector& y);

}  // namespace dlmath::reference
