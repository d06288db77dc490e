// Information theory, reference twin: the worked examples pinned, SciPy's
// edge values, the mathematical properties (RapidCheck) and a bad-input
// test for every public function.

#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>
#include <utility>

#include "dlmath/detail/composites/probability.hpp"
#include "dlmath/reference/probability.hpp"
#include "prelude.hpp"

namespace {

using dlmath::testing::probability_vector;
constexpr double ln2 = std::numbers::ln2;

// Error bound of a sum of n terms t_i each computed with a relative error of
// at most c u: (c u + gamma_{n-1}) sum |t_i| (Higham, eq. 3.5), written with
// the sum of |t_i| computed plainly.
double sum_bound(double c, std::size_t n, double abs_sum) {
    return (c * u + gamma_n(static_cast<double>(n))) * abs_sum;
}
double abs_entropy_terms(const Vector& p) {
    double s = 0.0;
    for (double pi : p) s += std::fabs(dlmath::detail::entr(pi));
    return s;
}
double abs_cross_terms(const Vector& p, const Vector& q) {
    double s = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) s += std::fabs(dlmath::detail::xlogy(p(i), q(i)));
    return s;
}
double abs_kl_terms(const Vector& p, const Vector& q) {
    double s = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) s += std::fabs(dlmath::detail::rel_entr(p(i), q(i)));
    return s;
}
// two different random distributions of n outcomes (two seeds), from RapidCheck
std::pair<Vector, Vector> two_distributions(std::size_t n) {
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    return {probability_vector(n, seed), probability_vector(n, std::uint64_t{seed} + 1)};
}

}  // namespace

// ---------------------------------------------------------------- worked examples

TEST(InformationExamples, AnEventOfProbabilityOneOverEGivesOneNat) {
    // exp(-1) is rounded once, and log of it is within one ulp of -1
    EXPECT_LE(dlmath::testing::ulp_distance(ref::self_information(std::exp(-1.0)), 1.0), 1u);
    EXPECT_EQ(ref::self_information(0.5, 2.0), 1.0);   // one bit: ln 2 / ln 2
    EXPECT_EQ(ref::self_information(0.25, 2.0), 2.0);  // 2 ln 2 is exact from ln 2
    EXPECT_EQ(ref::self_information(1.0), 0.0);        // a sure event tells nothing
    EXPECT_EQ(ref::self_information(0.0), kInf);
    const Vector I = ref::self_information(Vector{1.0, 0.5, 0.0}, 2.0);
    EXPECT_EQ(I(0), 0.0);
    EXPECT_EQ(I(1), 1.0);
    EXPECT_EQ(I(2), kInf);
}

TEST(InformationExamples, BernoulliEntropyIsMaximalAtOneHalfWithOneBit) {
    // -0.5 log 0.5 twice: each product is exact from log 0.5 = -ln 2, so the sum is ln 2
    EXPECT_EQ(ref::entropy(Vector{0.5, 0.5}), std::log(2.0));
    EXPECT_EQ(ref::entropy(Vector{0.5, 0.5}, 2.0), 1.0);
    const double top = ref::entropy(Vector{0.5, 0.5});
    for (int k = 0; k <= 100; ++k) {
        if (k == 50) continue;
        const double phi = k / 100.0;
        EXPECT_LT(ref::entropy(Vector{phi, 1.0 - phi}), top) << "phi = " << phi;
    }
    EXPECT_EQ(ref::entropy(Vector{1.0, 0.0}), 0.0);  // a sure outcome: 0 log 0 = 0
}

TEST(InformationExamples, CrossEntropyOfAOneHotLabelIsMinusLogOfItsProbability) {
    // the classification loss: only the term of the label survives
    EXPECT_EQ(ref::cross_entropy(Vector{0.0, 1.0, 0.0}, Vector{0.2, 0.7, 0.1}), -std::log(0.7));
}

TEST(InformationExamples, KlOfTwoCoinsIsAsymmetric) {
    const Vector p = {0.5, 0.5}, q = {0.9, 0.1};
    // D(p||q) = 0.5 log(25/9) = log(5/3); D(q||p) = 0.9 log 1.8 + 0.1 log 0.2
    const double pq = std::log(5.0 / 3.0), qp = 0.9 * std::log(1.8) + 0.1 * std::log(0.2);
    EXPECT_NEAR(ref::kl_divergence(p, q), pq, 8 * u);
    EXPECT_NEAR(ref::kl_divergence(q, p), qp, 8 * u);
    EXPECT_GT(ref::kl_divergence(p, q) - ref::kl_divergence(q, p), 0.14);  // 0.511 against 0.368
}

// ---------------------------------------------------------------- SciPy's edge values

TEST(InformationEdges, ElementwiseFunctionsHaveSciPysValues) {
    const double e = std::numbers::e;
    const Vector x = {0.0, 0.0, 0.0, 0.0, 1.0, 2.0, -1.0, 1.0, kNaN, 1.0};
    const Vector y = {0.0, -1.0, kNaN, kInf, 0.0, e, 0.0, -1.0, 1.0, kInf};
    // xlogy: 0 where x = 0 unless y is NaN; x log 0 = -inf for x > 0, +inf for x < 0
    const Vector xl = ref::xlogy(x, y);
    const Vector xl_expected = {0.0, 0.0, kNaN, 0.0, -kInf, 2.0, kInf, kNaN, kNaN, kInf};
    // rel_entr: x log(x/y) for x, y > 0; 0 for x = 0 <= y; +inf otherwise; NaN in, NaN out
    const Vector re = ref::rel_entr(x, y);
    const Vector re_expected = {0.0, kInf, kNaN, 0.0, kInf, 2.0 * std::log(2.0 / e), kInf, kInf, kNaN, -kInf};
    // kl_div: x log(x/y) - x + y for x, y > 0; y for x = 0 <= y; +inf otherwise
    const Vector kd = ref::kl_div(x, y);
    const Vector kd_expected = {0.0, kInf, kNaN, kInf, kInf, 2.0 * std::log(2.0 / e) - 2.0 + e, kInf, kInf, kNaN, kNaN};
    for (std::size_t i = 0; i < x.size(); ++i) {
        const std::string at = "x = " + std::to_string(x(i)) + ", y = " + std::to_string(y(i));
        EXPECT_TRUE(dlmath::testing::within(xl(i), xl_expected(i), 2 * u)) << "xlogy " << at << ": " << xl(i);
        EXPECT_TRUE(dlmath::testing::within(re(i), re_expected(i), 4 * u)) << "rel_entr " << at << ": " << re(i);
        EXPECT_TRUE(dlmath::testing::within(kd(i), kd_expected(i), 16 * u)) << "kl_div " << at << ": " << kd(i);
    }
    // entr: -x log x for x > 0, 0 at 0, -inf for x < 0, NaN for NaN
    const Vector en = ref::entr(Vector{0.0, -0.5, 1.0, kNaN, kInf, 0.5});
    EXPECT_EQ(en(0), 0.0);
    EXPECT_EQ(en(1), -kInf);
    EXPECT_EQ(en(2), 0.0);
    EXPECT_TRUE(std::isnan(en(3)));
    EXPECT_EQ(en(4), -kInf);
    EXPECT_EQ(en(5), 0.5 * std::log(2.0));
    // the Matrix forms are the same functions entry by entry
    const Matrix X = {{0.0, 0.5}, {1.0, 0.25}}, Y = {{0.5, 0.0}, {0.5, 0.25}};
    EXPECT_EQ(ref::rel_entr(X, Y)(0, 1), kInf);
    EXPECT_EQ(ref::kl_div(X, Y)(0, 0), 0.5);
    EXPECT_EQ(ref::xlogy(X, Y)(1, 1), 0.25 * std::log(0.25));
    EXPECT_EQ(ref::entr(X)(1, 0), -0.0);
}

TEST(InformationEdges, ZeroProbabilitiesFollowScipy) {
    // KL is +inf where q = 0 < p, and a zero of p contributes nothing even where q = 0
    EXPECT_EQ(ref::kl_divergence(Vector{0.5, 0.5}, Vector{1.0, 0.0}), kInf);
    EXPECT_EQ(ref::kl_divergence(Vector{1.0, 0.0}, Vector{1.0, 0.0}), 0.0);
    EXPECT_EQ(ref::cross_entropy(Vector{0.5, 0.5}, Vector{1.0, 0.0}), kInf);
    EXPECT_EQ(ref::cross_entropy(Vector{1.0, 0.0}, Vector{1.0, 0.0}), 0.0);
    // Jensen-Shannon stays finite on disjoint supports: ln 2 exactly
    EXPECT_EQ(ref::jensen_shannon_divergence(Vector{1.0, 0.0}, Vector{0.0, 1.0}), std::log(2.0));
    EXPECT_EQ(ref::jensen_shannon_divergence(Vector{1.0, 0.0}, Vector{0.0, 1.0}, 2.0), 1.0);
}

TEST(InformationEdges, EmptyInputGivesTheEmptySumAsScipy) {
    EXPECT_EQ(ref::entropy(Vector{}), 0.0);
    EXPECT_EQ(ref::cross_entropy(Vector{}, Vector{}), 0.0);
    EXPECT_EQ(ref::kl_divergence(Vector{}, Vector{}), 0.0);
    EXPECT_EQ(ref::jensen_shannon_divergence(Vector{}, Vector{}), 0.0);
    EXPECT_EQ(ref::mutual_information(Matrix::from_shape({0, 3})), 0.0);
    // three columns of no outcome each: three zeros; no column at all: nothing
    const Vector H = ref::entropy(Matrix::from_shape({0, 3}), 0);
    ASSERT_EQ(H.size(), 3u);
    EXPECT_EQ(H(1), 0.0);
    EXPECT_EQ(ref::entropy(Matrix::from_shape({0, 3}), 1).size(), 0u);
    EXPECT_EQ(ref::self_information(Vector{}).size(), 0u);
}

TEST(InformationEdges, TheToleranceIsFourNUnitRoundoffs) {
    // n = 2: tau = 8u. 0.5 + 4u and 0.5 + 10u are doubles; their sums with 0.5 are exact
    EXPECT_NO_THROW(ref::entropy(Vector{0.5, 0.5 + 4 * u}));
    EXPECT_THROW(ref::entropy(Vector{0.5, 0.5 + 10 * u}), dlmath::domain_error);
    EXPECT_EQ(dlmath::detail::normalisation_tolerance(2), 8 * u);
    EXPECT_EQ(dlmath::detail::normalisation_tolerance(0), 4 * u);
}

// ---------------------------------------------------------------- properties

RC_GTEST_PROP(InformationProperties, GibbsInequalityKlIsNonNegativeAndZeroOnlyAtP, ()) {
    const std::size_t n = *rc::gen::inRange<std::size_t>(2, 60);
    const auto [p, q] = two_distributions(n);
    RC_ASSERT(ref::kl_divergence(p, p) == 0.0);  // every term is p_i log 1 = 0 exactly
    // p != q: strictly positive, well above the rounding of the sum
    const double d = ref::kl_divergence(p, q);
    RC_ASSERT(d > sum_bound(4, n, abs_kl_terms(p, q)) + 2 * u);
}

RC_GTEST_PROP(InformationProperties, KlIsAsymmetricOnRandomPairs, ()) {
    const std::size_t n = *rc::gen::inRange<std::size_t>(3, 60);
    const auto [p, q] = two_distributions(n);
    const double bound = sum_bound(4, n, abs_kl_terms(p, q) + abs_kl_terms(q, p)) + 4 * u;
    RC_ASSERT(std::fabs(ref::kl_divergence(p, q) - ref::kl_divergence(q, p)) > bound);
}

RC_GTEST_PROP(InformationProperties, CrossEntropyIsEntropyPlusKl, ()) {
    const std::size_t n = *rc::gen::inRange<std::size_t>(1, 80);
    const auto [p, q] = two_distributions(n);
    // three sums, each within (4u + gamma_n) of its terms' absolute sum (and 2u for KL's ratios)
    const double bound =
        sum_bound(4, n, abs_entropy_terms(p) + abs_cross_terms(p, q) + abs_kl_terms(p, q)) + 2 * u;
    DLMATH_RC_ASSERT(agree(ref::cross_entropy(p, q), ref::entropy(p) + ref::kl_divergence(p, q), bound, "H(P,Q)"));
    // and in bits: every measure is divided by the same ln 2
    DLMATH_RC_ASSERT(agree(ref::cross_entropy(p, q, 2.0), ref::cross_entropy(p, q) / std::log(2.0), 2 * u * ref::cross_entropy(p, q, 2.0), "bits"));
}

RC_GTEST_PROP(InformationProperties, EntropyIsAtMostLogKWithEqualityAtUniform, ()) {
    const std::size_t k = *rc::gen::inRange<std::size_t>(1, 200);
    const Vector p = two_distributions(k).first;
    const double logk = std::log(static_cast<double>(k));
    RC_ASSERT(ref::entropy(p) <= logk + sum_bound(4, k, abs_entropy_terms(p)) + 4 * k * u);
    Vector uniform = Vector::from_shape({k});
    uniform.fill(1.0 / static_cast<double>(k));
    DLMATH_RC_ASSERT(agree(ref::entropy(uniform), logk, sum_bound(4, k, logk) + 4 * k * u * logk, "H(uniform)"));
}

RC_GTEST_PROP(InformationProperties, JensenShannonIsSymmetricAndAtMostLn2, ()) {
    const std::size_t n = *rc::gen::inRange<std::size_t>(1, 60);
    const auto [p, q] = two_distributions(n);
    const double js = ref::jensen_shannon_divergence(p, q);
    RC_ASSERT(js == ref::jensen_shannon_divergence(q, p));  // M and the two halves commute exactly
    const double slack = sum_bound(6, 2 * n, 2 * ln2) + 8 * n * u;
    RC_ASSERT(js >= -slack);
    RC_ASSERT(js <= ln2 + slack);
}

RC_GTEST_PROP(InformationProperties, MutualInformationIsNonNegativeAndZeroForAProductTable, ()) {
    const std::size_t m = *rc::gen::inRange<std::size_t>(1, 12), k = *rc::gen::inRange<std::size_t>(1, 12);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Vector a = probability_vector(m, seed), b = probability_vector(k, seed + 1);
    Matrix P = Matrix::from_shape({m, k});
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < k; ++j) P(i, j) = a(i) * b(j);
    // the marginals of the rounded table differ from a and b by a few (m + k) u; so
    // does each log ratio: |I| <= c (m + k) u with sum P = 1
    const double bound = 8.0 * static_cast<double>(m + k) * u;
    RC_ASSERT(std::fabs(ref::mutual_information(P)) <= bound);
    // a random joint table: I >= 0 up to the same rounding
    Matrix R = Matrix::from_shape({m, k});
    const Vector r = probability_vector(m * k, seed + 2);
    std::copy(r.begin(), r.end(), R.begin());
    RC_ASSERT(ref::mutual_information(R) >= -bound);
}

TEST(InformationProperties, MutualInformationOfACopyIsTheEntropy) {
    // Y = X: I(X; X) = H(X)
    const Vector px = {0.125, 0.375, 0.5};
    Matrix P = Matrix::from_shape({3, 3});
    P.fill(0.0);
    for (std::size_t i = 0; i < 3; ++i) P(i, i) = px(i);
    EXPECT_NEAR(ref::mutual_information(P), ref::entropy(px), 8 * u);
    EXPECT_NEAR(ref::mutual_information(P, 2.0), ref::entropy(px, 2.0), 8 * u);
}

RC_GTEST_PROP(InformationProperties, SelfInformationOfIndependentEventsAdds, ()) {
    const double p = *rc::gen::inRange(1, 1000) / 1000.0, q = *rc::gen::inRange(1, 1000) / 1000.0;
    // each log within 1 ulp, the product p q rounded once: a few u |log|
    const double bound = 4 * u * (std::fabs(std::log(p)) + std::fabs(std::log(q))) + 2 * u;
    DLMATH_RC_ASSERT(agree(ref::self_information(p * q), ref::self_information(p) + ref::self_information(q), bound));
}

RC_GTEST_PROP(InformationProperties, KlDivSummedOverDistributionsIsKl, ()) {
    const std::size_t n = *rc::gen::inRange<std::size_t>(1, 60);
    const auto [p, q] = two_distributions(n);
    const Vector terms = ref::kl_div(p, q);
    double s = 0.0;
    for (double t : terms) s += t;
    // the -p_i + q_i parts add up to sum q - sum p, within 2 tau_n of 0
    const double bound = sum_bound(6, 3 * n, abs_kl_terms(p, q) + 2.0) + 8 * n * u;
    DLMATH_RC_ASSERT(agree(s, ref::kl_divergence(p, q), bound));
}

RC_GTEST_PROP(InformationProperties, AlongAnAxisIsTheVectorFunctionPerRowOrColumn, ()) {
    const std::size_t m = *rc::gen::inRange<std::size_t>(1, 9), k = *rc::gen::inRange<std::size_t>(1, 9);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    Matrix P = Matrix::from_shape({m, k}), Q = Matrix::from_shape({m, k});
    for (std::size_t i = 0; i < m; ++i) {
        const Vector a = probability_vector(k, seed + i), b = probability_vector(k, seed + 100 + i);
        for (std::size_t j = 0; j < k; ++j) { P(i, j) = a(j); Q(i, j) = b(j); }
    }
    const Vector H = ref::entropy(P, 1, 2.0), C = ref::cross_entropy(P, Q, 1), D = ref::kl_divergence(P, Q, 1);
    for (std::size_t i = 0; i < m; ++i) {  // the same loop on the same numbers: bitwise equal
        const Vector a = xt::row(P, i), b = xt::row(Q, i);
        RC_ASSERT(H(i) == ref::entropy(a, 2.0));
        RC_ASSERT(C(i) == ref::cross_entropy(a, b));
        RC_ASSERT(D(i) == ref::kl_divergence(a, b));
    }
    const Matrix Pt = xt::transpose(P), Qt = xt::transpose(Q);  // rows of P are the columns of Pt
    const Vector Dc = ref::kl_divergence(Pt, Qt, 0), Hc = ref::entropy(Pt, 0);
    for (std::size_t i = 0; i < m; ++i) {
        RC_ASSERT(Dc(i) == D(i));
        RC_ASSERT(Hc(i) == ref::entropy(Vector(xt::row(P, i))));
    }
}

// ---------------------------------------------------------------- bad input

TEST(InformationBadInput, SelfInformationOutsideZeroOneOrBadBase) {
    EXPECT_EQ(what_of([] { ref::self_information(1.5); }), "self_information: a probability must lie in [0, 1] (got p = 1.5)");
    EXPECT_THROW(ref::self_information(-0.1), dlmath::domain_error);
    EXPECT_THROW(ref::self_information(kNaN), dlmath::domain_error);
    EXPECT_EQ(what_of([] { ref::self_information(0.5, 1.0); }),
              "self_information: base must be finite, > 0 and != 1 (got base = 1)");
    EXPECT_THROW(ref::self_information(0.5, -2.0), dlmath::domain_error);
    EXPECT_THROW(ref::self_information(0.5, kInf), dlmath::domain_error);
    EXPECT_EQ(what_of([] { ref::self_information(Vector{0.5, 2.0}); }),
              "self_information: a probability must lie in [0, 1] (p has 2 elements, entry 1 is 2)");
    EXPECT_THROW(ref::self_information(Vector{kNaN}), dlmath::domain_error);
}

TEST(InformationBadInput, EntropyOfNonDistributions) {
    EXPECT_EQ(what_of([] { ref::entropy(Vector{0.5, kNaN}); }), "entropy: p must not contain NaN (p has 2 elements, entry 1 is nan)");
    EXPECT_EQ(what_of([] { ref::entropy(Vector{1.5, -0.5}); }), "entropy: p must not be negative (p has 2 elements, entry 1 is -0.5)");
    EXPECT_EQ(what_of([] { ref::entropy(Vector{0.5, 0.25}); }),
              "entropy: p must sum to 1 within the tolerance 4*n*u = 8.8817841970012523e-16 for n = 2 outcomes (p has 2 "
              "elements, its sum is 0.75)");
    EXPECT_THROW(ref::entropy(Vector{kInf, 0.0}), dlmath::domain_error);
    EXPECT_THROW(ref::entropy(Vector{0.5, 0.5}, 0.0), dlmath::domain_error);
    EXPECT_THROW(ref::entropy(Vector{0.5, 0.5}, kNaN), dlmath::domain_error);
}

TEST(InformationBadInput, EntropyAlongAnAxis) {
    const Matrix P = {{0.5, 0.25}, {0.5, 0.25}};  // columns are distributions only if they sum to 1
    EXPECT_EQ(what_of([&] { ref::entropy(P, 2); }),
              "entropy: axis must be 0 (one distribution per column) or 1 (one per row) (P is 2x2, axis = 2)");
    EXPECT_THROW(ref::entropy(P, 2), dlmath::shape_error);
    EXPECT_EQ(what_of([&] { ref::entropy(P, 0); }),
              "entropy: column 1 of P must sum to 1 within the tolerance 4*n*u = 8.8817841970012523e-16 for n = 2 "
              "outcomes (P is 2x2, its sum is 0.5)");
    EXPECT_THROW(ref::entropy(P, 1), dlmath::domain_error);  // row 0 sums to 0.75
}

TEST(InformationBadInput, CrossEntropyAndKlOfMismatchedOrBadDistributions) {
    const Vector p = {0.5, 0.5}, q3 = {0.25, 0.25, 0.5}, bad = {0.5, 0.6};
    EXPECT_EQ(what_of([&] { ref::kl_divergence(p, q3); }), "kl_divergence: lengths differ (p has 2 elements, q has 3)");
    EXPECT_THROW(ref::cross_entropy(p, q3), dlmath::shape_error);
    EXPECT_THROW(ref::kl_divergence(p, bad), dlmath::domain_error);
    EXPECT_THROW(ref::cross_entropy(bad, p), dlmath::domain_error);
    EXPECT_THROW(ref::kl_divergence(p, Vector{1.5, -0.5}), dlmath::domain_error);
    EXPECT_THROW(ref::cross_entropy(p, Vector{kNaN, 1.0}), dlmath::domain_error);
    EXPECT_THROW(ref::kl_divergence(p, p, 1.0), dlmath::domain_error);
    const Matrix P = {{0.5, 0.5}}, Q = {{0.5, 0.5}, {0.5, 0.5}};
    EXPECT_EQ(what_of([&] { ref::kl_divergence(P, Q, 1); }), "kl_divergence: shapes differ (P is 1x2, Q is 2x2)");
    EXPECT_THROW(ref::cross_entropy(P, Q, 1), dlmath::shape_error);
    EXPECT_THROW(ref::cross_entropy(P, P, 3), dlmath::shape_error);
    EXPECT_THROW(ref::kl_divergence(P, Matrix{{0.5, 0.6}}, 1), dlmath::domain_error);
    EXPECT_THROW(ref::cross_entropy(P, P, 0), dlmath::domain_error);  // columns of one outcome 0.5
}

TEST(InformationBadInput, JensenShannonAndMutualInformation) {
    EXPECT_THROW(ref::jensen_shannon_divergence(Vector{1.0}, Vector{0.5, 0.5}), dlmath::shape_error);
    EXPECT_THROW(ref::jensen_shannon_divergence(Vector{1.0}, Vector{0.5}), dlmath::domain_error);
    EXPECT_THROW(ref::jensen_shannon_divergence(Vector{1.0}, Vector{1.0}, -1.0), dlmath::domain_error);
    EXPECT_EQ(what_of([] { ref::mutual_information(Matrix{{0.5, 0.25}, {0.25, 0.25}}); }),
              "mutual_information: the joint table P must sum to 1 within the tolerance 4*n*u = "
              "1.7763568394002505e-15 for n = 4 outcomes (P is 2x2, its sum is 1.25)");
    EXPECT_THROW(ref::mutual_information(Matrix{{0.5, 0.75}, {-0.25, 0.0}}), dlmath::domain_error);
    EXPECT_THROW(ref::mutual_information(Matrix{{1.0}}, 1.0), dlmath::domain_error);
}

TEST(InformationBadInput, ElementwiseFunctionsNeedOneShape) {
    EXPECT_EQ(what_of([] { ref::xlogy(Vector{1.0}, Vector{1.0, 2.0}); }), "xlogy: shapes differ (x is 1, y is 2)");
    EXPECT_THROW(ref::rel_entr(Vector{1.0}, Vector{1.0, 2.0}), dlmath::shape_error);
    EXPECT_THROW(ref::kl_div(Vector{1.0}, Vector{1.0, 2.0}), dlmath::shape_error);
    const Matrix A = {{1.0, 2.0}}, B = {{1.0}, {2.0}};
    EXPECT_THROW(ref::xlogy(A, B), dlmath::shape_error);
    EXPECT_THROW(ref::rel_entr(A, B), dlmath::shape_error);
    EXPECT_THROW(ref::kl_div(A, B), dlmath::shape_error);
    // entr has one operand and SciPy's value for every input: nothing to reject
    EXPECT_NO_THROW(ref::entr(Vector{-1.0, kNaN, kInf}));
    EXPECT_NO_THROW(ref::entr(Matrix{{-1.0, kNaN}}));
}
