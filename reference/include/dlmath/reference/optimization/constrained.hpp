/// \file
/// \brief Chapter 4, constrained optimisation — reference twin: the Euclidean
/// projections onto a ball and a box, projected gradient descent, the KKT
/// conditions measured as residuals, and least squares on the unit ball by
/// the Lagrangian route.
///
/// **Notation (Goodfellow, 4.4).** Minimise \f$ f(x) \f$ subject to
/// \f$ g_i(x) = 0 \f$ (equality constraints, multipliers \f$ \lambda_i \f$)
/// and \f$ h_j(x) \le 0 \f$ (inequality constraints, multipliers
/// \f$ \alpha_j \ge 0 \f$). The generalised Lagrangian is
/// \f[ L(x, \lambda, \alpha) = f(x) + \sum_i \lambda_i g_i(x) + \sum_j \alpha_j h_j(x). \f]
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "dlmath/optimization.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter4
/// \brief A Euclidean projection \f$ P_S(x) = \arg\min_{y \in S} \|y - x\|_2 \f$ onto a
/// closed convex feasible set S: a point in, the nearest feasible point out.
using Projection = std::function<Vector(const Vector&)>;

/// \ingroup chapter4
/// \brief The projection onto the ball \f$ \{ y : \|y - c\|_2 \le r \} \f$.
///
/// \f[ P(x) = \begin{cases} x & \|x - c\| \le r \\ c + r\,\dfrac{x - c}{\|x - c\|} & \text{otherwise} \end{cases} \f]
/// A point inside (or on) the ball is returned unchanged, bit for bit. A point outside goes to
/// the sphere along the ray from c; should rounding leave it a hair outside as computed, the
/// scale \f$ r/\|x - c\| \f$ is lowered by ulps until it is inside, so that projecting again
/// changes nothing (exact idempotence). Non-expansive: \f$ \|P(x) - P(y)\| \le \|x - y\| \f$.
/// \throws dlmath::shape_error if x and center differ in length; dlmath::domain_error if an
/// entry of x or center is not finite, or radius is not finite and > 0.
Vector project_ball(const Vector& x, const Vector& center, double radius);

/// \ingroup chapter4
/// \brief The projection onto the box \f$ \{ y : l \le y \le u \} \f$: clip each coordinate.
///
/// \f[ P(x)_i = \min(\max(x_i, l_i), u_i) \f]
/// A point inside is returned unchanged, bit for bit; \f$ P(P(x)) = P(x) \f$ exactly. Bounds
/// may be infinite (\f$ l_i = -\infty \f$: no lower bound).
/// \throws dlmath::shape_error if x, lower and upper differ in length; dlmath::domain_error if
/// an entry of x is not finite, a bound is NaN, or some \f$ l_i > u_i \f$ (the box is empty).
Vector project_box(const Vector& x, const Vector& lower, const Vector& upper);

/// \ingroup chapter4
/// \brief Projected gradient descent: a gradient step, then back to the feasible set.
///
/// \f[ x_0 = P(x_0^{\text{given}}), \qquad x_{t+1} = P\big(x_t - \varepsilon \nabla f(x_t)\big) \f]
/// At a constrained minimum \f$ \nabla f \f$ need not vanish (it points out of the set, against
/// the active constraints' normals), so the stopping rule is on the **projected-gradient step**
/// \f[ G_\varepsilon(x_t) = \frac{\|x_t - P(x_t - \varepsilon \nabla f(x_t))\|}{\varepsilon}
///     \le \text{gradient\_tolerance}, \f]
/// which is zero exactly at the fixed points of the iteration — for a convex set, the points
/// where \f$ -\nabla f \f$ lies in the normal cone (the KKT points). The run then stops with
/// `StopReason::gradient_tolerance` and says so in its message; the result's `gradient_norm`
/// is \f$ \|\nabla f(x)\| \f$ as everywhere in the chapter. Without a constraint (P the
/// identity) this is gradient_descent. step_tolerance, the iteration limit, divergence and
/// non-finite values are the shared rules of every optimiser.
/// \throws dlmath::domain_error if learning_rate is not finite and > 0, the projection is
/// empty or returns a non-finite point, or as check_optimizer_inputs; dlmath::shape_error if
/// the projection returns a point of another dimension.
OptimizeResult projected_gradient_descent(const Objective& f, const Vector& x0, double learning_rate,
                                          const Projection& projection, const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \brief One constraint function, \f$ g_i \f$ (equality, \f$ g_i(x) = 0 \f$) or \f$ h_j \f$
/// (inequality, \f$ h_j(x) \le 0 \f$): its value and gradient.
struct Constraint {
    std::function<double(const Vector&)> value;     ///< \f$ g_i(x) \f$ or \f$ h_j(x) \f$
    std::function<Vector(const Vector&)> gradient;  ///< its gradient, shape (n)
    std::string name;                               ///< for messages
};

/// \ingroup chapter4
/// \brief The four KKT conditions at a point, each as a residual that is 0 when it holds.
struct KKTResiduals {
    /// \f$ \|\nabla f(x) + \sum_i \lambda_i \nabla g_i(x) + \sum_j \alpha_j \nabla h_j(x)\|_2 \f$
    double stationarity = 0.0;
    /// \f$ \max(\max_i |g_i(x)|, \max_j \max(h_j(x), 0)) \f$
    double primal_feasibility = 0.0;
    /// \f$ \max_j \max(-\alpha_j, 0) \f$
    double dual_feasibility = 0.0;
    /// \f$ \max_j |\alpha_j h_j(x)| \f$
    double complementary_slackness = 0.0;
    /// True when every residual is \f$ \le \f$ tol.
    bool satisfied(double tol) const {
        return stationarity <= tol && primal_feasibility <= tol && dual_feasibility <= tol &&
               complementary_slackness <= tol;
    }
};

/// \ingroup chapter4
/// \brief The residuals of the KKT conditions for
/// \f$ \min f(x) \f$ s.t. \f$ g_i(x) = 0 \f$, \f$ h_j(x) \le 0 \f$ at x with multipliers
/// \f$ \lambda \f$ (one per equality) and \f$ \alpha \f$ (one per inequality).
///
/// \f[ \nabla_x L = \nabla f + \sum_i \lambda_i \nabla g_i + \sum_j \alpha_j \nabla h_j = 0, \quad
///     g_i = 0,\; h_j \le 0, \quad \alpha_j \ge 0, \quad \alpha_j h_j = 0. \f]
/// The conditions are necessary at a local minimum where the constraints are regular (e.g. their
/// gradients are linearly independent); sufficient only with convexity (f and every
/// \f$ h_j \f$ convex, every \f$ g_i \f$ affine). A negative \f$ \alpha_j \f$ is a violated
/// condition, reported as dual_feasibility, not an error. With no constraints, stationarity is
/// \f$ \|\nabla f(x)\| \f$ and the rest are 0.
/// \throws dlmath::shape_error if x is not of f's dimension, lambda or alpha does not have one
/// entry per constraint, or a gradient has the wrong length; dlmath::domain_error if f or a
/// constraint has no gradient or value, or x or a multiplier is not finite.
KKTResiduals kkt_check(const Objective& f, const std::vector<Constraint>& equalities,
                       const std::vector<Constraint>& inequalities, const Vector& x, const Vector& lambda,
                       const Vector& alpha);

/// \ingroup chapter4
/// \brief The solution of constrained least squares, its multiplier and its KKT residuals.
struct ConstrainedLeastSquaresResult {
    Vector x;                 ///< the minimiser, \f$ x^\top x \le 1 \f$
    double lambda = 0.0;      ///< the multiplier of \f$ x^\top x - 1 \le 0 \f$; 0 when inactive
    KKTResiduals kkt;         ///< the KKT residuals at (x, lambda)
    std::size_t bisections = 0;  ///< steps of the bisection for lambda (0 when lambda = 0)
};

/// \ingroup chapter4
/// \brief Least squares on the unit ball: \f$ \min \tfrac12\|Ax - b\|^2 \f$ s.t.
/// \f$ x^\top x \le 1 \f$, by the Lagrangian \f$ \tfrac12\|Ax-b\|^2 + \lambda(x^\top x - 1) \f$.
///
/// Stationarity gives \f$ x(\lambda) = (A^\top A + 2\lambda I)^{-1} A^\top b \f$, the ridge
/// minimiser with \f$ \alpha = 2\lambda \f$ (ridge_minimizer, chapter 1's solve). If the unconstrained minimiser — the minimum-norm one, lstsq, when
/// \f$ A^\top A \f$ is singular — has \f$ \|x\| \le 1 \f$, it is the answer with
/// \f$ \lambda = 0 \f$. Otherwise the constraint is active: \f$ \|x(\lambda)\| \f$ decreases
/// monotonically from \f$ \|x(0^+)\| > 1 \f$ to 0, so exactly one \f$ \lambda > 0 \f$ has
/// \f$ \|x(\lambda)\| = 1 \f$. It is found by **bisection** on
/// \f$ [0, \|A^\top b\|] \f$ (where \f$ \|x(\|A^\top b\|)\| \le \tfrac12 \f$) until the bracket is
/// two adjacent doubles: slower than Newton on the secular equation, but it needs no
/// safeguard, cannot leave the bracket and ends at rounding level whatever the conditioning.
/// The upper end is returned, so the computed \f$ \|x\| \le 1 \f$; since
/// \f$ \lambda |d\|x\|/d\lambda| \le \|x\| \f$, one ulp of \f$ \lambda \f$ moves
/// \f$ \|x\| \f$ by at most \f$ 2u \f$.
///
/// Edge cases: \f$ A^\top b = 0 \f$ (b in the null space of \f$ A^\top \f$) gives x = 0,
/// \f$ \lambda = 0 \f$. A rank-deficient A is handled: for \f$ \lambda > 0 \f$ the matrix
/// \f$ A^\top A + 2\lambda I \f$ is positive definite and \f$ x(\lambda) \f$ lies in the row
/// space of A, tending to the minimum-norm solution as \f$ \lambda \to 0 \f$. The
/// trust-region "hard case" cannot occur for this convex objective except as non-uniqueness:
/// when the minimum-norm solution is strictly inside the ball, every point
/// \f$ x_{\min} + z \f$ with \f$ Az = 0 \f$ and norm \f$ \le 1 \f$ is also a minimiser, and the
/// minimum-norm one is returned.
/// \throws dlmath::shape_error if A is empty or b's length is not A's number of rows;
/// dlmath::domain_error if an entry of A or b is not finite.
ConstrainedLeastSquaresResult constrained_least_squares(const Matrix& A, const Vector& b);

}  // namespace dlmath::reference
