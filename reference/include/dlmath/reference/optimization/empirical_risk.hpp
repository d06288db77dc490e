/// \file
/// \brief Chapter 4, section 4.6: empirical risk — linear regression three
/// ways (normal equations, least squares by the pseudoinverse, gradient
/// descent), the mean squared error, logistic regression's predictions and
/// accuracy, ridge as a MAP estimate (the negative log-posterior), and the
/// reproducible synthetic data sets the section trains on; reference twin.
///
/// The losses themselves are section 4.1's objectives (least_squares, ridge,
/// logistic_regression) and the optimisers section 4.2's: this section
/// assembles them into training and measures what training achieved.
#pragma once

#include <cstddef>
#include <cstdint>

#include "dlmath/optimization.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter4
/// \brief A data set: the inputs as the rows of `X ~ (n, d)` and the targets `y ~ (n)`.
struct Dataset {
    Matrix X;  ///< one example per row
    Vector y;  ///< its target (a real number, or a label 0 or 1)
};

/// \ingroup chapter4
/// \brief X with a column of ones appended, \f$ [X \;\; \mathbf 1] \f$, so that a linear model
/// \f$ [X \;\; \mathbf 1] \binom{w}{b} = X w + b \f$ has a bias b (the last weight).
/// Shapes: `X ~ (n, d)`, returns `(n, d + 1)`.
/// \throws dlmath::shape_error if X is empty. \throws dlmath::domain_error if an entry is not finite.
Matrix with_bias(const Matrix& X);

/// \ingroup chapter4
/// \brief Linear regression by the normal equations: solves \f$ X^\top X w = X^\top y \f$ with
/// chapter 1's solve.
///
/// Fast and right when X is well conditioned; forming \f$ X^\top X \f$ squares the condition
/// number, \f$ \kappa(X^\top X) = \kappa(X)^2 \f$, so the relative error of w grows like
/// \f$ \kappa(X)^2 u \f$. Shapes: `X ~ (n, d)`, `y ~ (n)`; returns `w ~ (d)`.
/// \throws dlmath::shape_error if X is empty or y's length is not n.
/// \throws dlmath::domain_error if an entry is not finite, or \f$ X^\top X \f$ is singular
/// (X has rank < d: fewer examples than weights, or dependent columns — the message gives the
/// rank and points to linear_regression_lstsq).
Vector linear_regression_normal_equations(const Matrix& X, const Vector& y);

/// \ingroup chapter4
/// \brief Linear regression by chapter 1's lstsq: \f$ w = X^+ y \f$, the least-squares solution
/// of smallest norm.
///
/// Works on X itself (an SVD), so its error grows like \f$ \kappa(X) u \f$ only, and it is
/// defined for every X: with dependent columns or fewer examples than weights it picks the
/// minimiser of smallest norm. Shapes and throws as linear_regression_normal_equations, except
/// that a singular \f$ X^\top X \f$ is fine.
Vector linear_regression_lstsq(const Matrix& X, const Vector& y);

/// \ingroup chapter4
/// \brief Linear regression by gradient descent (section 4.2) on least_squares(X, y),
/// \f$ \tfrac12 \|X w - y\|^2 \f$, from w = 0 with the step \f$ 1/L \f$,
/// \f$ L = \lambda_{\max}(X^\top X) \f$ (chapter 1's eigh).
///
/// 1/L is the largest step that decreases f for every start. When the run stops at
/// \f$ \|\nabla f(w)\| \le \f$ gradient_tolerance and X has full column rank,
/// \f$ \|w - w^*\| \le \f$ gradient_tolerance \f$ / \lambda_{\min}(X^\top X) \f$ (the gradient
/// is \f$ X^\top X (w - w^*) \f$); it needs about \f$ \kappa(X)^2 \log(1/\text{tol}) \f$
/// steps. For X = 0 the gradient is 0 and the run stops at w = 0 at once (the step is then 1).
/// Shapes and throws as linear_regression_normal_equations (except the singular case), and as
/// gradient_descent for bad options.
OptimizeResult linear_regression_gradient_descent(const Matrix& X, const Vector& y, const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \brief The empirical risk of a linear model under the squared loss,
/// \f$ \hat R(w) = \frac1n \sum_{i=1}^n (x_i^\top w - y_i)^2 \f$.
/// Shapes: `X ~ (n, d)`, `y ~ (n)`, `w ~ (d)`.
/// \throws dlmath::shape_error if X is empty, y's length is not n or w's is not d.
/// \throws dlmath::domain_error if an entry is not finite.
double mean_squared_error(const Matrix& X, const Vector& y, const Vector& w);

/// \ingroup chapter4
/// \brief Logistic regression's probabilities \f$ p_i = \sigma(x_i^\top w) = P(y_i = 1) \f$.
/// Shapes: `X ~ (n, d)`, `w ~ (d)`, returns `(n)`.
/// \throws dlmath::shape_error if X is empty or w's length is not d.
/// \throws dlmath::domain_error if an entry is not finite.
Vector predict_proba(const Matrix& X, const Vector& w);

/// \ingroup chapter4
/// \brief The fraction of examples a logistic model classifies right: it predicts 1 exactly
/// when \f$ x_i^\top w \ge 0 \f$ (\f$ p_i \ge \tfrac12 \f$).
/// Shapes: `X ~ (n, d)`, `y ~ (n)` with labels 0 or 1, `w ~ (d)`.
/// \throws dlmath::shape_error if X is empty, y's length is not n or w's is not d.
/// \throws dlmath::domain_error if an entry is not finite or a label is not 0 or 1.
double accuracy(const Matrix& X, const Vector& y, const Vector& w);

/// \ingroup chapter4
/// \brief The negative log-posterior of a linear model with Gaussian noise and a Gaussian prior:
/// \f$ y_i = x_i^\top w + \epsilon_i \f$, \f$ \epsilon_i \sim N(0, \sigma^2) \f$,
/// \f$ w \sim N(0, \tau^2 I) \f$:
/// \f[ -\log p(y \mid X, w) - \log p(w) = \frac{\|X w - y\|^2}{2\sigma^2} + \frac{\|w\|^2}{2\tau^2}
///     + \frac n2 \log(2\pi\sigma^2) + \frac d2 \log(2\pi\tau^2), \f]
/// gradient \f$ X^\top (X w - y)/\sigma^2 + w/\tau^2 \f$, Hessian
/// \f$ X^\top X/\sigma^2 + I/\tau^2 \f$.
///
/// It is \f$ 1/\sigma^2 \f$ times ridge(X, y, α) plus a constant, with \f$ \alpha = \sigma^2/\tau^2 \f$:
/// the MAP estimate \f$ \arg\max_w \log p(y \mid X, w) + \log p(w) \f$ is
/// ridge_minimizer(X, y, σ²/τ²) — L2 regularisation is a Gaussian prior.
/// Shapes: `X ~ (n, d)`, `y ~ (n)`.
/// \throws as mean_squared_error, and dlmath::domain_error unless both variances are finite and > 0.
dlmath::Objective negative_log_posterior(const Matrix& X, const Vector& y, double noise_variance,
                                         double prior_variance);

/// \ingroup chapter4
/// \brief A reproducible two-class problem in the plane: two Gaussian blobs with identity
/// covariance and means \f$ \pm \tfrac{s}{2\sqrt2} (1, 1) \f$ (a distance s apart); example i
/// has label \f$ y_i = i \bmod 2 \f$.
///
/// The classes overlap, so the best classifier errs with probability \f$ \Phi(-s/2) \f$
/// (0.159 for s = 2) and, with enough examples, the logistic loss has a finite minimiser. Draws
/// are dlmath::Rng's standard normals: the same seed gives the same data on every machine.
/// Shapes: returns `X ~ (n, 2)`, `y ~ (n)`.
/// \throws dlmath::domain_error if n < 2 (both classes are needed) or s is not finite and > 0.
Dataset make_classification(std::size_t n, std::uint64_t seed, double separation = 2.0);

/// \ingroup chapter4
/// \brief A reproducible regression problem: \f$ x_{ij} \sim N(0, 1) \f$ and
/// \f$ y_i = x_i^\top w + \text{noise} \cdot \epsilon_i \f$, \f$ \epsilon_i \sim N(0, 1) \f$.
///
/// The population risk of a weight vector v is then
/// \f$ E[(x^\top v - y)^2] = \|v - w\|^2 + \text{noise}^2 \f$ exactly.
/// Shapes: `w ~ (d)`; returns `X ~ (n, d)`, `y ~ (n)`.
/// \throws dlmath::domain_error if n < 1, w is empty or not finite, or noise is not finite and >= 0.
Dataset make_regression(std::size_t n, const Vector& w, double noise, std::uint64_t seed);

}  // namespace dlmath::reference
