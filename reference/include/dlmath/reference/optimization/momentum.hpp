/// \file
/// \brief Chapter 4, momentum and adaptive methods — reference twin: momentum
/// in the syllabus form, Nesterov's look-ahead momentum, AdaGrad, RMSProp,
/// Adam and AdamW (PyTorch's update rules and default hyper-parameters).
///
/// **Indexing, once for the whole section.** \f$ x_0 \f$ is the start and
/// \f$ g_0 = 0 \f$. Step t (t = 1, 2, ...) reads the gradient at
/// \f$ x_{t-1} \f$ and writes \f$ g_t \f$ (and the method's other state
/// with index t) and then \f$ x_t \f$:
/// \f[ g_t = -\eta \nabla f(x_{t-1}) + \lambda g_{t-1}, \qquad x_t = x_{t-1} + g_t. \f]
/// Unrolled once, \f$ g_t = -\eta\nabla f(x_{t-1}) - \lambda\eta\nabla f(x_{t-2}) + \lambda^2 g_{t-2} \f$:
/// the gradient from n steps back carries the weight \f$ \lambda^n \f$.
///
/// **Memory per parameter** (state vectors of the length of x, besides x and
/// its gradient): momentum and Nesterov 1 (the velocity g), AdaGrad 1 (the
/// sum of squared gradients), RMSProp 1 (the running mean of squared
/// gradients), Adam and AdamW 2 (the first and second moments m and v).
///
/// Every optimiser takes an Objective, a start and OptimizeOptions, and runs
/// the shared loop (detail::Run), so the stopping rules, the counts, the
/// reasons and the trajectory are those of every optimiser of the chapter.
#pragma once

#include "dlmath/optimization.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter4
/// \brief Momentum in the syllabus form (heavy ball; PyTorch's `SGD(momentum=λ)` with
/// dampening 0 takes the same steps, its buffer being \f$ -g_t/\eta \f$).
///
/// \f[ g_t = -\eta \nabla f(x_{t-1}) + \lambda g_{t-1}, \quad x_t = x_{t-1} + g_t, \quad g_0 = 0. \f]
///
/// With \f$ \lambda = 0 \f$ it is gradient descent with step \f$ \eta \f$, bitwise: the update is
/// written so that \f$ -\eta \nabla f + 0 \cdot g_{t-1} \f$ rounds to \f$ -\eta \nabla f \f$ and
/// \f$ x + (-\eta\nabla f) \f$ to \f$ x - \eta \nabla f \f$. On a quadratic with Hessian
/// eigenvalues in \f$ [\mu, L] \f$ the tuned \f$ \eta = 4/(\sqrt L + \sqrt\mu)^2 \f$,
/// \f$ \lambda = ((\sqrt\kappa - 1)/(\sqrt\kappa + 1))^2 \f$ contract the error by about
/// \f$ 1 - 2/\sqrt\kappa \f$ per step, against \f$ 1 - 2/\kappa \f$ for gradient descent.
/// Memory: one vector (g).
/// \param f the objective (value and gradient)
/// \param x0 the start, of length f.dim
/// \param learning_rate \f$ \eta > 0 \f$
/// \param momentum \f$ \lambda \in [0, 1) \f$
/// \param options the stopping rules and the trajectory
/// \throws dlmath::domain_error for \f$ \eta \le 0 \f$, \f$ \lambda \notin [0, 1) \f$ or bad options;
/// dlmath::shape_error if x0 does not have f.dim entries.
/// \sa nesterov, adam
OptimizeResult momentum(const Objective& f, const Vector& x0, double learning_rate, double momentum,
                        const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \brief Nesterov's momentum: the gradient is taken at the look-ahead point
/// \f$ x_{t-1} + \lambda g_{t-1} \f$ (Sutskever's form).
///
/// \f[ g_t = -\eta \nabla f(x_{t-1} + \lambda g_{t-1}) + \lambda g_{t-1}, \quad x_t = x_{t-1} + g_t,
/// \quad g_0 = 0. \f]
///
/// The look-ahead point is x itself when \f$ g_{t-1} = 0 \f$ (the first step) or \f$ \lambda = 0 \f$,
/// and then the gradient already known there is used; otherwise each step costs one more
/// gradient evaluation (counted in gradient_evaluations). Memory: one vector (g).
/// \throws as momentum.
OptimizeResult nesterov(const Objective& f, const Vector& x0, double learning_rate, double momentum,
                        const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \brief AdaGrad's hyper-parameters, with PyTorch's defaults (`torch.optim.Adagrad`).
struct AdagradParameters {
    double learning_rate = 1e-2;              ///< \f$ \eta > 0 \f$
    double eps = 1e-10;                       ///< \f$ \epsilon > 0 \f$, added to \f$ \sqrt{s_t} \f$
    double initial_accumulator_value = 0.0;   ///< \f$ s_0 \ge 0 \f$
};

/// \ingroup chapter4
/// \brief AdaGrad: each coordinate's step is divided by the root of the sum of its squared gradients.
///
/// \f[ s_t = s_{t-1} + \nabla f(x_{t-1})^2, \quad
/// x_t = x_{t-1} - \eta \frac{\nabla f(x_{t-1})}{\sqrt{s_t} + \epsilon} \f] (elementwise).
/// The effective step only shrinks. Memory: one vector (s).
/// \throws dlmath::domain_error for \f$ \eta \le 0 \f$, \f$ \epsilon \le 0 \f$, \f$ s_0 < 0 \f$ or bad options.
OptimizeResult adagrad(const Objective& f, const Vector& x0, const AdagradParameters& parameters = {},
                       const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \brief RMSProp's hyper-parameters, with PyTorch's defaults (`torch.optim.RMSprop`).
struct RmspropParameters {
    double learning_rate = 1e-2;  ///< \f$ \eta > 0 \f$
    double alpha = 0.99;          ///< the decay \f$ \alpha \in [0, 1) \f$ of the running mean
    double eps = 1e-8;            ///< \f$ \epsilon > 0 \f$, added to \f$ \sqrt{v_t} \f$
};

/// \ingroup chapter4
/// \brief RMSProp: AdaGrad with a running (exponentially weighted) mean in place of the sum.
///
/// \f[ v_t = \alpha v_{t-1} + (1 - \alpha) \nabla f(x_{t-1})^2, \quad
/// x_t = x_{t-1} - \eta \frac{\nabla f(x_{t-1})}{\sqrt{v_t} + \epsilon}, \quad v_0 = 0. \f]
/// Memory: one vector (v).
/// \throws dlmath::domain_error for \f$ \eta \le 0 \f$, \f$ \alpha \notin [0, 1) \f$, \f$ \epsilon \le 0 \f$
/// or bad options.
OptimizeResult rmsprop(const Objective& f, const Vector& x0, const RmspropParameters& parameters = {},
                       const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \brief Adam's hyper-parameters, with PyTorch's defaults (`torch.optim.Adam`).
struct AdamParameters {
    double learning_rate = 1e-3;  ///< \f$ \eta > 0 \f$
    double beta1 = 0.9;           ///< \f$ \beta_1 \in [0, 1) \f$, the decay of the first moment
    double beta2 = 0.999;         ///< \f$ \beta_2 \in [0, 1) \f$, the decay of the second moment
    double eps = 1e-8;            ///< \f$ \epsilon > 0 \f$, added to \f$ \sqrt{\hat v_t} \f$
};

/// \ingroup chapter4
/// \brief Adam: momentum on the gradient (m) divided by the root of a running mean of its
/// square (v), both corrected for their start at zero.
///
/// \f[ m_t = \beta_1 m_{t-1} + (1 - \beta_1) \nabla f(x_{t-1}), \quad
///     v_t = \beta_2 v_{t-1} + (1 - \beta_2) \nabla f(x_{t-1})^2, \quad m_0 = v_0 = 0, \f]
/// \f[ \hat m_t = \frac{m_t}{1 - \beta_1^t}, \quad \hat v_t = \frac{v_t}{1 - \beta_2^t}, \quad
///     x_t = x_{t-1} - \eta \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon}. \f]
/// Scaling the gradient by c > 0 scales \f$ \hat m_t \f$ by c and \f$ \sqrt{\hat v_t} \f$ by c:
/// the steps do not change, up to \f$ \epsilon \f$. The first step is
/// \f$ -\eta\, \nabla f / (|\nabla f| + \epsilon) \f$, about \f$ \eta \f$ per coordinate.
/// Memory: two vectors (m, v).
/// \throws dlmath::domain_error for \f$ \eta \le 0 \f$, \f$ \beta_1, \beta_2 \notin [0, 1) \f$,
/// \f$ \epsilon \le 0 \f$ or bad options.
/// \sa adamw
OptimizeResult adam(const Objective& f, const Vector& x0, const AdamParameters& parameters = {},
                    const OptimizeOptions& options = {});

/// \ingroup chapter4
/// \brief AdamW's hyper-parameters, with PyTorch's defaults (`torch.optim.AdamW`).
struct AdamwParameters {
    double learning_rate = 1e-3;  ///< \f$ \eta > 0 \f$
    double beta1 = 0.9;           ///< \f$ \beta_1 \in [0, 1) \f$
    double beta2 = 0.999;         ///< \f$ \beta_2 \in [0, 1) \f$
    double eps = 1e-8;            ///< \f$ \epsilon > 0 \f$
    double weight_decay = 1e-2;   ///< the decoupled decay \f$ w \ge 0 \f$
};

/// \ingroup chapter4
/// \brief AdamW: Adam with decoupled weight decay (PyTorch's rule): x shrinks by the factor
/// \f$ 1 - \eta w \f$ before Adam's step, instead of \f$ w x \f$ being added to the gradient.
///
/// \f[ x_t = (1 - \eta w)\, x_{t-1} - \eta \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon} \f]
/// with \f$ \hat m_t, \hat v_t \f$ as in adam, from the gradient of f alone. So it minimises f
/// only when w = 0 (then it is adam, bitwise); with w > 0 it settles where the step and the
/// decay balance. Memory: two vectors (m, v).
/// \throws as adam, and for \f$ w < 0 \f$.
OptimizeResult adamw(const Objective& f, const Vector& x0, const AdamwParameters& parameters = {},
                     const OptimizeOptions& options = {});

}  // namespace dlmath::reference
