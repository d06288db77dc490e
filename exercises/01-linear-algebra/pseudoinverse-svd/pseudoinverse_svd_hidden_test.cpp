// Hidden tests of the pseudoinverse exercise: Penrose conditions, the
// minimum-norm property, the relative cut-off at every scale. Error bounds
// as in the visible tests.
#include "pseudoinverse_svd.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>
#include <xtensor/xmanipulation.hpp>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using dlmath::exercises::pseudoinverse_from_svd;

namespace {
constexpr double u = std::numeric_limits<double>::epsilon() / 2;
const Matrix U = {{0.6, -0.8}, {0.8, 0.6}};  // a rotation: U^T != U
const Vector S = {4.0, 2.0};
const Matrix Vt = {{1.0, 0.0, 0.0}, {0.0, 0.6, 0.8}};

Matrix product(const Matrix& A, const Matrix& B) {
    Matrix C = Matrix::from_shape({A.shape(0), B.shape(1)});
    for (std::size_t i = 0; i < A.shape(0); ++i)
        for (std::size_t j = 0; j < B.shape(1); ++j) {
            double s = 0.0;
            for (std::size_t k = 0; k < A.shape(1); ++k) s += A(i, k) * B(k, j);
            C(i, j) = s;
        }
    return C;
}
Matrix build(const Matrix& U_, const Vector& S_, const Matrix& Vt_) {
    Matrix US = U_;
    for (std::size_t i = 0; i < US.shape(0); ++i)
        for (std::size_t l = 0; l < S_.size(); ++l) US(i, l) *= S_(l);
    return product(US, Vt_);
}
void expect_close(const Matrix& X, const Matrix& Y, double bound, const char* what) {
    ASSERT_EQ(X.shape(), Y.shape()) << what;
    for (std::size_t k = 0; k < X.size(); ++k) EXPECT_NEAR(X.data()[k], Y.data()[k], bound) << what << " at " << k;
}
}  // namespace

TEST(PseudoinverseSvdHidden, PenroseConditions) {
    const Matrix A = build(U, S, Vt);
    const Matrix P = pseudoinverse_from_svd(U, S, Vt);
    // entries of A are <= 4, of A+ <= 1/2; each product below is two or
    // three chained sums of k <= 3 terms: 64u * (4 * 1/2)^2 bounds them.
    const double b = 64 * u * 4.0;
    expect_close(product(product(A, P), A), A, b, "A A+ A = A");
    expect_close(product(product(P, A), P), P, b, "A+ A A+ = A+");
    const Matrix AP = product(A, P), PA = product(P, A);
    expect_close(AP, xt::eval(xt::transpose(AP)), b, "A A+ symmetric");
    expect_close(PA, xt::eval(xt::transpose(PA)), b, "A+ A symmetric");
}

TEST(PseudoinverseSvdHidden, MinimumNormSolutionOfAWideSystem) {
    // A ~ (2,3): A x = y has a line of solutions x + t z with z in the null
    // space of A (z = [0, 0.8, -0.6], orthogonal to both rows of Vt).
    const Matrix A = build(U, S, Vt);
    const Vector y = {1.0, -2.0};
    const Matrix P = pseudoinverse_from_svd(U, S, Vt);
    Vector x = Vector::from_shape({3});
    for (std::size_t i = 0; i < 3; ++i) x(i) = P(i, 0) * y(0) + P(i, 1) * y(1);
    for (std::size_t i = 0; i < 2; ++i) {
        double Ax = 0.0;
        for (std::size_t j = 0; j < 3; ++j) Ax += A(i, j) * x(j);
        EXPECT_NEAR(Ax, y(i), 64 * u * 3.0);  // x solves the system
    }
    const Vector z = {0.0, 0.8, -0.6};
    double xz = 0.0, xx = 0.0;
    for (std::size_t i = 0; i < 3; ++i) { xz += x(i) * z(i); xx += x(i) * x(i); }
    EXPECT_NEAR(xz, 0.0, 64 * u * 3.0);  // x is orthogonal to the null space ...
    for (double t : {-1.0, -0.1, 0.1, 1.0}) {  // ... so every other solution is longer
        double other = 0.0;
        for (std::size_t i = 0; i < 3; ++i) other += (x(i) + t * z(i)) * (x(i) + t * z(i));
        EXPECT_GT(other, xx);
    }
}

TEST(PseudoinverseSvdHidden, TinySingularValuesAreCutOff) {
    // s_2 = 1e-20 <= 1e-15 * s_max: treated as zero, so A+ has rank one
    const Vector S_small = {4.0, 1e-20};
    const Matrix P = pseudoinverse_from_svd(U, S_small, Vt);
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 2; ++j) EXPECT_NEAR(P(i, j), Vt(0, i) * U(j, 0) / 4.0, 4 * u);
    // with rcond = 0 it is inverted, giving entries of size 1e20
    const Matrix Q = pseudoinverse_from_svd(U, S_small, Vt, 0.0);
    EXPECT_GT(std::fabs(Q(2, 0)), 1e19);
}

TEST(PseudoinverseSvdHidden, PenroseConditionsOfATallMatrix) {
    // A ~ (3, 2) with U ~ (3, 2): columns (0.6, 0, 0.8) and (0, 1, 0); V^T a rotation
    const Matrix Ut = {{0.6, 0.0}, {0.0, 1.0}, {0.8, 0.0}};
    const Vector St = {4.0, 2.0};
    const Matrix Vtt = {{0.6, 0.8}, {-0.8, 0.6}};
    const Matrix A = build(Ut, St, Vtt);
    const Matrix P = pseudoinverse_from_svd(Ut, St, Vtt);
    ASSERT_EQ(P.shape(0), 2u);
    ASSERT_EQ(P.shape(1), 3u);
    const double b = 64 * u * 4.0;
    expect_close(product(P, A), Matrix{{1.0, 0.0}, {0.0, 1.0}}, b, "A+ A = I (full column rank)");
    expect_close(product(product(A, P), A), A, b, "A A+ A = A");
    const Matrix AP = product(A, P);
    expect_close(AP, xt::eval(xt::transpose(AP)), b, "A A+ symmetric");
}

TEST(PseudoinverseSvdHidden, TheCutOffIsRelativeToTheLargestSingularValue) {
    // S = (1e-20, 1e-36): 1e-36 <= 1e-15 * 1e-20 is noise, 1e-20 is not, so
    // A+ has rank one with entries of size 1e20. (An absolute cut-off at
    // 1e-15 would drop both and return zeros.)
    const Matrix P = pseudoinverse_from_svd(U, Vector{1e-20, 1e-36}, Vt);
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 2; ++j) {
            const double want = Vt(0, i) * U(j, 0) / 1e-20;
            EXPECT_NEAR(P(i, j), want, 4 * u * 1e20) << "entry (" << i << ", " << j << ")";
        }
    // S = (1e30, 1e14): 1e14 <= 1e-15 * 1e30 is noise next to 1e30, so A+
    // has rank one with entries of size 1e-30. (An absolute cut-off would
    // keep 1e14 and add entries of size 1e-14.)
    const Matrix Q = pseudoinverse_from_svd(U, Vector{1e30, 1e14}, Vt);
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 2; ++j) {
            const double want = Vt(0, i) * U(j, 0) / 1e30;
            EXPECT_NEAR(Q(i, j), want, 4 * u * 1e-30) << "entry (" << i << ", " << j << ")";
        }
}

TEST(PseudoinverseSvdHidden, AllZeroSingularValuesGiveTheZeroMatrix) {
    const Matrix P = pseudoinverse_from_svd(U, Vector{0.0, 0.0}, Vt);
    for (double p : P) EXPECT_EQ(p, 0.0);
}

TEST(PseudoinverseSvdHidden, BadValuesAreDomainErrors) {
    EXPECT_THROW(pseudoinverse_from_svd(U, Vector{4.0, -1.0}, Vt), dlmath::domain_error);
    EXPECT_THROW(pseudoinverse_from_svd(U, Vector{4.0, std::nan("")}, Vt), dlmath::domain_error);
    EXPECT_THROW(pseudoinverse_from_svd(U, S, Vt, -1.0), dlmath::domain_error);
    EXPECT_THROW(pseudoinverse_from_svd(U, S, Matrix::from_shape({3, 3})), dlmath::shape_error);
}

// Scaling A by c > 0 scales A+ by 1/c and keeps its rank: the cut-off is
// relative. S = 2^e (4, 4 * 2^-d) for e in [-600, 600] and d in [1, 100]:
// the second singular value is kept when 2^-d > 1e-15 (d <= 49) and dropped
// otherwise, at every scale. Scaling by a power of two is exact, so the
// expected A+ is the unscaled one (each entry a sum of k = 2 terms, within
// 4u of its size) times 2^-e. On a failure RapidCheck shrinks e and d and
// prints a smallest failing pair.
RC_GTEST_PROP(PseudoinverseSvdHidden, RankAndEntriesAreTheSameAtEveryScale, ()) {
    const int e = *rc::gen::inRange(-600, 601);
    const int d = *rc::gen::inRange(1, 101);
    const double small = std::ldexp(4.0, -d);
    const bool kept = small > 1e-15 * 4.0;
    const Matrix P = pseudoinverse_from_svd(U, Vector{std::ldexp(4.0, e), std::ldexp(small, e)}, Vt);
    RC_ASSERT(P.shape(0) == 3u && P.shape(1) == 2u);
    for (std::size_t i = 0; i < 3; ++i) {
        for (std::size_t j = 0; j < 2; ++j) {
            const double first = Vt(0, i) * U(j, 0) / 4.0, second = kept ? Vt(1, i) * U(j, 1) / small : 0.0;
            const double want = std::ldexp(first + second, -e);
            const double size = std::ldexp(std::fabs(first) + std::fabs(second), -e);
            RC_ASSERT(std::fabs(P(i, j) - want) <= 8 * u * size);
        }
    }
}
