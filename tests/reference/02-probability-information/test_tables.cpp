// Discrete tables, reference twin: the worked examples (marginals of a joint,
// Bayes' rule, the directed factorisation p(a,b,c) = p(a)p(b|a)p(c|b)),
// the undirected chain normalised by Z, RapidCheck properties, bad input.

#include <cmath>
#include <cstdint>
#include <string>

#include "dlmath/reference/probability.hpp"
#include "prelude.hpp"

namespace {

using dlmath::testing::probability_vector;

// The worked factorisation, in binary fractions so that every product and
// every sum below is exact: p(a), p(b | a), p(c | b).
const Vector p_a = {0.25, 0.75};
const Matrix p_b_given_a = {{0.5, 0.5}, {0.25, 0.75}};
const Matrix p_c_given_b = {{0.875, 0.125}, {0.5, 0.5}};

// A conditional table of k_x rows of k_y entries from a seed: each row a
// probability_vector (positive, summing to 1 within 2 k_y u).
Matrix conditional_table(std::size_t kx, std::size_t ky, std::uint64_t seed) {
    Matrix C = Matrix::from_shape({kx, ky});
    for (std::size_t i = 0; i < kx; ++i) xt::view(C, i, xt::all()) = probability_vector(ky, seed + 1000 * i);
    return C;
}

}  // namespace

// ---------------------------------------------------------------- worked examples

// ▶ p(a, b, c) = p(a) p(b | a) p(c | b) rebuilds the joint exactly (every
// entry a product of binary fractions with few digits), and a ⊥ c | b.
TEST(TablesWorkedExample, DirectedFactorisationRebuildsTheJointExactly) {
    const Tensor3 P = ref::joint(p_a, p_b_given_a, p_c_given_b);
    const Tensor3 expected = {{{7.0 / 64, 1.0 / 64}, {1.0 / 16, 1.0 / 16}},
                              {{21.0 / 128, 3.0 / 128}, {9.0 / 32, 9.0 / 32}}};
    EXPECT_EQ(P, expected);
    // the factors come back from the joint, exactly: the chain rule read backwards
    EXPECT_EQ(ref::marginal(P, 0), p_a);
    EXPECT_EQ(ref::conditional(ref::sum_out(P, 2)), p_b_given_a);  // P(a, b) -> P(b | a)
    EXPECT_EQ(ref::conditional(ref::sum_out(P, 0)), p_c_given_b);  // P(b, c) -> P(c | b)
    EXPECT_EQ(ref::joint(ref::marginal(P, 0), ref::conditional(ref::sum_out(P, 2))), ref::sum_out(P, 2));
    // a ⊥ c | b holds, although a and c are dependent
    // (at the default tolerance: dividing by P(b) = 5/16 and 11/16 rounds, by about u)
    EXPECT_TRUE(ref::conditionally_independent(P, 1));
    EXPECT_FALSE(ref::independent(ref::sum_out(P, 1)));
    EXPECT_FALSE(ref::conditionally_independent(P, 0));  // b and c are not independent given a
}

// ▶ The marginals of P(x, y) = [[0.1, 0.2], [0.3, 0.4]]: P(x) = (0.3, 0.7),
// P(y) = (0.4, 0.6). Decimal entries are rounded when read, so a marginal
// may sit an ulp from the decimal: 0.1 + 0.2 is 0.30000000000000004.
TEST(TablesWorkedExample, MarginalsOfATwoByTwoJoint) {
    const Matrix P = {{0.1, 0.2}, {0.3, 0.4}};
    const Vector p_x = ref::marginal(P, 0), p_y = ref::marginal(P, 1);
    EXPECT_EQ(p_x(0), 0.30000000000000004);  // one ulp above the double nearest 0.3
    EXPECT_EQ(dlmath::testing::ulp_distance(p_x(0), 0.3), 1u);
    EXPECT_EQ(p_x(1), 0.7);
    EXPECT_EQ(p_y(0), 0.4);
    EXPECT_EQ(p_y(1), 0.6000000000000001);  // 0.2 + 0.4, one ulp above 0.6
    EXPECT_EQ(dlmath::testing::ulp_distance(p_y(1), 0.6), 1u);
}

// ▶ Bayes' rule: a test that is positive for 90% of the sick and 5% of the
// healthy, for a disease of prevalence 1%. P(sick | +) = 0.009 / 0.0585 = 2/13.
// The inputs are decimals (each rounded once), then 2 products, a sum and a
// division: a few ulps; 4 allowed.
TEST(TablesWorkedExample, BayesRuleForADiagnosticTest) {
    const Vector prior = {0.01, 0.99};                       // x: sick, healthy
    const Matrix likelihood = {{0.9, 0.1}, {0.05, 0.95}};    // y: positive, negative
    const Matrix posterior = ref::bayes_rule(prior, likelihood);
    ASSERT_EQ(posterior.shape(0), 2u);
    EXPECT_LE(dlmath::testing::ulp_distance(posterior(0, 0), 2.0 / 13.0), 4u) << posterior(0, 0);
    EXPECT_LE(dlmath::testing::ulp_distance(posterior(0, 1), 11.0 / 13.0), 4u) << posterior(0, 1);
    // after a negative test: 0.001 / 0.9415 = 2/1883
    EXPECT_LE(dlmath::testing::ulp_distance(posterior(1, 0), 2.0 / 1883.0), 4u) << posterior(1, 0);
}

TEST(Tables, ConditionalOfAJointDividesEachRowByItsMarginal) {
    const Matrix P = {{0.125, 0.375}, {0.25, 0.25}};
    const Matrix expected = {{0.25, 0.75}, {0.5, 0.5}};
    EXPECT_EQ(ref::conditional(P), expected);
    EXPECT_EQ(ref::joint(ref::marginal(P, 0), ref::conditional(P)), P);  // P(x, y) = P(x) P(y | x)
}

TEST(Tables, ThreeVariableMarginalsAndSumOut) {
    const Tensor3 P = ref::joint(p_a, p_b_given_a, p_c_given_b);
    const Vector p_b = {0.125 + 0.1875, 0.125 + 0.5625};  // sum_a p(a) p(b | a)
    EXPECT_EQ(ref::marginal(P, 1), p_b);
    EXPECT_EQ(ref::marginal(ref::sum_out(P, 0), 0), p_b);
    const Matrix P_ac = ref::sum_out(P, 1);
    ASSERT_EQ(P_ac.shape(0), 2u);
    EXPECT_EQ(P_ac(0, 0), 7.0 / 64 + 1.0 / 16);
    EXPECT_EQ(P_ac(1, 1), 3.0 / 128 + 9.0 / 32);
    EXPECT_EQ(ref::marginal(P, 2), ref::marginal(P_ac, 1));
}

TEST(Tables, IndependenceOfAProductOfMarginals) {
    const Vector p = {0.25, 0.75}, q = {0.5, 0.125, 0.375};
    Matrix P = Matrix::from_shape({2, 3});
    for (std::size_t i = 0; i < 2; ++i)
        for (std::size_t j = 0; j < 3; ++j) P(i, j) = p(i) * q(j);
    EXPECT_TRUE(ref::independent(P, 0.0));  // exact binary fractions
    // move 1e-6 of mass from one entry to another: dependent at the default tolerance
    P(0, 0) += 1e-6;
    P(1, 0) -= 1e-6;
    EXPECT_FALSE(ref::independent(P));
    EXPECT_TRUE(ref::independent(P, 1e-5));  // but not at a looser one
}

// The undirected chain a - b - c with two pairwise factors: Z sums the
// unnormalised table, and b separates a from c, so a ⊥ c | b.
TEST(TablesWorkedExample, UndirectedChainNormalisedByZ) {
    const Matrix phi_ab = {{1.0, 2.0}, {3.0, 1.0}};
    const Matrix phi_bc = {{2.0, 1.0}, {1.0, 1.0}};
    // Z = sum_{a,b} phi_ab(a, b) * (sum_c phi_bc(b, c)) = (1 + 3) * 3 + (2 + 1) * 2 = 18
    EXPECT_EQ(ref::partition_function(phi_ab, phi_bc), 18.0);
    const Tensor3 P = ref::undirected_joint(phi_ab, phi_bc);
    EXPECT_EQ(P(1, 0, 0), 6.0 / 18.0);
    EXPECT_EQ(P(0, 1, 1), 2.0 / 18.0);
    EXPECT_TRUE(ref::conditionally_independent(P, 1));
    EXPECT_FALSE(ref::independent(ref::sum_out(P, 1)));
}

TEST(Tables, ImpossibleConditionsAreSkippedByConditionalIndependence) {
    // b = 1 never happens: only b = 0 is tested, where the table is a product
    Tensor3 P = xt::zeros<double>({2, 2, 2});
    P(0, 0, 0) = 0.125;
    P(0, 0, 1) = 0.375;
    P(1, 0, 0) = 0.125;
    P(1, 0, 1) = 0.375;
    EXPECT_TRUE(ref::conditionally_independent(P, 1, 0.0));
}

// ---------------------------------------------------------------- bad input

TEST(TablesBadInput, JointTablesMustHoldProbabilitiesSummingToOne) {
    EXPECT_EQ(what_of([] { ref::marginal(Matrix{{0.5, 0.25}, {0.25, 0.1}}, 0); }),
              "marginal: the joint table (2x2) must sum to 1 (the sum is 1.1000000000000001, |sum - 1| = "
              "0.10000000000000009 exceeds the tolerance 1.4901161193847656e-08)");
    EXPECT_EQ(what_of([] { ref::marginal(Matrix{{0.5, -0.25}, {0.5, 0.25}}, 1); }),
              "marginal: every entry of the joint table must be finite and >= 0 (the joint table is 2x2, entry 1 in "
              "row-major order is -0.25)");
    EXPECT_THROW(ref::marginal(Matrix{{0.5, kNaN}, {0.5, 0.0}}, 0), dlmath::domain_error);
    EXPECT_THROW(ref::marginal(Matrix{{kInf, 0.0}}, 0), dlmath::domain_error);
    EXPECT_THROW(ref::marginal(Matrix::from_shape({0, 3}), 0), dlmath::domain_error);  // sums to 0
    // within the tolerance: 1 + 1e-9 is a table
    EXPECT_NO_THROW(ref::marginal(Matrix{{0.5, 0.5 + 1e-9}}, 0));
}

TEST(TablesBadInput, AxisOutOfRange) {
    EXPECT_EQ(what_of([] { ref::marginal(Matrix{{1.0}}, 2); }),
              "marginal: axis 2 is out of range for a table of 2 variables (axes 0 to 1)");
    const Tensor3 P = ref::joint(p_a, p_b_given_a, p_c_given_b);
    EXPECT_THROW(ref::marginal(P, 3), dlmath::shape_error);
    EXPECT_THROW(ref::sum_out(P, 3), dlmath::shape_error);
    EXPECT_THROW(ref::conditionally_independent(P, 3), dlmath::shape_error);
    EXPECT_THROW(ref::sum_out(Tensor3{{{0.5, 0.25}}}, 0), dlmath::domain_error);  // sums to 0.75
}

TEST(TablesBadInput, ConditioningOnAnImpossibleEvent) {
    EXPECT_EQ(what_of([] { ref::conditional(Matrix{{0.5, 0.5}, {0.0, 0.0}}); }),
              "conditional: the condition x = 1 has probability 0, so P(. | x = 1) is undefined");
    EXPECT_THROW(ref::conditional(Matrix{{0.5, 0.5}, {0.5, 0.0}}), dlmath::domain_error);  // sums to 1.5
}

TEST(TablesBadInput, BayesRule) {
    const Vector prior = {0.5, 0.5};
    EXPECT_EQ(what_of([&] { ref::bayes_rule(prior, Matrix{{1.0, 0.0}, {0.5, 0.5}, {0.5, 0.5}}); }),
              "bayes_rule: the likelihood needs one row per value of x (prior has 2 elements, likelihood is 3x2)");
    EXPECT_EQ(what_of([&] { ref::bayes_rule(prior, Matrix{{1.0, 0.0}, {0.25, 0.25}}); }),
              "bayes_rule: row 1 of the likelihood (2x2) must sum to 1 (the sum is 0.5, |sum - 1| = 0.5 exceeds "
              "the tolerance 1.4901161193847656e-08)");
    EXPECT_THROW(ref::bayes_rule(Vector{0.5, 0.25}, Matrix{{1.0, 0.0}, {0.0, 1.0}}), dlmath::domain_error);
    // y = 1 is impossible under this prior and likelihood: its posterior is undefined
    EXPECT_EQ(what_of([&] { ref::bayes_rule(Vector{1.0, 0.0}, Matrix{{1.0, 0.0}, {0.0, 1.0}}); }),
              "bayes_rule: the condition y = 1 has probability 0, so P(. | y = 1) is undefined");
}

TEST(TablesBadInput, ChainRuleFactorsMustChain) {
    EXPECT_THROW(ref::joint(Vector{1.0}, Matrix{{0.5, 0.5}, {0.5, 0.5}}), dlmath::shape_error);
    EXPECT_THROW(ref::joint(Vector{0.5, 0.5}, Matrix{{0.5, 0.6}, {0.5, 0.5}}), dlmath::domain_error);
    EXPECT_EQ(what_of([] { ref::joint(p_a, p_b_given_a, Matrix{{1.0}}); }),
              "joint: the factors do not chain (P(a) has 2 elements, P(b | a) is 2x2, P(c | b) is 1x1)");
    EXPECT_THROW(ref::joint(p_a, p_b_given_a, Matrix{{1.0, 0.0}, {0.5, 0.25}}), dlmath::domain_error);
    EXPECT_THROW(ref::joint(Vector{kNaN, 1.0}, p_b_given_a, p_c_given_b), dlmath::domain_error);
}

TEST(TablesBadInput, IndependenceTolerance) {
    const Matrix P = {{0.25, 0.25}, {0.25, 0.25}};
    EXPECT_EQ(what_of([&] { ref::independent(P, -1.0); }), "independent: tol must be finite and >= 0 (got tol = -1)");
    EXPECT_THROW(ref::independent(P, kNaN), dlmath::domain_error);
    EXPECT_THROW(ref::conditionally_independent(ref::joint(p_a, p_b_given_a, p_c_given_b), 1, kInf),
                 dlmath::domain_error);
    EXPECT_THROW(ref::independent(Matrix{{0.25, 0.25}}), dlmath::domain_error);
}

TEST(TablesBadInput, UndirectedFactors) {
    const Matrix phi = {{1.0, 2.0}, {3.0, 1.0}};
    EXPECT_EQ(what_of([&] { ref::partition_function(phi, Matrix{{1.0, 1.0}}); }),
              "partition_function: the factors must share the variable b (phi_ab is 2x2, phi_bc is 1x2)");
    EXPECT_THROW(ref::undirected_joint(phi, Matrix{{1.0, -1.0}, {1.0, 1.0}}), dlmath::domain_error);
    EXPECT_THROW(ref::partition_function(Matrix{{kNaN, 1.0}, {1.0, 1.0}}, phi), dlmath::domain_error);
    EXPECT_EQ(what_of([&] { ref::undirected_joint(Matrix{{0.0, 0.0}}, phi); }),
              "undirected_joint: the partition function Z = 0 must be finite and > 0 (every configuration has "
              "zero weight, or the weights overflow)");
    EXPECT_THROW(ref::partition_function(Matrix{{1e300, 1e300}}, Matrix{{1e300}, {1e300}}), dlmath::domain_error);
}

// ---------------------------------------------------------------- properties

// Generated tables are positive; probability_vector rows sum to 1 within
// 2 k u. Bounds below: each computed probability is a product or quotient of
// such inputs and sums of at most k terms, hence within a small multiple of
// k u relative (gamma_{c k}).

// Bayes' rule, round trip: the posterior P(x | y), used as the likelihood
// with the evidence P(y) as prior, gives back P(y | x). Each bayes_rule costs
// gamma_{k+2} relative per entry, the evidence gamma_{k+1}, the inputs' row
// sums 2ku: gamma_{6k+8} covers the trip.
RC_GTEST_PROP(TablesProperties, BayesRuleRoundTrip, ()) {
    const std::size_t kx = *rc::gen::inRange<std::size_t>(1, 8), ky = *rc::gen::inRange<std::size_t>(1, 8);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Vector prior = probability_vector(kx, seed);
    const Matrix likelihood = conditional_table(kx, ky, seed + 1);
    const Matrix posterior = ref::bayes_rule(prior, likelihood);       // (ky, kx)
    const Vector evidence = ref::marginal(ref::joint(prior, likelihood), 1);
    const Matrix back = ref::bayes_rule(evidence, posterior);           // (kx, ky)
    const double k = static_cast<double>(kx + ky);
    DLMATH_RC_ASSERT(agree_elementwise(back, likelihood,
                                       [&](std::size_t f) { return gamma_n(6 * k + 8) * likelihood.data()[f]; },
                                       "bayes round trip"));
}

// Marginalising the chain's joint gives back its marginal: sum_j p(x) p(y | x)
// = p(x) (1 + the row's deviation from 1, <= 2 k u) + the sum's gamma_k.
RC_GTEST_PROP(TablesProperties, MarginalisingTheJointGivesTheMarginals, ()) {
    const std::size_t ka = *rc::gen::inRange<std::size_t>(1, 6), kb = *rc::gen::inRange<std::size_t>(1, 6),
                      kc = *rc::gen::inRange<std::size_t>(1, 6);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Vector pa = probability_vector(ka, seed);
    const Matrix pba = conditional_table(ka, kb, seed + 1), pcb = conditional_table(kb, kc, seed + 2);
    const Tensor3 P = ref::joint(pa, pba, pcb);
    const double k = static_cast<double>(kb * kc);
    DLMATH_RC_ASSERT(agree_elementwise(ref::marginal(P, 0), pa,
                                       [&](std::size_t i) { return gamma_n(6 * k + 4) * pa(i); }, "p(a)"));
    // summing out c leaves p(a, b) = p(a) p(b | a)
    const Matrix Pab = ref::joint(pa, pba);
    DLMATH_RC_ASSERT(agree_elementwise(ref::sum_out(P, 2), Pab,
                                       [&](std::size_t f) { return gamma_n(4.0 * kc + 4) * Pab.data()[f]; },
                                       "p(a, b)"));
    // and marginalising in two steps is marginalising in one
    const Vector pb = ref::marginal(P, 1), pb2 = ref::marginal(ref::sum_out(P, 0), 0);
    DLMATH_RC_ASSERT(agree_elementwise(pb2, pb, [&](std::size_t j) { return 2 * gamma_n(k * ka) * pb(j); }, "p(b)"));
}

// Both factorisations of the chain make a and c independent given b, for any factors.
RC_GTEST_PROP(TablesProperties, ChainsAreConditionallyIndependentGivenTheMiddle, ()) {
    const std::size_t ka = *rc::gen::inRange<std::size_t>(1, 6), kb = *rc::gen::inRange<std::size_t>(1, 6),
                      kc = *rc::gen::inRange<std::size_t>(1, 6);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Tensor3 directed =
        ref::joint(probability_vector(ka, seed), conditional_table(ka, kb, seed + 1), conditional_table(kb, kc, seed + 2));
    RC_ASSERT(ref::conditionally_independent(directed, 1));
    const Matrix phi_ab = xt::exp(random<Matrix>({ka, kb}, seed + 3)), phi_bc = xt::exp(random<Matrix>({kb, kc}, seed + 4));
    const Tensor3 undirected = ref::undirected_joint(phi_ab, phi_bc);
    RC_ASSERT(ref::conditionally_independent(undirected, 1));
    // p(a, b, c) Z = phi_ab phi_bc, and the table sums to 1
    const double Z = ref::partition_function(phi_ab, phi_bc);
    const double n = static_cast<double>(ka * kb * kc);
    RC_ASSERT(std::fabs(xt::sum(undirected)() - 1.0) <= gamma_n(2 * n + 2));
    for (std::size_t i = 0; i < ka; ++i)
        for (std::size_t j = 0; j < kb; ++j)
            for (std::size_t k = 0; k < kc; ++k) {
                const double w = phi_ab(i, j) * phi_bc(j, k);
                RC_ASSERT(std::fabs(undirected(i, j, k) * Z - w) <= gamma_n(4) * w);
            }
}
