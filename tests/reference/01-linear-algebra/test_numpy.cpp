// NumPy's linear-algebra surface, reference twin: the examples printed in
// NumPy's own documentation (each test cites its page), NumPy's conventions
// at the edges (empty, singular, zero entries), and bad input.

#include <cmath>
#include <cstdint>

#include <xtensor/xbuilder.hpp>
#include <xtensor/xview.hpp>

#include "prelude.hpp"

using dlmath::LeastSquares;
using dlmath::MatrixNorm;
using dlmath::Rcond;
using dlmath::SlogDet;

namespace {

// NumPy's examples a = arange(9) - 4 and b = a.reshape(3, 3).
const Vector kA = {-4.0, -3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0};
const Matrix kB = {{-4.0, -3.0, -2.0}, {-1.0, 0.0, 1.0}, {2.0, 3.0, 4.0}};

}  // namespace

// ---------------------------------------------------------------- norm (NumPy's documented values)

// https://numpy.org/doc/stable/reference/generated/numpy.linalg.norm.html
// (Examples: LA.norm(a), LA.norm(a, np.inf), ... for a = np.arange(9) - 4).
// sum a_i^2 = 60 and the scaled sum 60/16 are exact, so ||a||_2 is sqrt(60)
// correctly rounded; the max, min, sums of integers and counts are exact.
TEST(NumpyDocNorm, VectorOrders) {
    EXPECT_EQ(ref::norm(kA), std::sqrt(60.0));  // 7.745966692414834
    EXPECT_EQ(ref::norm(kA, kInf), 4.0);
    EXPECT_EQ(ref::norm(kA, -kInf), 0.0);
    EXPECT_EQ(ref::norm(kA, 1.0), 20.0);
    EXPECT_EQ(ref::norm(kA, -1.0), 0.0);
    EXPECT_EQ(ref::norm(kA, 2.0), std::sqrt(60.0));
    EXPECT_EQ(ref::norm(kA, -2.0), 0.0);
    // 5.8480354764257312 = 200^(1/3): the scaled sum and two pows, a few u (see test_vectors.cpp)
    EXPECT_NEAR(ref::norm(kA, 3.0), 5.8480354764257312, 8 * u * 5.85);
    EXPECT_EQ(ref::norm(kA, -3.0), 0.0);
    EXPECT_EQ(ref::norm(kA, 0.0), 8.0);  // sum(a != 0)
}

// https://numpy.org/doc/stable/reference/generated/numpy.linalg.norm.html
// (Examples: LA.norm(b), LA.norm(b, 'fro'), LA.norm(b, np.inf), ... for b = a.reshape(3, 3)).
// The Frobenius norm is the vector norm of the entries (exact here as above);
// the row and column sums are exact integers; ||b||_2 = sqrt(54) =
// 7.3484692283495345 comes from the Jacobi SVD, within c n u sigma_1
// (Weyl), and NumPy's ||b||_-2 = 1.8570331885190563e-16 "may vary": b is
// singular, so any value within the same bound of 0 is right.
TEST(NumpyDocNorm, MatrixOrders) {
    EXPECT_EQ(ref::norm(kB), std::sqrt(60.0));
    EXPECT_EQ(ref::norm(kB, MatrixNorm::fro), std::sqrt(60.0));
    EXPECT_EQ(ref::norm(kB, kInf), 9.0);
    EXPECT_EQ(ref::norm(kB, -kInf), 2.0);
    EXPECT_EQ(ref::norm(kB, 1.0), 7.0);
    EXPECT_EQ(ref::norm(kB, -1.0), 6.0);
    const double s1 = std::sqrt(54.0);
    EXPECT_NEAR(ref::norm(kB, 2.0), 7.3484692283495345, jacobi_bound(3) * s1);
    EXPECT_NEAR(ref::norm(kB, -2.0), 0.0, jacobi_bound(3) * s1);
}

// https://numpy.org/doc/stable/reference/generated/numpy.linalg.norm.html
// (Examples: LA.norm(c, axis=0), LA.norm(c, axis=1), LA.norm(c, ord=1, axis=1)
// for c = [[1, 2, 3], [-1, 1, 4]]): one scaled 2-norm per line, a few u.
TEST(NumpyDocNorm, AlongAnAxis) {
    const Matrix c = {{1.0, 2.0, 3.0}, {-1.0, 1.0, 4.0}};
    const Vector cols = ref::norm(c, 2.0, 0);  // [1.41421356, 2.23606798, 5.]
    const Vector want_cols = {std::sqrt(2.0), std::sqrt(5.0), 5.0};
    EXPECT_TRUE(agree_elementwise(cols, want_cols, [&](std::size_t k) { return 4 * u * want_cols(k); }));
    const Vector rows = ref::norm(c, 2.0, 1);  // [3.74165739, 4.24264069]
    const Vector want_rows = {std::sqrt(14.0), std::sqrt(18.0)};
    EXPECT_TRUE(agree_elementwise(rows, want_rows, [&](std::size_t k) { return 4 * u * want_rows(k); }));
    EXPECT_EQ(ref::norm(c, 1.0, 1), (Vector{6.0, 6.0}));
}

// ---------------------------------------------------------------- norm: every order and its edges

// The orders below 1 that NumPy accepts: a count, a quasi-norm, and the
// negative orders that a zero entry sends to 0. All values exact or pinned
// to a few u.
TEST(NormOrders, BelowOne) {
    const Vector x = {3.0, -4.0, 0.0};
    EXPECT_EQ(ref::norm(x, 0.0), 2.0);
    // ||x||_{1/2} = (sqrt 3 + sqrt 4)^2 = 13.928203230275509
    EXPECT_NEAR(ref::norm(x, 0.5), std::pow(std::sqrt(3.0) + 2.0, 2), 16 * u * 14.0);
    EXPECT_EQ(ref::norm(x, -1.0), 0.0);  // 1/0 = inf in the sum, inf^-1 = 0
    EXPECT_EQ(ref::norm(x, -kInf), 0.0);
    const Vector y = {2.0, 4.0};
    EXPECT_NEAR(ref::norm(y, -1.0), 4.0 / 3.0, 4 * u);  // (1/2 + 1/4)^-1
    EXPECT_EQ(ref::norm(y, -kInf), 2.0);
    // the triangle inequality fails below 1: ||(1,0) + (0,1)||_{1/2} = 4 > 2
    EXPECT_NEAR(ref::norm(Vector{1.0, 1.0}, 0.5), 4.0, 8 * u * 4.0);
}

// NumPy: NaN counts as non-zero for ord 0; inf adds |inf|^p = 0 for p < 0;
// the empty vector gives 0^(1/p) = inf for p < 0 and 0 for p >= 0.
TEST(NormOrders, NanInfAndEmpty) {
    EXPECT_EQ(ref::norm(Vector{kNaN, 0.0, 1.0}, 0.0), 2.0);
    EXPECT_TRUE(std::isnan(ref::norm(Vector{kNaN, 1.0}, -1.0)));
    EXPECT_TRUE(std::isnan(ref::norm(Vector{kNaN, 1.0}, -kInf)));
    EXPECT_EQ(ref::norm(Vector{2.0, kInf}, -1.0), 2.0);
    EXPECT_EQ(ref::norm(Vector{kInf, -kInf}, -2.0), kInf);
    EXPECT_EQ(ref::norm(Vector{}, -1.0), kInf);
    EXPECT_EQ(ref::norm(Vector{}, 0.0), 0.0);
    EXPECT_EQ(ref::norm(Vector{}, 0.5), 0.0);
}

// Scaling by the smallest magnitude keeps p < 0 from overflowing: the
// unscaled (1e-310)^-1 overflows, the scaled terms are all 1.
TEST(NormOrders, NegativeOrderDoesNotOverflow) {
    EXPECT_NEAR(ref::norm(Vector{1e-310, 1e-310}, -1.0), 5e-311, 1e-323);  // subnormal: absolute ulp 4.9e-324
    EXPECT_NEAR(ref::norm(Vector{1e200, 1e200}, 0.5), 4e200, 8 * u * 4e200);
}

// The Frobenius norm is scaled as the vector 2-norm: 1e200^2 overflows,
// the norm does not; the 1- and inf-norms of 0x3 and 3x0 follow NumPy.
TEST(NormOrders, MatrixEdges) {
    const Matrix big = {{1e200, 1e200}, {1e200, 1e200}};
    EXPECT_NEAR(ref::norm(big), 2e200, 4 * u * 2e200);
    EXPECT_NEAR(ref::norm(Matrix{{3.0, 0.0}, {0.0, -4.0}}, MatrixNorm::nuc), 7.0, jacobi_bound(2) * 4.0);
    const Matrix wide_empty = Matrix::from_shape({0, 3});
    EXPECT_EQ(ref::norm(wide_empty), 0.0);
    EXPECT_EQ(ref::norm(wide_empty, MatrixNorm::nuc), 0.0);
    EXPECT_EQ(ref::norm(wide_empty, 1.0), 0.0);
    EXPECT_EQ(ref::norm(wide_empty, -1.0), 0.0);  // three empty columns, each sum 0
    EXPECT_EQ(ref::norm(wide_empty, 2.0), 0.0);
    EXPECT_EQ(ref::norm(wide_empty, kInf), 0.0);
    EXPECT_EQ(ref::norm(wide_empty, 2.0, 0), (Vector{0.0, 0.0, 0.0}));
    EXPECT_EQ(ref::norm(wide_empty, 2.0, 1).size(), 0u);
    EXPECT_TRUE(std::isnan(ref::norm(Matrix{{kNaN, 1.0}}, 1.0)));
}

// ---------------------------------------------------------------- slogdet

// https://numpy.org/doc/stable/reference/generated/numpy.linalg.slogdet.html
// (Examples: slogdet([[1, 2], [3, 4]]) = (-1, 0.69314718055994529)).
// The LU pivots on 3: u = (3, 2 - 4 fl(1/3)), whose second entry carries
// about 4u relative error; ln adds u: within 8u of ln 2.
TEST(NumpyDocSlogdet, TwoByTwo) {
    const SlogDet r = ref::slogdet(Matrix{{1.0, 2.0}, {3.0, 4.0}});
    EXPECT_EQ(r.sign, -1.0);
    EXPECT_NEAR(r.logabsdet, 0.69314718055994529, 8 * u);
    EXPECT_NEAR(r.sign * std::exp(r.logabsdet), -2.0, 32 * u);
}

// https://numpy.org/doc/1.16/reference/generated/numpy.linalg.slogdet.html
// ("This routine succeeds where ordinary det does not": det(eye(500) * 0.1)
// = 0.0, slogdet = (1, -1151.2925464970228)). A sum of 500 equal logarithms:
// within gamma_500 of its magnitude.
TEST(NumpyDocSlogdet, SucceedsWhereDetUnderflows) {
    const Matrix A = 0.1 * xt::eye<double>(500);
    EXPECT_EQ(ref::det(A), 0.0);
    const SlogDet r = ref::slogdet(A);
    EXPECT_EQ(r.sign, 1.0);
    EXPECT_NEAR(r.logabsdet, -1151.2925464970228, gamma_n(500) * 1151.3);
}

// NumPy: a singular matrix gives (0, -inf); the 0x0 matrix (1, 0).
TEST(Slogdet, SingularAndEmpty) {
    const SlogDet s = ref::slogdet(Matrix{{1.0, 2.0}, {2.0, 4.0}});
    EXPECT_EQ(s.sign, 0.0);
    EXPECT_EQ(s.logabsdet, -kInf);
    const SlogDet e = ref::slogdet(Matrix::from_shape({0, 0}));
    EXPECT_EQ(e.sign, 1.0);
    EXPECT_EQ(e.logabsdet, 0.0);
    // a row swap and a negative pivot: det diag(-2, 3) permuted = 6
    const SlogDet p = ref::slogdet(Matrix{{0.0, 3.0}, {-2.0, 0.0}});
    EXPECT_EQ(p.sign, 1.0);
    EXPECT_NEAR(p.logabsdet, std::log(6.0), 4 * u * std::log(6.0));
}

// ---------------------------------------------------------------- matrix_power

// https://numpy.org/doc/stable/reference/generated/numpy.linalg.matrix_power.html
// (Examples: i = [[0, 1], [-1, 0]]; matrix_power(i, 3) = [[0, -1], [1, 0]],
// matrix_power(i, 0) = I, matrix_power(i, -3) = [[0, 1], [-1, 0]]; and the
// quaternion unit q with q^2 = -I). Products of 0 and +-1 are exact.
TEST(NumpyDocMatrixPower, ImaginaryUnit) {
    const Matrix i = {{0.0, 1.0}, {-1.0, 0.0}};
    EXPECT_EQ(ref::matrix_power(i, 3), (Matrix{{0.0, -1.0}, {1.0, 0.0}}));
    EXPECT_EQ(ref::matrix_power(i, 0), (Matrix{{1.0, 0.0}, {0.0, 1.0}}));
    EXPECT_EQ(ref::matrix_power(i, -3), (Matrix{{0.0, 1.0}, {-1.0, 0.0}}));
    EXPECT_EQ(ref::matrix_power(i, 10), (Matrix{{-1.0, 0.0}, {0.0, -1.0}}));  // the numpy 1.3 example
    Matrix q = xt::zeros<double>({4, 4});
    xt::view(q, xt::range(0, 2), xt::range(0, 2)) = -i;
    xt::view(q, xt::range(2, 4), xt::range(2, 4)) = i;
    EXPECT_EQ(ref::matrix_power(q, 2), Matrix(-xt::eye<double>(4)));
}

// Repeated squaring gives the same power as n - 1 products: exact for
// small integer entries (2^20 = 1048576, all partial products below 2^53).
TEST(MatrixPower, SquaringAgreesWithRepeatedProducts) {
    const Matrix A = {{1.0, 1.0}, {1.0, 0.0}};  // Fibonacci: A^n = [[F(n+1), F(n)], [F(n), F(n-1)]]
    Matrix P = xt::eye<double>(2);
    for (int k = 1; k <= 40; ++k) {
        P = ref::matmul(P, A);
        EXPECT_EQ(ref::matrix_power(A, k), P) << "n = " << k;
    }
    EXPECT_EQ(ref::matrix_power(A, 40)(0, 1), 102334155.0);  // F(40)
    EXPECT_EQ(ref::matrix_power(Matrix{{2.0}}, -3), (Matrix{{0.125}}));
    EXPECT_EQ(ref::matrix_power(Matrix{{1.0}}, std::numeric_limits<long long>::min()), (Matrix{{1.0}}));
}

// NumPy: n = 0 gives I even for a singular A; the 0x0 matrix stays 0x0.
TEST(MatrixPower, ZeroPowerAndEmpty) {
    EXPECT_EQ(ref::matrix_power(Matrix{{0.0, 0.0}, {0.0, 0.0}}, 0), Matrix(xt::eye<double>(2)));
    EXPECT_EQ(ref::matrix_power(Matrix::from_shape({0, 0}), 5).size(), 0u);
    EXPECT_EQ(ref::matrix_power(Matrix::from_shape({0, 0}), -5).size(), 0u);
}

// ---------------------------------------------------------------- cond

// https://numpy.org/doc/stable/reference/generated/numpy.linalg.cond.html
// (Examples: a = [[1, 0, -1], [0, 1, 0], [1, 0, 1]]; cond(a) = 1.4142135623730951,
// 'fro' 3.1622776601683795, inf 2.0, -inf 1.0, 1 2.0, -1 1.0, 2 1.4142135623730951,
// -2 0.70710678118654746). The LU of a and its inverse [[.5, 0, .5], [0, 1, 0],
// [-.5, 0, .5]] are exact, so the 1- and inf-orders are exact; fro is
// sqrt(5) sqrt(2), a few u; the 2-orders come from the SVD, jacobi_bound each.
TEST(NumpyDocCond, AllOrders) {
    const Matrix a = {{1.0, 0.0, -1.0}, {0.0, 1.0, 0.0}, {1.0, 0.0, 1.0}};
    const double kappa_bound = 2 * jacobi_bound(3) * 1.5;
    EXPECT_NEAR(ref::cond(a), 1.4142135623730951, kappa_bound);
    EXPECT_NEAR(ref::cond(a, MatrixNorm::fro), 3.1622776601683795, 8 * u * 3.17);
    EXPECT_EQ(ref::cond(a, kInf), 2.0);
    EXPECT_EQ(ref::cond(a, -kInf), 1.0);
    EXPECT_EQ(ref::cond(a, 1.0), 2.0);
    EXPECT_EQ(ref::cond(a, -1.0), 1.0);
    EXPECT_NEAR(ref::cond(a, 2.0), 1.4142135623730951, kappa_bound);
    EXPECT_NEAR(ref::cond(a, -2.0), 0.70710678118654746, kappa_bound);
    // sum sigma(a) * sum sigma(inv a) = (2 sqrt2 + 1)(sqrt2 + 1) = 5 + 3 sqrt2 = 9.2426406871192857
    EXPECT_NEAR(ref::cond(a, MatrixNorm::nuc), 5.0 + 3.0 * std::sqrt(2.0), 4 * jacobi_bound(3) * 9.25);
}

// A singular matrix gives +inf in every order, never an exception (NumPy
// turns 0/0 into inf as well) — except -2, whose sigma_min / sigma_1 is 0
// (within the SVD's error) as in NumPy; the 2-orders also take non-square input.
TEST(Cond, SingularIsInfinite) {
    const Matrix S = {{1.0, 2.0}, {2.0, 4.0}};
    for (double p : {1.0, -1.0, 2.0, kInf, -kInf}) EXPECT_EQ(ref::cond(S, p), kInf) << "p = " << p;
    EXPECT_NEAR(ref::cond(S, -2.0), 0.0, jacobi_bound(2));
    EXPECT_EQ(ref::cond(S, MatrixNorm::fro), kInf);
    EXPECT_EQ(ref::cond(S, MatrixNorm::nuc), kInf);
    EXPECT_EQ(ref::cond(Matrix{{0.0, 0.0}}, -2.0), kInf);
    const Matrix tall = {{3.0, 0.0}, {0.0, 1.0}, {0.0, 0.0}};
    EXPECT_NEAR(ref::cond(tall, 2.0), 3.0, jacobi_bound(3) * 3.0);
}

// ---------------------------------------------------------------- lstsq

// https://numpy.org/doc/stable/reference/generated/numpy.linalg.lstsq.html
// (Examples: fit y = mx + c through x = [0, 1, 2, 3], y = [-1, 0.2, 0.9, 2.1]:
// m = 1.0, c = -0.95). The exact solution is (1, -0.95) with residuals
// (-0.05, 0.15, -0.15, 0.05), sum of squares 0.05; the singular values are
// sqrt(9 +- sqrt 61) (A^T A = [[14, 6], [6, 4]]). Least-squares perturbation
// theory (Higham, Thm 20.1) bounds the error of x by c n u kappa^2 (||x|| +
// ||b|| / sigma_min) with kappa = 3.76 here; the residual sum by twice
// ||r|| times the error of A x.
TEST(NumpyDocLstsq, FitALine) {
    const Matrix A = {{0.0, 1.0}, {1.0, 1.0}, {2.0, 1.0}, {3.0, 1.0}};
    const Vector y = {-1.0, 0.2, 0.9, 2.1};
    const LeastSquares<Vector> r = ref::lstsq(A, y, Rcond{});
    const double s1 = std::sqrt(9.0 + std::sqrt(61.0)), s2 = std::sqrt(9.0 - std::sqrt(61.0));
    const double kappa = s1 / s2;
    const double bound = jacobi_bound(4) * kappa * kappa * (1.5 + 2.6 / s2);
    EXPECT_NEAR(r.x(0), 1.0, bound);
    EXPECT_NEAR(r.x(1), -0.95, bound);
    ASSERT_EQ(r.residuals.size(), 1u);
    EXPECT_NEAR(r.residuals(0), 0.05, 2 * std::sqrt(0.05) * s1 * 2 * bound);
    EXPECT_EQ(r.rank, 2u);
    ASSERT_EQ(r.s.size(), 2u);
    EXPECT_NEAR(r.s(0), s1, jacobi_bound(4) * s1);
    EXPECT_NEAR(r.s(1), s2, jacobi_bound(4) * s1);
    // the x alone of lstsq(A, b) is the same solution
    const Vector x = ref::lstsq(A, y);
    EXPECT_NEAR(x(0), r.x(0), 2 * bound);
    EXPECT_NEAR(x(1), r.x(1), 2 * bound);
}

// Several right-hand sides: one solution and one residual sum per column.
// The second column is A (1, 2): solved exactly, residual 0 up to rounding.
TEST(Lstsq, MatrixOfRightHandSides) {
    const Matrix A = {{0.0, 1.0}, {1.0, 1.0}, {2.0, 1.0}, {3.0, 1.0}};
    const Matrix B = {{-1.0, 2.0}, {0.2, 3.0}, {0.9, 4.0}, {2.1, 5.0}};
    const LeastSquares<Matrix> r = ref::lstsq(A, B);
    ASSERT_EQ(r.x.shape(0), 2u);
    ASSERT_EQ(r.x.shape(1), 2u);
    const double bound = 1e3 * jacobi_bound(4);  // kappa^2 (||x|| + ||b|| / sigma_min) < 1e3 for both columns
    EXPECT_NEAR(r.x(0, 0), 1.0, bound);
    EXPECT_NEAR(r.x(1, 0), -0.95, bound);
    EXPECT_NEAR(r.x(0, 1), 1.0, bound);
    EXPECT_NEAR(r.x(1, 1), 2.0, bound);
    ASSERT_EQ(r.residuals.size(), 2u);
    EXPECT_NEAR(r.residuals(0), 0.05, 10 * bound);
    EXPECT_NEAR(r.residuals(1), 0.0, 10 * bound * bound);
}

// NumPy: residuals only when rank = n < m — empty for a square system, a
// wide one, and a rank-deficient tall one; rank counts sigma > rcond sigma_1.
TEST(Lstsq, ResidualsOnlyForFullRankTallSystems) {
    EXPECT_EQ(ref::lstsq(Matrix{{2.0, 0.0}, {0.0, 4.0}}, Vector{2.0, 2.0}, Rcond{}).residuals.size(), 0u);
    const LeastSquares<Vector> wide = ref::lstsq(Matrix{{1.0, 2.0}}, Vector{5.0}, Rcond{});
    EXPECT_EQ(wide.residuals.size(), 0u);
    EXPECT_EQ(wide.rank, 1u);
    EXPECT_NEAR(wide.x(0), 1.0, 4 * jacobi_bound(2));  // min-norm solution of x1 + 2 x2 = 5
    EXPECT_NEAR(wide.x(1), 2.0, 8 * jacobi_bound(2));
    const LeastSquares<Vector> deficient = ref::lstsq(Matrix{{1.0, 1.0}, {1.0, 1.0}, {1.0, 1.0}}, Vector{1.0, 2.0, 3.0}, Rcond{});
    EXPECT_EQ(deficient.rank, 1u);
    EXPECT_EQ(deficient.residuals.size(), 0u);
}

// The cut-off: NumPy's default eps max(m, n) sigma_1 keeps sigma_2 = 1e-10;
// an explicit rcond = 1e-5 drops it (rank 1, x_2 = 0).
TEST(Lstsq, DefaultAndExplicitCutoff) {
    const Matrix A = {{1.0, 0.0}, {0.0, 1e-10}, {0.0, 0.0}};
    const Vector b = {1.0, 1e-10, 1.0};
    const LeastSquares<Vector> kept = ref::lstsq(A, b, Rcond{});
    EXPECT_EQ(kept.rank, 2u);
    EXPECT_NEAR(kept.x(1), 1.0, 1e6 * jacobi_bound(3));  // kappa = 1e10 amplifies the SVD's error
    ASSERT_EQ(kept.residuals.size(), 1u);
    const LeastSquares<Vector> cut = ref::lstsq(A, b, Rcond{1e-5});
    EXPECT_EQ(cut.rank, 1u);
    EXPECT_EQ(cut.x(1), 0.0);
    EXPECT_EQ(cut.residuals.size(), 0u);
}

// Empty A: x = 0 and rank 0; with n = 0 < m the residual is all of b.
TEST(Lstsq, Empty) {
    const LeastSquares<Vector> no_columns = ref::lstsq(Matrix::from_shape({3, 0}), Vector{1.0, 2.0, 2.0}, Rcond{});
    EXPECT_EQ(no_columns.x.size(), 0u);
    EXPECT_EQ(no_columns.rank, 0u);
    EXPECT_EQ(no_columns.s.size(), 0u);
    ASSERT_EQ(no_columns.residuals.size(), 1u);
    EXPECT_EQ(no_columns.residuals(0), 9.0);
    const LeastSquares<Vector> no_rows = ref::lstsq(Matrix::from_shape({0, 2}), Vector{}, Rcond{});
    EXPECT_EQ(no_rows.x, (Vector{0.0, 0.0}));
    EXPECT_EQ(no_rows.residuals.size(), 0u);
}

// ---------------------------------------------------------------- matrix_rank and pinv

// https://numpy.org/doc/stable/reference/generated/numpy.linalg.matrix_rank.html
// (Examples: matrix_rank(np.eye(4)) = 4; with I[-1, -1] = 0, 3;
// matrix_rank(np.ones((4,))) = 1; matrix_rank(np.zeros((4,))) = 0 — the
// vectors here as 1x4 matrices).
TEST(NumpyDocMatrixRank, Examples) {
    Matrix I = xt::eye<double>(4);
    EXPECT_EQ(ref::matrix_rank(I), 4u);
    I(3, 3) = 0.0;
    EXPECT_EQ(ref::matrix_rank(I), 3u);
    EXPECT_EQ(ref::matrix_rank(Matrix(xt::ones<double>({1, 4}))), 1u);
    EXPECT_EQ(ref::matrix_rank(Matrix(xt::zeros<double>({1, 4}))), 0u);
}

// An explicit tolerance is absolute: sigma = (1, 1e-3) has rank 2 by
// default, 1 with tol = 1e-2, 0 with tol = 1.
TEST(MatrixRank, ExplicitTolerance) {
    const Matrix D = {{1.0, 0.0}, {0.0, 1e-3}};
    EXPECT_EQ(ref::matrix_rank(D), 2u);
    EXPECT_EQ(ref::matrix_rank(D, 1e-2), 1u);
    EXPECT_EQ(ref::matrix_rank(D, 1.0), 0u);
}

// https://numpy.org/doc/stable/reference/generated/numpy.linalg.pinv.html
// (Examples: a 9x6 random normal a, B = pinv(a); allclose(a, a @ B @ a) and
// allclose(B, B @ a @ B)). Here: the same shape and check, with a bound
// instead of allclose: the Penrose residuals are c n u kappa times the
// sizes of the products.
TEST(NumpyDocPinv, PenroseOnANineBySixMatrix) {
    const Matrix a = random<Matrix>({9, 6}, 2024);
    const Matrix B = ref::pinv(a);
    const double kappa = ref::cond(a);
    const double bound = jacobi_bound(9) * kappa * fro(a) * fro(B) * fro(a);
    EXPECT_TRUE(agree_elementwise(ref::matmul(a, ref::matmul(B, a)), a, [&](std::size_t) { return bound; }));
    const double bound_b = jacobi_bound(9) * kappa * fro(B) * fro(a) * fro(B);
    EXPECT_TRUE(agree_elementwise(ref::matmul(B, ref::matmul(a, B)), B, [&](std::size_t) { return bound_b; }));
}

// An explicit rcond is relative to sigma_1: 1e-5 drops sigma = 1e-10, the
// default 1e-15 inverts it.
TEST(Pinv, ExplicitRcond) {
    const Matrix D = {{1.0, 0.0}, {0.0, 1e-10}};
    const Matrix cut = ref::pinv(D, 1e-5);
    EXPECT_EQ(cut(1, 1), 0.0);
    EXPECT_NEAR(cut(0, 0), 1.0, jacobi_bound(2));
    EXPECT_NEAR(ref::pinv(D)(1, 1), 1e10, jacobi_bound(2) * 1e10);
}

// ---------------------------------------------------------------- bad input

TEST(BadInput, Slogdet) {
    EXPECT_THROW(ref::slogdet(Matrix::from_shape({2, 3})), dlmath::shape_error);
    EXPECT_EQ(what_of([] { ref::slogdet(Matrix::from_shape({2, 3})); }), "slogdet: A must be square (A is 2x3)");
    EXPECT_THROW(ref::slogdet(Matrix{{kNaN}}), dlmath::domain_error);
}

TEST(BadInput, MatrixPower) {
    EXPECT_THROW(ref::matrix_power(Matrix::from_shape({2, 3}), 2), dlmath::shape_error);
    EXPECT_THROW(ref::matrix_power(Matrix{{kInf}}, 2), dlmath::domain_error);
    const Matrix S = {{1.0, 2.0}, {2.0, 4.0}};
    EXPECT_THROW(ref::matrix_power(S, -1), dlmath::domain_error);
    EXPECT_EQ(what_of([&] { ref::matrix_power(S, -2); }),
              "matrix_power: A is singular (A is 2x2), so the power n = -2 < 0, which needs the inverse, does not exist");
    EXPECT_NO_THROW(ref::matrix_power(S, 2));
}

TEST(BadInput, Norm) {
    const Matrix A = {{1.0, 2.0}, {3.0, 4.0}};
    EXPECT_THROW(ref::norm(A, 3.0), dlmath::domain_error);
    EXPECT_EQ(what_of([&] { ref::norm(A, 3.0); }),
              "norm: invalid order 3 for a matrix (valid: 1, -1, 2, -2, inf, -inf, MatrixNorm::fro, MatrixNorm::nuc)");
    EXPECT_THROW(ref::norm(A, 0.0), dlmath::domain_error);
    EXPECT_THROW(ref::norm(A, kNaN), dlmath::domain_error);
    EXPECT_THROW(ref::norm(Matrix{{kNaN}}, 2.0), dlmath::domain_error);
    EXPECT_THROW(ref::norm(Matrix{{kInf}}, MatrixNorm::nuc), dlmath::domain_error);
    EXPECT_THROW(ref::norm(Matrix::from_shape({3, 0}), -1.0), dlmath::shape_error);
    EXPECT_THROW(ref::norm(Matrix::from_shape({0, 3}), -kInf), dlmath::shape_error);
    EXPECT_EQ(what_of([] { ref::norm(Matrix::from_shape({0, 3}), -2.0); }),
              "norm: the order -2 takes a minimum over singular values, and A is 0x3");
    EXPECT_THROW(ref::norm(A, 2.0, 2), dlmath::shape_error);
    EXPECT_EQ(what_of([&] { ref::norm(A, 2.0, 2); }), "norm: axis must be 0 (columns) or 1 (rows) for a matrix (A is 2x2, axis = 2)");
    EXPECT_THROW(ref::norm(A, kNaN, 0), dlmath::domain_error);
    EXPECT_THROW(ref::norm(Matrix::from_shape({0, 3}), -kInf, 0), dlmath::shape_error);
}

TEST(BadInput, Cond) {
    const Matrix wide = {{1.0, 2.0, 3.0}};
    EXPECT_THROW(ref::cond(wide, 1.0), dlmath::shape_error);
    EXPECT_THROW(ref::cond(wide, MatrixNorm::fro), dlmath::shape_error);
    EXPECT_NO_THROW(ref::cond(wide, 2.0));
    EXPECT_THROW(ref::cond(Matrix{{1.0}}, 3.0), dlmath::domain_error);
    EXPECT_THROW(ref::cond(Matrix{{kNaN}}, 1.0), dlmath::domain_error);
    EXPECT_THROW(ref::cond(Matrix::from_shape({0, 0}), 1.0), dlmath::shape_error);
    EXPECT_EQ(what_of([] { ref::cond(Matrix::from_shape({0, 0}), MatrixNorm::nuc); }), "cond: A is empty (A is 0x0)");
}

TEST(BadInput, Lstsq) {
    const Matrix A = {{1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}};
    EXPECT_THROW(ref::lstsq(A, Vector{1.0, 2.0}, Rcond{}), dlmath::shape_error);
    EXPECT_EQ(what_of([&] { ref::lstsq(A, Matrix::from_shape({2, 2})); }),
              "lstsq: B must have as many rows as A (A is 3x2, B is 2x2)");
    EXPECT_THROW(ref::lstsq(A, Vector{1.0, kNaN, 2.0}, Rcond{}), dlmath::domain_error);
    EXPECT_THROW(ref::lstsq(A, Vector{1.0, 2.0, 3.0}, Rcond{kNaN}), dlmath::domain_error);
}
