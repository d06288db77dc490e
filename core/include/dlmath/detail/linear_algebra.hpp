/// \file
/// \brief Chapter 1's bookkeeping shared by both twins: the LU record, the
/// Jacobi rotation, the start vector of the power iteration and the
/// completion of U for zero singular values. None is a kernel worth a fast
/// twin; each is written once here.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <vector>

#include "dlmath/linear_algebra_types.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::detail {

/// \f$ PA = LU \f$ with partial pivoting, stored in place: U on and above the
/// diagonal, the multipliers \f$ l_{ik} \f$ (unit diagonal implied) below it.
struct LU {
    Matrix lu;                     ///< L and U packed, `(n, n)`
    std::vector<std::size_t> row;  ///< P as a row permutation: row i of PA is row[i] of A
    int sign = 1;                  ///< \f$ \det P = (-1)^{\#\text{swaps}} \f$
    bool singular = false;         ///< some pivot was exactly 0
};

/// \f$ \det A = \det(P)^{-1} \prod_i u_{ii} \f$ from a factorisation (0
/// when a pivot was zero); the product runs in index order, so it is
/// reproducible. It is carried as a mantissa in [1/2, 1) and a separate
/// exponent (std::frexp), so a product whose value is a double comes out
/// right even when a partial product would overflow or underflow; a value
/// beyond the range is ±inf, one below the smallest subnormal is ±0. Without
/// overflow or underflow the bits equal those of the plain product.
inline double lu_determinant(const LU& f) {
    if (f.singular) return 0.0;
    double mantissa = f.sign;
    long exponent = 0;
    for (std::size_t i = 0; i < f.lu.shape(0); ++i) {
        int e = 0;
        mantissa *= std::frexp(f.lu(i, i), &e);  // u_ii = m 2^e, m in [1/2, 1)
        exponent += e;
        mantissa = std::frexp(mantissa, &e);     // keep the running mantissa in [1/2, 1)
        exponent += e;
    }
    return std::ldexp(mantissa, static_cast<int>(std::clamp(exponent, -4000L, 4000L)));
}

//! [jacobi_rotation]
/// The rotation \f$ (c, s) \f$ that makes the 2x2 symmetric matrix
/// \f$ \begin{pmatrix} \alpha & \gamma \\ \gamma & \beta \end{pmatrix} \f$
/// diagonal under \f$ x_p' = c x_p - s x_q,\ x_q' = s x_p + c x_q \f$:
/// \f[ \zeta = \frac{\beta - \alpha}{2\gamma},\quad
///     t = \frac{\operatorname{sign}\zeta}{|\zeta| + \sqrt{1 + \zeta^2}},\quad
///     c = \frac{1}{\sqrt{1 + t^2}},\quad s = c\,t \f]
/// (\f$ |t| \le 1 \f$: the smaller of the two angles).
struct Rotation {
    double c;  ///< cosine
    double s;  ///< sine
};
inline Rotation jacobi_rotation(double alpha, double beta, double gamma) {
    const double zeta = (beta - alpha) / (2.0 * gamma);
    const double t = std::copysign(1.0, zeta) / (std::fabs(zeta) + std::hypot(1.0, zeta));
    const double c = 1.0 / std::sqrt(1.0 + t * t);
    return {c, c * t};
}
//! [jacobi_rotation]

/// The deterministic start vector of the power iteration: entries
/// \f$ 1 + \tfrac{1}{2}\sin(i + 1) \f$ (positive, so not orthogonal to a
/// non-negative dominant eigenvector, and not a multiple of \f$ \mathbf{1} \f$),
/// normalised to unit length.
inline Vector power_iteration_start(std::size_t n) {
    Vector v = Vector::from_shape({n});
    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        v(i) = 1.0 + 0.5 * std::sin(static_cast<double>(i + 1));
        s += v(i) * v(i);
    }
    const double r = std::sqrt(s);
    for (std::size_t i = 0; i < n; ++i) v(i) /= r;
    return v;
}

/// For every zero singular value \f$ \sigma_j = 0 \f$ of `r`, replaces the
/// (zero) column \f$ u_j \f$ of `r.U` by a unit vector orthogonal to the
/// other columns: the first standard basis vector that survives two
/// Gram–Schmidt passes. Cost: \f$ O(m^2 k) \f$ per zero singular value at most.
void complete_left_singular_vectors(SVD& r);

/// The thin SVD from the end state of a one-sided Jacobi: k mutually
/// orthogonal columns \f$ w_j = \sigma_j u_j \f$ of length m, read through
/// `w(i, j)` (entry i of \f$ w_j \f$), their norms \f$ \sigma_j \f$, and the
/// accumulated rotations `Vt ~ (k, n)`. Sorts so that the singular values
/// descend (stable: ties keep their order), sets \f$ u_j = w_j / \sigma_j \f$,
/// and completes U where \f$ \sigma_j = 0 \f$.
template <class Column>
SVD assemble_svd(const Vector& sigma, std::size_t m, Column w, const Matrix& Vt) {
    const std::size_t k = sigma.size(), n = Vt.shape(1);
    std::vector<std::size_t> order(k);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sigma(a) > sigma(b); });

    SVD r{xt::zeros<double>({m, k}), Vector::from_shape({k}), Matrix::from_shape({k, n})};
    for (std::size_t j = 0; j < k; ++j) {
        const std::size_t o = order[j];
        r.S(j) = sigma(o);
        for (std::size_t i = 0; i < n; ++i) r.Vt(j, i) = Vt(o, i);
        if (sigma(o) >= std::numeric_limits<double>::min()) {
            for (std::size_t i = 0; i < m; ++i) r.U(i, j) = w(i, o) / sigma(o);  // u_j = w_j / sigma_j
        }
    }
    complete_left_singular_vectors(r);
    return r;
}

}  // namespace dlmath::detail
