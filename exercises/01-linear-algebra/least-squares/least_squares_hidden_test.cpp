// Hidden tests of the least-squares exercise: accuracy on an ill-conditioned
// tall matrix (where the normal equations fail), entries near the ends of
// the double range, rank deficiency and bad values, no columns, and
// RapidCheck properties against a long double reference.
//
// The bounds are those of a backward-stable solver (Higham, Accuracy and
// Stability of Numerical Algorithms, 2nd ed., Thm 20.3 with Thm 20.1):
// Householder or Givens QR returns the exact solution of a problem with
// ||dA|| <= eps ||A||, ||db|| <= eps ||b||, eps = c m n u for a small c
// (c = 16 here), so, with kappa = sigma_max / sigma_min and r = b - A x,
//   ||x^ - x|| <= kappa eps / (1 - kappa eps) (2 ||x|| + (kappa + 1) ||r|| / sigma_max),
//   | ||r^|| - ||r|| | <= eps (1 + 2 kappa) ||b|| .
// The normal equations lose a factor kappa more: error kappa^2 u.
#include "least_squares.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using dlmath::exercises::least_squares;

namespace {
constexpr double u = std::numeric_limits<double>::epsilon() / 2;
double eps_of(std::size_t m, std::size_t n) { return 16.0 * static_cast<double>(m * n) * u; }
double distance(const Vector& a, const Vector& b) {
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) s += (a(i) - b(i)) * (a(i) - b(i));
    return std::sqrt(s);
}

// x* and ||b - A x*|| in long double, from the normal equations (A^T A) x =
// A^T b by Gaussian elimination with partial pivoting: accurate enough for
// the well-conditioned matrices of the property (kappa(A)^2 <= 1 + 16 * 81,
// times 2^-64).
std::pair<std::vector<long double>, long double> long_double_solution(const Matrix& A, const Vector& b) {
    const std::size_t m = A.shape(0), n = A.shape(1);
    std::vector<std::vector<long double>> G(n, std::vector<long double>(n + 1, 0.0L));
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j)
            for (std::size_t p = 0; p < m; ++p) G[i][j] += static_cast<long double>(A(p, i)) * A(p, j);
        for (std::size_t p = 0; p < m; ++p) G[i][n] += static_cast<long double>(A(p, i)) * b(p);
    }
    for (std::size_t k = 0; k < n; ++k) {
        std::size_t piv = k;
        for (std::size_t i = k + 1; i < n; ++i)
            if (std::fabs(G[i][k]) > std::fabs(G[piv][k])) piv = i;
        std::swap(G[k], G[piv]);
        for (std::size_t i = k + 1; i < n; ++i) {
            const long double f = G[i][k] / G[k][k];
            for (std::size_t j = k; j <= n; ++j) G[i][j] -= f * G[k][j];
        }
    }
    std::vector<long double> x(n);
    for (std::size_t k = n; k-- > 0;) {
        long double s = G[k][n];
        for (std::size_t j = k + 1; j < n; ++j) s -= G[k][j] * x[j];
        x[k] = s / G[k][k];
    }
    long double rr = 0.0L;
    for (std::size_t p = 0; p < m; ++p) {
        long double r = b(p);
        for (std::size_t j = 0; j < n; ++j) r -= static_cast<long double>(A(p, j)) * x[j];
        rr += r * r;
    }
    return {x, std::sqrt(rr)};
}
}  // namespace

TEST(LeastSquaresHidden, AnIllConditionedTallSystemIsSolvedAccurately) {
    // Columns (1, ..., 1) and (1 + d t_i), t = 0..5, d = 2^-30: nearly
    // parallel. Every entry, and b = A (3, -2) = (1 - 2 d t_i), is exact. The
    // Gram matrix [[6, 6 + 15d], [6 + 15d, 6 + 30d + 55d^2]] has determinant
    // 105 d^2 and largest eigenvalue below 12 + 30d + 55d^2, so
    // kappa(A) = lambda_max / sqrt(det) < 1.2 * 2^30. The system is
    // consistent (r = 0): a backward-stable solver is within
    // 2 kappa eps ||x|| ~ 6e-5 ||x||; in the normal equations 55 d^2 is lost
    // to rounding and the Gram matrix is singular.
    const double d = 0x1p-30;
    const std::size_t m = 6;
    Matrix A = Matrix::from_shape({m, 2});
    Vector b = Vector::from_shape({m});
    for (std::size_t i = 0; i < m; ++i) {
        const double t = static_cast<double>(i);
        A(i, 0) = 1.0;
        A(i, 1) = 1.0 + d * t;
        b(i) = 1.0 - 2.0 * d * t;
    }
    const double kappa = (12.0 + 30.0 * d + 55.0 * d * d) / (std::sqrt(105.0) * d);
    const double eps = eps_of(m, 2);
    const Vector x_true = {3.0, -2.0};
    const auto r = least_squares(A, b);
    ASSERT_EQ(r.x.size(), 2u);
    EXPECT_LE(distance(r.x, x_true), kappa * eps / (1 - kappa * eps) * 2 * std::sqrt(13.0))
        << "x = (" << r.x(0) << ", " << r.x(1) << "), want (3, -2)";
    // ||b|| < 3: the computed residual of a consistent system is tiny
    EXPECT_LE(r.residual_norm, eps * (1 + 2 * kappa) * 3.0);
}

TEST(LeastSquaresHidden, EntriesNearTheEndsOfTheRange) {
    // The worked example scaled by 2^600 (its squares overflow) and by
    // 2^-600 (its squares underflow to 0): x is unchanged, the residual
    // norm scales with b. kappa = sqrt(3).
    const Matrix A = {{1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}};
    const Vector b = {1.0, 2.0, 4.0};
    const double kappa = std::sqrt(3.0), eps = eps_of(3, 2);
    const double r_norm = 1.0 / std::sqrt(3.0), x_norm = std::sqrt(65.0) / 3.0;
    const double bound_x = kappa * eps / (1 - kappa * eps) * (2 * x_norm + (kappa + 1) * r_norm);
    const double bound_r = eps * (1 + 2 * kappa) * std::sqrt(21.0);
    for (const double s : {0x1p600, 0x1p-600}) {
        const auto r = least_squares(s * A, s * b);
        ASSERT_EQ(r.x.size(), 2u);
        EXPECT_LE(distance(r.x, Vector{4.0 / 3.0, 7.0 / 3.0}), bound_x)
            << "scale " << s << ": x = (" << r.x(0) << ", " << r.x(1) << ")";
        EXPECT_NEAR(r.residual_norm / s, r_norm, bound_r) << "scale " << s;
    }
}

TEST(LeastSquaresHidden, RankDeficiencyAndBadValuesAreDomainErrors) {
    const Matrix zero_column = {{1.0, 0.0}, {2.0, 0.0}, {3.0, 0.0}};
    try {
        (void)least_squares(zero_column, Vector{1.0, 2.0, 3.0});
        ADD_FAILURE() << "no domain_error for a zero column";
    } catch (const dlmath::domain_error& e) {
        EXPECT_NE(std::string(e.what()).find("least_squares"), std::string::npos) << e.what();
    }
    EXPECT_THROW(least_squares(Matrix{{0.0}, {0.0}}, Vector{1.0, 2.0}), dlmath::domain_error);
    const Matrix A = {{1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}};
    Matrix with_nan = A;
    with_nan(2, 1) = std::nan("");
    EXPECT_THROW(least_squares(with_nan, Vector{1.0, 2.0, 3.0}), dlmath::domain_error);
    EXPECT_THROW(least_squares(A, Vector{1.0, std::numeric_limits<double>::infinity(), 3.0}), dlmath::domain_error);
}

TEST(LeastSquaresHidden, NoColumnsLeaveAllOfB) {
    const auto r = least_squares(Matrix::from_shape({2, 0}), Vector{3.0, 4.0});
    EXPECT_EQ(r.x.size(), 0u);
    EXPECT_NEAR(r.residual_norm, 5.0, 4 * u * 5.0);
}

// Random tall matrices A = [B; I] (B of small integers above an identity):
// full column rank, sigma_min >= 1 and sigma_max^2 <= 1 + ||B||_F^2, so
// kappa is known; b of small integers, in general not in the column space.
// x and the residual norm agree with a long double solution within the
// bounds above. A failure is shrunk to a smallest matrix and b.
RC_GTEST_PROP(LeastSquaresHidden, RandomTallMatricesAgreeWithALongDoubleSolution, ()) {
    const auto n = *rc::gen::inRange<std::size_t>(1, 5);
    const auto extra = *rc::gen::inRange<std::size_t>(0, 5);
    const auto B = *rc::gen::container<std::vector<int>>(extra * n, rc::gen::inRange(-9, 10));
    const auto bv = *rc::gen::container<std::vector<int>>(extra + n, rc::gen::inRange(-9, 10));
    const std::size_t m = extra + n;
    Matrix A = xt::zeros<double>({m, n});
    double frob2 = 0.0;
    for (std::size_t i = 0; i < extra; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            A(i, j) = B[i * n + j];
            frob2 += A(i, j) * A(i, j);
        }
    for (std::size_t j = 0; j < n; ++j) A(extra + j, j) = 1.0;
    Vector b = Vector::from_shape({m});
    double b_norm2 = 0.0;
    for (std::size_t i = 0; i < m; ++i) {
        b(i) = bv[i];
        b_norm2 += b(i) * b(i);
    }
    const auto [x_star, r_star] = long_double_solution(A, b);
    const double kappa = std::sqrt(1.0 + frob2), eps = eps_of(m, n);
    double x_norm2 = 0.0;
    for (long double v : x_star) x_norm2 += static_cast<double>(v * v);
    const double bound_x = kappa * eps / (1 - kappa * eps) *
                               (2 * std::sqrt(x_norm2) + (kappa + 1) * static_cast<double>(r_star)) +
                           1e-12 * u;  // the long double reference's own error is far below u
    const double bound_r = eps * (1 + 2 * kappa) * std::sqrt(b_norm2) + 1e-12 * u;

    const auto r = least_squares(A, b);
    RC_ASSERT(r.x.size() == n);
    double err2 = 0.0;
    for (std::size_t j = 0; j < n; ++j) err2 += static_cast<double>((r.x(j) - x_star[j]) * (r.x(j) - x_star[j]));
    RC_ASSERT(std::sqrt(err2) <= bound_x);
    RC_ASSERT(std::fabs(r.residual_norm - static_cast<double>(r_star)) <= bound_r);
}
