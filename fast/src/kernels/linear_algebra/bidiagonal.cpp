// The fast SVD: Householder bidiagonalisation, then the implicit-shift QR
// on the bidiagonal, its rotations carried into the vectors in one pass.
//
// For a tall or square A ~ (m, n), m >= n (a wide A is transposed by the
// caller), A = U Sigma V^T is computed in four stages:
//
//   1. Bidiagonalisation (Golub & Van Loan, 4th ed., Alg. 5.4.2, Golub-Kahan):
//      n reflectors from the left, n - 2 from the right, A = U_B B V_B^T
//      with B upper bidiagonal. 4mn^2 - 4n^3/3 flops (8n^3/3 square), all
//      in matrix-vector form: each step reads the trailing matrix twice,
//      once for w = A^T v (threads over blocks of columns) and once for the
//      rank-1 update of the left reflector fused with the right reflector
//      (threads over rows; each row is updated, dotted and updated again
//      while it sits in L1), two barriers per step. Bound attacked: memory
//      (L2/L3 bandwidth).
//   2. Forming U_B ~ (m, n) and V_B ~ (n, n) by backward accumulation
//      (GVL §5.1.6): 4mn^2 - 4n^3/3 + 4n^3/3 flops, 32 reflectors at a time
//      in the compact WY form, so that they run on the fast GEMM. Bound
//      attacked: compute. (The least-squares path skips U_B and carries b
//      through the left reflectors instead: 4mn flops; from m >= 2n it
//      first factors A = QR by a blocked QR on the GEMM and bidiagonalises
//      the n x n R, as LAPACK's dgelsd does.)
//   3. The implicit-shift QR on B (GVL Alg. 8.6.1-8.6.2, with the bulge
//      chase as LAPACK's dbdsqr writes it): a shift from the trailing 2x2
//      (zero when it would not change the leading entry, as Demmel & Kahan,
//      "Accurate singular values of bidiagonal matrices", SIAM J. Sci. Stat.
//      Comput. 11, 1990, advise), deflation where |e_i| <= u (|d_i| + |d_{i+1}|),
//      and the case of a zero on the diagonal. O(n^2) flops on d and e alone:
//      the rotations are *recorded*, not applied, since they depend on B only.
//   4. The recorded rotations, about n^2 per side (two QR sweeps per
//      singular value on average), are applied to U_B and V_B by
//      apply_rotations (rotations.cpp), 2^15 at a time: 6mn^2 + 6n^3 flops,
//      in L1, compute-bound.
//
// Accuracy: every stage is a product of orthogonal transformations, so the
// computed factors are the exact SVD of A + E with ||E||_2 <= c n u ||A||_2,
// and by Weyl |sigma_i - sigma_i(A)| <= c n u ||A||_2. That is an absolute
// bound: unlike the one-sided Jacobi of the reference twin, the singular
// values far below sigma_1 are not computed to high relative accuracy.
//
// Every reduction runs in a fixed order over fixed blocks, so the result is
// bitwise the same for any thread count.
//
// Rules of this file: OpenMP + xsimd; every SIMD loop ends with a scalar tail.

#include "bidiagonal.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <utility>
#include <vector>

#include <xsimd/xsimd.hpp>
#include <xtensor/xview.hpp>

#include "dlmath/fast/config.hpp"
#include "dlmath/fast/threads.hpp"
#include "dlmath/numeric.hpp"

#include "../axpy.hpp"
#include "../dot.hpp"
#include "../simd.hpp"
#include "gemm.hpp"

namespace dlmath::fast::detail {
namespace {

constexpr double u = unit_roundoff<double>();

// Columns per block in the column-parallel passes: 32 doubles (a few cache
// lines of each row), small enough for a balanced split of a 100-column
// trailing matrix, large enough that a row's piece is several SIMD loads.
constexpr std::size_t col_block = 32;
// Threads from this many columns: a step of the reduction moves (m - k)(n - k)
// doubles twice; below 64 columns the two barriers of a step cost more.
constexpr std::size_t parallel_cols = 64;

//! [householder]
// The reflector H = I - tau v v^T (v_0 = 1) with H x = beta e_1, from
// alpha = x_0 and xnorm = ||x_1..||_2 (GVL Alg. 5.1.1, as LAPACK's dlarfg):
// beta = -sign(alpha) ||x||_2, tau = (beta - alpha) / beta, and
// v_i = x_i / (alpha - beta). No reflector (tau = 0) when x_1.. = 0.
struct Reflector {
    double tau, beta, scale;  // scale = 1 / (alpha - beta) multiplies x_1..
};
Reflector reflector(double alpha, double xnorm) {
    if (xnorm == 0.0) return {0.0, alpha, 0.0};
    const double beta = -std::copysign(std::hypot(alpha, xnorm), alpha);
    return {(beta - alpha) / beta, beta, 1.0 / (alpha - beta)};
}
//! [householder]

// sqrt(sum x_i^2) over n values read by x(i); a sum of squares this small
// may have lost terms to underflow, so it is then recomputed scaled by the
// largest |x_i|.
template <class X>
double norm_of(std::size_t n, X x) {
    double sq = 0.0;
    for (std::size_t i = 0; i < n; ++i) sq += x(i) * x(i);
    if (sq >= 0x1p-900) return std::sqrt(sq);
    double big = 0.0;
    for (std::size_t i = 0; i < n; ++i) big = std::fmax(big, std::fabs(x(i)));
    if (big == 0.0) return 0.0;
    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i) s += (x(i) / big) * (x(i) / big);
    return big * std::sqrt(s);
}

// A Householder vector with its place: H = I - tau v v^T acts on rows
// (or columns) start, start + 1, ...; v[0] = 1.
struct Stored {
    std::size_t start;
    double tau;
    std::vector<double> v;
};

//! [accumulate_reflectors]
// Reflectors per group of the blocked accumulation. Trades the inner
// dimension of the two large GEMMs (their packing is paid once per 32
// multiply-adds of each entry) against the extra work of the WY form: the
// product T W, 2 g^2 (cols - start) flops per group, g / rows of the rest.
constexpr std::size_t wy_group = 32;

// The T of H_0 ... H_{g-1} = I - Y T Y^T for Y ~ (len, g) row-major
// (column t the vector of H_t) and tau(t) (LAPACK's dlarft, forward):
// T_tt = tau_t, T(0:t, t) = -tau_t T(0:t, 0:t) S(0:t, t) with S = Y^T Y.
template <class Tau>
void wy_factor(const std::vector<double>& Y, std::size_t len, std::size_t g, Tau tau_of, std::vector<double>& S,
               std::vector<double>& T) {
    S.assign(g * g, 0.0);
    gemm(g, g, len, View{Y.data(), 1, g}, View{Y.data(), g, 1}, S.data(), g, Part::full, false);
    T.assign(g * g, 0.0);
    for (std::size_t t = 0; t < g; ++t) {
        const double tau = tau_of(t);
        T[t * g + t] = tau;
        for (std::size_t l = 0; l < t; ++l) {
            double sum = 0.0;
            for (std::size_t p = l; p < t; ++p) sum += T[l * g + p] * S[p * g + t];
            T[l * g + t] = -tau * sum;
        }
    }
}

// Q <- H_0 H_1 ... H_{r-1} Q for Q = [I; 0] ~ (rows, cols), by backward
// accumulation (the last group first; GVL §5.1.6): H_k touches rows and
// columns from start_k on only, start_k increasing with k. A group
// H_k ... H_{k+g-1} = I - Y T Y^T is applied in the compact WY form
// (GVL §5.1.7, Schreiber & Van Loan): with Q' the rows and columns from
// the group's first start on,
//   W = Y^T Q',  W <- T W,  Q' <- Q' - Y W,
// two GEMMs of 2 g (rows - start)(cols - start) flops each, on the fast
// GEMM (kernels/linear_algebra/gemm.cpp) with its threads: the
// accumulation's 4mn^2 - 4n^3/3 flops (U_B) and 4n^3/3 (V_B) run at the
// GEMM's rate instead of the rate of matrix-vector products.
void accumulate_reflectors(Matrix& Q, const std::vector<Stored>& H) {
    const std::size_t rows = Q.shape(0), cols = Q.shape(1), r = H.size();
    for (std::size_t j = 0; j < cols; ++j) Q(j, j) = 1.0;
    double* q = Q.data();
    const std::size_t groups = (r + wy_group - 1) / wy_group;
    std::vector<double> Y, S, T, W, TW;
    for (std::size_t gi = groups; gi-- > 0;) {
        const std::size_t k0 = gi * wy_group, g = std::min(wy_group, r - k0);
        const std::size_t start = H[k0].start, len = rows - start, width = cols - start;
        // Y ~ (len, g) row-major: column t is v of H_{k0+t}, zero above its start
        Y.assign(len * g, 0.0);
        for (std::size_t t = 0; t < g; ++t) {
            const Stored& h = H[k0 + t];
            for (std::size_t i = h.start; i < rows; ++i) Y[(i - start) * g + t] = h.v[i - h.start];
        }
        wy_factor(Y, len, g, [&](std::size_t t) { return H[k0 + t].tau; }, S, T);
        const bool threads = len * width * g >= gemm_parallel_threshold;
        // W = Y^T Q', TW = T W, then Q' += (-Y) TW
        W.assign(g * width, 0.0);
        gemm(g, width, len, View{Y.data(), 1, g}, View{q + start * cols + start, cols, 1}, W.data(), width, Part::full,
             threads);
        TW.assign(g * width, 0.0);
        gemm(g, width, g, View{T.data(), g, 1}, View{W.data(), width, 1}, TW.data(), width, Part::full, false);
        for (double& y : Y) y = -y;
        gemm(len, width, g, View{Y.data(), g, 1}, View{TW.data(), width, 1}, q + start * cols + start, cols, Part::full,
             threads);
    }
}
//! [accumulate_reflectors]

}  // namespace

namespace {

//! [householder_qr]
// A = Q R for a tall A (m >= n), in place, and b <- Q^T b: Householder QR
// (GVL Alg. 5.2.1) in panels of wy_group columns; each panel is factored
// column by column, then applied to the columns right of it as
// A' <- (I - Y T Y^T)^T A' = A' - Y T^T (Y^T A'): two GEMMs, the blocked
// QR of GVL §5.2.3. 2mn^2 - 2n^3/3 flops, almost all in the GEMMs. Returns
// R ~ (n, n).
Matrix householder_qr(Matrix& A, Vector& b) {
    const std::size_t m = A.shape(0), n = A.shape(1);
    double* a = A.data();
    std::vector<double> tau(n, 0.0), Y, S, T, W, TW;
    for (std::size_t p0 = 0; p0 < n; p0 += wy_group) {
        const std::size_t p1 = std::min(n, p0 + wy_group), g = p1 - p0;
        W.assign(wy_group, 0.0);
        for (std::size_t k = p0; k < p1; ++k) {
            const Reflector h = reflector(a[k * n + k], norm_of(m - k - 1, [&](std::size_t i) { return a[(k + 1 + i) * n + k]; }));
            tau[k] = h.tau;
            a[k * n + k] = h.beta;
            for (std::size_t i = k + 1; i < m; ++i) a[i * n + k] *= h.scale;
            if (h.tau == 0.0 || k + 1 == p1) continue;
            // the rest of the panel, row by row: w = v^T A[k:, k+1:p1], then A -= tau v w^T
            const std::size_t len = p1 - k - 1;
            double* w = W.data();
            std::copy(a + k * n + k + 1, a + k * n + p1, w);
            for (std::size_t i = k + 1; i < m; ++i) axpy(len, a[i * n + k], a + i * n + k + 1, w);
            axpy(len, -h.tau, w, a + k * n + k + 1);
            for (std::size_t i = k + 1; i < m; ++i) axpy(len, -(h.tau * a[i * n + k]), w, a + i * n + k + 1);
        }
        if (p1 == n) break;
        const std::size_t len = m - p0, width = n - p1;
        Y.assign(len * g, 0.0);
        for (std::size_t t = 0; t < g; ++t) {
            Y[t * g + t] = 1.0;
            for (std::size_t i = p0 + t + 1; i < m; ++i) Y[(i - p0) * g + t] = a[i * n + p0 + t];
        }
        wy_factor(Y, len, g, [&](std::size_t t) { return tau[p0 + t]; }, S, T);
        const bool threads = len * width * g >= gemm_parallel_threshold;
        W.assign(g * width, 0.0);  // W = Y^T A'
        gemm(g, width, len, View{Y.data(), 1, g}, View{a + p0 * n + p1, n, 1}, W.data(), width, Part::full, threads);
        TW.assign(g * width, 0.0);  // T^T W
        gemm(g, width, g, View{T.data(), 1, g}, View{W.data(), width, 1}, TW.data(), width, Part::full, false);
        for (double& y : Y) y = -y;
        gemm(len, width, g, View{Y.data(), g, 1}, View{TW.data(), width, 1}, a + p0 * n + p1, n, Part::full, threads);
    }
    for (std::size_t k = 0; k < n; ++k) {  // b <- H_{n-1} ... H_0 b
        if (tau[k] == 0.0) continue;
        double s = b(k);
        for (std::size_t i = k + 1; i < m; ++i) s += a[i * n + k] * b(i);
        s *= tau[k];
        b(k) -= s;
        for (std::size_t i = k + 1; i < m; ++i) b(i) -= s * a[i * n + k];
    }
    Matrix R = xt::zeros<double>({n, n});
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i; j < n; ++j) R(i, j) = a[i * n + j];
    return R;
}
//! [householder_qr]

}  // namespace

//! [bidiagonalize]
Bidiagonal bidiagonalize(Matrix A, const Vector* rhs) {
    const std::size_t m = A.shape(0), n = A.shape(1);
    Bidiagonal r{xt::zeros<double>({rhs ? std::size_t{1} : m, n}), Vector::from_shape({n}),
                 Vector::from_shape({n > 0 ? n - 1 : 0}), xt::zeros<double>({n, n})};
    std::vector<double> tau_left(n, 0.0), tau_right(n, 0.0), w(n, 0.0);
    double* a = A.data();
    const bool threaded = n >= parallel_cols;

    // Two barriers per step, at the ends of the two passes: the reflectors
    // are computed by every thread alike (the same operations on the same
    // data, so the same bits), and what only the later stages read is
    // written by one thread while the others go on.
#pragma omp parallel if (threaded) num_threads(dlmath::fast::team_size())
    {
        std::vector<double> vr(n);  // row k after the left reflector, then the right reflector's vector
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t first = k + 1;
            // the left reflector from column k, rows k..; v_i = a_ik * scale below the diagonal
            const Reflector hl =
                reflector(a[k * n + k], norm_of(m - k - 1, [&](std::size_t i) { return a[(k + 1 + i) * n + k]; }));
            const double tl = hl.tau;
            // w_j = v^T A[k:, j] for j > k: blocks of columns, each summed over the rows in order
            if (tl != 0.0 && first < n) {
                const std::size_t blocks = (n - first + col_block - 1) / col_block;
#pragma omp for schedule(static)
                for (long long bb = 0; bb < static_cast<long long>(blocks); ++bb) {
                    const std::size_t j0 = first + static_cast<std::size_t>(bb) * col_block, j1 = std::min(n, j0 + col_block);
                    double* acc = w.data() + j0;
                    std::copy(a + k * n + j0, a + k * n + j1, acc);
                    for (std::size_t i = k + 1; i < m; ++i) axpy(j1 - j0, a[i * n + k] * hl.scale, a + i * n + j0, acc);
                }
            }
            // row k after the left reflector, and the right reflector from it, columns k+1..
            Reflector hr{0.0, 0.0, 0.0};
            if (first < n) {
                std::copy(a + k * n + first, a + k * n + n, vr.begin() + static_cast<std::ptrdiff_t>(first));
                if (tl != 0.0) axpy(n - first, -tl, w.data() + first, vr.data() + first);
                hr = reflector(vr[first], norm_of(n - first - 1, [&](std::size_t j) { return vr[first + 1 + j]; }));
                for (std::size_t j = first + 1; j < n; ++j) vr[j] *= hr.scale;
            }
            const double tr = hr.tau;
            // the last column (k = n - 1) has no pass over w: every thread must have
            // read column k before the pass below stores v into it
            if (tl != 0.0 && first == n) {
#pragma omp barrier
            }
            // rows below: v_i stored, the left rank-1 update, then the right reflector, while the row is in L1
            if (tl != 0.0 || tr != 0.0) {
                const double* v = vr.data() + first;  // v_0 = 1 is implied
#pragma omp for schedule(static)
                for (long long ii = static_cast<long long>(k + 1); ii < static_cast<long long>(m); ++ii) {
                    double* row = a + static_cast<std::size_t>(ii) * n;
                    if (tl != 0.0) {
                        row[k] *= hl.scale;
                        axpy(n - first, -(tl * row[k]), w.data() + first, row + first);
                    }
                    if (tr != 0.0) {
                        const double s = row[first] + dot_block(row + first + 1, v + 1, 0, n - first - 1);
                        row[first] -= tr * s;
                        axpy(n - first - 1, -(tr * s), v + 1, row + first + 1);
                    }
                }
            }
            // what the later stages need: row k is not read again in this loop
#pragma omp single nowait
            {
                tau_left[k] = tl;
                r.d(k) = hl.beta;
                if (first < n) {
                    tau_right[k] = tr;
                    r.e(k) = hr.beta;
                    std::copy(vr.begin() + static_cast<std::ptrdiff_t>(first) + 1, vr.end(), a + k * n + first + 1);
                }
            }
        }
    }

    // U_B = H_0 ... H_{n-1} [I; 0] and V_B = G_0 ... G_{n-3} from the stored vectors
    std::vector<Stored> left(n), right;
    for (std::size_t k = 0; k < n; ++k) {
        left[k] = {k, tau_left[k], std::vector<double>(m - k)};
        left[k].v[0] = 1.0;
        for (std::size_t i = k + 1; i < m; ++i) left[k].v[i - k] = a[i * n + k];
        if (k + 2 < n && tau_right[k] != 0.0) {
            Stored g{k + 1, tau_right[k], std::vector<double>(n - k - 1)};
            g.v[0] = 1.0;
            std::copy(a + k * n + k + 2, a + k * n + n, g.v.begin() + 1);
            right.push_back(std::move(g));
        }
    }
    if (rhs) {
        // U_B^T b = the first n entries of H_{n-1} ... H_0 b: 4mn flops, no U_B
        Vector y = *rhs;
        for (const Stored& h : left) {
            if (h.tau == 0.0) continue;
            double s = 0.0;
            for (std::size_t i = h.start; i < m; ++i) s += h.v[i - h.start] * y(i);
            for (std::size_t i = h.start; i < m; ++i) y(i) -= h.tau * s * h.v[i - h.start];
        }
        for (std::size_t j = 0; j < n; ++j) r.U(0, j) = y(j);
    } else {
        accumulate_reflectors(r.U, left);
    }
    accumulate_reflectors(r.V, right);
    return r;
}
//! [bidiagonalize]

namespace {

// (c, s, r) with c f + s g = r and -s f + c g = 0 (LAPACK's dlartg). The
// plain sqrt(f^2 + g^2) where no square can overflow or underflow, hypot
// (several times slower) otherwise.
struct Givens {
    double c, s, r;
};
inline Givens givens(double f, double g) {
    if (g == 0.0) return {1.0, 0.0, f};
    if (f == 0.0) return {0.0, 1.0, g};
    const double big = std::fmax(std::fabs(f), std::fabs(g));
    const double r = big > 0x1p-500 && big < 0x1p500 ? std::sqrt(f * f + g * g) : std::hypot(f, g);
    return {f / r, g / r, r};
}

// The smaller singular value of [[f, g], [0, h]] (LAPACK's dlas2), without
// overflow and accurate to a few ulps even when it is tiny.
double smaller_singular_value(double f, double g, double h) {
    const double fa = std::fabs(f), ga = std::fabs(g), ha = std::fabs(h);
    const double fhmn = std::fmin(fa, ha), fhmx = std::fmax(fa, ha);
    if (fhmn == 0.0) return 0.0;
    if (ga < fhmx) {
        const double as = 1.0 + fhmn / fhmx, at = (fhmx - fhmn) / fhmx, au = (ga / fhmx) * (ga / fhmx);
        const double c = 2.0 / (std::sqrt(as * as + au) + std::sqrt(at * at + au));
        return fhmn * c;
    }
    const double au = fhmx / ga;
    if (au == 0.0) return (fhmn * fhmx) / ga;
    const double as = 1.0 + fhmn / fhmx, at = (fhmx - fhmn) / fhmx;
    const double c = 1.0 / (std::sqrt(1.0 + (as * au) * (as * au)) + std::sqrt(1.0 + (at * au) * (at * au)));
    return 2.0 * (fhmn * c) * au;
}

// Z's columns p and q (any two) rotated at once: z_p' = c z_p - s z_q, z_q' = s z_p + c z_q.
void rotate_columns(Matrix& Z, std::size_t p, std::size_t q, double c, double s) {
    const std::size_t rows = Z.shape(0);
    for (std::size_t i = 0; i < rows; ++i) {
        const double zp = Z(i, p), zq = Z(i, q);
        Z(i, p) = c * zp - s * zq;
        Z(i, q) = s * zp + c * zq;
    }
}

// Rotations per side held before they are applied: 2^15 of them, 768 KiB
// per side, in L2/L3. Trades a pass of transposing U and V per flush (about
// n^2 / 2^15 flushes: 8 at n = 512) against the memory of all the rotations
// (n^2 per side, touched once: on a virtual machine the first touch of
// every page costs a fault).
constexpr std::size_t flush_rotations = std::size_t{1} << 15;

void flush(RotationSequence& g, Matrix& Z) {
    apply_rotations(g, Z.data(), Z.shape(0), Z.shape(1), Z.shape(1));
    g.index.clear();
    g.c.clear();
    g.s.clear();
}

void record(RotationSequence& g, std::size_t i, double c, double s) {
    g.index.push_back(i);
    g.c.push_back(c);
    g.s.push_back(s);
}

}  // namespace

//! [bidiagonal_qr]
void bidiagonal_qr(Vector& dv, Vector& ev, RotationSequence& left, RotationSequence& right, Matrix& U, Matrix& V) {
    const std::size_t n = dv.size();
    if (n <= 1) return;
    double* d = dv.data();
    double* e = ev.data();
    // the sequences are applied to U and V every flush_rotations rotations:
    // a buffer of fixed size (written once, then reused from the cache)
    // instead of about n^2 rotations per side held to the end
    for (RotationSequence* g : {&left, &right}) {
        g->index.reserve(flush_rotations + n);
        g->c.reserve(flush_rotations + n);
        g->s.reserve(flush_rotations + n);
    }
    double bnorm = 0.0;
    for (std::size_t i = 0; i < n; ++i) bnorm = std::fmax(bnorm, std::fabs(d[i]));
    for (std::size_t i = 0; i + 1 < n; ++i) bnorm = std::fmax(bnorm, std::fabs(e[i]));
    // a diagonal entry below u ||B|| is set to 0: a perturbation within the backward error
    const double dtol = u * bnorm;
    // e_i is negligible next to its neighbours (relative, GVL §8.6.2), or below
    // the range where the relative test would underflow
    const double floor = std::numeric_limits<double>::min() / u;
    auto negligible = [&](std::size_t i) {
        return std::fabs(e[i]) <= u * (std::fabs(d[i]) + std::fabs(d[i + 1])) || std::fabs(e[i]) <= floor;
    };
    // two sweeps per singular value are typical; this many means no convergence
    const std::size_t max_sweeps = 30 * n;
    std::size_t sweeps = 0;

    std::size_t q = n - 1;  // B[0..q] is the part not yet diagonal
    while (q > 0 && sweeps < max_sweeps) {
        if (negligible(q - 1)) {
            e[q - 1] = 0.0;
            --q;
            continue;
        }
        // the unreduced block B[p..q]: e_p .. e_{q-1} all non-negligible
        std::size_t p = q - 1;
        while (p > 0 && !negligible(p - 1)) --p;
        if (p > 0) e[p - 1] = 0.0;

        // a zero on the diagonal splits the block (GVL §8.6.2)
        std::size_t zero = q + 1;
        for (std::size_t k = p; k <= q && zero > q; ++k)
            if (std::fabs(d[k]) <= dtol) zero = k;
        if (zero < q) {
            // d_k = 0, k < q: rotations of rows (k, j), j = k+1..q, chase e_k along row k out of B
            const std::size_t k = zero;
            d[k] = 0.0;
            flush(left, U);
            double x = e[k];
            e[k] = 0.0;
            for (std::size_t j = k + 1; j <= q && x != 0.0; ++j) {
                const Givens g = givens(d[j], x);  // c = d_j / r, s = x / r
                d[j] = g.r;
                rotate_columns(U, k, j, g.c, g.s);
                if (j < q) {
                    x = -g.s * e[j];
                    e[j] = g.c * e[j];
                }
            }
            continue;
        }
        if (zero == q) {
            // d_q = 0: rotations of columns (j, q), j = q-1..p, chase e_{q-1} up column q out of B
            d[q] = 0.0;
            flush(right, V);
            double x = e[q - 1];
            e[q - 1] = 0.0;
            for (std::size_t j = q; j-- > p && x != 0.0;) {
                const Givens g = givens(d[j], x);  // c = d_j / r, s = -x / r below
                d[j] = g.r;
                rotate_columns(V, j, q, g.c, -g.s);
                if (j > p) {
                    x = -g.s * e[j - 1];
                    e[j - 1] = g.c * e[j - 1];
                }
            }
            continue;
        }

        // the shift: the smaller singular value of the trailing 2x2, or 0
        // when it would not change d_p^2 (then the zero-shift sweep keeps
        // the small singular values' relative accuracy, Demmel & Kahan)
        double shift = smaller_singular_value(d[q - 1], e[q - 1], d[q]);
        const double dp = d[p];
        if ((shift / dp) * (shift / dp) < u) shift = 0.0;
        // one implicit QR sweep on B[p..q]: the first right rotation is that
        // of B^T B - shift^2 I, scaled by 1/d_p; the rest chase the bulge
        double f = (std::fabs(dp) - shift) * (std::copysign(1.0, dp) + shift / dp);
        double g = e[p];
        for (std::size_t i = p; i < q; ++i) {
            const Givens rr = givens(f, g);
            if (i > p) e[i - 1] = rr.r;
            f = rr.c * d[i] + rr.s * e[i];
            e[i] = rr.c * e[i] - rr.s * d[i];
            g = rr.s * d[i + 1];
            d[i + 1] = rr.c * d[i + 1];
            const Givens rl = givens(f, g);
            d[i] = rl.r;
            f = rl.c * e[i] + rl.s * d[i + 1];
            d[i + 1] = rl.c * d[i + 1] - rl.s * e[i];
            if (i + 1 < q) {
                g = rl.s * e[i + 1];
                e[i + 1] = rl.c * e[i + 1];
            }
            // new col_i = c col_i + s col_{i+1}: in apply_rotations' sign convention, -s
            record(right, i, rr.c, -rr.s);
            record(left, i, rl.c, -rl.s);
        }
        e[q - 1] = f;
        ++sweeps;
        if (left.index.size() >= flush_rotations) {
            flush(left, U);
            flush(right, V);
        }
    }
}
//! [bidiagonal_qr]

//! [bidiagonal_svd]
// Least squares factors R first from m >= 2n rows: the QR's 2mn^2 - 2n^3/3
// flops run on the GEMM, and the bidiagonalisation's matrix-vector passes
// (4mn^2 - 4n^3/3 flops on A) shrink to 8n^3/3 on R; at m = 2n that moves
// half of the reduction's work into matrix-matrix products.
constexpr std::size_t qr_first_ratio = 2;

SVD bidiagonal_svd(Matrix A, const Vector* rhs) {
    const std::size_t n = A.shape(1);
    if (rhs && A.shape(0) >= qr_first_ratio * n && n > 0) {
        // least squares on a matrix twice as tall as wide or more: A = Q R first, then
        // the SVD of R with Q^T b (LAPACK's dgelsd does the same): U^T b = U_R^T (Q^T b)_0..n-1
        Vector c = *rhs;
        Matrix R = householder_qr(A, c);
        const Vector cn = xt::view(c, xt::range(0, n));
        return bidiagonal_svd(std::move(R), &cn);
    }
    Bidiagonal b = bidiagonalize(std::move(A), rhs);
    const std::size_t m = b.U.shape(0);  // A's rows, or 1 for (U^T b)^T
    RotationSequence left, right;
    bidiagonal_qr(b.d, b.e, left, right, b.U, b.V);
    apply_rotations(left, b.U.data(), m, n, n);   // U = U_B L, or (U^T b)^T = (U_B^T b)^T L
    apply_rotations(right, b.V.data(), n, n, n);  // V = V_B R
    // sorted descending (stable); a negative d_j flips v_j. The columns
    // are permuted in place, row by row, and V is transposed in place: no
    // new matrix (fresh memory costs a page fault per 4 KiB on first touch)
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return std::fabs(b.d(x)) > std::fabs(b.d(y)); });
    SVD r{std::move(b.U), Vector::from_shape({n}), std::move(b.V)};
    std::vector<double> sign(n), row(n);
    for (std::size_t j = 0; j < n; ++j) {
        r.S(j) = std::fabs(b.d(order[j]));
        sign[j] = b.d(order[j]) < 0.0 ? -1.0 : 1.0;
    }
    for (std::size_t i = 0; i < m; ++i) {
        double* ui = r.U.data() + i * n;
        std::copy(ui, ui + n, row.begin());
        for (std::size_t j = 0; j < n; ++j) ui[j] = row[order[j]];
    }
    for (std::size_t i = 0; i < n; ++i) {
        double* vi = r.Vt.data() + i * n;
        std::copy(vi, vi + n, row.begin());
        for (std::size_t j = 0; j < n; ++j) vi[j] = sign[j] * row[order[j]];
    }
    for (std::size_t i = 0; i < n; ++i)  // V -> V^T
        for (std::size_t j = i + 1; j < n; ++j) std::swap(r.Vt(i, j), r.Vt(j, i));
    return r;
}
//! [bidiagonal_svd]

}  // namespace dlmath::fast::detail
