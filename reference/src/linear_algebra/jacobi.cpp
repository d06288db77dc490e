// Chapter 1, section 3: the symmetric eigendecomposition and the SVD by
// Jacobi rotations, and everything built on the SVD — reference twin.
//
// Rules of this file: each function reads like its formula, with the
// textbook's index names; plain loops; no intrinsics, no OpenMP.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <vector>

#include "dlmath/detail/checks.hpp"
#include "dlmath/detail/svd_completion.hpp"
#include "dlmath/reference/linear_algebra/decompositions.hpp"

namespace dlmath::reference {
namespace {

constexpr double u = std::numeric_limits<double>::epsilon() / 2;  // unit roundoff
constexpr int max_sweeps = 60;  // Jacobi converges quadratically; 6-12 sweeps are typical

//! [jacobi_rotation]
// The rotation (c, s) that makes the 2x2 symmetric matrix [[alpha, gamma],
// [gamma, beta]] diagonal under x_p' = c x_p - s x_q, x_q' = s x_p + c x_q:
//   zeta = (beta - alpha) / (2 gamma),  t = sign(zeta) / (|zeta| + sqrt(1 + zeta^2)),
//   c = 1 / sqrt(1 + t^2),  s = c t      (|t| <= 1: the smaller angle)
struct Rotation {
    double c, s;
};
Rotation jacobi_rotation(double alpha, double beta, double gamma) {
    const double zeta = (beta - alpha) / (2.0 * gamma);
    const double t = std::copysign(1.0, zeta) / (std::fabs(zeta) + std::hypot(1.0, zeta));
    const double c = 1.0 / std::sqrt(1.0 + t * t);
    return {c, c * t};
}
//! [jacobi_rotation]

// Sorts the columns of W (m x k) and the rows of Vt (k x n) so that the
// column norms sigma_j are descending; returns U = W / sigma with columns
// for sigma_j = 0 completed to an orthonormal set.
SVD finish_svd(const Matrix& W, const Matrix& Vt) {
    const std::size_t m = W.shape(0), k = W.shape(1), n = Vt.shape(1);
    Vector sigma = Vector::from_shape({k});
    for (std::size_t j = 0; j < k; ++j) {
        double s = 0.0;
        for (std::size_t i = 0; i < m; ++i) s += W(i, j) * W(i, j);
        sigma(j) = std::sqrt(s);
    }
    std::vector<std::size_t> order(k);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sigma(a) > sigma(b); });

    SVD r{xt::zeros<double>({m, k}), Vector::from_shape({k}), Matrix::from_shape({k, n})};
    for (std::size_t j = 0; j < k; ++j) {
        const std::size_t o = order[j];
        r.S(j) = sigma(o);
        for (std::size_t i = 0; i < n; ++i) r.Vt(j, i) = Vt(o, i);
        if (sigma(o) >= std::numeric_limits<double>::min()) {
            for (std::size_t i = 0; i < m; ++i) r.U(i, j) = W(i, o) / sigma(o);  // u_j = w_j / sigma_j
        }
    }
    detail::complete_left_singular_vectors(r);
    return r;
}

//! [one_sided_jacobi]
// One-sided Jacobi for a tall or square A (m >= n): rotate pairs of columns
// of W (W = A at the start) until all are mutually orthogonal; accumulate
// the rotations in V. Then W = U diag(sigma), A = W V^T.
SVD svd_tall(const Matrix& A) {
    // A ~ (m, n), m >= n
    const std::size_t m = A.shape(0), n = A.shape(1);
    Matrix W = A;
    Matrix V = xt::eye<double>(n);
    const double tol = static_cast<double>(std::max<std::size_t>(m, 1)) * u;  // orthogonality target

    for (int sweep = 0; sweep < max_sweeps; ++sweep) {
        bool rotated = false;
        for (std::size_t p = 0; p + 1 < n; ++p) {
            for (std::size_t q = p + 1; q < n; ++q) {
                // alpha = ||w_p||^2, beta = ||w_q||^2, gamma = <w_p, w_q>
                double alpha = 0.0, beta = 0.0, gamma = 0.0;
                for (std::size_t i = 0; i < m; ++i) {
                    alpha += W(i, p) * W(i, p);
                    beta += W(i, q) * W(i, q);
                    gamma += W(i, p) * W(i, q);
                }
                if (!(std::fabs(gamma) > tol * std::sqrt(alpha * beta))) continue;  // already orthogonal
                rotated = true;
                const Rotation r = jacobi_rotation(alpha, beta, gamma);
                for (std::size_t i = 0; i < m; ++i) {  // W <- W J
                    const double wp = W(i, p), wq = W(i, q);
                    W(i, p) = r.c * wp - r.s * wq;
                    W(i, q) = r.s * wp + r.c * wq;
                }
                for (std::size_t i = 0; i < n; ++i) {  // V <- V J
                    const double vp = V(i, p), vq = V(i, q);
                    V(i, p) = r.c * vp - r.s * vq;
                    V(i, q) = r.s * vp + r.c * vq;
                }
            }
        }
        if (!rotated) break;
    }
    return finish_svd(W, xt::transpose(V));
}
//! [one_sided_jacobi]

void require_rcond(const char* function, double rcond) { detail::require_nonnegative(function, "rcond", rcond); }

}  // namespace

}  // namespace dlmath::reference

namespace dlmath::detail {

void complete_left_singular_vectors(SVD& r) {
    // sigma_j = 0: u_j is any unit vector orthogonal to the others; take the
    // first standard basis vector that survives two Gram-Schmidt passes.
    const std::size_t m = r.U.shape(0), k = r.U.shape(1);
    for (std::size_t j = 0; j < k; ++j) {
        if (r.S(j) >= std::numeric_limits<double>::min()) continue;
        for (std::size_t e = 0; e < m; ++e) {
            Vector x = xt::zeros<double>({m});
            x(e) = 1.0;
            for (int pass = 0; pass < 2; ++pass) {
                for (std::size_t l = 0; l < k; ++l) {
                    if (l == j) continue;
                    double d = 0.0;
                    for (std::size_t i = 0; i < m; ++i) d += r.U(i, l) * x(i);
                    for (std::size_t i = 0; i < m; ++i) x(i) -= d * r.U(i, l);
                }
            }
            double nx = 0.0;
            for (std::size_t i = 0; i < m; ++i) nx += x(i) * x(i);
            nx = std::sqrt(nx);
            if (nx > 0.5) {
                for (std::size_t i = 0; i < m; ++i) r.U(i, j) = x(i) / nx;
                break;
            }
        }
    }
}

}  // namespace dlmath::detail

namespace dlmath::reference {

//! [svd]
SVD svd(const Matrix& A) {
    detail::require_finite("svd", A);
    if (A.shape(0) >= A.shape(1)) return svd_tall(A);
    // wide: A^T = U' S V'^T, so A = V' S U'^T
    const SVD t = svd_tall(xt::transpose(A));
    return {xt::transpose(t.Vt), t.S, xt::transpose(t.U)};
}
//! [svd]

//! [eigh]
Eigh eigh(const Matrix& A) {
    // A ~ (n, n), symmetric
    detail::require_square("eigh", A);
    detail::require_finite("eigh", A);
    detail::require_symmetric("eigh", A);
    const std::size_t n = A.shape(0);
    Matrix a = A;
    Matrix V = xt::eye<double>(n);
    double frob = 0.0;
    for (std::size_t k = 0; k < A.size(); ++k) frob += A.data()[k] * A.data()[k];
    const double floor = u * u * std::sqrt(frob);  // off-diagonal entries below this are noise

    for (int sweep = 0; sweep < max_sweeps; ++sweep) {
        bool rotated = false;
        for (std::size_t p = 0; p + 1 < n; ++p) {
            for (std::size_t q = p + 1; q < n; ++q) {
                const double apq = a(p, q);
                if (!(std::fabs(apq) > u * std::sqrt(std::fabs(a(p, p) * a(q, q)))) || !(std::fabs(apq) > floor)) {
                    continue;  // negligible next to the diagonal
                }
                rotated = true;
                const Rotation r = jacobi_rotation(a(p, p), a(q, q), apq);
                for (std::size_t k = 0; k < n; ++k) {  // A <- A J (columns p, q)
                    const double akp = a(k, p), akq = a(k, q);
                    a(k, p) = r.c * akp - r.s * akq;
                    a(k, q) = r.s * akp + r.c * akq;
                }
                for (std::size_t k = 0; k < n; ++k) {  // A <- J^T A (rows p, q)
                    const double apk = a(p, k), aqk = a(q, k);
                    a(p, k) = r.c * apk - r.s * aqk;
                    a(q, k) = r.s * apk + r.c * aqk;
                }
                a(p, q) = a(q, p) = 0.0;  // exactly zero by the choice of the angle
                for (std::size_t k = 0; k < n; ++k) {  // V <- V J
                    const double vkp = V(k, p), vkq = V(k, q);
                    V(k, p) = r.c * vkp - r.s * vkq;
                    V(k, q) = r.s * vkp + r.c * vkq;
                }
            }
        }
        if (!rotated) break;
    }
    // ascending eigenvalues lambda_i = a_ii, eigenvectors the columns of V
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return a(x, x) < a(y, y); });
    Eigh r{Vector::from_shape({n}), Matrix::from_shape({n, n})};
    for (std::size_t j = 0; j < n; ++j) {
        r.eigenvalues(j) = a(order[j], order[j]);
        for (std::size_t k = 0; k < n; ++k) r.eigenvectors(k, j) = V(k, order[j]);
    }
    return r;
}
//! [eigh]

//! [matrix_rank]
std::size_t matrix_rank(const Matrix& A, double tol) {
    detail::require_finite("matrix_rank", A);
    if (std::isnan(tol)) throw domain_error("matrix_rank: tol must not be NaN");
    if (A.size() == 0) return 0;
    const SVD d = svd(A);
    // default tol = sigma_1 max(m, n) eps, as NumPy
    if (tol < 0.0) tol = d.S(0) * static_cast<double>(std::max(A.shape(0), A.shape(1))) * 2.0 * u;
    std::size_t r = 0;
    for (std::size_t i = 0; i < d.S.size(); ++i) r += d.S(i) > tol ? 1 : 0;
    return r;
}
//! [matrix_rank]

//! [cond]
double cond(const Matrix& A) {
    detail::require_finite("cond", A);
    if (A.size() == 0) throw shape_error(detail::message("cond: A is empty (A is ", shape_string(A), ")"));
    const SVD d = svd(A);
    const double smin = d.S(d.S.size() - 1);
    if (smin == 0.0) return std::numeric_limits<double>::infinity();
    return d.S(0) / smin;  // kappa_2 = sigma_max / sigma_min
}
//! [cond]

//! [pinv]
Matrix pinv(const Matrix& A, double rcond) {
    // A ~ (m, n), returns A+ ~ (n, m)
    detail::require_finite("pinv", A);
    require_rcond("pinv", rcond);
    const std::size_t m = A.shape(0), n = A.shape(1);
    Matrix P = xt::zeros<double>({n, m});
    if (A.size() == 0) return P;
    const SVD d = svd(A);
    const std::size_t k = d.S.size();
    const double cutoff = rcond * d.S(0);
    // A+_ij = sum_l v_il (1 / sigma_l) u_jl over sigma_l > cutoff
    for (std::size_t l = 0; l < k; ++l) {
        if (!(d.S(l) > cutoff) || d.S(l) == 0.0) continue;
        const double inv_sigma = 1.0 / d.S(l);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < m; ++j) P(i, j) += d.Vt(l, i) * inv_sigma * d.U(j, l);
    }
    return P;
}
//! [pinv]

//! [lstsq]
Vector lstsq(const Matrix& A, const Vector& b, double rcond) {
    // A ~ (m, n), b ~ (m), returns x ~ (n)
    detail::require_rhs_rows("lstsq", A, b);
    detail::require_finite("lstsq", A);
    detail::require_finite("lstsq", b, "b");
    require_rcond("lstsq", rcond);
    const std::size_t m = A.shape(0), n = A.shape(1);
    Vector x = xt::zeros<double>({n});
    if (A.size() == 0) return x;
    const SVD d = svd(A);
    const double cutoff = rcond * d.S(0);
    // x = V D+ U^T b = sum_l v_l (u_l^T b) / sigma_l
    for (std::size_t l = 0; l < d.S.size(); ++l) {
        if (!(d.S(l) > cutoff) || d.S(l) == 0.0) continue;
        double ub = 0.0;
        for (std::size_t j = 0; j < m; ++j) ub += d.U(j, l) * b(j);
        for (std::size_t i = 0; i < n; ++i) x(i) += d.Vt(l, i) * (ub / d.S(l));
    }
    return x;
}
//! [lstsq]

//! [pca]
PCA pca(const Matrix& X, std::size_t k) {
    // X ~ (N, d): N samples as rows, d features
    const std::size_t N = X.shape(0), d = X.shape(1);
    if (N < 2) throw shape_error(detail::message("pca: needs at least 2 samples (X is ", shape_string(X), ")"));
    if (k > std::min(N, d)) {
        throw shape_error(detail::message("pca: k must be <= min(N, d) (X is ", shape_string(X), ", k = ", k, ")"));
    }
    detail::require_finite("pca", X, "X");

    PCA r;
    // 1. centre: mu_j = (1/N) sum_i x_ij, Xc = X - 1 mu^T
    r.mean = xt::zeros<double>({d});
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < d; ++j) r.mean(j) += X(i, j);
    for (std::size_t j = 0; j < d; ++j) r.mean(j) /= static_cast<double>(N);
    Matrix Xc = Matrix::from_shape({N, d});
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < d; ++j) Xc(i, j) = X(i, j) - r.mean(j);

    // 2. Xc = U S V^T; components = first k rows of V^T; variance sigma^2 / (N - 1)
    const SVD s = svd(Xc);
    double total = 0.0;
    for (std::size_t j = 0; j < s.S.size(); ++j) total += s.S(j) * s.S(j);
    r.components = Matrix::from_shape({k, d});
    r.explained_variance = Vector::from_shape({k});
    r.explained_variance_ratio = Vector::from_shape({k});
    for (std::size_t l = 0; l < k; ++l) {
        for (std::size_t j = 0; j < d; ++j) r.components(l, j) = s.Vt(l, j);
        r.explained_variance(l) = s.S(l) * s.S(l) / static_cast<double>(N - 1);
        r.explained_variance_ratio(l) = total > 0.0 ? s.S(l) * s.S(l) / total : 0.0;
    }
    // 3. projection Z = Xc V_k, reconstruction X^ = Z V_k^T + 1 mu^T
    r.projection = xt::zeros<double>({N, k});
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t l = 0; l < k; ++l)
            for (std::size_t j = 0; j < d; ++j) r.projection(i, l) += Xc(i, j) * r.components(l, j);
    r.reconstruction = Matrix::from_shape({N, d});
    for (std::size_t i = 0; i < N; ++i) {
        for (std::size_t j = 0; j < d; ++j) {
            double x = r.mean(j);
            for (std::size_t l = 0; l < k; ++l) x += r.projection(i, l) * r.components(l, j);
            r.reconstruction(i, j) = x;
        }
    }
    return r;
}
//! [pca]

}  // namespace dlmath::reference
