// Multivariate Gaussians and mixtures, fast twin: the batched densities
// agree with the reference within an error bound from the analysis of the
// triangular solve and log-sum-exp, do not depend on the thread count, and
// reject the same bad input.

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "dlmath/detail/cholesky.hpp"
#include "dlmath/fast/probability.hpp"
#include "dlmath/reference/probability.hpp"
#include "prelude.hpp"

using dlmath::Gaussian;
using dlmath::Mixture;
using dlmath::MultivariateGaussian;
using dlmath::Rng;

namespace {

// A d-dimensional Gaussian with covariance eigenvalues in (1/2, 2).
MultivariateGaussian random_gaussian(std::size_t d, std::uint64_t seed) {
    Vector lambda = random<Vector>({d}, seed);
    for (auto& l : lambda) l = std::exp2(std::tanh(l));
    return MultivariateGaussian::from_covariance(random<Vector>({d}, seed + 2), dlmath::testing::spd_matrix(lambda, seed + 3));
}

Mixture<MultivariateGaussian> random_mixture(std::size_t k, std::size_t d, std::uint64_t seed) {
    std::vector<MultivariateGaussian> c;
    for (std::size_t i = 0; i < k; ++i) c.push_back(random_gaussian(d, seed + 10 * i));
    return Mixture<MultivariateGaussian>(dlmath::testing::probability_vector(k, seed + 5), c);
}

// The error bound of one twin's a = log w + log-normaliser - |z|^2 / 2 at the point x:
// the solve is backward stable with the rounding of x - mu and of the
// reciprocal 1/l_jj folded in, so |dz| <= gamma_{d+2} |L^-1| |L| |z|
// (Higham, Thm. 8.5 and eq. 8.4); then |d|z|^2| <= 2 |z|^T |dz| + gamma_d |z|^2,
// and the final additions add 2u (|c| + |z|^2).
double component_bound(const MultivariateGaussian& g, double log_w, const double* x) {
    const std::size_t d = g.dim();
    const Matrix& L = g.cholesky_factor();
    const Matrix Li = dlmath::detail::lower_triangular_inverse(L);
    Vector z = Vector::from_shape({d});
    const double q = dlmath::detail::mahalanobis_squared(L, g.mean(), x, z.data());
    if (!std::isfinite(q)) return 0.0;
    Vector Lz = xt::zeros<double>({d});  // |L| |z|
    for (std::size_t i = 0; i < d; ++i)
        for (std::size_t k = 0; k <= i; ++k) Lz(i) += std::fabs(L(i, k) * z(k));
    double zw = 0.0;  // |z|^T |L^-1| |L| |z|
    for (std::size_t i = 0; i < d; ++i) {
        double w = 0.0;
        for (std::size_t k = 0; k <= i; ++k) w += std::fabs(Li(i, k)) * Lz(k);
        zw += std::fabs(z(i)) * w;
    }
    const double c = std::fabs(log_w) + std::fabs(g.log_normalizer());
    return 0.5 * (2 * gamma_n(d + 2.0) * zw + gamma_n(d + 0.0) * q) + 2 * u * (c + q) + 4 * u;
}

// For a mixture: the largest component bound (log-sum-exp passes an error
// in a_c through with a factor <= 1), plus the exps and the sum of k terms
// ((k + 4) u: the fast twin's kernel exponential is within 3u, so its s is within
// (k + 3)u relative, the reference's within (k + 1)u) and the final m + log s
// (2u |result|). Twice that: both twins err.
double mixture_bound(const Mixture<MultivariateGaussian>& m, const double* x, double result) {
    double worst = 0.0;
    for (std::size_t c = 0; c < m.size(); ++c)
        worst = std::max(worst, component_bound(m.components()[c], m.log_weights()(c), x));
    return 2 * (worst + (m.size() + 4.0) * u + 2 * u * std::fabs(result));
}

// Sizes around the block of 4W points, the threading threshold, primes.
rc::Gen<std::size_t> point_count() {
    return rc::gen::element<std::size_t>(0, 1, 3, 7, 8, 31, 32, 33, 64, 97, 1021, 5000);
}

}  // namespace

// ---------------------------------------------------------------- agreement

RC_GTEST_PROP(LogPdfAgreement, MultivariateGaussianWithinTheSolveBound, ()) {
    const std::size_t d = *rc::gen::element<std::size_t>(1, 2, 3, 5, 8, 10, 17);
    const std::size_t n = *point_count();
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const auto g = random_gaussian(d, seed);
    const Matrix X = random<Matrix>({n, d}, seed + 7, 2.0);
    const Vector f = fast::log_pdf(g, X), r = ref::log_pdf(g, X);
    DLMATH_RC_ASSERT(agree_elementwise(f, r, [&](std::size_t i) { return 2 * component_bound(g, 0.0, X.data() + i * d); },
                                       "log_pdf, d = " + std::to_string(d) + ", n = " + std::to_string(n)));
}

RC_GTEST_PROP(LogPdfAgreement, GaussianMixtureWithinTheSolveAndLogSumExpBound, ()) {
    const std::size_t d = *rc::gen::element<std::size_t>(1, 2, 3, 7, 10);
    const std::size_t k = *rc::gen::element<std::size_t>(1, 2, 3, 8);
    const std::size_t n = *point_count();
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const auto m = random_mixture(k, d, seed);
    const Matrix X = random<Matrix>({n, d}, seed + 7, 3.0);
    const Vector f = fast::log_pdf(m, X), r = ref::log_pdf(m, X);
    DLMATH_RC_ASSERT(agree_elementwise(f, r, [&](std::size_t i) { return mixture_bound(m, X.data() + i * d, r(i)); },
                                       "mixture log_pdf, d = " + std::to_string(d) + ", k = " + std::to_string(k)));
}

// 1-D: a_i = c_i - z^2/2 with z = (x - mu)/sigma; the fast twin multiplies by
// 1/sigma and folds log w, log sigma and log(2 pi)/2 into c_i beforehand:
// each twin is within 8u (|c_i| + z^2 + 1) of the exact a_i; then the
// log-sum-exp as above.
RC_GTEST_PROP(LogPdfAgreement, OneDimensionalMixture, ()) {
    const std::size_t k = *rc::gen::element<std::size_t>(1, 2, 5, 8);
    // batches of W, the scalar tail, chunks of 64 W, and above the threading threshold for k >= 2
    const std::size_t n = *rc::gen::element<std::size_t>(0, 1, 3, 7, 8, 9, 15, 17, 64, 1021, 70000);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Vector par = random<Vector>({2 * k}, seed);
    std::vector<Gaussian> comps;
    for (std::size_t i = 0; i < k; ++i) comps.push_back(Gaussian::from_stddev(3 * par(i), std::exp(0.5 * par(k + i))));
    const Mixture<Gaussian> m(dlmath::testing::probability_vector(k, seed + 1), comps);
    const Vector x = random<Vector>({n}, seed + 2, 4.0);
    const Vector f = fast::log_pdf(m, x), r = ref::log_pdf(m, x);
    DLMATH_RC_ASSERT(agree_elementwise(
        f, r,
        [&](std::size_t i) {
            double worst = 0.0;
            for (std::size_t c = 0; c < k; ++c) {
                const double z = (x(i) - comps[c].mean()) / comps[c].stddev();
                const double cc = std::fabs(m.log_weights()(c)) + std::fabs(std::log(comps[c].stddev())) + 1.0;
                worst = std::max(worst, 8 * u * (cc + z * z + 1));
            }
            return 2 * (worst + (k + 4.0) * u + 2 * u * std::fabs(r(i)));
        },
        "1-D mixture log_pdf, k = " + std::to_string(k) + ", n = " + std::to_string(n)));
}

TEST(LogPdfAgreement, InfiniteCoordinatesGiveMinusInfinityInBothTwins) {
    const auto m = random_mixture(3, 4, 2);
    Matrix X = random<Matrix>({40, 4}, 3);
    X(0, 0) = kInf;
    X(5, 1) = -kInf;
    X(5, 3) = kInf;  // inf - inf inside the solve
    X(39, 3) = kInf;
    const Vector f = fast::log_pdf(m, X), r = ref::log_pdf(m, X);
    for (std::size_t i : {0u, 5u, 39u}) {
        EXPECT_EQ(f(i), -kInf) << i;
        EXPECT_EQ(r(i), -kInf) << i;
    }
    EXPECT_TRUE(std::isfinite(f(1)));
    const Mixture<Gaussian> m1(Vector{0.5, 0.5}, {Gaussian(), Gaussian::from_stddev(2.0, 3.0)});
    const Vector x = {kInf, -kInf, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, -kInf};  // batch lanes and the tail
    const Vector f1 = fast::log_pdf(m1, x);
    for (std::size_t i : {0u, 1u, 9u}) EXPECT_EQ(f1(i), -kInf) << i;
    EXPECT_TRUE(std::isfinite(f1(2)));
}

// ---------------------------------------------------------------- reproducibility

TEST(Reproducibility, BatchedDensitiesDoNotDependOnTheThreadCount) {
    const auto m = random_mixture(8, 10, 4);
    const Matrix X = random<Matrix>({3000, 10}, 5);  // 3000 * 8 * 66 multiply-adds: above the threshold
    const Vector l = fast::log_pdf(m, X), lg = fast::log_pdf(m.components()[1], X);
    for (int t : {1, 2, 3}) {
        const scoped_threads threads(t);
        EXPECT_EQ(fast::log_pdf(m, X), l) << t << " threads";
        EXPECT_EQ(fast::log_pdf(m.components()[1], X), lg) << t << " threads";
    }
}

TEST(MonteCarloKL, FastAndReferenceDrawTheSameSample) {
    const auto p = random_mixture(2, 3, 6), q = random_mixture(3, 3, 8);
    Rng r1(9), r2(9);
    const auto a = fast::kl_divergence_monte_carlo(p, q, r1, 2000), b = ref::kl_divergence_monte_carlo(p, q, r2, 2000);
    EXPECT_EQ(r1.position(), r2.position());
    // the same draws; each term differs by the two log-densities' bounds (~1e-13 here)
    EXPECT_NEAR(a.value, b.value, 1e-11);
    EXPECT_NEAR(a.standard_error, b.standard_error, 1e-11);
    const Mixture<Gaussian> p1(Vector{0.5, 0.5}, {Gaussian(), Gaussian::from_stddev(3.0, 0.5)}), q1(Gaussian::from_stddev(1.0, 2.0));
    Rng r3(1), r4(1);
    EXPECT_NEAR(fast::kl_divergence_monte_carlo(p1, q1, r3, 1000).value,
                ref::kl_divergence_monte_carlo(p1, q1, r4, 1000).value, 1e-12);
}

// ---------------------------------------------------------------- bad input

// The fast densities find a NaN point in their own pass and only then run the reference's check:
// the same error wherever the NaN sits (first, in another thread's block, the last row, a tail
// lane), also beside infinite coordinates, which alone are not rejected. A pass that missed the
// NaN would return -inf for its row instead of throwing.
TEST(BadInput, FastLogPdfFindsNaNInItsPass) {
    const auto m = random_mixture(3, 4, 1);
    Matrix X = random<Matrix>({5003, 4}, 9);
    X(17, 1) = kInf;
    for (const auto& [i, j] : std::vector<std::pair<std::size_t, std::size_t>>{{0, 0}, {2600, 3}, {5002, 2}, {17, 0}}) {
        Matrix B = X;
        B(i, j) = kNaN;
        expect_same_error([&] { fast::log_pdf(m, B); }, [&] { ref::log_pdf(m, B); });
        expect_same_error([&] { fast::log_pdf(m.components()[1], B); }, [&] { ref::log_pdf(m.components()[1], B); });
    }
    const Mixture<Gaussian> m1(Vector{0.3, 0.7}, {Gaussian(), Gaussian::from_stddev(2.0, 0.5)});
    Vector x = random<Vector>({70003}, 10);
    x(5) = -kInf;
    for (const std::size_t i : {std::size_t{0}, std::size_t{40000}, std::size_t{70002}, std::size_t{70001}}) {
        Vector b = x;
        b(i) = kNaN;
        expect_same_error([&] { fast::log_pdf(m1, b); }, [&] { ref::log_pdf(m1, b); });
    }
}

TEST(BadInput, FastBatchedLogPdfRejectsWhatTheReferenceRejects) {
    const auto m = random_mixture(2, 3, 1);
    const Matrix wrong = xt::zeros<double>({4, 2});
    expect_same_error([&] { fast::log_pdf(m, wrong); }, [&] { ref::log_pdf(m, wrong); });
    expect_same_error([&] { fast::log_pdf(m.components()[0], wrong); }, [&] { ref::log_pdf(m.components()[0], wrong); });
    Matrix X = xt::zeros<double>({50, 3});
    X(37, 2) = kNaN;
    expect_same_error([&] { fast::log_pdf(m, X); }, [&] { ref::log_pdf(m, X); });
    expect_same_error([&] { fast::log_pdf(m.components()[0], X); }, [&] { ref::log_pdf(m.components()[0], X); });
    const Mixture<Gaussian> m1(Gaussian{});
    const Vector x = {0.0, kNaN};
    expect_same_error([&] { fast::log_pdf(m1, x); }, [&] { ref::log_pdf(m1, x); });
    Rng r1(1), r2(1);
    expect_same_error([&] { fast::kl_divergence_monte_carlo(m1, m1, r1, 0); },
                      [&] { ref::kl_divergence_monte_carlo(m1, m1, r2, 0); });
    expect_same_error([&] { fast::kl_divergence_monte_carlo(m, random_mixture(1, 2, 1), r1, 10); },
                      [&] { ref::kl_divergence_monte_carlo(m, random_mixture(1, 2, 1), r2, 10); });
}
