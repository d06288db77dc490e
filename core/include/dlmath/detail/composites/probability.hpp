/// \file
/// \brief Chapter 2's composites and shared formulas — written once, used
/// by both twins.
///
/// A composite has no kernel of its own: it takes the kernels it needs as
/// callables, so the reference twin runs it on its plain loops and the fast
/// twin on its SIMD and OpenMP kernels. Input checks happen in the callers
/// (detail/checks/probability.hpp). One block per area, marked by comment
/// rules.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>

#include "dlmath/tensor.hpp"

namespace dlmath::detail {

// ---------------------------------------------------------------- information

//! [elementwise_formulas]
/// SciPy's `xlogy`: \f$ x \log y \f$, and 0 where \f$ x = 0 \f$ (unless y is NaN).
inline double xlogy(double x, double y) {
    if (x == 0.0 && !std::isnan(y)) return 0.0;
    return x * std::log(y);
}

/// SciPy's `entr`: \f$ -x \log x \f$ for \f$ x > 0 \f$, 0 at 0, \f$ -\infty \f$ for \f$ x < 0 \f$.
inline double entr(double x) {
    if (std::isnan(x)) return x;
    if (x > 0.0) return -x * std::log(x);
    if (x == 0.0) return 0.0;
    return -std::numeric_limits<double>::infinity();
}

/// SciPy's `rel_entr`: \f$ x \log(x / y) \f$ for \f$ x, y > 0 \f$, 0 for
/// \f$ x = 0 \le y \f$, \f$ +\infty \f$ otherwise (so \f$ +\infty \f$ where \f$ y = 0 < x \f$).
inline double rel_entr(double x, double y) {
    if (std::isnan(x) || std::isnan(y)) return std::numeric_limits<double>::quiet_NaN();
    if (x > 0.0 && y > 0.0) return x * std::log(x / y);
    if (x == 0.0 && y >= 0.0) return 0.0;
    return std::numeric_limits<double>::infinity();
}

/// SciPy's `kl_div`: \f$ x \log(x / y) - x + y \f$ for \f$ x, y > 0 \f$, y for
/// \f$ x = 0 \le y \f$, \f$ +\infty \f$ otherwise.
inline double kl_div(double x, double y) {
    if (std::isnan(x) || std::isnan(y)) return std::numeric_limits<double>::quiet_NaN();
    if (x > 0.0 && y > 0.0) return x * std::log(x / y) - x + y;
    if (x == 0.0 && y >= 0.0) return y;
    return std::numeric_limits<double>::infinity();
}
//! [elementwise_formulas]

/// A measure in nats converted to `base`: \f$ H_b = H / \ln b \f$ (exactly H for b = e).
inline double in_base(double nats, double base) { return base == std::numbers::e ? nats : nats / std::log(base); }

/// The same for each entry of a vector of measures.
inline Vector in_base(Vector nats, double base) {
    if (base != std::numbers::e) nats /= std::log(base);
    return nats;
}

//! [jensen_shannon]
/// The Jensen–Shannon divergence from KL:
/// \f$ \mathrm{JS}(P, Q) = \tfrac12 D_{KL}(P \| M) + \tfrac12 D_{KL}(Q \| M) \f$ with
/// \f$ M = \tfrac12 (P + Q) \f$, in nats. Kernel: `kl(p, q)`, the twin's
/// unchecked KL in nats. M is positive wherever P or Q is, so every term is finite.
template <class KL>
double jensen_shannon_divergence(const Vector& p, const Vector& q, KL kl) {
    // p ~ (n), q ~ (n)
    const Vector m = 0.5 * (p + q);
    return 0.5 * kl(p, m) + 0.5 * kl(q, m);
}
//! [jensen_shannon]

//! [mutual_information]
/// The mutual information of a joint table as an expected KL divergence:
/// \f[ I(X; Y) = \sum_{i,j} P_{ij} \log \frac{P_{ij}}{P_i P_j}
///             = \sum_i P_i\, D_{KL}\big(P(Y \mid X = i) \,\|\, P(Y)\big), \f]
/// in nats, with the marginals \f$ P_i = \sum_j P_{ij} \f$, \f$ P_j = \sum_i P_{ij} \f$.
/// The conditional rows \f$ P_{ij} / P_i \f$ lie in [0, 1], so no product
/// \f$ P_i P_j \f$ can underflow on the way. Kernel: `kl_rows(C, q)`, the
/// twin's unchecked KL of each row of C against q, in nats.
template <class KLRows>
double mutual_information(const Matrix& P, KLRows kl_rows) {
    // P ~ (m, k): P(X = i, Y = j)
    const std::size_t m = P.shape(0), k = P.shape(1);
    Vector px = Vector::from_shape({m}), py = Vector::from_shape({k});
    px.fill(0.0);
    py.fill(0.0);
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < k; ++j) {
            px(i) += P(i, j);  // P(X = i)
            py(j) += P(i, j);  // P(Y = j)
        }
    }
    Matrix C = Matrix::from_shape({m, k});  // C(i, j) = P(Y = j | X = i); a row of zeros where P(X = i) = 0
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < k; ++j) C(i, j) = px(i) > 0.0 ? P(i, j) / px(i) : 0.0;
    }
    const Vector kl = kl_rows(C, py);
    double I = 0.0;
    for (std::size_t i = 0; i < m; ++i) I += px(i) * kl(i);  // E_X[ KL(P(Y|X) || P(Y)) ]
    return I;
}
//! [mutual_information]

}  // namespace dlmath::detail
