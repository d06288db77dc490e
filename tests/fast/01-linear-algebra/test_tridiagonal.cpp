// The kernels under the fast eigh (kernels/linear_algebra/tridiagonal.hpp,
// rotations.hpp): the rotation-sequence kernel against rotations applied one
// by one, the Householder reduction, the implicit QL iteration on known
// spectra, and the whole eigh on clustered, repeated, diagonal and tiny
// input; every parallel path bitwise the same for any thread count.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include "kernels/linear_algebra/rotations.hpp"
#include "kernels/linear_algebra/tridiagonal.hpp"
#include "prelude.hpp"

namespace {

using dlmath::testing::u;
using dlmath::fast::detail::apply_rotations;
using dlmath::fast::detail::RotationSequence;

// Plain products for the checks (their own rounding is part of each bound).
Matrix mul(const Matrix& X, const Matrix& Y) {
    const std::size_t m = X.shape(0), k = X.shape(1), n = Y.shape(1);
    Matrix Z = xt::zeros<double>({m, n});
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t l = 0; l < k; ++l)
            for (std::size_t j = 0; j < n; ++j) Z(i, j) += X(i, l) * Y(l, j);
    return Z;
}

double max_abs_diff(const Matrix& X, const Matrix& Y) { return max_abs(Matrix(X - Y)); }

Matrix symmetric(std::size_t n, unsigned seed) {
    const Matrix B = random<Matrix>({n, n}, seed);
    return B + tr(B);
}

// The tridiagonal with diagonal d and off-diagonal e, as a full matrix.
Matrix tridiagonal_matrix(const std::vector<double>& d, const std::vector<double>& e) {
    const std::size_t n = d.size();
    Matrix T = xt::zeros<double>({n, n});
    for (std::size_t i = 0; i < n; ++i) {
        T(i, i) = d[i];
        if (i + 1 < n) T(i, i + 1) = T(i + 1, i) = e[i];
    }
    return T;
}

// A sequence of r rotations on cols columns that exercises every path of
// the kernel: runs going down (QL order), runs going up (QR order), and
// isolated rotations at random columns; angles uniform, c = cos, s = sin.
RotationSequence mixed_sequence(std::size_t cols, std::size_t r, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> angle(-std::numbers::pi, std::numbers::pi);
    std::uniform_int_distribution<std::size_t> column(0, cols - 2);
    RotationSequence g;
    while (g.index.size() < r) {
        const std::size_t kind = rng() % 3, start = column(rng);
        const std::size_t len = std::min<std::size_t>(r - g.index.size(), 1 + rng() % cols);
        for (std::size_t t = 0; t < len; ++t) {
            std::size_t i = start;
            if (kind == 0) i = start >= t ? start - t : column(rng);  // down
            if (kind == 1) i = start + t + 2 <= cols ? start + t : column(rng);  // up
            if (kind == 2) i = column(rng);
            const double th = angle(rng);
            g.index.push_back(i);
            g.c.push_back(std::cos(th));
            g.s.push_back(std::sin(th));
        }
    }
    return g;
}

// The rotations one by one, in plain loops: the definition of apply_rotations.
void apply_one_by_one(const RotationSequence& g, Matrix& Z) {
    for (std::size_t k = 0; k < g.index.size(); ++k) {
        const std::size_t i = g.index[k];
        for (std::size_t row = 0; row < Z.shape(0); ++row) {
            const double x = Z(row, i), y = Z(row, i + 1);
            Z(row, i) = g.c[k] * x - g.s[k] * y;
            Z(row, i + 1) = g.s[k] * x + g.c[k] * y;
        }
    }
}

}  // namespace

// ---------------------------------------------------------------- the rotation-sequence kernel

// Error bound. One rotation computed in floating point, with or without FMA,
// is (x', y') = G (x, y) + δ with |δ_x| ≤ γ₂ (|c x| + |s y|), so
// ‖δ‖ ≤ 2 γ₂ ‖(x, y)‖ ≤ 4u ‖z‖ for the row z it acts on, and G is orthogonal
// to within |c² + s² − 1| ≤ 2u (c, s from cos and sin), so the row's norm
// grows by at most (1 + 2u)^r. After r rotations each way of computing is
// within 4 r u (1 + 2u)^r ‖z‖ of the exact result, and the two within twice
// that: 8.1 r u ‖z‖ for r u < 10⁻³.
TEST(RotationKernel, AgreesWithTheRotationsOneByOneWithinTheRoundingBound) {
    // rows: below one chunk, not a multiple of any SIMD width, several chunks
    for (const std::size_t rows : {1u, 3u, 17u, 50u}) {
        for (const std::size_t cols : {2u, 3u, 9u, 40u}) {
            const std::size_t r = 4 * cols * cols;
            const RotationSequence g = mixed_sequence(cols, r, static_cast<unsigned>(rows * 100 + cols));
            // Z is a block of a wider matrix: leading dimension cols + 3, the
            // columns past cols must not change
            const std::size_t ld = cols + 3;
            Matrix wide = random<Matrix>({rows, ld}, static_cast<unsigned>(rows + cols));
            Matrix plain = xt::view(wide, xt::all(), xt::range(0, cols));
            const Matrix before = wide;
            apply_rotations(g, wide.data(), rows, cols, ld);
            apply_one_by_one(g, plain);
            const std::string at = std::to_string(rows) + " x " + std::to_string(cols);
            for (std::size_t i = 0; i < rows; ++i) {
                double zn = 0.0;
                for (std::size_t j = 0; j < cols; ++j) zn += before(i, j) * before(i, j);
                const double bound = 8.1 * static_cast<double>(r) * u * std::sqrt(zn);
                for (std::size_t j = 0; j < cols; ++j) ASSERT_TRUE(agree(wide(i, j), plain(i, j), bound, at));
                for (std::size_t j = cols; j < ld; ++j) ASSERT_EQ(wide(i, j), before(i, j)) << at << ": past the columns";
            }
        }
    }
}

TEST(RotationKernel, NothingToDoAndBitwiseTheSameForAnyThreadCount) {
    Matrix Z = random<Matrix>({5, 4}, 3);
    const Matrix Z0 = Z;
    apply_rotations(RotationSequence{}, Z.data(), 5, 4, 4);  // no rotations
    apply_rotations(mixed_sequence(4, 10, 1), Z.data(), 0, 4, 4);  // no rows
    EXPECT_TRUE(xt::all(xt::equal(Z, Z0)));
    // enough rows and rotations for the parallel path, a ragged last chunk
    const RotationSequence g = mixed_sequence(300, 20000, 2);
    Matrix one = random<Matrix>({203, 300}, 4), two = one;
    {
        const scoped_threads threads(1);
        apply_rotations(g, one.data(), 203, 300, 300);
    }
    {
        const scoped_threads threads(2);
        apply_rotations(g, two.data(), 203, 300, 300);
    }
    EXPECT_TRUE(xt::all(xt::equal(one, two)));
}

// ---------------------------------------------------------------- the Householder reduction

// Backward stability (Golub & Van Loan §8.3.1; Higham, Accuracy and
// Stability, Lemma 19.3): the computed T is Q̃ᵀ (A + E) Q̃ for an orthogonal Q̃
// with ‖E‖_F ≤ c n u ‖A‖_F, and the computed Q is within c n u of Q̃. The
// check's own product QᵀAQ adds 2n roundings per entry of size ‖A‖_F. With
// c = 16 for the reflections (each of the n − 2 steps rounds an entry of
// A₂₂ a few times) the check is ‖QᵀAQ − T‖_max ≤ 20 n u ‖A‖_F and
// ‖QᵀQ − I‖_max ≤ 20 n u.
TEST(Tridiagonal, QIsOrthogonalAndQtAQIsTheTridiagonal) {
    // 0..3: the special cases; 33: one SIMD tail; 150: the parallel steps
    for (const std::size_t n : {0u, 1u, 2u, 3u, 5u, 33u, 150u}) {
        const Matrix A = symmetric(n, static_cast<unsigned>(n + 7));
        const auto t = dlmath::fast::detail::tridiagonalize(A);
        ASSERT_EQ(t.d.size(), n);
        ASSERT_EQ(t.Q.shape(0), n);
        if (n == 0) continue;
        const Matrix T = tridiagonal_matrix(t.d, t.e);
        const double b = 20.0 * static_cast<double>(n) * u;
        const std::string at = "n = " + std::to_string(n);
        EXPECT_LE(max_abs_diff(mul(tr(t.Q), t.Q), xt::eye<double>(n)), b) << at;
        EXPECT_LE(max_abs_diff(mul(mul(tr(t.Q), A), t.Q), T), b * fro(A)) << at;
    }
}

TEST(Tridiagonal, AlreadyTridiagonalOrDiagonalInputKeepsItsEntries) {
    // a diagonal A: every reflector is H = I (x = 0), so Q = I and T = A exactly
    Matrix D = xt::zeros<double>({6, 6});
    for (std::size_t i = 0; i < 6; ++i) D(i, i) = static_cast<double>(i) - 2.5;
    const auto t = dlmath::fast::detail::tridiagonalize(D);
    EXPECT_TRUE(xt::all(xt::equal(t.Q, xt::eye<double>(6))));
    for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(t.d[i], D(i, i));
    for (std::size_t i = 0; i + 1 < 6; ++i) EXPECT_EQ(t.e[i], 0.0);
}

// ---------------------------------------------------------------- the implicit QL iteration

// The QL iteration is backward stable (Golub & Van Loan §8.3.5): the
// eigenvalues it returns are those of T + E, ‖E‖₂ ≤ c n u ‖T‖₂, so by Weyl
// |λ̂ − λ| ≤ c n u ‖T‖₂, and Z (the product of the rotations) is orthogonal
// to c n u. c = 20, as for the reduction.
TEST(TridiagonalQl, TheSecondDifferenceMatrixHasItsKnownSpectrum) {
    // T = tridiag(−1, 2, −1): λ_k = 2 − 2 cos(kπ/(n+1)), k = 1..n, ‖T‖₂ < 4;
    // eigenvector k has entries sin(jkπ/(n+1))
    for (const std::size_t n : {1u, 2u, 3u, 10u, 64u, 200u}) {
        std::vector<double> d(n, 2.0), e(n, -1.0);
        const Matrix T = tridiagonal_matrix(d, e);
        Matrix Z = xt::eye<double>(n);
        dlmath::fast::detail::tridiagonal_ql(d, e, Z.data(), n, n);
        std::vector<double> lambda(n);
        for (std::size_t k = 1; k <= n; ++k)
            lambda[k - 1] = 2.0 - 2.0 * std::cos(static_cast<double>(k) * std::numbers::pi / static_cast<double>(n + 1));
        std::vector<double> sorted = d;
        std::sort(sorted.begin(), sorted.end());
        const double b = 20.0 * static_cast<double>(n) * u * 4.0;
        const std::string at = "n = " + std::to_string(n);
        for (std::size_t k = 0; k < n; ++k) EXPECT_TRUE(agree(sorted[k], lambda[k], b, at));
        // T Z = Z Λ and Zᵀ Z = I
        Matrix ZL = Z;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) ZL(i, j) *= d[j];
        EXPECT_LE(max_abs_diff(mul(T, Z), ZL), b) << at;
        EXPECT_LE(max_abs_diff(mul(tr(Z), Z), xt::eye<double>(n)), 20.0 * n * u) << at;
    }
}

TEST(TridiagonalQl, DiagonalTwoByTwoAndEigenvaluesOnly) {
    // e = 0: nothing to do, Z untouched
    std::vector<double> d = {3.0, -1.0, 2.0}, e = {0.0, 0.0, 0.0};
    Matrix Z = xt::eye<double>(3);
    dlmath::fast::detail::tridiagonal_ql(d, e, Z.data(), 3, 3);
    EXPECT_EQ(d, (std::vector<double>{3.0, -1.0, 2.0}));
    EXPECT_TRUE(xt::all(xt::equal(Z, xt::eye<double>(3))));
    // [[2, 1], [1, 2]]: 1 and 3, eigenvectors (1, ∓1)/√2
    std::vector<double> d2 = {2.0, 2.0}, e2 = {1.0, 0.0};
    Matrix Z2 = xt::eye<double>(2);
    dlmath::fast::detail::tridiagonal_ql(d2, e2, Z2.data(), 2, 2);
    std::sort(d2.begin(), d2.end());
    EXPECT_TRUE(agree(d2[0], 1.0, 20 * 2 * u * 3, "smaller of [[2,1],[1,2]]"));
    EXPECT_TRUE(agree(d2[1], 3.0, 20 * 2 * u * 3, "larger of [[2,1],[1,2]]"));
    EXPECT_TRUE(agree(std::fabs(Z2(0, 0)), std::sqrt(0.5), 40 * u, "eigenvector entry"));
    // without Z, the same eigenvalues bit for bit
    std::vector<double> d3 = {2.0, 2.0}, e3 = {1.0, 0.0}, d4 = d3, e4 = e3;
    Matrix Z4 = xt::eye<double>(2);
    dlmath::fast::detail::tridiagonal_ql(d3, e3, nullptr, 0, 2);
    dlmath::fast::detail::tridiagonal_ql(d4, e4, Z4.data(), 2, 2);
    EXPECT_EQ(d3, d4);
}

// Wilkinson's W₂₁⁺ (diagonal |10 − i|, off-diagonal 1): its largest
// eigenvalues come in pairs that agree to 14 digits or more, a hard case for
// the deflation test and for the orthogonality of the vectors. And a
// tridiagonal that splits into two equal blocks: every eigenvalue twice.
TEST(TridiagonalQl, ClusteredAndRepeatedEigenvalues) {
    {
        const std::size_t n = 21;
        std::vector<double> d(n), e(n, 1.0);
        for (std::size_t i = 0; i < n; ++i) d[i] = std::fabs(10.0 - static_cast<double>(i));
        const Matrix T = tridiagonal_matrix(d, e);
        Matrix Z = xt::eye<double>(n);
        dlmath::fast::detail::tridiagonal_ql(d, e, Z.data(), n, n);
        const double normT = 12.0;  // ‖T‖₂ ≤ max row sum = 10 + 2
        const double b = 20.0 * n * u * normT;
        Matrix ZL = Z;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) ZL(i, j) *= d[j];
        EXPECT_LE(max_abs_diff(mul(T, Z), ZL), b);
        EXPECT_LE(max_abs_diff(mul(tr(Z), Z), xt::eye<double>(n)), 20.0 * n * u);
        std::sort(d.begin(), d.end());
        EXPECT_TRUE(agree(d[n - 1], 10.746194182903393, b, "largest of W21+"));  // Wilkinson's value
        EXPECT_TRUE(agree(d[n - 2], 10.746194182903322, b, "its twin"));
    }
    {
        std::vector<double> d = {1.0, 4.0, -2.0, 1.0, 4.0, -2.0}, e = {0.5, 3.0, 0.0, 0.5, 3.0, 0.0};
        const Matrix T = tridiagonal_matrix(d, e);
        Matrix Z = xt::eye<double>(6);
        dlmath::fast::detail::tridiagonal_ql(d, e, Z.data(), 6, 6);
        std::vector<double> s = d;
        std::sort(s.begin(), s.end());
        const double b = 20.0 * 6 * u * 8.0;  // ‖T‖₂ ≤ max row sum 7.5
        for (std::size_t k = 0; k < 6; k += 2) EXPECT_TRUE(agree(s[k], s[k + 1], 2 * b, "a repeated eigenvalue"));
        Matrix ZL = Z;
        for (std::size_t i = 0; i < 6; ++i)
            for (std::size_t j = 0; j < 6; ++j) ZL(i, j) *= d[j];
        EXPECT_LE(max_abs_diff(mul(T, Z), ZL), b);
        EXPECT_LE(max_abs_diff(mul(tr(Z), Z), xt::eye<double>(6)), 20.0 * 6 * u);
    }
}

// ---------------------------------------------------------------- the whole fast eigh

// What a backward-stable eigensolver guarantees (the three stages compose:
// A + E = V Λ Vᵀ with ‖E‖ ≤ c n u ‖A‖): the residual ‖A V − V Λ‖_max ≤ c n u ‖A‖_F
// and ‖VᵀV − I‖_max ≤ c n u, c = 40 for the reduction and the iteration
// together (20 each, above). Eigenvalues ascending.
::testing::AssertionResult is_eigendecomposition(const Matrix& A, const dlmath::Eigh& r, const std::string& what) {
    const std::size_t n = A.shape(0);
    const double b = 40.0 * static_cast<double>(std::max<std::size_t>(n, 1)) * u;
    for (std::size_t j = 0; j + 1 < n; ++j)
        if (!(r.eigenvalues(j) <= r.eigenvalues(j + 1))) return ::testing::AssertionFailure() << what << ": not ascending";
    Matrix VL = r.eigenvectors;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) VL(i, j) *= r.eigenvalues(j);
    const double res = n ? max_abs_diff(mul(A, r.eigenvectors), VL) : 0.0;
    const double orth = n ? max_abs_diff(mul(tr(r.eigenvectors), r.eigenvectors), xt::eye<double>(n)) : 0.0;
    if (!(res <= b * fro(A))) return ::testing::AssertionFailure() << what << ": residual " << res << " > " << b * fro(A);
    if (!(orth <= b)) return ::testing::AssertionFailure() << what << ": ||V^T V - I|| = " << orth << " > " << b;
    return ::testing::AssertionSuccess();
}

TEST(FastEigh, ResidualAndOrthogonalityOnClusteredRepeatedDiagonalAndSmallInput) {
    EXPECT_TRUE(is_eigendecomposition(Matrix{{-3.5}}, fast::eigh(Matrix{{-3.5}}), "1 x 1"));
    EXPECT_EQ(fast::eigh(Matrix{{-3.5}}).eigenvalues(0), -3.5);
    const Matrix S2 = {{2.0, 1.0}, {1.0, 2.0}};
    EXPECT_TRUE(is_eigendecomposition(S2, fast::eigh(S2), "2 x 2"));
    // diagonal: the entries, sorted, exactly (no reflection, no rotation)
    const Matrix D = {{3.0, 0.0, 0.0}, {0.0, -1.0, 0.0}, {0.0, 0.0, 2.0}};
    const dlmath::Eigh d = fast::eigh(D);
    EXPECT_TRUE(xt::all(xt::equal(d.eigenvalues, Vector{-1.0, 2.0, 3.0})));
    EXPECT_TRUE(is_eigendecomposition(D, d, "diagonal"));
    // A = Q diag(1, 1, 1, 2, 2, 5, ...) Qᵀ with Q from a tridiagonalization
    // (orthogonal to rounding): repeated eigenvalues, whose eigenvectors are
    // any basis of their space; only the residual and orthogonality are defined
    for (const std::size_t n : {7u, 60u, 140u}) {
        const Matrix Q = dlmath::fast::detail::tridiagonalize(symmetric(n, static_cast<unsigned>(n))).Q;
        Matrix QL = Q;
        std::vector<double> lambda(n);
        for (std::size_t j = 0; j < n; ++j) lambda[j] = j < 3 ? 1.0 : j < 5 ? 2.0 : 5.0 + 1e-13 * static_cast<double>(j);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) QL(i, j) *= lambda[j];
        Matrix A = mul(QL, tr(Q));
        A = 0.5 * (A + tr(A));  // exactly symmetric
        const dlmath::Eigh r = fast::eigh(A);
        const std::string at = "clustered, n = " + std::to_string(n);
        EXPECT_TRUE(is_eigendecomposition(A, r, at));
        std::sort(lambda.begin(), lambda.end());
        const double b = 2 * 40.0 * static_cast<double>(n) * u * fro(A);  // Weyl, plus A's own rounding
        for (std::size_t j = 0; j < n; ++j) EXPECT_TRUE(agree(r.eigenvalues(j), lambda[j], b, at));
    }
    // the zero matrix (every reflector and rotation skipped) and the rank-one
    // all-ones matrix, eigenvalues 0 (n − 1 times) and n
    const Matrix Z = xt::zeros<double>({5, 5});
    const dlmath::Eigh z = fast::eigh(Z);
    EXPECT_TRUE(xt::all(xt::equal(z.eigenvalues, 0.0)));
    EXPECT_TRUE(is_eigendecomposition(Z, z, "zero"));
    const Matrix J = xt::ones<double>({9, 9});
    const dlmath::Eigh j = fast::eigh(J);
    EXPECT_TRUE(is_eigendecomposition(J, j, "all ones"));
    for (std::size_t k = 0; k < 8; ++k) EXPECT_TRUE(agree(j.eigenvalues(k), 0.0, 40 * 9 * u * 9, "all ones, 0"));
    EXPECT_TRUE(agree(j.eigenvalues(8), 9.0, 40 * 9 * u * 9, "all ones, n"));
    for (const std::size_t n : {3u, 31u, 64u, 150u}) {
        const Matrix A = symmetric(n, static_cast<unsigned>(3 * n));
        EXPECT_TRUE(is_eigendecomposition(A, fast::eigh(A), "random, n = " + std::to_string(n)));
    }
}

TEST(FastEigh, BitwiseTheSameForAnyThreadCount) {
    // past every parallel threshold: the reduction's steps, the accumulation
    // of Q and the rotation batches
    const Matrix A = symmetric(260, 11);
    dlmath::Eigh one, two;
    {
        const scoped_threads threads(1);
        one = fast::eigh(A);
    }
    {
        const scoped_threads threads(2);
        two = fast::eigh(A);
    }
    EXPECT_TRUE(xt::all(xt::equal(one.eigenvalues, two.eigenvalues)));
    EXPECT_TRUE(xt::all(xt::equal(one.eigenvectors, two.eigenvectors)));
}
