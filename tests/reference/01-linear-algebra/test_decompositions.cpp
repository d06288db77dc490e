// Decompositions, reference twin: worked examples, edge cases, bad
// input, the mathematics of linear systems and decompositions as RapidCheck
// properties, and LAPACK (xtensor-blas) as an independent oracle.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include <xtensor-blas/xlinalg.hpp>
#include <xtensor/xview.hpp>

#include "prelude.hpp"

namespace {

// Plain triple loop, independent of the library's products.
Matrix mm(const Matrix& A, const Matrix& B) {
    Matrix C = xt::zeros<double>({A.shape(0), B.shape(1)});
    for (std::size_t i = 0; i < A.shape(0); ++i)
        for (std::size_t k = 0; k < A.shape(1); ++k)
            for (std::size_t j = 0; j < B.shape(1); ++j) C(i, j) += A(i, k) * B(k, j);
    return C;
}
Vector mv(const Matrix& A, const Vector& x) {
    Vector y = xt::zeros<double>({A.shape(0)});
    for (std::size_t i = 0; i < A.shape(0); ++i)
        for (std::size_t j = 0; j < A.shape(1); ++j) y(i) += A(i, j) * x(j);
    return y;
}
double norm2(const Vector& x) { return std::sqrt(xt::sum(x * x)()); }

// U diag(S) V^T
Matrix reconstruct(const dlmath::SVD& d) {
    Matrix US = d.U;
    for (std::size_t i = 0; i < US.shape(0); ++i)
        for (std::size_t j = 0; j < US.shape(1); ++j) US(i, j) *= d.S(j);
    return mm(US, d.Vt);
}

rc::Gen<std::size_t> dim(int lo, int hi) {
    return rc::gen::map(rc::gen::inRange(lo, hi + 1), [](int v) { return static_cast<std::size_t>(v); });
}
}  // namespace

// ---------------------------------------------------------------- worked examples

// ▶ det [[a, b], [c, d]] = ad - bc: with small integers every product and
// difference is exact, in the cofactor expansion and in the LU alike
// (LU: pivot 4, l = 3/4, u22 = 8 - 3/4 * 6 = 3.5, det = -(4 * 3.5)).
TEST(WorkedExample, DeterminantOfATwoByTwo) {
    const Matrix A = {{3.0, 8.0}, {4.0, 6.0}};
    EXPECT_EQ(ref::det_cofactor(A), -14.0);
    EXPECT_EQ(ref::det(A), -14.0);
    const Matrix B = {{1.0, 2.0}, {3.0, 4.0}};
    EXPECT_EQ(ref::det_cofactor(B), 1.0 * 4.0 - 2.0 * 3.0);
}

TEST(WorkedExample, CofactorExpansionAgreesWithLuOnIntegers) {
    // det of a 4x4 integer matrix: both methods within a few ulps of the exact -40
    const Matrix A = {{2.0, -1.0, 0.0, 3.0}, {1.0, 3.0, 2.0, -2.0}, {0.0, 1.0, 4.0, 1.0}, {5.0, 0.0, -1.0, 2.0}};
    const double exact = ref::det_cofactor(A);  // integer arithmetic below 2^53: exact
    EXPECT_EQ(exact, std::round(exact));
    // LU divides, so it rounds: gamma_4 |L||U| backward error, a few ulps here
    EXPECT_NEAR(ref::det(A), exact, 64 * u * std::fabs(exact));
    EXPECT_EQ(ref::det_cofactor(Matrix::from_shape({0, 0})), 1.0);
    EXPECT_EQ(ref::det_cofactor(Matrix{{7.0}}), 7.0);
}

// ▶ Change of basis. All entries are binary fractions and every operation
// below is exact, so the results are pinned exactly.
TEST(WorkedExample, ChangeOfBasis) {
    const Matrix F = {{2.0, -0.5}, {1.0, 0.25}};  // columns: e~1 = 2e1 + e2, e~2 = -e1/2 + e2/4
    const ref::ChangeOfBasis cb = ref::change_of_basis(F);
    const Matrix B_expected = {{0.25, 0.5}, {-1.0, 2.0}};
    EXPECT_EQ(cb.forward, F);
    EXPECT_EQ(cb.backward, B_expected);
    EXPECT_EQ(ref::to_new_basis(cb, Vector{1.0, 1.5}), (Vector{1.0, 2.0}));
    EXPECT_EQ(ref::to_old_basis(cb, Vector{1.0, 2.0}), (Vector{1.0, 1.5}));
    // L(e1) = [5, 3], L(e2) = [-1, 4]; their images in the new basis are the columns of B M
    EXPECT_EQ(ref::to_new_basis(cb, Vector{5.0, 3.0}), (Vector{2.75, 1.0}));
    EXPECT_EQ(ref::to_new_basis(cb, Vector{-1.0, 4.0}), (Vector{1.75, 9.0}));
    const Matrix M = {{5.0, -1.0}, {3.0, 4.0}};
    EXPECT_EQ(mm(cb.backward, M), (Matrix{{2.75, 1.75}, {1.0, 9.0}}));
    // the map with both sides in the new basis: B M F
    EXPECT_EQ(ref::map_in_new_basis(cb, M), (Matrix{{7.25, -0.9375}, {11.0, 1.75}}));
}

TEST(WorkedExample, SolveAndInverseOfASmallSystem) {
    // 2x + y = 5, x + 3y = 10 -> x = 1, y = 3 (LU: l = 1/2, u22 = 5/2; all exact)
    const Matrix A = {{2.0, 1.0}, {1.0, 3.0}};
    EXPECT_EQ(ref::solve(A, Vector{5.0, 10.0}), (Vector{1.0, 3.0}));
    const Matrix Ainv = ref::inv(A);  // [[3, -1], [-1, 2]] / 5: entries round, 2 ulps
    const Matrix expected = {{0.6, -0.2}, {-0.2, 0.4}};
    EXPECT_TRUE(agree_elementwise(Ainv, expected, [](std::size_t) { return 4 * u; }, "inv"));
}

// ---------------------------------------------------------------- edge cases

TEST(Decompositions, EmptyMatricesFollowNumPy) {
    const Matrix E = Matrix::from_shape({0, 0});
    EXPECT_EQ(ref::det(E), 1.0);  // the empty product
    EXPECT_EQ(ref::inv(E).shape(0), 0u);
    EXPECT_EQ(ref::solve(E, Vector{}).size(), 0u);
    EXPECT_EQ(ref::matrix_rank(E), 0u);
    EXPECT_EQ(ref::expm(E).size(), 0u);
    const dlmath::SVD d = ref::svd(Matrix::from_shape({0, 3}));
    EXPECT_EQ(d.S.size(), 0u);
    EXPECT_EQ(d.Vt.shape(1), 3u);
    EXPECT_EQ(ref::pinv(Matrix::from_shape({0, 3})).shape(0), 3u);
    EXPECT_EQ(ref::eigh(E).eigenvalues.size(), 0u);
}

TEST(Decompositions, SingularMatrices) {
    const Matrix S = {{1.0, 2.0}, {2.0, 4.0}};
    EXPECT_EQ(ref::det(S), 0.0);  // LU: u22 = 4 - 2 * 2 = 0 exactly
    EXPECT_THROW(ref::solve(S, Vector{1.0, 2.0}), dlmath::domain_error);
    EXPECT_THROW(ref::inv(S), dlmath::domain_error);
    EXPECT_EQ(ref::cond(S), kInf);
    EXPECT_EQ(ref::matrix_rank(S), 1u);
    EXPECT_EQ(ref::cond(xt::zeros<double>({3, 2})), kInf);
    EXPECT_EQ(ref::matrix_rank(xt::zeros<double>({3, 2})), 0u);
    // singular message names the function and the shape
    EXPECT_EQ(what_of([&] { ref::inv(S); }), "inv: A is singular (A is 2x2; LU with partial pivoting met a zero pivot)");
}

TEST(Decompositions, SvdOfADiagonalMatrixSortsTheSingularValues) {
    const Matrix A = {{1.0, 0.0, 0.0}, {0.0, -3.0, 0.0}, {0.0, 0.0, 2.0}};
    const dlmath::SVD d = ref::svd(A);
    EXPECT_EQ(d.S, (Vector{3.0, 2.0, 1.0}));  // no rotation is needed: exact
    EXPECT_EQ(ref::cond(A), 3.0);
}

TEST(Decompositions, SvdCompletesUForZeroSingularValues) {
    const Matrix A = {{1.0, 0.0}, {0.0, 0.0}, {0.0, 0.0}};  // sigma = (1, 0)
    const dlmath::SVD d = ref::svd(A);
    EXPECT_EQ(d.S, (Vector{1.0, 0.0}));
    const Matrix UtU = mm(tr(d.U), d.U);
    EXPECT_TRUE(agree_elementwise(UtU, Matrix(xt::eye<double>(2)), [](std::size_t) { return 4 * u; }, "U^T U"));
}

TEST(Decompositions, EighOfAKnownMatrix) {
    // [[2, 1], [1, 2]] has eigenvalues 1 and 3 with eigenvectors (1, -1)/sqrt2, (1, 1)/sqrt2
    const dlmath::Eigh e = ref::eigh(Matrix{{2.0, 1.0}, {1.0, 2.0}});
    EXPECT_NEAR(e.eigenvalues(0), 1.0, 8 * u);  // one rotation: a few roundings of values near 3
    EXPECT_NEAR(e.eigenvalues(1), 3.0, 8 * u);
    EXPECT_NEAR(std::fabs(e.eigenvectors(0, 1)), std::sqrt(0.5), 8 * u);
    EXPECT_NEAR(e.eigenvectors(0, 0) * e.eigenvectors(1, 0), -0.5, 8 * u);  // (1, -1) direction
}

TEST(PowerIteration, FindsTheDominantEigenpair) {
    // Q diag(5, 2, 1) Q^T: ratio 2/5 per step, converges in a few dozen steps
    const Matrix A = dlmath::testing::spd_matrix(Vector{5.0, 2.0, 1.0}, 11);
    const Matrix Q = dlmath::testing::orthogonal(3, 11);  // its columns are the eigenvectors
    const dlmath::PowerIteration p = ref::power_iteration(A, 1000, 1e-12);
    EXPECT_EQ(p.status, dlmath::Status::success);
    EXPECT_TRUE(p.reason.empty());
    // residual <= tol ||A||_F bounds the eigenvalue error by the same (symmetric A)
    EXPECT_NEAR(p.eigenvalue, 5.0, 1e-12 * fro(A) + 16 * u * 5.0);
    // eigenvector error <= residual / gap (gap = 3)
    const double align = std::fabs(p.eigenvector(0) * Q(0, 0) + p.eigenvector(1) * Q(1, 0) + p.eigenvector(2) * Q(2, 0));
    EXPECT_NEAR(align, 1.0, 1e-12 * fro(A) / 3.0 + 16 * u);
}

TEST(PowerIteration, ReportsNoConvergenceWithAReason) {
    // eigenvalues +1 and -1 have the same magnitude: the iterate oscillates
    const dlmath::PowerIteration p = ref::power_iteration(Matrix{{1.0, 0.0}, {0.0, -1.0}}, 50);
    EXPECT_EQ(p.status, dlmath::Status::no_convergence);
    EXPECT_EQ(p.iterations, 50u);
    EXPECT_NE(p.reason.find("no convergence in 50 iterations"), std::string::npos) << p.reason;
    EXPECT_TRUE(std::isfinite(p.eigenvalue));
    EXPECT_TRUE(xt::all(xt::isfinite(p.eigenvector)));
}

TEST(PowerIteration, NilpotentMatrixEndsOnItsNullVector) {
    // A^2 = 0: one step maps the start vector onto e1, and A e1 = 0 = 0 e1,
    // a genuine eigenpair with residual exactly 0
    const dlmath::PowerIteration p = ref::power_iteration(Matrix{{0.0, 1.0}, {0.0, 0.0}});
    EXPECT_EQ(p.status, dlmath::Status::success);
    EXPECT_EQ(p.eigenvalue, 0.0);
    EXPECT_EQ(p.eigenvector, (Vector{1.0, 0.0}));
    EXPECT_EQ(p.iterations, 2u);
}

TEST(Expm, ZeroIsIdentityAndRotationGenerator) {
    EXPECT_EQ(ref::expm(xt::zeros<double>({4, 4})), Matrix(xt::eye<double>(4)));  // every term but I is 0
    // exp([[0, -t], [t, 0]]) = [[cos t, -sin t], [sin t, cos t]]; Pade error ~3.4e-16
    // relative after scaling, amplified by at most 2^s = 4 squarings' worth of rounding
    const double t = 1.3;
    const Matrix E = ref::expm(Matrix{{0.0, -t}, {t, 0.0}});
    const Matrix R = {{std::cos(t), -std::sin(t)}, {std::sin(t), std::cos(t)}};
    EXPECT_TRUE(agree_elementwise(E, R, [](std::size_t) { return 64 * 4 * u; }, "expm(rotation generator)"));
}

// ---------------------------------------------------------------- bad input

TEST(BadInput, MessagesNameTheFunctionAndTheShapes) {
    const Matrix R = xt::ones<double>({2, 3});
    EXPECT_EQ(what_of([&] { ref::solve(R, Vector{1.0, 2.0}); }), "solve: A must be square (A is 2x3)");
    EXPECT_EQ(what_of([&] { ref::solve(Matrix(xt::eye<double>(2)), Vector{1.0, 2.0, 3.0}); }),
              "solve: b must have as many rows as A (A is 2x2, b is 3)");
    EXPECT_EQ(what_of([&] { ref::det(R); }), "det: A must be square (A is 2x3)");
    EXPECT_NE(what_of([&] { ref::eigh(Matrix{{1.0, 2.0}, {0.0, 1.0}}); }).find("eigh: A must be symmetric (A is 2x2; |A(0,1) - A(1,0)| = 2"),
              std::string::npos);
}

TEST(BadInput, EveryFunctionRejectsWhatItCannotUse) {
    const Matrix R = xt::ones<double>({2, 3});
    Matrix N = xt::eye<double>(2);
    N(1, 0) = kNaN;
    Matrix I = xt::eye<double>(2);
    I(0, 1) = kInf;
    const Matrix ok = xt::eye<double>(2);
    using dlmath::domain_error;
    using dlmath::shape_error;
    EXPECT_THROW(ref::det_cofactor(R), shape_error);
    EXPECT_THROW(ref::det_cofactor(xt::eye<double>(5)), shape_error);
    EXPECT_THROW(ref::det_cofactor(N), domain_error);
    EXPECT_THROW(ref::det(R), shape_error);
    EXPECT_THROW(ref::det(N), domain_error);
    EXPECT_THROW(ref::det(I), domain_error);
    EXPECT_THROW(ref::solve(R, Vector{1.0, 2.0}), shape_error);
    EXPECT_THROW(ref::solve(ok, Vector{1.0}), shape_error);
    EXPECT_THROW(ref::solve(N, Vector{1.0, 2.0}), domain_error);
    EXPECT_THROW(ref::solve(ok, Vector{1.0, kNaN}), domain_error);
    EXPECT_THROW(ref::solve(ok, Matrix(xt::ones<double>({3, 2}))), shape_error);
    EXPECT_THROW(ref::inv(R), shape_error);
    EXPECT_THROW(ref::inv(I), domain_error);
    EXPECT_THROW(ref::eigh(R), shape_error);
    EXPECT_THROW(ref::eigh(N), domain_error);
    EXPECT_THROW(ref::eigh(Matrix{{1.0, 1.0}, {0.0, 1.0}}), domain_error);
    EXPECT_THROW(ref::svd(N), domain_error);
    EXPECT_THROW(ref::svd(I), domain_error);
    EXPECT_THROW(ref::matrix_rank(N), domain_error);
    EXPECT_THROW(ref::matrix_rank(ok, kNaN), domain_error);
    EXPECT_THROW(ref::cond(N), domain_error);
    EXPECT_THROW(ref::cond(Matrix::from_shape({0, 0})), shape_error);
    EXPECT_THROW(ref::pinv(N), domain_error);
    EXPECT_THROW(ref::pinv(ok, -1.0), domain_error);
    EXPECT_THROW(ref::pinv(ok, kNaN), domain_error);
    EXPECT_THROW(ref::lstsq(R, Vector{1.0, 2.0, 3.0}), shape_error);
    EXPECT_THROW(ref::lstsq(N, Vector{1.0, 2.0}), domain_error);
    EXPECT_THROW(ref::lstsq(ok, Vector{kInf, 2.0}), domain_error);
    EXPECT_THROW(ref::lstsq(ok, Vector{1.0, 2.0}, -0.5), domain_error);
    EXPECT_THROW(ref::pca(Matrix(xt::ones<double>({1, 3})), 1), shape_error);
    EXPECT_THROW(ref::pca(Matrix(xt::ones<double>({4, 3})), 4), shape_error);
    EXPECT_THROW(ref::pca(Matrix{{1.0, kNaN}, {2.0, 3.0}}, 1), domain_error);
    EXPECT_THROW(ref::power_iteration(R), shape_error);
    EXPECT_THROW(ref::power_iteration(Matrix::from_shape({0, 0})), shape_error);
    EXPECT_THROW(ref::power_iteration(N), domain_error);
    EXPECT_THROW(ref::power_iteration(ok, 10, -1.0), domain_error);
    EXPECT_THROW(ref::power_iteration(ok, 10, kNaN), domain_error);
    EXPECT_THROW(ref::expm(R), shape_error);
    EXPECT_THROW(ref::expm(N), domain_error);
    EXPECT_THROW(ref::change_of_basis(R), shape_error);
    EXPECT_THROW(ref::change_of_basis(Matrix{{1.0, 2.0}, {2.0, 4.0}}), domain_error);
    EXPECT_THROW(ref::change_of_basis(N), domain_error);
    const ref::ChangeOfBasis cb = ref::change_of_basis(ok);
    EXPECT_THROW(ref::to_new_basis(cb, Vector{1.0}), shape_error);
    EXPECT_THROW(ref::to_new_basis(cb, Vector{1.0, kNaN}), domain_error);
    EXPECT_THROW(ref::to_old_basis(cb, Vector{1.0, 2.0, 3.0}), shape_error);
    EXPECT_THROW(ref::to_old_basis(cb, Vector{kInf, 0.0}), domain_error);
    EXPECT_THROW(ref::map_in_new_basis(cb, R), shape_error);
    EXPECT_THROW(ref::map_in_new_basis(cb, N), domain_error);
}

// ---------------------------------------------------------------- properties

// det(AB) = det A det B. Each LU determinant has relative error about
// n u kappa (backward error gamma_n |L||U| pushed through d det / dA =
// det A * A^{-T}); forming AB adds gamma_n |A||B|. 16 n u (kappa_A + kappa_B
// + kappa_AB) covers the three determinants and the product.
RC_GTEST_PROP(DetProperty, DeterminantIsMultiplicative, ()) {
    const std::size_t n = *dim(1, 8);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Matrix A = random<Matrix>({n, n}, seed), B = random<Matrix>({n, n}, seed + 1);
    const Matrix AB = mm(A, B);
    const double lhs = ref::det(AB), rhs = ref::det(A) * ref::det(B);
    const double kappa = ref::cond(A) + ref::cond(B) + ref::cond(AB);
    DLMATH_RC_ASSERT(agree(lhs, rhs, 16 * static_cast<double>(n) * u * kappa * std::fabs(rhs), "det(AB)"));
}

// Solve: the residual of a backward-stable solve is ||b - A x|| <= c n u ||A|| ||x||.
RC_GTEST_PROP(SolveProperty, ResidualIsSmallAndInverseIsAnInverse, ()) {
    const std::size_t n = *dim(1, 16);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Matrix A = random<Matrix>({n, n}, seed);
    const Vector b = random<Vector>({n}, seed + 3);
    const Vector x = ref::solve(A, b);
    const double bound = 8 * static_cast<double>(n) * u * fro(A) * norm2(x);
    DLMATH_RC_ASSERT(agree(norm2(mv(A, x) - b), 0.0, bound, "||Ax - b||"));
    // A A^{-1} = I: each column is a solve, residual <= 8 n u ||A|| ||A^{-1}||
    const Matrix Ai = ref::inv(A);
    const double ib = 8 * static_cast<double>(n) * u * fro(A) * fro(Ai);
    DLMATH_RC_ASSERT(agree_elementwise(mm(A, Ai), Matrix(xt::eye<double>(n)), [ib](std::size_t) { return ib; }, "A inv(A)"));
}

RC_GTEST_PROP(SvdProperty, ReconstructsWithOrthonormalFactorsAndSortedValues, ()) {
    const std::size_t m = *dim(0, 12), n = *dim(0, 12);
    const Matrix A = random<Matrix>({m, n}, *rc::gen::arbitrary<std::uint32_t>());
    const dlmath::SVD d = ref::svd(A);
    const std::size_t k = std::min(m, n);
    RC_ASSERT(d.U.shape(0) == m && d.U.shape(1) == k && d.S.size() == k && d.Vt.shape(0) == k && d.Vt.shape(1) == n);
    const double c = jacobi_bound(std::max(m, n));
    DLMATH_RC_ASSERT(agree(fro(A - reconstruct(d)), 0.0, c * fro(A), "||A - U S V^T||_F"));
    const auto id = [c](std::size_t) { return c; };
    DLMATH_RC_ASSERT(agree_elementwise(mm(tr(d.U), d.U), Matrix(xt::eye<double>(k)), id, "U^T U"));
    DLMATH_RC_ASSERT(agree_elementwise(mm(d.Vt, tr(d.Vt)), Matrix(xt::eye<double>(k)), id, "V^T V"));
    for (std::size_t i = 0; i < k; ++i) {
        RC_ASSERT(d.S(i) >= 0.0);
        if (i > 0) RC_ASSERT(d.S(i - 1) >= d.S(i));
    }
}

RC_GTEST_PROP(EighProperty, AQEqualsQLambdaWithOrthonormalQ, ()) {
    const std::size_t n = *dim(1, 16);
    const Matrix B = random<Matrix>({n, n}, *rc::gen::arbitrary<std::uint32_t>());
    const Matrix A = B + tr(B);  // exactly symmetric
    const dlmath::Eigh e = ref::eigh(A);
    const Matrix& Q = e.eigenvectors;
    Matrix QL = Q;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) QL(i, j) *= e.eigenvalues(j);
    const double c = jacobi_bound(n);
    DLMATH_RC_ASSERT(agree_elementwise(mm(A, Q), QL, [&](std::size_t) { return c * fro(A); }, "AQ - Q Lambda"));
    DLMATH_RC_ASSERT(agree_elementwise(mm(tr(Q), Q), Matrix(xt::eye<double>(n)), [c](std::size_t) { return c; }, "Q^T Q"));
    for (std::size_t i = 1; i < n; ++i) RC_ASSERT(e.eigenvalues(i - 1) <= e.eigenvalues(i));
}

// max x^T A x over unit x is lambda_max, attained at its eigenvector. Each
// quadratic form carries gamma_{2n} ||A||_F rounding; the eigenvalue c n u ||A||.
RC_GTEST_PROP(EighProperty, RayleighQuotientNeverExceedsTheTopEigenvalue, ()) {
    const std::size_t n = *dim(1, 12);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Matrix B = random<Matrix>({n, n}, seed);
    const Matrix A = B + tr(B);
    const dlmath::Eigh e = ref::eigh(A);
    const double lmax = e.eigenvalues(n - 1);
    const double slack = (jacobi_bound(n) + dlmath::testing::gamma_n(2.0 * n)) * fro(A);
    for (int t = 0; t < 200; ++t) {
        Vector x = random<Vector>({n}, seed + 5 + 1000 * static_cast<std::uint64_t>(t));
        x /= norm2(x);
        RC_ASSERT(xt::sum(x * mv(A, x))() <= lmax + slack);
    }
    const Vector q = xt::view(e.eigenvectors, xt::all(), n - 1);
    DLMATH_RC_ASSERT(agree(xt::sum(q * mv(A, q))(), lmax, slack, "q^T A q at the top eigenvector"));
}

// The four Penrose conditions, on full-rank and on rank-deficient matrices.
// The pseudoinverse of a matrix with condition number kappa (over the kept
// singular values) has relative error c n u kappa; each identity multiplies
// by at most ||A|| or ||A+||, hence bounds in units of ||A||_2 or ||A+||_2.
RC_GTEST_PROP(PinvProperty, FourPenroseConditions, ()) {
    const std::size_t m = *dim(1, 10), n = *dim(1, 10);
    const bool deficient = *rc::gen::arbitrary<bool>();
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const std::size_t r = deficient ? *dim(0, static_cast<int>(std::min(m, n))) : std::min(m, n);
    const Matrix A = deficient ? rank_deficient(m, n, r, seed) : random<Matrix>({m, n}, seed);
    // rank-deficient data carries rounding ~ n u sigma_1 in the "zero" singular
    // values: cut them with rcond = 1e-10 instead of NumPy's 1e-15
    const double rcond = deficient ? 1e-10 : 1e-15;
    const Matrix P = ref::pinv(A, rcond);
    RC_ASSERT(P.shape(0) == n && P.shape(1) == m);
    if (deficient) RC_ASSERT(ref::matrix_rank(A, 1e-10 * (r ? ref::svd(A).S(0) : 0.0)) == r);
    const dlmath::SVD d = ref::svd(A);
    std::size_t kept = 0;
    while (kept < d.S.size() && d.S(kept) > rcond * d.S(0) && d.S(kept) > 0) ++kept;
    if (kept == 0) {
        RC_ASSERT(max_abs(P) == 0.0);
        return;
    }
    const double kappa = d.S(0) / d.S(kept - 1);
    const double c = jacobi_bound(std::max(m, n)) * kappa + (deficient ? 1e-10 * kappa : 0.0);
    const double s1 = d.S(0), sp = 1.0 / d.S(kept - 1);
    DLMATH_RC_ASSERT(agree_elementwise(mm(mm(A, P), A), A, [&](std::size_t) { return c * s1; }, "A A+ A = A"));
    DLMATH_RC_ASSERT(agree_elementwise(mm(mm(P, A), P), P, [&](std::size_t) { return c * sp; }, "A+ A A+ = A+"));
    const Matrix AP = mm(A, P), PA = mm(P, A);
    DLMATH_RC_ASSERT(agree_elementwise(AP, Matrix(tr(AP)), [&](std::size_t) { return c; }, "A A+ symmetric"));
    DLMATH_RC_ASSERT(agree_elementwise(PA, Matrix(tr(PA)), [&](std::size_t) { return c; }, "A+ A symmetric"));
}

// Underdetermined (wide, full row rank): x = A+ b solves A x = b, and adding
// any null-space vector z = (I - A+ A) w can only lengthen it:
// ||x + z||^2 = ||x||^2 + ||z||^2 since x lies in the row space.
RC_GTEST_PROP(PinvProperty, MinimumNormSolutionOfAWideSystem, ()) {
    const std::size_t m = *dim(1, 6);
    const std::size_t n = m + *dim(1, 6);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Matrix A = random<Matrix>({m, n}, seed);
    const Vector b = random<Vector>({m}, seed + 1);
    const Matrix P = ref::pinv(A);
    const Vector x = mv(P, b);
    const double kappa = ref::cond(A);
    const double c = jacobi_bound(n) * kappa;
    DLMATH_RC_ASSERT(agree(norm2(mv(A, x) - b), 0.0, c * fro(A) * norm2(x), "||Ax - b||"));
    DLMATH_RC_ASSERT(agree_elementwise(ref::lstsq(A, b), x, [&](std::size_t) { return c * norm2(x); }, "lstsq = pinv b"));
    const Matrix Pn = Matrix(xt::eye<double>(n)) - mm(P, A);  // projector onto the null space
    for (int t = 0; t < 20; ++t) {
        const Vector w = random<Vector>({n}, seed + 2 + 1000 * static_cast<std::uint64_t>(t));
        const Vector z = mv(Pn, w);
        // x^T z = 0 up to c ||x|| ||z||, so ||x + z||^2 >= ||x||^2 - 2 c ||x|| ||z||
        RC_ASSERT(norm2(x + z) >= norm2(x) - 2 * c * norm2(z));
    }
}

// Overdetermined (tall, full column rank): the normal equations
// A^T (A x - b) = 0 hold up to c u kappa ||A|| (||A|| ||x|| + ||b||), and no
// perturbation lowers the residual: ||r + A d||^2 = ||r||^2 + ||A d||^2.
RC_GTEST_PROP(LstsqProperty, LeastSquaresOfATallSystem, ()) {
    const std::size_t n = *dim(1, 6);
    const std::size_t m = n + *dim(1, 8);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Matrix A = random<Matrix>({m, n}, seed);
    const Vector b = random<Vector>({m}, seed + 1);
    const Vector x = ref::lstsq(A, b);
    const Vector r = mv(A, x) - b;
    const double c = jacobi_bound(m) * ref::cond(A);
    const double ne = norm2(mv(tr(A), r));
    DLMATH_RC_ASSERT(agree(ne, 0.0, c * fro(A) * (fro(A) * norm2(x) + norm2(b)), "||A^T (Ax - b)||"));
    for (int t = 0; t < 20; ++t) {
        const Vector d = random<Vector>({n}, seed + 2 + 1000 * static_cast<std::uint64_t>(t), 1e-3);
        RC_ASSERT(norm2(mv(A, x + d) - b) >= norm2(r) * (1 - 8 * static_cast<double>(m) * u));
    }
}

RC_GTEST_PROP(RankProperty, RankOfAProductOfThinFactors, ()) {
    const std::size_t m = *dim(1, 12), n = *dim(1, 12);
    const std::size_t r = *dim(0, static_cast<int>(std::min(m, n)));
    const Matrix A = rank_deficient(m, n, r, *rc::gen::arbitrary<std::uint32_t>());
    // the zero singular values of X Y^T come out as rounding, ~ n u sigma_1:
    // below NumPy's tolerance max(m,n) eps sigma_1 only up to a constant, so
    // use a tolerance 1e-10 sigma_1, far above rounding and far below sigma_r
    const double s1 = r ? ref::svd(A).S(0) : 0.0;
    RC_ASSERT(ref::matrix_rank(A, 1e-10 * s1) == r);
    if (r == std::min(m, n)) RC_ASSERT(ref::matrix_rank(A) == r);
}

// expm(A) expm(-A) = I and expm(diag d) = diag(exp d). With ||A||_inf <= 2
// (s <= 2 squarings), the Pade error 3.4e-16 and the rounding of 6 + s
// products of norm <= e^2 stay below 1e3 n u e^{2||A||}.
RC_GTEST_PROP(ExpmProperty, InverseAndDiagonal, ()) {
    const std::size_t n = *dim(1, 8);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    Matrix A = random<Matrix>({n, n}, seed);
    const double ninf = xt::amax(xt::sum(xt::abs(A), {1}))();
    A *= 2.0 / ninf;
    const Matrix P = mm(ref::expm(A), ref::expm(Matrix(-A)));
    const double bound = 1e3 * static_cast<double>(n) * u * std::exp(4.0);
    DLMATH_RC_ASSERT(agree_elementwise(P, Matrix(xt::eye<double>(n)), [bound](std::size_t) { return bound; }, "e^A e^-A"));
    Matrix D = xt::zeros<double>({n, n});
    Matrix expected = xt::zeros<double>({n, n});
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unif(-3.0, 3.0);
    for (std::size_t i = 0; i < n; ++i) {
        D(i, i) = unif(rng);
        expected(i, i) = std::exp(D(i, i));
    }
    // diagonal: no cancellation; Pade 3.4e-16 relative then s <= 3 squarings
    // each doubling the relative error: 64 (s + 2) u relative
    DLMATH_RC_ASSERT(agree_elementwise(ref::expm(D), expected, [&](std::size_t k) { return 320 * u * expected.data()[k]; },
                                       "expm(diag d)"));
}

// ||X - X^||_F^2 = (N - 1) sum of the discarded eigenvalues of the sample
// covariance. Both sides carry c n u ||Xc||_F^2 rounding (Jacobi SVD and eigh).
RC_GTEST_PROP(PcaProperty, ReconstructionErrorIsTheDiscardedVariance, ()) {
    const std::size_t N = *dim(2, 20), d = *dim(1, 6);
    const std::size_t k = *dim(0, static_cast<int>(std::min(N, d)));
    const Matrix X = random<Matrix>({N, d}, *rc::gen::arbitrary<std::uint32_t>()) + 3.0;
    const dlmath::PCA p = ref::pca(X, k);
    const Vector mu = xt::mean(X, {0});
    const Matrix Xc = X - mu;
    const Matrix C = mm(tr(Xc), Xc) / static_cast<double>(N - 1);
    const Matrix Cs = (C + tr(C)) / 2.0;
    const dlmath::Eigh e = ref::eigh(Cs);
    double discarded = 0.0;
    for (std::size_t j = 0; j + k < d; ++j) discarded += e.eigenvalues(j);  // ascending: the smallest d - k
    const double err = xt::sum(xt::square(X - p.reconstruction))();
    const double scale = xt::sum(xt::square(Xc))();
    DLMATH_RC_ASSERT(agree(err, (N - 1) * discarded, jacobi_bound(N + d) * 4 * scale, "reconstruction error"));
    for (std::size_t l = 0; l < k; ++l) {
        DLMATH_RC_ASSERT(agree(p.explained_variance(l), e.eigenvalues(d - 1 - l), jacobi_bound(N + d) * 4 * scale,
                               "explained variance"));
    }
    RC_ASSERT(p.projection.shape(0) == N && p.projection.shape(1) == k && p.components.shape(0) == k);
}

TEST(Pca, StandardisingChangesTheAxes) {
    // y = 10 x plus small noise: unscaled, the first axis is nearly e2; after
    // dividing each column by its standard deviation it is (1, 1)/sqrt2.
    Matrix X = Matrix::from_shape({200, 2});
    std::mt19937_64 rng(3);
    std::normal_distribution<double> g;
    for (std::size_t i = 0; i < 200; ++i) {
        X(i, 0) = g(rng);
        X(i, 1) = 10 * X(i, 0) + 0.5 * g(rng);
    }
    const dlmath::PCA raw = ref::pca(X, 1);
    EXPECT_GT(std::fabs(raw.components(0, 1)), 0.99);
    const Vector sd = xt::stddev(X, {0});
    const dlmath::PCA std_ = ref::pca(X / sd, 1);
    EXPECT_NEAR(std::fabs(std_.components(0, 0)), std::sqrt(0.5), 1e-3);  // correlation ~0.999: axis within 1e-3 of the diagonal
}

// ---------------------------------------------------------------- LAPACK oracle

// Singular values agree with LAPACK's within both backward errors by Weyl:
// |sigma_i - sigma_i'| <= ||E||_2 <= c n u sigma_1, on random, ill-conditioned
// (kappa = 1e10) and rank-deficient matrices.
RC_GTEST_PROP(LapackOracle, SingularValues, ()) {
    const int kind = *rc::gen::inRange(0, 3);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const std::size_t m = *dim(1, 12), n = kind == 1 ? m : *dim(1, 12);
    const Matrix A = kind == 0   ? random<Matrix>({m, n}, seed)
                     : kind == 1 ? ill_conditioned(m, 1e10, seed)
                                 : rank_deficient(m, n, std::min(m, n) / 2, seed);
    const dlmath::SVD d = ref::svd(A);
    const auto lap = xt::linalg::svd(A, false, true);  // (U, S, Vt)
    const Vector s = std::get<1>(lap);
    const double b = jacobi_bound(std::max(m, n)) * (d.S.size() ? d.S(0) : 0.0);
    DLMATH_RC_ASSERT(agree_elementwise(d.S, s, [b](std::size_t) { return b; }, "singular values vs LAPACK"));
}

// eigh against LAPACK's dsyevd: eigenvalues by Weyl; eigenvectors up to sign,
// within c n u ||A|| / gap (Davis-Kahan), for eigenvalues with a gap.
RC_GTEST_PROP(LapackOracle, SymmetricEigenpairs, ()) {
    const std::size_t n = *dim(1, 12);
    const Matrix B = random<Matrix>({n, n}, *rc::gen::arbitrary<std::uint32_t>());
    const Matrix A = B + tr(B);
    const dlmath::Eigh e = ref::eigh(A);
    const auto [w, v] = xt::linalg::eigh(A);
    const double cn = jacobi_bound(n) * fro(A);
    DLMATH_RC_ASSERT(agree_elementwise(e.eigenvalues, Vector(w), [cn](std::size_t) { return cn; }, "eigenvalues vs LAPACK"));
    for (std::size_t j = 0; j < n; ++j) {
        double gap = kInf;
        if (j > 0) gap = std::min(gap, w(j) - w(j - 1));
        if (j + 1 < n) gap = std::min(gap, w(j + 1) - w(j));
        if (gap < 1e-6 * fro(A)) continue;  // nearly repeated: the vector is not determined
        double dotv = 0.0;
        for (std::size_t i = 0; i < n; ++i) dotv += e.eigenvectors(i, j) * v(i, j);
        const double sign = dotv < 0 ? -1.0 : 1.0;
        Matrix qj = xt::view(e.eigenvectors, xt::all(), xt::range(j, j + 1));
        Matrix lj = xt::view(v, xt::all(), xt::range(j, j + 1));
        lj *= sign;
        const double vb = 2 * cn / gap + jacobi_bound(n);
        DLMATH_RC_ASSERT(agree_elementwise(qj, lj, [vb](std::size_t) { return vb; }, "eigenvector " + std::to_string(j)));
    }
}

// det, inv, solve, pinv, lstsq against LAPACK on random and ill-conditioned
// (kappa up to 1e8) matrices: relative errors of both are c n u kappa.
RC_GTEST_PROP(LapackOracle, DetInvPinvLstsq, ()) {
    const std::size_t n = *dim(1, 10);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const bool ill = *rc::gen::arbitrary<bool>();
    const Matrix A = ill ? ill_conditioned(n, 1e8, seed) : random<Matrix>({n, n}, seed);
    const double kappa = ref::cond(A);
    const double rel = 64 * static_cast<double>(n) * u * kappa;
    const double dl = xt::linalg::det(A);
    DLMATH_RC_ASSERT(agree(ref::det(A), dl, rel * std::fabs(dl), "det vs LAPACK"));
    const Matrix Il = xt::linalg::inv(A);
    const double ib = rel * max_abs(Il);
    DLMATH_RC_ASSERT(agree_elementwise(ref::inv(A), Il, [ib](std::size_t) { return ib; }, "inv vs LAPACK"));
    const Matrix Pl = xt::linalg::pinv(A);
    const double pb = jacobi_bound(n) * kappa * max_abs(Pl) * 4;
    DLMATH_RC_ASSERT(agree_elementwise(ref::pinv(A), Pl, [pb](std::size_t) { return pb; }, "pinv vs LAPACK"));
    const Matrix T = random<Matrix>({n + 3, n}, seed + 9);  // tall, well conditioned
    const Vector b = random<Vector>({n + 3}, seed + 10);
    const Vector xl = xt::flatten(std::get<0>(xt::linalg::lstsq(T, b)));
    const double lb = jacobi_bound(n + 3) * ref::cond(T) * 4 * (norm2(xl) + norm2(b) / ref::svd(T).S(n - 1));
    DLMATH_RC_ASSERT(agree_elementwise(ref::lstsq(T, b), xl, [lb](std::size_t) { return lb; }, "lstsq vs LAPACK"));
}

// ---------------------------------------------------------------- the edges of the double range

namespace {
const Matrix S12 = {{1.0, 2.0}, {2.0, 1.0}};  // eigenvalues -1 and 3, singular values 3 and 1
}  // namespace

// eigh and svd run on 2^e A with max |a_ij| in [1, 2): the sums of squares of
// 1e160-sized entries (1e320) no longer overflow, nor those of 1e-200-sized
// ones (1e-400) underflow. Bound: the Jacobi backward error, c n u ||A||_2
// (jacobi_bound), here with ||A||_2 = 3 s.
TEST(Edges, EighAndSvdOfHugeAndTinyMatrices) {
    for (const double s : {1e160, 1e-200, 1e300, 1e-300}) {
        const Matrix A = s * S12;
        const double tol = jacobi_bound(2) * 3 * s;
        const dlmath::Eigh e = ref::eigh(A);
        EXPECT_NEAR(e.eigenvalues(0), -s, tol) << "s = " << s;
        EXPECT_NEAR(e.eigenvalues(1), 3 * s, tol) << "s = " << s;
        const dlmath::SVD d = ref::svd(A);
        EXPECT_NEAR(d.S(0), 3 * s, tol) << "s = " << s;
        EXPECT_NEAR(d.S(1), s, tol) << "s = " << s;
        EXPECT_EQ(ref::matrix_rank(A), 2u) << "s = " << s;
        EXPECT_NEAR(ref::cond(A), 3.0, 3.0 * 2 * jacobi_bound(2)) << "s = " << s;  // both sigmas relative
    }
}

// pinv and lstsq on the SVD of a tiny matrix: A^-1 = (1/s) [[-1, 2], [2, -1]] / 3.
// Bound: the SVD's relative error times kappa = 3, twice (two sigmas).
TEST(Edges, PinvAndLstsqOfATinyMatrix) {
    const double s = 1e-200;
    const Matrix A = s * S12;
    const Matrix expected = Matrix{{-1.0, 2.0}, {2.0, -1.0}} / (3.0 * s);
    const Matrix P = ref::pinv(A);
    for (std::size_t k = 0; k < 4; ++k) EXPECT_NEAR(P.data()[k], expected.data()[k], 6 * jacobi_bound(2) / s);
    const Vector x = ref::lstsq(A, Vector{s, s});  // A x = (s, s): x = (1/3, 1/3)
    EXPECT_NEAR(x(0), 1.0 / 3.0, 6 * jacobi_bound(2));
    EXPECT_NEAR(x(1), 1.0 / 3.0, 6 * jacobi_bound(2));
}

// [[1e300, 1], [1, 1e-300]]: sigma_1 = 1e300 (to c n u sigma_1), sigma_2 is
// below u sigma_1 and so within the bound of 0; U S V^T reconstructs A to
// c n u ||A||_F. The sums of squares of the first column used to be inf.
TEST(Edges, SvdOfAMatrixSpanningTheWholeRange) {
    const Matrix A = {{1e300, 1.0}, {1.0, 1e-300}};
    const dlmath::SVD d = ref::svd(A);
    EXPECT_NEAR(d.S(0), 1e300, jacobi_bound(2) * 1e300);
    EXPECT_LE(d.S(1), jacobi_bound(2) * 1e300);
    const Matrix R = reconstruct(d);
    for (std::size_t k = 0; k < 4; ++k) EXPECT_NEAR(R.data()[k], A.data()[k], jacobi_bound(2) * 1e300);
    EXPECT_EQ(ref::matrix_rank(A), 1u);  // sigma_2 <= sigma_1 max(m, n) eps
}

// diag(1, 1e-200): the second column's sum of squares (1e-400) underflows;
// the singular value is its scaled norm, 1e-200 to a few ulps.
TEST(Edges, SvdKeepsASingularValueWhoseSquareUnderflows) {
    const dlmath::SVD d = ref::svd(Matrix{{1.0, 0.0}, {0.0, 1e-200}});
    EXPECT_EQ(d.S(0), 1.0);
    EXPECT_NEAR(d.S(1), 1e-200, 4 * u * 1e-200);
}

// A singular value beyond the double range is +inf: 1e308 [[1,1],[1,1]] has
// sigma_1 = 2e308. The other one is 0 to the bound.
TEST(Edges, SvdBeyondTheRangeIsInfinite) {
    const dlmath::SVD d = ref::svd(1e308 * Matrix{{1.0, 1.0}, {1.0, 1.0}});
    EXPECT_EQ(d.S(0), kInf);
    EXPECT_TRUE(std::isfinite(d.S(1)));
}

// PCA centres 2^e X: data near 1e308 gives the right axis (not "svd: A must
// be finite"); the variance, about 1.3e616, is +inf.
TEST(Edges, PcaOfDataNearTheLargestDouble) {
    const Matrix X = {{1e308, -1e308}, {-1e308, 1e308}, {1e308, -1e308}, {-1e308, 1e308}};
    const dlmath::PCA p = ref::pca(X, 1);
    EXPECT_NEAR(std::fabs(p.components(0, 0)), std::sqrt(0.5), 8 * u);
    EXPECT_NEAR(p.components(0, 0), -p.components(0, 1), 8 * u);
    EXPECT_EQ(p.mean(0), 0.0);
    EXPECT_EQ(p.explained_variance(0), kInf);
    EXPECT_EQ(p.explained_variance_ratio(0), 1.0);
    EXPECT_NEAR(p.reconstruction(0, 0), 1e308, 1e308 * 8 * u);
}

// expm of [[1e308, 1e308], [1e308, 1e308]]: ||A||_inf = 2e308 used to become
// an int (undefined behaviour) and the result the identity. Now e^A overflows
// with a clear error; e^700 (1.01e304) still fits. Bound: Pade error ~u,
// amplified by at most 2^s = 2^11 in the squarings of a diagonal matrix.
TEST(Edges, ExpmReportsOverflow) {
    const std::string m = what_of([] { ref::expm(Matrix{{1e308, 1e308}, {1e308, 1e308}}); });
    EXPECT_EQ(m.rfind("expm: e^A overflows the double range (A is 2x2", 0), 0u) << m;
    EXPECT_THROW(ref::expm(Matrix{{1000.0, 0.0}, {0.0, 0.0}}), dlmath::domain_error);  // e^1000 > DBL_MAX
    const Matrix E = ref::expm(Matrix{{700.0, 0.0}, {0.0, 0.0}});
    EXPECT_NEAR(E(0, 0), std::exp(700.0), std::exp(700.0) * 2048 * 8 * u);
    EXPECT_EQ(E(0, 1), 0.0);
    EXPECT_NEAR(E(1, 1), 1.0, 2048 * 8 * u);
    // nilpotent with a huge entry: e^A = I + A exactly representable
    const Matrix F = ref::expm(Matrix{{0.0, 1e300}, {0.0, 0.0}});
    EXPECT_NEAR(F(0, 1), 1e300, 1e300 * 2048 * 8 * u);
    EXPECT_EQ(F(1, 0), 0.0);
}

// The power iteration on 2^e A: the test is relative at every magnitude.
TEST(Edges, PowerIterationAtTheEdgesOfTheRange) {
    const dlmath::PowerIteration a = ref::power_iteration(Matrix{{1e300, 1.0}, {1.0, 1e-300}});
    EXPECT_EQ(a.status, dlmath::Status::success);
    EXPECT_NEAR(a.eigenvalue, 1e300, 1e300 * 1e-10);  // residual <= tol ||A||_F, tol = 1e-10
    EXPECT_NEAR(std::fabs(a.eigenvector(0)), 1.0, 1e-10);
    const dlmath::PowerIteration b = ref::power_iteration(1e-200 * S12);
    EXPECT_EQ(b.status, dlmath::Status::success);
    EXPECT_NEAR(b.eigenvalue, 3e-200, 3e-200 * 1e-9);  // residual bound 1e-10 ||A||_F = 3.2e-210
    const dlmath::PowerIteration c = ref::power_iteration(1e200 * Matrix{{1.0, 1.0}, {1.0, -1.0}});
    EXPECT_EQ(c.status, dlmath::Status::no_convergence);  // eigenvalues +-sqrt(2) 1e200
    EXPECT_EQ(c.iterations, 1000u);
}

// det multiplies the pivots as mantissa and exponent: det(diag(5e-324,
// 5e-324)) = 2.5e-647 rounds to 0; diag(1e200, 1e200, 1e-300, 1e-300) has the
// representable det 1e-200 though its partial product 1e400 overflows.
// inv and solve of diag(5e-324, 5e-324) (inverse 2e323 I) overflow: an error.
TEST(Edges, DeterminantInverseAndSolveOfExtremeDiagonals) {
    const Matrix D = {{5e-324, 0.0}, {0.0, 5e-324}};
    EXPECT_EQ(ref::det(D), 0.0);
    Matrix G = xt::zeros<double>({4, 4});
    G(0, 0) = G(1, 1) = 1e200;
    G(2, 2) = G(3, 3) = 1e-300;
    EXPECT_NEAR(ref::det(G), 1e-200, 1e-200 * 4 * u);  // four roundings of the pivots' product
    EXPECT_EQ(what_of([&] { ref::inv(D); }),
              "inv: the inverse overflows the double range (A is 2x2, entry 0 in row-major order of the result is "
              "not finite)");
    EXPECT_THROW(ref::solve(D, Vector{1.0, 1.0}), dlmath::domain_error);
    EXPECT_THROW(ref::change_of_basis(D), dlmath::domain_error);
}

// cond is +inf exactly when matrix_rank < min(m, n): a rank-1 2x4 matrix has
// sigma_2 at rounding level, and the ratio would be noise.
TEST(Edges, CondOfANumericallyRankDeficientMatrixIsInfinite) {
    const Matrix R1 = {{1.0, 2.0, 3.0, 4.0}, {2.0, 4.0, 6.0, 8.0}};
    EXPECT_EQ(ref::matrix_rank(R1), 1u);
    EXPECT_EQ(ref::cond(R1), kInf);
    // the cut-off for 2x2 is sigma_1 * 2 * eps = 4.4e-16 sigma_1
    EXPECT_EQ(ref::cond(Matrix{{1.0, 0.0}, {0.0, 4e-16}}), kInf);
    EXPECT_NEAR(ref::cond(Matrix{{1.0, 0.0}, {0.0, 1e-15}}), 1e15, 1e15 * 8 * u);
}

// A ChangeOfBasis filled by hand may be inconsistent: every function checks it
// (F 2x2 with B 0x0 used to crash map_in_new_basis).
TEST(Edges, InconsistentChangeOfBasisIsRejected) {
    const ref::ChangeOfBasis bad{Matrix(xt::eye<double>(2)), Matrix::from_shape({0, 0})};
    const std::string why = "basis is inconsistent (basis.forward is 2x2, basis.backward is 0x0; both must be n x n, "
                            "as change_of_basis builds them)";
    EXPECT_EQ(what_of([&] { ref::map_in_new_basis(bad, Matrix(xt::eye<double>(2))); }), "map_in_new_basis: " + why);
    EXPECT_EQ(what_of([&] { ref::to_new_basis(bad, Vector{1.0, 2.0}); }), "to_new_basis: " + why);
    EXPECT_EQ(what_of([&] { ref::to_old_basis(bad, Vector{1.0, 2.0}); }), "to_old_basis: " + why);
    const ref::ChangeOfBasis wide{Matrix(xt::ones<double>({2, 3})), Matrix(xt::ones<double>({2, 3}))};
    EXPECT_THROW(ref::to_new_basis(wide, Vector{1.0, 2.0}), dlmath::shape_error);
    const ref::ChangeOfBasis ok = ref::change_of_basis(Matrix{{2.0, 0.0}, {0.0, 4.0}});
    EXPECT_EQ(what_of([&] { ref::to_new_basis(ok, Vector{1.0, 2.0, 3.0}); }),
              "to_new_basis: v must have 2 coordinates like the basis (basis is 2x2, v has 3 elements)");
    EXPECT_EQ(what_of([&] { ref::to_old_basis(ok, Vector{1.0}); }),
              "to_old_basis: v_new must have 2 coordinates like the basis (basis is 2x2, v_new has 1 elements)");
    EXPECT_EQ(what_of([&] { ref::to_new_basis(ok, Vector{kNaN, 1.0}); }).rfind("to_new_basis: v must be finite", 0), 0u);
}
