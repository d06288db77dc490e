// NumPy's linear-algebra surface, fast twin: agrees with the reference twin
// within error bounds, takes the same edge values and rejects the same bad
// input with the same message.

#include <cmath>
#include <cstdint>
#include <string>

#include "prelude.hpp"

using dlmath::LeastSquares;
using dlmath::MatrixNorm;
using dlmath::Rcond;

// ---------------------------------------------------------------- vector norm, the new orders

// p = 0 and -inf are exact in both twins (a count and a min). For finite
// p < 0 both scale by m = min |x_i| and sum n terms in (0, 1], each with a
// rounded division (fast: a product with 1/m, one more rounding) amplified
// by |p|, and a pow: relative error (gamma_n + 4 n u + |p| u) / |p| + 4u per
// twin, as the p >= 1 bound of test_vectors.cpp with |p| for p.
RC_GTEST_PROP(NormAgreement, OrdersBelowOne, ()) {
    const std::size_t n = *dlmath::testing::kernel_length();
    const double p = *rc::gen::element(0.0, 0.5, -0.5, -1.0, -3.0, -kInf);
    RC_PRE(!(n == 0 && std::isinf(p)));  // the minimum of nothing: a shape_error (BadInput below)
    const Vector x = random<Vector>({n}, *rc::gen::arbitrary<std::uint32_t>());
    const double r = ref::norm(x, p);
    const double a = std::fabs(p), nn = static_cast<double>(n);
    const double bound = (p == 0.0 || std::isinf(p)) ? 0.0 : 2 * ((gamma_n(nn) + 4 * nn * u + a * u) / a + 4 * u) * r;
    DLMATH_RC_ASSERT(agree(fast::norm(x, p), r, bound, "norm, n = " + std::to_string(n) + ", p = " + std::to_string(p)));
}

// The edges of the new orders, across the SIMD body and its tail (9 entries).
TEST(NormAgreement, EdgesOfTheNewOrders) {
    const Vector with_nan = {1., 0., 3., 4., kNaN, 6., 0., 8., 9.};
    EXPECT_EQ(fast::norm(with_nan, 0.0), ref::norm(with_nan, 0.0));
    EXPECT_EQ(fast::norm(with_nan, 0.0), 7.0);
    EXPECT_TRUE(std::isnan(fast::norm(with_nan, -1.0)));
    EXPECT_TRUE(std::isnan(fast::norm(with_nan, -kInf)));
    const Vector with_zero = {1., 2., 3., 4., 5., 6., 7., 8., 0.};
    EXPECT_EQ(fast::norm(with_zero, -2.0), 0.0);
    EXPECT_EQ(fast::norm(with_zero, -kInf), 0.0);
    EXPECT_EQ(fast::norm(Vector{}, -1.0), kInf);
    EXPECT_EQ(fast::norm(Vector{2.0, kInf}, -1.0), 2.0);
    // a subnormal scale: its reciprocal overflows, the fast twin must still divide
    EXPECT_EQ(fast::norm(Vector{5e-324, 0.0}, 3.0), 5e-324);
    EXPECT_EQ(fast::norm(Vector{1e-310, 1e-310}, -1.0), ref::norm(Vector{1e-310, 1e-310}, -1.0));
}

// ---------------------------------------------------------------- the NumPy functions

// slogdet: both from an LU with partial pivoting (the blocked one pivots
// the same rows); the log of each pivot is within gamma_n kappa of the
// other twin's, summed over n pivots: n gamma_n kappa.
TEST(NumpyAgreement, Slogdet) {
    for (std::size_t n : {0u, 1u, 5u, 37u, 130u}) {
        const Matrix A = random<Matrix>({n, n}, 11 + n);
        const auto f = fast::slogdet(A), r = ref::slogdet(A);
        EXPECT_EQ(f.sign, r.sign) << "n = " << n;
        const double kappa = n ? ref::cond(A) : 1.0;
        EXPECT_NEAR(f.logabsdet, r.logabsdet, 4 * static_cast<double>(n) * gamma_n(static_cast<double>(n)) * kappa)
            << "n = " << n;
    }
    EXPECT_EQ(fast::slogdet(Matrix{{1.0, 2.0}, {2.0, 4.0}}).logabsdet, -kInf);
    EXPECT_EQ(fast::slogdet(Matrix::from_shape({0, 0})).sign, 1.0);
}

// matrix_power: the same products in the same order; each GEMM is within
// gamma_n |X||Y| of the other's. With ||A|| <= 1/2 the powers shrink, and
// the errors stay below 4 |n| gamma_m per entry.
TEST(NumpyAgreement, MatrixPower) {
    const std::size_t m = 40;
    Matrix A = random<Matrix>({m, m}, 5);
    A /= 2 * ref::norm(A, kInf);  // ||A||_inf = 1/2
    for (long long n : {0LL, 1LL, 2LL, 7LL, 16LL, -3LL}) {
        const Matrix F = fast::matrix_power(A, n), R = ref::matrix_power(A, n);
        const double scale = n < 0 ? ref::norm(R, kInf) * ref::cond(A, kInf) : 1.0;
        const double bound = 4 * static_cast<double>(std::llabs(n) + 1) * gamma_n(m) * scale;
        EXPECT_TRUE(agree_elementwise(F, R, [&](std::size_t) { return bound; }, "n = " + std::to_string(n)));
    }
}

// Matrix norms: 1 and inf are sums of m or n terms (gamma per twin), the
// 2-orders and nuc come from two Jacobi SVDs (jacobi_bound each), fro from
// the vector norm.
TEST(NumpyAgreement, MatrixNorms) {
    for (auto [m, n] : {std::pair<std::size_t, std::size_t>{7, 5}, {5, 7}, {1, 9}, {64, 33}}) {
        const Matrix A = random<Matrix>({m, n}, m * 100 + n);
        const double s1 = ref::norm(A, 2.0), k = static_cast<double>(std::max(m, n));
        for (double p : {1.0, -1.0, kInf, -kInf})
            EXPECT_TRUE(agree(fast::norm(A, p), ref::norm(A, p), 2 * gamma_n(k) * ref::norm(A, std::fabs(p))));
        for (double p : {2.0, -2.0}) EXPECT_TRUE(agree(fast::norm(A, p), ref::norm(A, p), 2 * jacobi_bound(k) * s1));
        EXPECT_TRUE(agree(fast::norm(A), ref::norm(A), 4 * gamma_n(k * k) * ref::norm(A)));
        EXPECT_TRUE(agree(fast::norm(A, MatrixNorm::nuc), ref::norm(A, MatrixNorm::nuc), 2 * k * jacobi_bound(k) * s1));
        for (std::size_t axis : {0u, 1u}) {
            const Vector r = ref::norm(A, 2.0, axis);
            EXPECT_TRUE(agree_elementwise(fast::norm(A, 2.0, axis), r, [&](std::size_t j) { return 8 * k * u * r(j); }));
        }
    }
}

// cond: the 1-, inf- and fro-orders from the inverse, within c n u kappa of
// each other; the 2-orders from the SVDs; singular gives inf in both.
TEST(NumpyAgreement, Cond) {
    const Matrix A = random<Matrix>({30, 30}, 3);
    const double kappa = ref::cond(A);
    for (double p : {1.0, -1.0, 2.0, -2.0, kInf, -kInf}) {
        const double r = ref::cond(A, p);
        EXPECT_TRUE(agree(fast::cond(A, p), r, 2 * jacobi_bound(30) * kappa * r)) << "p = " << p;
    }
    EXPECT_TRUE(agree(fast::cond(A, MatrixNorm::fro), ref::cond(A, MatrixNorm::fro),
                      2 * jacobi_bound(30) * kappa * ref::cond(A, MatrixNorm::fro)));
    const Matrix S = {{1.0, 2.0}, {2.0, 4.0}};
    for (double p : {1.0, 2.0, kInf}) EXPECT_EQ(fast::cond(S, p), kInf);
    EXPECT_EQ(fast::cond(S, MatrixNorm::nuc), kInf);
}

// lstsq: both twins form V D+ U^T B from their SVDs; the solutions agree
// within c n u kappa^2 (||x|| + ||b|| / sigma_min) (Higham, Thm 20.1), the
// ranks and residual shapes exactly.
TEST(NumpyAgreement, Lstsq) {
    const Matrix A = random<Matrix>({20, 6}, 8);
    const Matrix B = random<Matrix>({20, 3}, 9);
    const LeastSquares<Matrix> f = fast::lstsq(A, B), r = ref::lstsq(A, B);
    const double kappa = ref::cond(A), smin = r.s(5);
    const double bound = 2 * jacobi_bound(20) * kappa * kappa * (fro(r.x) + fro(B) / smin);
    EXPECT_TRUE(agree_elementwise(f.x, r.x, [&](std::size_t) { return bound; }, "x"));
    EXPECT_EQ(f.rank, r.rank);
    ASSERT_EQ(f.residuals.size(), 3u);
    EXPECT_TRUE(agree_elementwise(f.residuals, r.residuals, [&](std::size_t) { return 4 * fro(B) * fro(A) * bound; }));
    const Vector b = xt::col(B, 0);
    const LeastSquares<Vector> fv = fast::lstsq(A, b, Rcond{1e-3}), rv = ref::lstsq(A, b, Rcond{1e-3});
    EXPECT_TRUE(agree_elementwise(fv.x, rv.x, [&](std::size_t) { return bound; }, "x of one column"));
    EXPECT_EQ(fv.rank, rv.rank);
    EXPECT_EQ(fast::lstsq(Matrix::from_shape({3, 0}), Vector{1.0, 2.0, 2.0}, Rcond{}).residuals(0), 9.0);
}

// ---------------------------------------------------------------- bad input: the same error from both twins

TEST(BadInput, NumpySurfaceSameErrors) {
    const Matrix wide = {{1.0, 2.0, 3.0}};
    const Matrix S = {{1.0, 2.0}, {2.0, 4.0}};
    expect_same_error([&] { fast::slogdet(wide); }, [&] { ref::slogdet(wide); });
    expect_same_error([] { fast::slogdet(Matrix{{kNaN}}); }, [] { ref::slogdet(Matrix{{kNaN}}); });
    expect_same_error([&] { fast::matrix_power(wide, 2); }, [&] { ref::matrix_power(wide, 2); });
    expect_same_error([&] { fast::matrix_power(S, -1); }, [&] { ref::matrix_power(S, -1); });
    expect_same_error([&] { fast::norm(S, 3.0); }, [&] { ref::norm(S, 3.0); });
    expect_same_error([] { fast::norm(Matrix::from_shape({3, 0}), -1.0); }, [] { ref::norm(Matrix::from_shape({3, 0}), -1.0); });
    expect_same_error([] { fast::norm(Matrix{{kInf}}, MatrixNorm::nuc); }, [] { ref::norm(Matrix{{kInf}}, MatrixNorm::nuc); });
    expect_same_error([&] { fast::norm(S, 2.0, 2); }, [&] { ref::norm(S, 2.0, 2); });
    expect_same_error([&] { fast::cond(wide, 1.0); }, [&] { ref::cond(wide, 1.0); });
    expect_same_error([&] { fast::cond(wide, MatrixNorm::fro); }, [&] { ref::cond(wide, MatrixNorm::fro); });
    expect_same_error([] { fast::cond(Matrix::from_shape({0, 0}), 2.0); }, [] { ref::cond(Matrix::from_shape({0, 0}), 2.0); });
    expect_same_error([&] { fast::lstsq(S, Vector{1.0}, Rcond{}); }, [&] { ref::lstsq(S, Vector{1.0}, Rcond{}); });
    expect_same_error([&] { fast::lstsq(S, Matrix{{1.0}, {kNaN}}); }, [&] { ref::lstsq(S, Matrix{{1.0}, {kNaN}}); });
    expect_same_error([&] { fast::lstsq(S, Vector{1.0, 2.0}, Rcond{kNaN}); },
                      [&] { ref::lstsq(S, Vector{1.0, 2.0}, Rcond{kNaN}); });
}
