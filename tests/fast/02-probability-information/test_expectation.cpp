// Expectation, variance and the central limit theorem, fast twin: agrees
// with the reference twin within error bounds, is bitwise reproducible for
// any thread count, and rejects the same bad input.

#include <cmath>
#include <cstdint>
#include <string>

#include "dlmath/fast/probability.hpp"
#include "dlmath/reference/probability.hpp"
#include "prelude.hpp"

namespace {

double sum_abs(const Vector& x) { return xt::sum(xt::abs(x))(); }

}  // namespace

// ---------------------------------------------------------------- agreement

// Any order of summing n terms is within gamma_{n-1} sum|x_i| of the exact sum
// (Higham, Accuracy and Stability, 4.2), so the twins' means are within
// 2 gamma_n sum|x_i| / n of each other (the division rounds both alike).
RC_GTEST_PROP(ExpectationAgreement, Mean, ()) {
    const std::size_t n = std::max<std::size_t>(*dlmath::testing::kernel_length(), 1);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const double offset = *rc::gen::element(0.0, 1.0, 1e6);
    const Vector x = random<Vector>({n}, seed) + offset;
    const double dn = static_cast<double>(n);
    DLMATH_RC_ASSERT(agree(fast::mean(x), ref::mean(x), 2 * gamma_n(dn + 1) * sum_abs(x) / dn,
                           "mean, n = " + std::to_string(n)));
}

// var: both twins evaluate the corrected two-pass formula on their own mean.
// The correction makes the result independent of the mean to first order;
// what remains is each sum of squared deviations' rounding,
// gamma_{n+4} sum d_i^2, plus the squared error of the mean,
// n (2 gamma_n mean|x|)^2: twice that, over n - 1.
RC_GTEST_PROP(ExpectationAgreement, Var, ()) {
    const std::size_t n = std::max<std::size_t>(*dlmath::testing::kernel_length(), 2);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const double offset = *rc::gen::element(0.0, 1.0, 1e6);
    const Vector x = random<Vector>({n}, seed, 2.0) + offset;
    const double dn = static_cast<double>(n);
    const double m = ref::mean(x);
    const double S = xt::sum((x - m) * (x - m))();
    const double em = 2 * gamma_n(dn + 1) * sum_abs(x) / dn;
    const double bound = 2 * (gamma_n(dn + 4) * S + dn * em * em) / (dn - 1);
    DLMATH_RC_ASSERT(agree(fast::var(x), ref::var(x), bound, "var, n = " + std::to_string(n)));
}

// cov: entry (j, k) is the two-pass formula on columns j and k; its sums are
// within gamma_{n+4} sum_i |D_ij D_ik| whatever the order (GEMM or loop), so the
// twins are within twice that (plus the means' squared error) over n - ddof.
::testing::AssertionResult cov_agrees(const Matrix& X) {
    const std::size_t n = X.shape(0), d = X.shape(1);
    const Matrix Cr = ref::cov(X), Cf = fast::cov(X);
    if (!(Cf == xt::transpose(Cf))) return ::testing::AssertionFailure() << "fast cov is not exactly symmetric";
    const double dn = static_cast<double>(n);
    const Matrix D = X - xt::view(xt::mean(X, {0}), xt::newaxis(), xt::all());
    const Matrix absDtD = xt::linalg::dot(xt::transpose(xt::abs(D)), xt::abs(D));
    const double em = 2 * gamma_n(dn + 1) * (max_abs(X) + 1.0);
    return agree_elementwise(
        Cf, Cr, [&](std::size_t f) { return 2 * (gamma_n(dn + 4) * absDtD.data()[f] + dn * em * em) / (dn - 1); },
        "cov " + std::to_string(n) + "x" + std::to_string(d));
}

RC_GTEST_PROP(ExpectationAgreement, Cov, ()) {
    const std::size_t n = *rc::gen::element<std::size_t>(2, 3, 7, 64, 97, 1021);
    const std::size_t d = *rc::gen::element<std::size_t>(0, 1, 2, 3, 5, 8, 13, 33);
    const Matrix X = random<Matrix>({n, d}, *rc::gen::arbitrary<std::uint32_t>()) + 3.0;
    DLMATH_RC_ASSERT(cov_agrees(X));
}

// above gemm_parallel_threshold (n d^2 / 2 = 2^22.2 multiply-adds): the threaded GEMM path
TEST(ExpectationAgreement, CovAboveTheThreadingThreshold) {
    const Matrix X = random<Matrix>({1900, 67}, 8) - 2.0;
    ASSERT_GE(std::size_t{1900} * 67 * 67 / 2, fast::gemm_parallel_threshold);
    EXPECT_TRUE(cov_agrees(X));
}

// expectation: sum p_i f_i in any order is within gamma_n sum p_i |f_i|.
RC_GTEST_PROP(ExpectationAgreement, Expectation, ()) {
    const std::size_t n = std::max<std::size_t>(*dlmath::testing::kernel_length(), 1);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Vector p = dlmath::testing::probability_vector(n, seed);
    const Vector f = random<Vector>({n}, seed + 1, 10.0);
    const double bound = 2 * gamma_n(static_cast<double>(n)) * xt::sum(p * xt::abs(f))();
    DLMATH_RC_ASSERT(agree(fast::expectation(p, f), ref::expectation(p, f), bound,
                           "expectation, n = " + std::to_string(n)));
}

// The standardised sums are computed by the same function per sum: bitwise equal.
TEST(ExpectationAgreement, UniformSumsAreBitwiseTheReferenceSample) {
    for (std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{97}, fast::parallel_threshold + 5}) {
        dlmath::Rng a(9), b(9);
        EXPECT_EQ(fast::standardized_uniform_sums(a, 3, count), ref::standardized_uniform_sums(b, 3, count));
        EXPECT_EQ(a.position(), b.position());
    }
}

// ---------------------------------------------------------------- reproducibility

TEST(ExpectationReproducibility, ResultsDoNotDependOnTheThreadCount) {
    const std::size_t n = 4 * fast::parallel_threshold + 3;
    const Vector x = random<Vector>({n}, 1);
    const Vector p = dlmath::testing::probability_vector(n, 2);
    const Matrix X = random<Matrix>({1900, 67}, 3);
    const double m = fast::mean(x), v = fast::var(x), e = fast::expectation(p, x);
    const Matrix C = fast::cov(X);
    dlmath::Rng r0(5);
    const Vector z = fast::standardized_uniform_sums(r0, 2, fast::parallel_threshold);
    for (int t : {1, 2, 3, 5}) {
        const scoped_threads threads(t);
        EXPECT_EQ(fast::mean(x), m) << t << " threads";
        EXPECT_EQ(fast::var(x), v) << t << " threads";
        EXPECT_EQ(fast::expectation(p, x), e) << t << " threads";
        EXPECT_EQ(fast::cov(X), C) << t << " threads";
        dlmath::Rng r(5);
        EXPECT_EQ(fast::standardized_uniform_sums(r, 2, fast::parallel_threshold), z) << t << " threads";
    }
}

TEST(ExpectationAgreement, WorkedExamplesAndEdgeCases) {
    const Vector x = {2, 4, 4, 4, 5, 5, 7, 9};
    EXPECT_EQ(fast::mean(x), 5.0);
    EXPECT_EQ(fast::var(x), 32.0 / 7.0);
    EXPECT_EQ(fast::var(Vector{1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16}), 30.0);
    EXPECT_EQ(fast::cov(Matrix{{1, 2}, {2, 4}, {3, 6}}), (Matrix{{1, 2}, {2, 4}}));
    EXPECT_EQ(fast::cov(Matrix::from_shape({3, 0})).size(), 0u);
    Vector big = random<Vector>({3 * fast::parallel_threshold + 1}, 4);
    big(2 * fast::parallel_threshold + 7) = kNaN;
    EXPECT_TRUE(std::isnan(fast::mean(big)));
    EXPECT_TRUE(std::isnan(fast::var(big)));
}

// ---------------------------------------------------------------- bad input

TEST(ExpectationBadInput, FastRejectsWhatTheReferenceRejects) {
    expect_same_error([] { fast::mean(Vector{}); }, [] { ref::mean(Vector{}); });
    expect_same_error([] { fast::var(Vector{3.0}); }, [] { ref::var(Vector{3.0}); });
    expect_same_error([] { fast::cov(Matrix{{1.0, 2.0}}); }, [] { ref::cov(Matrix{{1.0, 2.0}}); });
    expect_same_error([] { fast::expectation(Vector{0.5}, Vector{1.0, 2.0}); },
                      [] { ref::expectation(Vector{0.5}, Vector{1.0, 2.0}); });
    expect_same_error([] { fast::expectation(Vector{0.5, 0.25}, Vector{1.0, 2.0}); },
                      [] { ref::expectation(Vector{0.5, 0.25}, Vector{1.0, 2.0}); });
    expect_same_error([] { fast::expectation(Vector{1.5, -0.5}, Vector{1.0, 2.0}); },
                      [] { ref::expectation(Vector{1.5, -0.5}, Vector{1.0, 2.0}); });
    expect_same_error(
        [] {
            dlmath::Rng r(1);
            fast::standardized_uniform_sums(r, 0, 3);
        },
        [] {
            dlmath::Rng r(1);
            ref::standardized_uniform_sums(r, 0, 3);
        });
}
