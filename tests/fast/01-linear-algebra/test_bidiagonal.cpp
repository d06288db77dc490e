// The stages of the fast SVD, each on its own: the rotation-sequence
// kernel against the rotations applied one by one, the Householder
// bidiagonalisation, the bidiagonal QR on known cases, and the whole SVD
// on tall, wide and rank-deficient input, reproducible for any thread count.
//
// Bounds. Every stage is a product of orthogonal transformations, each
// rounded: a reflector or rotation applied to a vector x changes it by at
// most a small multiple of u ||x|| (Higham, Accuracy and Stability, §19.3,
// §19.6), and these errors add. So for k transformations touching a row or
// column the error is at most c k u times its norm; the constants below
// are stated where used, each with a factor of about 2 over the analysis.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include <xtensor-blas/xlinalg.hpp>

#include "prelude.hpp"

#include "kernels/linear_algebra/bidiagonal.hpp"
#include "kernels/linear_algebra/rotations.hpp"

namespace {

namespace detail = dlmath::fast::detail;

// ||Q^T Q - I||_max for a matrix with orthonormal columns.
double orthonormality(const Matrix& Q) {
    const Matrix G = xt::linalg::dot(tr(Q), Q);
    double worst = 0.0;
    for (std::size_t i = 0; i < G.shape(0); ++i)
        for (std::size_t j = 0; j < G.shape(1); ++j) worst = std::max(worst, std::fabs(G(i, j) - (i == j ? 1.0 : 0.0)));
    return worst;
}

// The upper bidiagonal matrix of d and e.
Matrix bidiag(const Vector& d, const Vector& e) {
    const std::size_t n = d.size();
    Matrix B = xt::zeros<double>({n, n});
    for (std::size_t i = 0; i < n; ++i) B(i, i) = d(i);
    for (std::size_t i = 0; i + 1 < n; ++i) B(i, i + 1) = e(i);
    return B;
}

// U diag(d) V^T against B, U and V orthonormal, and the sorted |d| against
// LAPACK's singular values of B. Both within c n u ||B||_2 (Weyl), c = 60
// (jacobi_bound) covering about 2 sweeps per value of rotations whose
// errors add, as in the file comment.
void expect_bidiagonal_qr(const Vector& d0, const Vector& e0, const std::string& what) {
    const std::size_t n = d0.size();
    const Matrix B = bidiag(d0, e0);
    Vector d = d0, e = e0;
    Matrix U = xt::eye<double>(n), V = xt::eye<double>(n);
    detail::RotationSequence left, right;
    detail::bidiagonal_qr(d, e, left, right, U, V);
    detail::apply_rotations(left, U.data(), n, n, n);
    detail::apply_rotations(right, V.data(), n, n, n);
    for (std::size_t i = 0; i + 1 < n; ++i) EXPECT_EQ(e(i), 0.0) << what;
    const double normB = n ? std::get<1>(xt::linalg::svd(B, false, true))(0) : 0.0;
    const double bound = jacobi_bound(n) * normB;
    Matrix UD = U;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) UD(i, j) *= d(j);
    EXPECT_TRUE(agree_elementwise(Matrix(xt::linalg::dot(UD, tr(V))), B, [&](std::size_t) { return bound; }, what + ": U diag(d) V^T"));
    EXPECT_LE(orthonormality(U), jacobi_bound(n)) << what;
    EXPECT_LE(orthonormality(V), jacobi_bound(n)) << what;
    std::vector<double> s(n);
    for (std::size_t i = 0; i < n; ++i) s[i] = std::fabs(d(i));
    std::sort(s.rbegin(), s.rend());
    const Vector lapack = std::get<1>(xt::linalg::svd(B, false, true));
    for (std::size_t i = 0; i < n; ++i) EXPECT_TRUE(agree(s[i], lapack(i), 2 * bound, what + ": sigma_" + std::to_string(i)));
}

// A = U S V^T, U and V orthonormal, S descending and within Weyl's bound of
// LAPACK's: c max(m, n) u ||A||_2 with c = 60 for each (jacobi_bound).
void expect_svd(const Matrix& A, const dlmath::SVD& f, const std::string& what) {
    const std::size_t m = A.shape(0), n = A.shape(1), k = std::min(m, n);
    ASSERT_EQ(f.U.shape(0), m);
    ASSERT_EQ(f.U.shape(1), k);
    ASSERT_EQ(f.S.size(), k);
    ASSERT_EQ(f.Vt.shape(0), k);
    ASSERT_EQ(f.Vt.shape(1), n);
    const Vector lapack = std::get<1>(xt::linalg::svd(A, false, true));
    const double s1 = k ? lapack(0) : 0.0, bound = jacobi_bound(std::max(m, n)) * s1;
    EXPECT_TRUE(agree_elementwise(f.S, lapack, [&](std::size_t) { return 2 * bound; }, what + ": singular values"));
    for (std::size_t j = 0; j + 1 < k; ++j) EXPECT_GE(f.S(j), f.S(j + 1)) << what;
    Matrix US = f.U;
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < k; ++j) US(i, j) *= f.S(j);
    EXPECT_TRUE(agree_elementwise(Matrix(xt::linalg::dot(US, f.Vt)), A, [&](std::size_t) { return bound; }, what + ": U S V^T"));
    EXPECT_LE(orthonormality(f.U), jacobi_bound(std::max(m, n))) << what;
    EXPECT_LE(orthonormality(tr(f.Vt)), jacobi_bound(std::max(m, n))) << what;
}

}  // namespace

// The rotation-sequence kernel that applies the recorded rotations is
// tested in test_tridiagonal.cpp (eigh applies it too).

// ---------------------------------------------------------------- the bidiagonalisation

// U_B^T A V_B = B: n reflectors from each side, each changing a column by
// at most c m u times its norm (Higham Thm 19.4, c a small constant), and the
// check's own products m n u ||A||: together 8 m n u ||A||_F entrywise.
TEST(Bidiagonalisation, OrthonormalFactorsAndBidiagonalB) {
    for (const auto& [m, n] : std::vector<std::array<std::size_t, 2>>{
             {1, 1}, {2, 1}, {2, 2}, {5, 3}, {7, 7}, {33, 31}, {64, 64}, {130, 100}, {200, 70}, {300, 5}}) {
        const std::string what = std::to_string(m) + "x" + std::to_string(n);
        const Matrix A = random<Matrix>({m, n}, m * 1000 + n);
        const detail::Bidiagonal b = detail::bidiagonalize(A);
        ASSERT_EQ(b.U.shape(0), m);
        ASSERT_EQ(b.U.shape(1), n);
        ASSERT_EQ(b.V.shape(0), n);
        ASSERT_EQ(b.e.size(), n - 1);
        EXPECT_LE(orthonormality(b.U), 8 * m * u) << what;
        EXPECT_LE(orthonormality(b.V), 8 * n * u) << what;
        const Matrix UtAV = xt::linalg::dot(xt::linalg::dot(tr(b.U), A), b.V);
        const double bound = 8.0 * static_cast<double>(m * n) * u * fro(A);
        EXPECT_TRUE(agree_elementwise(UtAV, bidiag(b.d, b.e), [&](std::size_t) { return bound; }, what + ": U_B^T A V_B = B"));
    }
}

TEST(Bidiagonalisation, ZeroColumnsAndAnAlreadyBidiagonalMatrix) {
    // a zero column needs no reflector: d_0 = 0 exactly
    Matrix Z = random<Matrix>({6, 4}, 9);
    xt::view(Z, xt::all(), 0) = 0.0;
    const detail::Bidiagonal bz = detail::bidiagonalize(Z);
    EXPECT_EQ(bz.d(0), 0.0);
    // an upper bidiagonal input is returned as it is, up to signs
    const Matrix B = bidiag(Vector{3.0, -2.0, 1.0}, Vector{0.5, 0.25});
    const detail::Bidiagonal bb = detail::bidiagonalize(B);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_NEAR(std::fabs(bb.d(i)), std::fabs(B(i, i)), 4 * u) << i;
    for (std::size_t i = 0; i < 2; ++i) EXPECT_NEAR(std::fabs(bb.e(i)), std::fabs(B(i, i + 1)), 4 * u) << i;
}

// ---------------------------------------------------------------- the bidiagonal QR

TEST(BidiagonalQr, KnownCases) {
    // diagonal: nothing to rotate
    {
        Vector d{3.0, -1.0, 2.0}, e{0.0, 0.0};
        Matrix U = xt::eye<double>(3), V = xt::eye<double>(3);
        detail::RotationSequence left, right;
        detail::bidiagonal_qr(d, e, left, right, U, V);
        EXPECT_TRUE(left.index.empty() && right.index.empty());
        EXPECT_TRUE(xt::all(xt::equal(d, Vector{3.0, -1.0, 2.0})));
    }
    expect_bidiagonal_qr(Vector{-3.0}, Vector::from_shape({0}), "1x1");
    expect_bidiagonal_qr(Vector{1.0, 3.0}, Vector{2.0}, "2x2");
    expect_bidiagonal_qr(Vector{1e-3, 1.0}, Vector{1e3}, "2x2, large superdiagonal");
    // a zero on the diagonal, inside the block and at its end
    expect_bidiagonal_qr(Vector{1.0, 0.0, 2.0, 1.5}, Vector{1.0, 1.0, 0.5}, "zero inside");
    expect_bidiagonal_qr(Vector{1.0, 2.0, 0.0}, Vector{1.0, 1.0}, "zero at the end");
    expect_bidiagonal_qr(Vector{0.0, 2.0, 3.0}, Vector{1.0, 1.0}, "zero at the start");
    expect_bidiagonal_qr(Vector{0.0, 0.0, 0.0}, Vector{1.0, 1.0}, "zero diagonal");
    // graded, both ways
    expect_bidiagonal_qr(Vector{1.0, 1e-5, 1e-10, 1e-15}, Vector{1e-3, 1e-8, 1e-13}, "graded downwards");
    expect_bidiagonal_qr(Vector{1e-15, 1e-10, 1e-5, 1.0}, Vector{1e-13, 1e-8, 1e-3}, "graded upwards");
    // repeated singular values: the identity with tiny and with zero coupling
    expect_bidiagonal_qr(Vector{1.0, 1.0, 1.0, 1.0}, Vector{1e-20, 1e-20, 1e-20}, "repeated");
    // a longer random one
    const Vector dr = random<Vector>({40}, 11), er = random<Vector>({39}, 12);
    expect_bidiagonal_qr(dr, er, "random 40");
}

// ---------------------------------------------------------------- the whole SVD

TEST(BidiagonalSvd, TallWideAndRankDeficient) {
    for (const auto& [m, n] : std::vector<std::array<std::size_t, 2>>{
             {1, 1}, {3, 1}, {1, 3}, {64, 32}, {32, 64}, {300, 5}, {5, 300}, {128, 128}, {150, 130}}) {
        const std::string what = std::to_string(m) + "x" + std::to_string(n);
        const Matrix A = random<Matrix>({m, n}, m + 3 * n);
        expect_svd(A, fast::svd(A), what);
        const std::size_t r = std::min(m, n) / 3;
        const Matrix D = rank_deficient(m, n, r, m + n);
        const dlmath::SVD f = fast::svd(D);
        expect_svd(D, f, what + ", rank " + std::to_string(r));
        // the zero singular values are rounding: below c n u sigma_1
        for (std::size_t j = r; j < f.S.size(); ++j) EXPECT_LE(f.S(j), jacobi_bound(std::max(m, n)) * f.S(0)) << what;
    }
    // repeated singular values
    const Matrix R = dlmath::testing::with_singular_values(Vector{2.0, 2.0, 2.0, 1.0, 1.0, 0.5}, 21);
    const dlmath::SVD f = fast::svd(R);
    expect_svd(R, f, "repeated");
    EXPECT_TRUE(agree_elementwise(f.S, Vector{2.0, 2.0, 2.0, 1.0, 1.0, 0.5}, [](std::size_t) { return jacobi_bound(6) * 2; },
                                  "repeated values"));
    // the zero matrix: S = 0, U and V orthonormal
    const Matrix Z = xt::zeros<double>({7, 4});
    const dlmath::SVD z = fast::svd(Z);
    EXPECT_TRUE(xt::all(xt::equal(z.S, 0.0)));
    EXPECT_LE(orthonormality(z.U), 0.0);
}

TEST(BidiagonalSvd, BitwiseTheSameForAnyThreadCount) {
    // above the sizes from which the reduction (64 columns), the rotations
    // and (520 x 400: 520 * 400 * 32 >= gemm_parallel_threshold) the GEMMs
    // of the accumulation thread
    static_assert(520 * 400 * 32 >= fast::gemm_parallel_threshold);
    for (const auto& shape : std::vector<std::vector<std::size_t>>{{200, 100}, {90, 180}, {520, 400}}) {
        const Matrix A = random<Matrix>(shape, 77);
        dlmath::SVD one, two;
        {
            const scoped_threads threads(1);
            one = fast::svd(A);
        }
        {
            const scoped_threads threads(2);
            two = fast::svd(A);
        }
        EXPECT_TRUE(xt::all(xt::equal(one.S, two.S)) && xt::all(xt::equal(one.U, two.U)) &&
                    xt::all(xt::equal(one.Vt, two.Vt)));
    }
    // lstsq's QR first (m >= 2n), its first panel update threaded: 640 * 218 * 32 >= gemm_parallel_threshold
    static_assert(640 * 218 * 32 >= fast::gemm_parallel_threshold);
    const Matrix A = random<Matrix>({640, 250}, 78);
    const Vector b = random<Vector>({640}, 79);
    Vector one, two;
    {
        const scoped_threads threads(1);
        one = fast::lstsq(A, b);
    }
    {
        const scoped_threads threads(2);
        two = fast::lstsq(A, b);
    }
    EXPECT_TRUE(xt::all(xt::equal(one, two)));
}

// lstsq of a tall or square A carries b through the reflectors and the
// rotations instead of forming U: the same x as the pseudoinverse built
// from the full SVD, within the bound of SvdBasedAgreement (both are
// backward stable: relative c n u kappa over the kept singular values).
TEST(BidiagonalSvd, LeastSquaresWithoutFormingU) {
    for (const auto& [m, n, r] : std::vector<std::array<std::size_t, 3>>{
             {1, 1, 1}, {5, 5, 5}, {64, 32, 32}, {300, 5, 5}, {130, 100, 100}, {90, 60, 20}, {200, 70, 70}, {200, 70, 30},
             {600, 250, 250}}) {
        const std::string what = std::to_string(m) + "x" + std::to_string(n) + ", rank " + std::to_string(r);
        const Matrix A = r < n ? rank_deficient(m, n, r, m + n) : random<Matrix>({m, n}, m + n);
        const Vector b = random<Vector>({m}, m + n + 1);
        const double rcond = r < n ? 1e-10 : 1e-15;
        const dlmath::SVD d = fast::svd(A);
        std::size_t kept = 0;
        while (kept < d.S.size() && d.S(kept) > rcond * d.S(0) && d.S(kept) > 0) ++kept;
        const double kappa = kept ? d.S(0) / d.S(kept - 1) : 1.0;
        const Vector x = fast::matvec(fast::pinv(A, rcond), b);
        const double bound = 2 * 4 * jacobi_bound(m) * kappa * std::max(max_abs(x), max_abs(b) / d.S(0));
        EXPECT_TRUE(agree_elementwise(fast::lstsq(A, b, rcond), x, [&](std::size_t) { return bound; }, what));
    }
}
