// Hidden tests of the power-iteration exercise (bounds as in the visible tests).
#include "power_iteration.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using dlmath::exercises::power_iteration;

namespace {
constexpr double u = std::numeric_limits<double>::epsilon() / 2;
}  // namespace

TEST(PowerIterationHidden, EqualMagnitudesDoNotConvergeAndSaySo) {
    // [[0,1],[1,0]] has eigenvalues +1 and -1: from [1, 0.5] the iterate
    // alternates between two directions and never settles.
    const auto r = power_iteration(Matrix{{0.0, 1.0}, {1.0, 0.0}}, Vector{1.0, 0.5}, 50);
    EXPECT_FALSE(r.converged);
    EXPECT_EQ(r.iterations, 50);
    EXPECT_TRUE(std::isfinite(r.eigenvalue));
    EXPECT_NEAR(std::hypot(r.eigenvector(0), r.eigenvector(1)), 1.0, 4 * u);
}

TEST(PowerIterationHidden, ResultIsAUnitEigenvector) {
    // symmetric 3x3 with eigenvalues 6, 3, 1 (well separated)
    const Matrix A = {{4.0, 1.0, 1.0}, {1.0, 3.0, 2.0}, {1.0, 2.0, 3.0}};
    const auto r = power_iteration(A, Vector{1.0, 0.0, 0.0}, 5000, 1e-13);
    ASSERT_TRUE(r.converged);
    const Vector& x = r.eigenvector;
    EXPECT_NEAR(x(0) * x(0) + x(1) * x(1) + x(2) * x(2), 1.0, 8 * u);
    // the residual that was promised, recomputed independently
    double res = 0.0;
    for (std::size_t i = 0; i < 3; ++i) {
        double Axi = 0.0;
        for (std::size_t j = 0; j < 3; ++j) Axi += A(i, j) * x(j);
        res += (Axi - r.eigenvalue * x(i)) * (Axi - r.eigenvalue * x(i));
    }
    EXPECT_LE(std::sqrt(res), 1e-13 * std::fabs(r.eigenvalue) + 32 * u * 6.0);
    EXPECT_NEAR(r.eigenvalue, 6.0, (1e-13 + 32 * u) * 6.0);  // trace 10 = 6 + 3 + 1
}

TEST(PowerIterationHidden, StartVectorInTheNullSpaceIsADomainError) {
    EXPECT_THROW(power_iteration(Matrix{{1.0, 0.0}, {0.0, 0.0}}, Vector{0.0, 1.0}), dlmath::domain_error);
}

TEST(PowerIterationHidden, NonPositiveLimitsAreDomainErrors) {
    const Matrix I = {{1.0, 0.0}, {0.0, 1.0}};
    EXPECT_THROW(power_iteration(I, Vector{1.0, 0.0}, 0), dlmath::domain_error);
    EXPECT_THROW(power_iteration(I, Vector{1.0, 0.0}, 10, 0.0), dlmath::domain_error);
}

TEST(PowerIterationHidden, AnEigenvectorConvergesAfterOneProduct) {
    // x0 = e1 is an eigenvector of diag(3, 1): one product A x0 = 3 x0 shows
    // it (residual 0), exactly.
    const auto r = power_iteration(Matrix{{3.0, 0.0}, {0.0, 1.0}}, Vector{1.0, 0.0});
    EXPECT_TRUE(r.converged);
    EXPECT_EQ(r.iterations, 1);
    EXPECT_EQ(r.eigenvalue, 3.0);
    EXPECT_EQ(r.eigenvector, (Vector{1.0, 0.0}));
}

TEST(PowerIterationHidden, AtMostMaxIterationsProducts) {
    // The Jordan block A = [[1, 1], [0, 1]] has the single eigenvalue 1 and
    // converges slowly (the residual of A^j x0 shrinks like 1/j^2): from
    // x0 = (0, 1), A^j x0 = (j, 1), so the ratio of the entries of an iterate
    // counts the products that went into it. With at most M products, the
    // Rayleigh quotient belongs to an iterate of at most M - 1 products (the
    // M-th gives its quotient), and the pair (lambda, x) must belong together.
    const Matrix A = {{1.0, 1.0}, {0.0, 1.0}};
    for (int M : {1, 2, 3, 5, 8}) {
        const auto r = power_iteration(A, Vector{0.0, 1.0}, M);
        EXPECT_FALSE(r.converged) << "M = " << M;
        EXPECT_EQ(r.iterations, M);
        const Vector& x = r.eigenvector;
        ASSERT_EQ(x.size(), 2u);
        ASSERT_GT(x(1), 0.0) << "M = " << M;
        // x = (j, 1) / sqrt(j^2 + 1): the ratio is j up to a few roundings
        const double j = x(0) / x(1);
        EXPECT_LE(j, (M - 1) * (1 + 8 * u)) << "the iterate was multiplied by A " << j
                                            << " times, more than M - 1 = " << (M - 1);
        // lambda = x^T A x of this very x (entries of size <= 1: a few u)
        const double rayleigh = x(0) * (x(0) + x(1)) + x(1) * x(1);
        EXPECT_NEAR(r.eigenvalue, rayleigh, 8 * u) << "M = " << M;
    }
}
