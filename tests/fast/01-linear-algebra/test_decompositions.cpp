// Decompositions, fast twin: agrees with the reference twin within
// bounds from error analysis, is bitwise reproducible for any thread count,
// and rejects the same bad input with the same message.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include <xtensor/xview.hpp>

#include "prelude.hpp"

namespace {

// Sizes for the kernels: 0, 1, primes, not multiples of the SIMD width, one
// LU panel (32 columns) and a few. The threaded paths of LU, of the SVD's
// bidiagonalisation and of eigh's tridiagonal stages start at larger sizes
// (the GEMM's threshold in dlmath/fast/config.hpp, 128 rows in tridiagonal.cpp);
// LuAgreement.ThreadedPathIsBitwiseReproducible and DecompositionAgreement.ThreadedPathAndReproducible
// take them (test_bidiagonal.cpp and test_tridiagonal.cpp test each stage).
rc::Gen<std::size_t> kernel_dim() {
    return rc::gen::elementOf(std::vector<std::size_t>{0, 1, 2, 3, 5, 7, 8, 13, 31, 32, 33, 47, 64, 67});
}

// Columns j of X and Y agree up to sign within bound(j) each.
::testing::AssertionResult agree_columns_up_to_sign(const Matrix& X, const Matrix& Y, const std::vector<double>& bound,
                                                    const std::string& what) {
    if (X.shape() != Y.shape()) return ::testing::AssertionFailure() << what << ": shapes differ";
    for (std::size_t j = 0; j < X.shape(1); ++j) {
        if (!std::isfinite(bound[j])) continue;  // no gap: the column is not determined
        double d = 0.0;
        for (std::size_t i = 0; i < X.shape(0); ++i) d += X(i, j) * Y(i, j);
        const double s = d < 0 ? -1.0 : 1.0;
        Matrix x = xt::view(X, xt::all(), xt::range(j, j + 1));
        Matrix y = xt::view(Y, xt::all(), xt::range(j, j + 1));
        y *= s;
        const auto r = agree_elementwise(x, y, [&](std::size_t) { return bound[j]; }, what + ", column " + std::to_string(j));
        if (!r) return r;
    }
    return ::testing::AssertionSuccess();
}

// Gap-dependent bound for singular/eigen vectors (Davis-Kahan / Wedin):
// |angle| <= ||E|| / gap with ||E|| <= 2 c n u ||A||.
std::vector<double> vector_bounds(const Vector& values, double err) {
    const std::size_t k = values.size();
    std::vector<double> b(k);
    for (std::size_t j = 0; j < k; ++j) {
        double gap = kInf;
        if (j > 0) gap = std::min(gap, std::fabs(values(j) - values(j - 1)));
        if (j + 1 < k) gap = std::min(gap, std::fabs(values(j + 1) - values(j)));
        b[j] = gap > 1e3 * err ? 2 * err / gap + err : kInf;
    }
    return b;
}

}  // namespace

// ---------------------------------------------------------------- agreement: LU

// det, solve and inv: both twins are backward stable LUs (|dA| <= gamma_n
// |L||U|); their results differ by at most twice the forward error, which is
// c n u kappa relative (c = 16 allows a pivot growth of a few).
RC_GTEST_PROP(LuAgreement, DetSolveInvWithinTheConditionBound, ()) {
    const std::size_t n = *kernel_dim();
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Matrix A = random<Matrix>({n, n}, seed);
    const double kappa = n ? ref::cond(A) : 1.0;
    const double rel = 2 * 16 * static_cast<double>(std::max<std::size_t>(n, 1)) * u * kappa;
    const double d = ref::det(A);
    DLMATH_RC_ASSERT(agree(fast::det(A), d, rel * std::fabs(d), "det, n = " + std::to_string(n)));
    const Vector b = random<Vector>({n}, seed + 1);
    const Vector x = ref::solve(A, b);
    const double xb = rel * (x.size() ? xt::amax(xt::abs(x))() : 0.0);
    DLMATH_RC_ASSERT(agree_elementwise(fast::solve(A, b), x, [xb](std::size_t) { return xb; }, "solve"));
    // 1 to 19 right-hand sides: both sides of the SIMD width W at which the
    // fast solve turns from one column at a time to blocked substitution
    const std::size_t r = *rc::gen::inRange<std::size_t>(1, 20);
    const Matrix B = random<Matrix>({n, r}, seed + 2);
    const Matrix X = ref::solve(A, B);
    const double Xb = rel * max_abs(X);
    DLMATH_RC_ASSERT(agree_elementwise(fast::solve(A, B), X, [Xb](std::size_t) { return Xb; },
                                       "solve, " + std::to_string(r) + " columns"));
    const Matrix Ai = ref::inv(A);
    const double ib = rel * max_abs(Ai);
    DLMATH_RC_ASSERT(agree_elementwise(fast::inv(A), Ai, [ib](std::size_t) { return ib; }, "inv"));
}

TEST(LuAgreement, BlockedPathNotAWholeNumberOfPanels) {
    // 150 = 4 panels of 32 columns + 22: the trailing updates and the blocked
    // solve's off-diagonal blocks go through the GEMM, and the last panel and
    // block are partial
    constexpr std::size_t n = 150;
    static_assert(n % 32 != 0);
    const Matrix A = random<Matrix>({n, n}, 42);
    const double rel = 2 * 16 * n * u * ref::cond(A);
    const double d = ref::det(A);
    EXPECT_TRUE(agree(fast::det(A), d, rel * std::fabs(d), "det, 150"));
    const Matrix Ai = ref::inv(A);
    const double ib = rel * max_abs(Ai);
    EXPECT_TRUE(agree_elementwise(fast::inv(A), Ai, [ib](std::size_t) { return ib; }, "inv, 150"));
}

TEST(LuAgreement, ThreadedPathIsBitwiseReproducible) {
    // 406 = 12 panels + 22: the first trailing update, 374 x 374 x 32
    // multiply-adds, is past the GEMM's threshold for threads, and inv's
    // 406 right-hand sides are past lu_parallel_columns, so with two threads
    // every threaded step runs; one thread must give the same bits
    constexpr std::size_t n = 406;
    static_assert((n - 32) * (n - 32) * 32 >= fast::gemm_parallel_threshold && n >= fast::lu_parallel_columns);
    const Matrix A = random<Matrix>({n, n}, 7);
    const Vector b = random<Vector>({n}, 8);
    double d1 = 0, d2 = 0;
    Matrix i1, i2;
    Vector x1, x2;
    {
        const scoped_threads threads(1);
        d1 = fast::det(A);
        i1 = fast::inv(A);
        x1 = fast::solve(A, b);
    }
    {
        const scoped_threads threads(2);
        d2 = fast::det(A);
        i2 = fast::inv(A);
        x2 = fast::solve(A, b);
    }
    EXPECT_EQ(d1, d2);
    EXPECT_TRUE(xt::all(xt::equal(i1, i2)));
    EXPECT_TRUE(xt::all(xt::equal(x1, x2)));
    // and the threaded result is an inverse. Each column solves (A + dA_j) x_j
    // = e_j with |dA_j| <= gamma_3n |L||U| (Higham, Accuracy and Stability,
    // Thm 9.4), and max |L||U| <= n rho max|A| for a pivot growth rho, so
    // |A X - I| <= 3 n u * n * n rho max|A| max|X| entrywise: 16 n^3 u allows rho ~ 5
    const Matrix R = fast::matmul(A, i2) - xt::eye<double>(n);
    const double nd = static_cast<double>(n);
    EXPECT_LE(max_abs(R), 16.0 * nd * nd * nd * u * max_abs(A) * max_abs(i2));
}

TEST(LuAgreement, SingularAndEmptyLikeTheReference) {
    const Matrix S = {{1.0, 2.0}, {2.0, 4.0}};
    EXPECT_EQ(fast::det(S), 0.0);
    EXPECT_EQ(fast::det(Matrix::from_shape({0, 0})), 1.0);
    EXPECT_EQ(fast::inv(Matrix::from_shape({0, 0})).size(), 0u);
    EXPECT_EQ(fast::det(Matrix{{3.0, 8.0}, {4.0, 6.0}}), -14.0);  // same exact steps as the reference
    expect_same_error([&] { fast::inv(S); }, [&] { ref::inv(S); });
    expect_same_error([&] { fast::solve(S, Vector{1.0, 2.0}); }, [&] { ref::solve(S, Vector{1.0, 2.0}); });
}

// ---------------------------------------------------------------- agreement: svd and eigh

// Singular values within 2 c n u sigma_1 (Weyl, both backward errors: the
// reference's Jacobi and the fast twin's bidiagonal QR are both products of
// rotations and reflectors, backward stable with ||E||_2 <= c n u ||A||_2);
// singular vectors up to sign within the gap bound. The threaded paths
// need more columns than some of these sizes: see
// DecompositionAgreement.ThreadedPathAndReproducible and test_bidiagonal.cpp.
RC_GTEST_PROP(SvdAgreement, ValuesByWeylVectorsByGap, ()) {
    const std::size_t m = *kernel_dim(), n = *kernel_dim();
    const bool deficient = *rc::gen::arbitrary<bool>();
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Matrix A = deficient ? rank_deficient(m, n, std::min(m, n) / 2, seed) : random<Matrix>({m, n}, seed);
    const dlmath::SVD r = ref::svd(A), f = fast::svd(A);
    const double s1 = r.S.size() ? r.S(0) : 0.0;
    const double err = 2 * jacobi_bound(std::max(m, n)) * s1;
    DLMATH_RC_ASSERT(agree_elementwise(f.S, r.S, [err](std::size_t) { return err; }, "singular values"));
    Vector Sn = r.S / std::max(s1, std::numeric_limits<double>::min());
    const auto b = vector_bounds(Sn, 2 * jacobi_bound(std::max(m, n)));
    // zero singular values (rank-deficient) have no determined vectors
    std::vector<double> bb(b);
    for (std::size_t j = 0; j < bb.size(); ++j)
        if (Sn(j) < 1e-8) bb[j] = kInf;
    DLMATH_RC_ASSERT(agree_columns_up_to_sign(f.U, r.U, bb, "U"));
    DLMATH_RC_ASSERT(agree_columns_up_to_sign(tr(f.Vt), tr(r.Vt), bb, "V"));
    // the fast factors reconstruct A on their own
    Matrix US = f.U;
    for (std::size_t i = 0; i < US.shape(0); ++i)
        for (std::size_t j = 0; j < US.shape(1); ++j) US(i, j) *= f.S(j);
    double e2 = 0.0;
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            double s = 0.0;
            for (std::size_t l = 0; l < f.S.size(); ++l) s += US(i, l) * f.Vt(l, j);
            e2 += (A(i, j) - s) * (A(i, j) - s);
        }
    DLMATH_RC_ASSERT(agree(std::sqrt(e2), 0.0, jacobi_bound(std::max(m, n)) * fro(A), "||A - U S V^T||_F (fast)"));
}

// Eigenvalues within 2 c n u ||A||_2 <= 2 c n u ||A||_F: both twins are
// backward stable (the reference's Jacobi, and the fast twin's Householder
// reduction and implicit QL, Golub & Van Loan 8.3), so each returns the
// eigenvalues of A + E with ||E||_2 <= c n u ||A||_2, and Weyl's inequality
// bounds each one's error by that; an absolute bound, not Jacobi's relative
// one, which the fast twin does not have. Eigenvectors up to sign within
// the gap bound (Davis-Kahan).
RC_GTEST_PROP(EighAgreement, ValuesByWeylVectorsByGap, ()) {
    const std::size_t n = *kernel_dim();
    const Matrix B = random<Matrix>({n, n}, *rc::gen::arbitrary<std::uint32_t>());
    const Matrix A = B + tr(B);
    const dlmath::Eigh r = ref::eigh(A), f = fast::eigh(A);
    const double err = 2 * jacobi_bound(n) * fro(A);
    DLMATH_RC_ASSERT(agree_elementwise(f.eigenvalues, r.eigenvalues, [err](std::size_t) { return err; }, "eigenvalues"));
    const double a = std::max(fro(A), std::numeric_limits<double>::min());
    DLMATH_RC_ASSERT(agree_columns_up_to_sign(f.eigenvectors, r.eigenvectors,
                                              vector_bounds(r.eigenvalues / a, 2 * jacobi_bound(n)), "eigenvectors"));
}

TEST(DecompositionAgreement, ThreadedPathAndReproducible) {
    // a tall 150 x 130 matrix, and a symmetric 130 x 130 one: both past the
    // 128 rows from which the tridiagonal stages thread
    constexpr std::size_t n = 150;
    const Matrix A = random<Matrix>({n, n - 20}, 5);
    const dlmath::SVD r = ref::svd(A);
    const dlmath::SVD f = fast::svd(A);
    const double err = 2 * jacobi_bound(n) * r.S(0);
    EXPECT_TRUE(agree_elementwise(f.S, r.S, [err](std::size_t) { return err; }, "singular values, threaded"));
    // bitwise reproducible: one thread and several threads give the same bits
    const Matrix Sym = [&] {
        const Matrix Q = xt::view(A, xt::range(0, n - 20), xt::all());
        return Matrix(Q + tr(Q));
    }();
    dlmath::SVD one, many;
    dlmath::Eigh e1, e3;
    {
        const scoped_threads threads(1);
        one = fast::svd(A);
        e1 = fast::eigh(Sym);
    }
    {
        const scoped_threads threads(2);  // enough to split the rounds, no oversubscription on 2 cores
        many = fast::svd(A);
        e3 = fast::eigh(Sym);
    }
    EXPECT_TRUE(xt::all(xt::equal(one.S, many.S)) && xt::all(xt::equal(one.U, many.U)) &&
                xt::all(xt::equal(one.Vt, many.Vt)));
    EXPECT_TRUE(xt::all(xt::equal(e1.eigenvalues, e3.eigenvalues)) &&
                xt::all(xt::equal(e1.eigenvectors, e3.eigenvectors)));
    const dlmath::Eigh er = ref::eigh(Sym);
    const double ee = 2 * jacobi_bound(n) * fro(Sym);
    EXPECT_TRUE(agree_elementwise(e3.eigenvalues, er.eigenvalues, [ee](std::size_t) { return ee; }, "eigh, n = 130"));
}

// ---------------------------------------------------------------- agreement: built on the SVD

// pinv and lstsq: relative error c n u kappa over the kept singular values,
// for each twin. matrix_rank: the same count when no singular value sits
// near the tolerance (rank-deficient products have a gap of ~1e10 there).
// cond: sigma_min's relative error is c n u kappa.
RC_GTEST_PROP(SvdBasedAgreement, PinvLstsqRankCond, ()) {
    const std::size_t m = *kernel_dim(), n = *kernel_dim();
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const bool deficient = *rc::gen::arbitrary<bool>();
    const std::size_t r = deficient ? std::min(m, n) / 2 : std::min(m, n);
    const Matrix A = deficient ? rank_deficient(m, n, r, seed) : random<Matrix>({m, n}, seed);
    const double rcond = deficient ? 1e-10 : 1e-15;  // see the reference tests
    const dlmath::SVD d = ref::svd(A);
    std::size_t kept = 0;
    while (kept < d.S.size() && d.S(kept) > rcond * d.S(0) && d.S(kept) > 0) ++kept;
    const double kappa = kept ? d.S(0) / d.S(kept - 1) : 1.0;
    const double rel = 2 * 4 * jacobi_bound(std::max(m, n)) * kappa;
    const Matrix P = ref::pinv(A, rcond);
    const double pb = rel * max_abs(P) + (deficient ? 1e-10 * kappa * max_abs(P) : 0.0);
    DLMATH_RC_ASSERT(agree_elementwise(fast::pinv(A, rcond), P, [pb](std::size_t) { return pb; }, "pinv"));
    const Vector b = random<Vector>({m}, seed + 1);
    const Vector x = ref::lstsq(A, b, rcond);
    const double xb = rel * (x.size() ? xt::amax(xt::abs(x))() : 0.0) + pb * std::sqrt(static_cast<double>(m)) * 4;
    DLMATH_RC_ASSERT(agree_elementwise(fast::lstsq(A, b, rcond), x, [xb](std::size_t) { return xb; }, "lstsq"));
    if (A.size()) {
        const double tol = 1e-10 * d.S(0);
        RC_ASSERT(fast::matrix_rank(A, tol) == ref::matrix_rank(A, tol));
        if (!deficient) {
            const double c = ref::cond(A);
            DLMATH_RC_ASSERT(agree(fast::cond(A), c, 2 * jacobi_bound(std::max(m, n)) * c * c, "cond"));
        }
    }
}

// PCA: explained variances are sigma^2/(N-1), within 2 sigma_1 dsigma/(N-1)
// by Weyl; the reconstruction depends on the top-k subspace only, within
// the gap bound times ||Xc||.
RC_GTEST_PROP(PcaAgreement, VarianceAndReconstruction, ()) {
    const std::size_t N = *rc::gen::elementOf(std::vector<std::size_t>{2, 3, 13, 70, 100});
    const std::size_t d = *rc::gen::elementOf(std::vector<std::size_t>{1, 2, 5, 8, 65});
    const std::size_t k = *rc::gen::inRange<std::size_t>(0, std::min(N, d) + 1);
    const Matrix X = random<Matrix>({N, d}, *rc::gen::arbitrary<std::uint32_t>()) + 2.0;
    const dlmath::PCA r = ref::pca(X, k), f = fast::pca(X, k);
    const double s1 = std::sqrt(r.explained_variance.size() ? r.explained_variance(0) * (N - 1) : 0.0);
    const double ds = 2 * jacobi_bound(N + d) * std::max(s1, fro(X - xt::mean(X, {0})()));
    DLMATH_RC_ASSERT(agree_elementwise(f.explained_variance, r.explained_variance,
                                       [&](std::size_t) { return (2 * s1 * ds + ds * ds) / (N - 1); }, "explained variance"));
    DLMATH_RC_ASSERT(agree_elementwise(f.mean, r.mean, [&](std::size_t j) { return 2 * N * u * std::fabs(r.mean(j)) + N * u; },
                                       "mean"));
    // the subspace of the top k is determined only when sigma_k > sigma_{k+1}
    const dlmath::SVD full = ref::svd(X - r.mean);
    if (k > 0 && k < full.S.size()) {
        const double gap = full.S(k - 1) - full.S(k);
        if (gap > 1e-6 * full.S(0)) {
            const double rb = 2 * ds / gap * fro(X - r.mean) + ds;
            DLMATH_RC_ASSERT(agree_elementwise(f.reconstruction, r.reconstruction, [rb](std::size_t) { return rb; },
                                               "reconstruction"));
        }
    }
}

// ---------------------------------------------------------------- agreement: power iteration, expm

TEST(PowerIterationAgreement, SameEigenpairAndSameStatus) {
    // a symmetric matrix with a clear gap: both stop at residual <= tol ||A||_F,
    // so their eigenvalues agree within twice that (plus rounding)
    const Matrix B = random<Matrix>({90, 90}, 9);
    Matrix A = B + tr(B);
    for (std::size_t i = 0; i < 90; ++i) A(i, i) += 100.0;
    const auto r = ref::power_iteration(A, 2000, 1e-12), f = fast::power_iteration(A, 2000, 1e-12);
    ASSERT_EQ(r.status, dlmath::Status::success);
    ASSERT_EQ(f.status, dlmath::Status::success);
    EXPECT_TRUE(agree(f.eigenvalue, r.eigenvalue, 2e-12 * fro(A) + 64 * 90 * u * fro(A), "dominant eigenvalue"));
    const auto rn = ref::power_iteration(Matrix{{1.0, 0.0}, {0.0, -1.0}}, 30);
    const auto fn = fast::power_iteration(Matrix{{1.0, 0.0}, {0.0, -1.0}}, 30);
    EXPECT_EQ(fn.status, dlmath::Status::no_convergence);
    EXPECT_EQ(fn.reason, rn.reason);
}

// Both twins run the same Pade [6/6] with the same s; their products differ
// only in rounding: |dE| <= 2 (6 + s) gamma_n |X|^k... bounded by
// 1e3 n u e^{||A||} for ||A||_inf <= 4.
RC_GTEST_PROP(ExpmAgreement, SameScalingAndSquaring, ()) {
    // small sizes: expm is a sequence of matmuls, whose own agreement is tested with products
    const std::size_t n = *rc::gen::elementOf(std::vector<std::size_t>{0, 1, 2, 3, 5, 7, 8, 13, 31});
    Matrix A = random<Matrix>({n, n}, *rc::gen::arbitrary<std::uint32_t>());
    if (n) A *= 4.0 / xt::amax(xt::sum(xt::abs(A), {1}))();
    const Matrix E = ref::expm(A);
    const double b = 1e3 * static_cast<double>(std::max<std::size_t>(n, 1)) * u * std::exp(4.0);
    DLMATH_RC_ASSERT(agree_elementwise(fast::expm(A), E, [b](std::size_t) { return b; }, "expm"));
}

// ---------------------------------------------------------------- bad input

TEST(BadInput, FastRejectsWhatTheReferenceRejectsWithTheSameMessage) {
    const Matrix R = xt::ones<double>({2, 3});
    Matrix N = xt::eye<double>(2);
    N(1, 0) = kNaN;
    const Matrix ok = xt::eye<double>(2);
    const Matrix asym = {{1.0, 2.0}, {0.0, 1.0}};
    const Vector b3 = {1.0, 2.0, 3.0};
#define SAME(call_fast, call_ref) expect_same_error([&] { (void)(call_fast); }, [&] { (void)(call_ref); })
    SAME(fast::det(R), ref::det(R));
    SAME(fast::det(N), ref::det(N));
    SAME(fast::solve(R, Vector{1.0, 2.0}), ref::solve(R, Vector{1.0, 2.0}));
    SAME(fast::solve(ok, b3), ref::solve(ok, b3));
    SAME(fast::solve(ok, Vector{kNaN, 1.0}), ref::solve(ok, Vector{kNaN, 1.0}));
    SAME(fast::solve(ok, Matrix(xt::ones<double>({3, 2}))), ref::solve(ok, Matrix(xt::ones<double>({3, 2}))));
    SAME(fast::inv(R), ref::inv(R));
    SAME(fast::inv(N), ref::inv(N));
    SAME(fast::eigh(R), ref::eigh(R));
    SAME(fast::eigh(N), ref::eigh(N));
    SAME(fast::eigh(asym), ref::eigh(asym));
    SAME(fast::svd(N), ref::svd(N));
    SAME(fast::matrix_rank(N), ref::matrix_rank(N));
    SAME(fast::matrix_rank(ok, kNaN), ref::matrix_rank(ok, kNaN));
    SAME(fast::cond(N), ref::cond(N));
    SAME(fast::cond(Matrix::from_shape({0, 2})), ref::cond(Matrix::from_shape({0, 2})));
    SAME(fast::pinv(N), ref::pinv(N));
    SAME(fast::pinv(ok, -1.0), ref::pinv(ok, -1.0));
    SAME(fast::lstsq(R, b3), ref::lstsq(R, b3));
    SAME(fast::lstsq(N, Vector{1.0, 2.0}), ref::lstsq(N, Vector{1.0, 2.0}));
    SAME(fast::lstsq(ok, Vector{1.0, 2.0}, kNaN), ref::lstsq(ok, Vector{1.0, 2.0}, kNaN));
    SAME(fast::pca(Matrix(xt::ones<double>({1, 3})), 1), ref::pca(Matrix(xt::ones<double>({1, 3})), 1));
    SAME(fast::pca(R, 3), ref::pca(R, 3));
    SAME(fast::pca(N, 1), ref::pca(N, 1));
    SAME(fast::power_iteration(R), ref::power_iteration(R));
    SAME(fast::power_iteration(Matrix::from_shape({0, 0})), ref::power_iteration(Matrix::from_shape({0, 0})));
    SAME(fast::power_iteration(N), ref::power_iteration(N));
    SAME(fast::power_iteration(ok, 5, -1.0), ref::power_iteration(ok, 5, -1.0));
    SAME(fast::expm(R), ref::expm(R));
    SAME(fast::expm(N), ref::expm(N));
#undef SAME
    EXPECT_THROW(fast::solve(R, Vector{1.0, 2.0}), dlmath::shape_error);
    EXPECT_THROW(fast::eigh(asym), dlmath::domain_error);
    EXPECT_THROW(fast::expm(N), dlmath::domain_error);
}

// ---------------------------------------------------------------- the edges of the double range

// Both twins scale by a power of two before they decompose (the reference's
// Jacobi sweeps, the fast twin's Householder reductions): at 1e160 and
// 1e-200 (where the sums of squares used to overflow or underflow, and an
// earlier fast eigh of 1e-200 [[1,2],[2,1]] returned its diagonal) they agree
// within twice the bound c n u ||A||_2 on the eigenvalues and singular values.
TEST(EdgesAgreement, EighSvdAndWhatRestsOnThemAtHugeAndTinyScales) {
    const Matrix S12 = {{1.0, 2.0}, {2.0, 1.0}};
    for (const double s : {1e160, 1e-200, 1e300, 1e-300}) {
        const Matrix A = s * S12;
        const double b = 2 * jacobi_bound(2) * 3 * s;
        const std::string at = "s = " + std::to_string(std::log10(s));
        EXPECT_TRUE(agree_elementwise(fast::eigh(A).eigenvalues, ref::eigh(A).eigenvalues, [b](std::size_t) { return b; },
                                      "eigh, " + at));
        EXPECT_NEAR(fast::eigh(A).eigenvalues(0), -s, b / 2) << at;
        EXPECT_TRUE(agree_elementwise(fast::svd(A).S, ref::svd(A).S, [b](std::size_t) { return b; }, "svd, " + at));
        EXPECT_EQ(fast::matrix_rank(A), ref::matrix_rank(A)) << at;
        EXPECT_TRUE(agree(fast::cond(A), ref::cond(A), 12 * jacobi_bound(2), "cond, " + at));
        const Matrix P = ref::pinv(A);
        const double pb = 12 * jacobi_bound(2) * max_abs(P);  // kappa = 3, two sigmas, both twins
        EXPECT_TRUE(agree_elementwise(fast::pinv(A), P, [pb](std::size_t) { return pb; }, "pinv, " + at));
    }
    const Matrix W = {{1e300, 1.0}, {1.0, 1e-300}};
    EXPECT_TRUE(agree(fast::svd(W).S(0), ref::svd(W).S(0), 2 * jacobi_bound(2) * 1e300, "svd of the wide-range matrix"));
    EXPECT_LE(fast::svd(W).S(1), jacobi_bound(2) * 1e300);
    EXPECT_EQ(fast::svd(Matrix{{1.0, 0.0}, {0.0, 1e-200}}).S(1), ref::svd(Matrix{{1.0, 0.0}, {0.0, 1e-200}}).S(1));
    EXPECT_EQ(fast::svd(1e308 * Matrix{{1.0, 1.0}, {1.0, 1.0}}).S(0), kInf);
}

// The same value for each disagreement the twins had: det 0 for a product
// below the subnormals, inf for cond of a numerically rank-deficient matrix,
// the same overflow error from inv, solve, change_of_basis and expm.
TEST(EdgesAgreement, SameValuesAndSameErrorsAtTheEdges) {
    const Matrix D = {{5e-324, 0.0}, {0.0, 5e-324}};
    EXPECT_EQ(fast::det(D), 0.0);
    EXPECT_EQ(fast::det(D), ref::det(D));
    Matrix G = xt::zeros<double>({4, 4});
    G(0, 0) = G(1, 1) = 1e200;
    G(2, 2) = G(3, 3) = 1e-300;
    EXPECT_EQ(fast::det(G), ref::det(G));  // the same pivots, multiplied as mantissa and exponent
    expect_same_error([&] { fast::inv(D); }, [&] { ref::inv(D); });
    expect_same_error([&] { fast::solve(D, Vector{1.0, 1.0}); }, [&] { ref::solve(D, Vector{1.0, 1.0}); });
    expect_same_error([&] { fast::change_of_basis(D); }, [&] { ref::change_of_basis(D); });
    // a pivot below 2^-1024, whose reciprocal overflows: the multipliers are 0 / pivot = 0, not NaN
    const Matrix T = {{1e-310, 0.0}, {0.0, 1.0}};
    EXPECT_EQ(fast::det(T), ref::det(T));
    const Matrix big = {{1e308, 1e308}, {1e308, 1e308}};
    EXPECT_EQ(expect_same_error([&] { fast::expm(big); }, [&] { ref::expm(big); }),
              "expm: e^A overflows the double range (A is 2x2, ||A||_inf = inf)");
    const Matrix R1 = {{1.0, 2.0, 3.0, 4.0}, {2.0, 4.0, 6.0, 8.0}};
    EXPECT_EQ(fast::cond(R1), kInf);
    EXPECT_EQ(fast::cond(R1), ref::cond(R1));
    // PCA of data near 1e308: the same axis, the same +inf variance
    const Matrix X = {{1e308, -1e308}, {-1e308, 1e308}, {1e308, -1e308}, {-1e308, 1e308}};
    const dlmath::PCA pf = fast::pca(X, 1), pr = ref::pca(X, 1);
    EXPECT_NEAR(std::fabs(pf.components(0, 0)), std::fabs(pr.components(0, 0)), 8 * u);
    EXPECT_EQ(pf.explained_variance(0), pr.explained_variance(0));
}

// The power iteration: same eigenvalue (both within the residual test,
// tol ||A||_F relative) and the same status on the three matrices where they
// once disagreed or misreported.
TEST(EdgesAgreement, PowerIterationAtTheEdgesOfTheRange) {
    const Matrix cases[] = {{{1e300, 1.0}, {1.0, 1e-300}}, 1e-200 * Matrix{{1.0, 2.0}, {2.0, 1.0}},
                            1e200 * Matrix{{1.0, 1.0}, {1.0, -1.0}}};
    for (const Matrix& A : cases) {
        const dlmath::PowerIteration f = fast::power_iteration(A), r = ref::power_iteration(A);
        EXPECT_EQ(f.status, r.status);  // (the step count may differ by one: FMA rounds the residual differently)
        EXPECT_TRUE(agree(f.eigenvalue, r.eigenvalue, 1e-9 * std::fabs(r.eigenvalue), "power_iteration"));
    }
    EXPECT_EQ(fast::power_iteration(cases[2]).status, dlmath::Status::no_convergence);
}

// ---------------------------------------------------------------- the lessons' twins

// det_cofactor forwards; change of basis runs on the fast LU and products.
// Exact: dyadic entries, so every route is exact.
TEST(LessonTwins, CofactorAndChangeOfBasisAgree) {
    const Matrix A = {{2.0, 1.0, 0.0}, {1.0, 3.0, 1.0}, {0.0, 1.0, 4.0}};
    EXPECT_EQ(fast::det_cofactor(A), ref::det_cofactor(A));
    expect_same_error([] { fast::det_cofactor(Matrix(xt::eye<double>(5))); },
                      [] { ref::det_cofactor(Matrix(xt::eye<double>(5))); });
    const Matrix F = {{1.0, 0.5}, {0.0, 2.0}};
    const fast::ChangeOfBasis cf = fast::change_of_basis(F);
    const ref::ChangeOfBasis cr = ref::change_of_basis(F);
    EXPECT_EQ(cf.backward, cr.backward);
    EXPECT_EQ(fast::to_new_basis(cf, Vector{5.0, 3.0}), ref::to_new_basis(cr, Vector{5.0, 3.0}));
    EXPECT_EQ(fast::to_old_basis(cf, Vector{1.0, 2.0}), ref::to_old_basis(cr, Vector{1.0, 2.0}));
    const Matrix M = {{1.0, 2.0}, {3.0, 4.0}};
    EXPECT_EQ(fast::map_in_new_basis(cf, M), ref::map_in_new_basis(cr, M));
    const ref::ChangeOfBasis bad{Matrix(xt::eye<double>(2)), Matrix::from_shape({0, 0})};
    expect_same_error([&] { fast::map_in_new_basis(bad, M); }, [&] { ref::map_in_new_basis(bad, M); });
    expect_same_error([&] { fast::to_new_basis(bad, Vector{1.0, 2.0}); }, [&] { ref::to_new_basis(bad, Vector{1.0, 2.0}); });
    expect_same_error([&] { fast::to_old_basis(bad, Vector{1.0, 2.0}); }, [&] { ref::to_old_basis(bad, Vector{1.0, 2.0}); });
    expect_same_error([&] { fast::to_new_basis(cf, Vector{1.0}); }, [&] { ref::to_new_basis(cr, Vector{1.0}); });
    expect_same_error([&] { fast::change_of_basis(Matrix{{1.0, 2.0}, {2.0, 4.0}}); },
                      [&] { ref::change_of_basis(Matrix{{1.0, 2.0}, {2.0, 4.0}}); });
    expect_same_error([&] { fast::map_in_new_basis(cf, Matrix(xt::ones<double>({3, 3}))); },
                      [&] { ref::map_in_new_basis(cr, Matrix(xt::ones<double>({3, 3}))); });
}
