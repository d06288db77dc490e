// KL divergence between continuous distributions and its asymmetry,
// reference twin: the closed forms between Gaussians against independent
// formulas and Monte Carlo, the quadrature against Boost.Math, and the
// fit of one Gaussian to a two-mode mixture in either direction.

#include <cmath>
#include <cstdint>
#include <functional>
#include <vector>

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include "dlmath/reference/probability.hpp"
#include "prelude.hpp"

using dlmath::Gaussian;
using dlmath::Mixture;
using dlmath::MultivariateGaussian;
using dlmath::Rng;
using dlmath::reference::KLDirection;

namespace {

// The chapter's mixture: two well-separated modes, 7 apart (5.8 and 8.8 of
// their standard deviations), of different widths and weights.
Mixture<Gaussian> two_modes() {
    return Mixture<Gaussian>(Vector{0.45, 0.55}, {Gaussian::from_stddev(-4.0, 0.8), Gaussian::from_stddev(3.0, 1.2)});
}

// The oracle: D_KL(p || q) by Boost.Math's adaptive Gauss-Kronrod (61 points)
// on the same interval, to a relative tolerance of 1e-14.
double boost_kl(const Mixture<Gaussian>& p, const Mixture<Gaussian>& q, double a, double b) {
    auto f = [&](double x) {
        const double lp = p.log_pdf(x);
        return std::exp(lp) * (lp - q.log_pdf(x));
    };
    return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(f, a, b, 20, 1e-14);
}

// A d-dimensional Gaussian with covariance eigenvalues in (1/2, 2).
MultivariateGaussian random_gaussian(std::size_t d, std::uint64_t seed) {
    Vector lambda = random<Vector>({d}, seed);
    for (auto& l : lambda) l = std::exp2(std::tanh(l));
    return MultivariateGaussian::from_covariance(random<Vector>({d}, seed + 2), dlmath::testing::spd_matrix(lambda, seed + 3));
}

}  // namespace

// ---------------------------------------------------------------- closed forms

TEST(WorkedExample, GaussianKLByTheTextbookFormula) {
    // KL(N(0,1) || N(1,4)) = log 2 + (1 + 1)/8 - 1/2 = log 2 - 1/4
    const Gaussian p = Gaussian::from_variance(0.0, 1.0), q = Gaussian::from_variance(1.0, 4.0);
    EXPECT_NEAR(ref::kl_divergence(p, q), std::log(2.0) - 0.25, 8 * u);
    // KL(N(1,4) || N(0,1)) = log(1/2) + (4 + 1)/2 - 1/2 = 2 - log 2: not the same
    EXPECT_NEAR(ref::kl_divergence(q, p), 2.0 - std::log(2.0), 8 * u);
    EXPECT_EQ(ref::kl_divergence(p, p), 0.0);
    // the d = 1 multivariate formula is the same number
    const auto P = MultivariateGaussian::isotropic(Vector{0.0}, 1.0), Q = MultivariateGaussian::isotropic(Vector{1.0}, 4.0);
    EXPECT_NEAR(ref::kl_divergence(P, Q), std::log(2.0) - 0.25, 8 * u);
}

// On a grid of multiples of 1/8 (exact in binary): KL >= 0, = 0 iff p = q,
// and KL(p||q) != KL(q||p) whenever the variances differ (the difference is
// sinh(t) - t plus a term of the same sign, t = log(sigma_p^2 / sigma_q^2)).
RC_GTEST_PROP(GaussianKL, NonNegativeZeroIffEqualAndAsymmetric, ()) {
    const double mp = *rc::gen::inRange(-40, 41) / 8.0, mq = *rc::gen::inRange(-40, 41) / 8.0;
    const double sp = *rc::gen::inRange(1, 41) / 8.0, sq = *rc::gen::inRange(1, 41) / 8.0;
    const Gaussian p = Gaussian::from_stddev(mp, sp), q = Gaussian::from_stddev(mq, sq);
    const double pq = ref::kl_divergence(p, q), qp = ref::kl_divergence(q, p);
    RC_ASSERT(pq >= 0.0);
    RC_ASSERT((pq == 0.0) == (mp == mq && sp == sq));
    if (sp != sq) RC_ASSERT(pq != qp);
    // against the textbook form, whose cancellation near sigma_p = sigma_q costs a few u of its terms
    const double textbook = std::log(sq / sp) + (sp * sp + (mp - mq) * (mp - mq)) / (2 * sq * sq) - 0.5;
    RC_ASSERT(std::fabs(pq - textbook) <= 16 * u * (1 + std::fabs(std::log(sq / sp)) + (sp * sp + (mp - mq) * (mp - mq)) / (2 * sq * sq)));
}

// Against the textbook formula with LAPACK's inverse and determinant (the
// oracle): 1/2 (tr(Sq^-1 Sp) + m^T Sq^-1 m - d + log det Sq - log det Sp).
RC_GTEST_PROP(MultivariateKL, MatchesTheTextbookFormula, ()) {
    const std::size_t d = *rc::gen::inRange<std::size_t>(1, 8);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const auto p = random_gaussian(d, seed), q = random_gaussian(d, seed + 100);
    const Matrix Sqi = xt::linalg::inv(q.covariance());
    const Vector m = q.mean() - p.mean();
    const double tr = xt::sum(Sqi * xt::transpose(p.covariance()))();
    const double maha = xt::linalg::dot(m, xt::linalg::dot(Sqi, m))();
    const double textbook = 0.5 * (tr + maha - static_cast<double>(d) + std::log(xt::linalg::det(q.covariance())) -
                                   std::log(xt::linalg::det(p.covariance())));
    const double kl = ref::kl_divergence(p, q);
    RC_ASSERT(kl >= 0.0);
    // condition numbers <= 4, terms of size ~ d: 64 d^2 u of the terms' size
    RC_ASSERT(std::fabs(kl - textbook) <= 64.0 * d * d * u * (1 + tr + maha));
    RC_ASSERT(ref::kl_divergence(p, p) == 0.0);
}

// The closed form against the Monte-Carlo estimate (seeded, 5000 draws):
// within 5 of its standard errors (the estimate is a mean of i.i.d. terms;
// 5 standard errors fail with probability below 1e-6 per case).
RC_GTEST_PROP(GaussianKL, ClosedFormMatchesMonteCarloWithinItsStandardError, ()) {
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Gaussian p = Gaussian::from_stddev(*rc::gen::inRange(-16, 17) / 8.0, *rc::gen::inRange(4, 17) / 8.0);
    const Gaussian q = Gaussian::from_stddev(*rc::gen::inRange(-16, 17) / 8.0, *rc::gen::inRange(4, 17) / 8.0);
    Rng rng(seed);
    const auto mc = ref::kl_divergence_monte_carlo(Mixture<Gaussian>(p), Mixture<Gaussian>(q), rng, 5000);
    RC_ASSERT(mc.samples == 5000u);
    RC_ASSERT(std::fabs(mc.value - ref::kl_divergence(p, q)) <= 5 * mc.standard_error + 1e-12);
}

TEST(MultivariateKL, ClosedFormMatchesMonteCarloWithinItsStandardError) {
    const auto p = random_gaussian(3, 5), q = random_gaussian(3, 9);
    using MG = Mixture<MultivariateGaussian>;
    Rng rng(11);
    const auto mc = ref::kl_divergence_monte_carlo(MG(p), MG(q), rng, 20000);
    EXPECT_NEAR(mc.value, ref::kl_divergence(p, q), 5 * mc.standard_error);
    EXPECT_GT(mc.standard_error, 0.0);
}

// ---------------------------------------------------------------- quadrature

TEST(Quadrature, MatchesBoostGaussKronrod) {
    const auto p = two_modes();
    // forward and reverse against several q, on the interval of the rule
    for (const Gaussian& g : {Gaussian::from_stddev(0.0, 3.6), Gaussian::from_stddev(3.0, 1.2),
                              Gaussian::from_stddev(-4.0, 0.5), Gaussian::from_stddev(1.0, 0.3)}) {
        const Mixture<Gaussian> q(g);
        const double a = std::min({-4.0 - 12 * 0.8, 3.0 - 12 * 1.2, g.mean() - 12 * g.stddev()});
        const double b = std::max({-4.0 + 12 * 0.8, 3.0 + 12 * 1.2, g.mean() + 12 * g.stddev()});
        // our rounding: ~N u h sum|f| with N < 4000 terms of |f| <= 30 over a length < 40:
        // below 1e-11; Boost's estimate is below 1e-13
        EXPECT_NEAR(ref::kl_divergence_quadrature(p, q), boost_kl(p, q, a, b), 1e-11) << "forward, q sigma " << g.stddev();
        EXPECT_NEAR(ref::kl_divergence_quadrature(q, p), boost_kl(q, p, a, b), 1e-11) << "reverse, q sigma " << g.stddev();
    }
}

TEST(Quadrature, MatchesTheClosedFormBetweenGaussians) {
    const Gaussian p = Gaussian::from_stddev(0.5, 0.7), q = Gaussian::from_stddev(-1.0, 1.9);
    EXPECT_NEAR(ref::kl_divergence_quadrature(Mixture<Gaussian>(p), Mixture<Gaussian>(q)), ref::kl_divergence(p, q), 1e-12);
    EXPECT_EQ(ref::kl_divergence_quadrature(Mixture<Gaussian>(p), Mixture<Gaussian>(p)), 0.0);
}

// ---------------------------------------------------------------- the experiment

// ▶ KL is asymmetric. The forward fit argmin_q D_KL(p || q) is moment matching:
// setting the gradient of -E_p[log q] to zero gives mu = E_p[x] and
// sigma^2 = Var_p[x] = 0.45 (0.64 + 3.85^2) + 0.55 (1.44 + 3.15^2) = 13.2075.
// The minimiser stops when its triangle is 1e-8 wide; the objective is known
// to ~1e-15, so near the minimum (curvature 1/sigma^2 in mu, 2 in log sigma)
// the location is determined to ~sqrt(2e-15 sigma^2) ~ 1.5e-7: 1e-6 is the
// tolerance (relative for sigma^2).
TEST(WorkedExample, ForwardFitMatchesTheMomentsOfP) {
    const auto p = two_modes();
    const auto fit = ref::fit_gaussian(p, KLDirection::forward);
    EXPECT_EQ(fit.status, dlmath::Status::success);
    EXPECT_NEAR(p.mean(), -0.15, 4 * u);
    EXPECT_NEAR(p.variance(), 13.2075, 32 * u * 13.2075);
    EXPECT_NEAR(fit.q.mean(), p.mean(), 1e-6 * std::sqrt(p.variance()));
    EXPECT_NEAR(fit.q.variance(), p.variance(), 1e-6 * p.variance());
    EXPECT_NEAR(fit.kl, ref::kl_divergence_quadrature(p, Mixture<Gaussian>(fit.q)), 1e-15);
}

// The reverse fit argmin_q D_KL(q || p) locks onto one mode: the heavier one
// (on mode i, D_KL(q || p) ~ -log w_i, and -log 0.55 < -log 0.45), with
// about the mode's own width: the other mode is 7 away, so its density
// within two sigma of this mode is below e^-8 of the mode's, and mu and
// sigma move from the component's by under 1% (towards the other mode: p
// there is larger than this component alone).
TEST(WorkedExample, ReverseFitLocksOntoOneMode) {
    const auto p = two_modes();
    const auto fit = ref::fit_gaussian(p, KLDirection::reverse);
    EXPECT_EQ(fit.status, dlmath::Status::success);
    EXPECT_NEAR(fit.q.mean(), 3.0, 1.2);  // within one component sigma of the mode
    EXPECT_NEAR(fit.q.mean(), 3.0, 0.01);
    EXPECT_NEAR(fit.q.stddev(), 1.2, 0.01 * 1.2);
    EXPECT_NEAR(fit.kl, -std::log(0.55), 0.01);
    // started on the other mode, it stays there: a second, worse local minimum
    const auto other = ref::fit_gaussian(p, KLDirection::reverse, Gaussian::from_stddev(-4.0, 0.8));
    EXPECT_NEAR(other.kl, -std::log(0.45), 0.01);
    EXPECT_NEAR(other.q.mean(), -4.0, 0.01);
    EXPECT_NEAR(other.q.stddev(), 0.8, 0.01 * 0.8);
    EXPECT_GT(other.kl, fit.kl);
}

TEST(WorkedExample, TheTwoDivergencesOfEachFitDiffer) {
    const auto p = two_modes();
    const auto fwd = ref::fit_gaussian(p, KLDirection::forward), rev = ref::fit_gaussian(p, KLDirection::reverse);
    const Mixture<Gaussian> qf(fwd.q), qr(rev.q);
    // D_KL(p || q*) != D_KL(q* || p) for both fits, by far more than the quadrature error
    EXPECT_GT(std::fabs(ref::kl_divergence_quadrature(p, qf) - ref::kl_divergence_quadrature(qf, p)), 0.1);
    EXPECT_GT(std::fabs(ref::kl_divergence_quadrature(p, qr) - ref::kl_divergence_quadrature(qr, p)), 0.1);
    // each fit is best in its own direction
    EXPECT_LT(ref::kl_divergence_quadrature(p, qf), ref::kl_divergence_quadrature(p, qr));
    EXPECT_LT(ref::kl_divergence_quadrature(qr, p), ref::kl_divergence_quadrature(qf, p));
}

TEST(FitGaussian, ReportsNoConvergenceWhenTheIterationsRunOut) {
    const auto fit = ref::fit_gaussian(two_modes(), KLDirection::forward, Gaussian::from_stddev(10.0, 0.1), 1e-8, 3);
    EXPECT_EQ(fit.status, dlmath::Status::no_convergence);
    EXPECT_EQ(fit.iterations, 3u);
    EXPECT_TRUE(std::isfinite(fit.kl));
}

// ---------------------------------------------------------------- bad input

TEST(BadInput, KLOfGaussiansOfDifferentDimensions) {
    const auto p = MultivariateGaussian::isotropic(Vector{0.0, 0.0}, 1.0), q = MultivariateGaussian::isotropic(Vector{0.0}, 1.0);
    EXPECT_EQ(what_of([&] { ref::kl_divergence(p, q); }),
              "kl_divergence: dimensions differ (p is 2-dimensional, q is 1-dimensional)");
    EXPECT_THROW(ref::kl_divergence(q, p), dlmath::shape_error);
}

TEST(BadInput, FitGaussianToleranceAndIterations) {
    const auto p = two_modes();
    EXPECT_EQ(what_of([&] { ref::fit_gaussian(p, KLDirection::forward, Gaussian{}, 0.0); }),
              "fit_gaussian: tolerance must be finite and > 0 (got tolerance = 0)");
    EXPECT_THROW(ref::fit_gaussian(p, KLDirection::reverse, Gaussian{}, kNaN), dlmath::domain_error);
    EXPECT_EQ(what_of([&] { ref::fit_gaussian(p, KLDirection::forward, Gaussian{}, 1e-8, 0); }),
              "fit_gaussian: max_iterations must be >= 1 (got 0)");
}
