// Hidden tests of the Bayes' rule exercise (instructor only: they are left
// out of the student edition and run by the autograder).
#include "bayes_rule.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using dlmath::exercises::bayes_posterior;
using dlmath::exercises::posterior_from_joint;

namespace {
constexpr double u = 1.1102230246251565e-16;  // 2^-53
// A posterior entry is a product, a sum of n terms and a division: within
// (n + 3) u of its value (relative); the expected values below carry up to
// 4 roundings more, and the probabilities given to the function are
// themselves rounded quotients (2 more): (n + 9) u.
double budget(std::size_t n, double value) { return (double(n) + 9) * u * value; }
}  // namespace

TEST(BayesRuleHidden, ColumnsAreNormalisedNotRows) {
    // P(x | y) divides by the column sums P(y) = (0.3, 0.7); dividing by the
    // row sums P(x) = (0.4, 0.6) gives P(y | x) instead
    const Matrix joint = {{0.1, 0.3}, {0.2, 0.4}};
    const Matrix post = posterior_from_joint(joint);
    EXPECT_NEAR(post(0, 0), 1.0 / 3.0, budget(2, 1.0));
    EXPECT_NEAR(post(1, 0), 2.0 / 3.0, budget(2, 1.0));
    EXPECT_NEAR(post(0, 1), 3.0 / 7.0, budget(2, 1.0));
    EXPECT_NEAR(post(1, 1), 4.0 / 7.0, budget(2, 1.0));
}

TEST(BayesRuleHidden, ANonSquareTableKeepsItsShape) {
    // x takes 3 values, y 2: P(x | y) is 3 x 2, P(y) = (0.5, 0.5)
    const Matrix joint = {{0.05, 0.25}, {0.15, 0.15}, {0.3, 0.1}};
    const Matrix post = posterior_from_joint(joint);
    ASSERT_EQ(post.shape(0), 3u);
    ASSERT_EQ(post.shape(1), 2u);
    const double expected[3][2] = {{0.1, 0.5}, {0.3, 0.3}, {0.6, 0.2}};
    for (std::size_t i = 0; i < 3; ++i) {
        for (std::size_t j = 0; j < 2; ++j) EXPECT_NEAR(post(i, j), expected[i][j], budget(3, 1.0)) << i << ", " << j;
    }
}

TEST(BayesRuleHidden, OutcomesTheDataRuleOutGetZero) {
    // an outcome of prior 0 stays at 0, and one that cannot produce y drops to 0
    const Vector prior = {0.0, 0.5, 0.5};
    const Matrix likelihood = {{0.5, 0.5}, {0.2, 0.8}, {0.0, 1.0}};
    const Vector post = bayes_posterior(prior, likelihood, 0);
    ASSERT_EQ(post.size(), 3u);
    EXPECT_EQ(post(0), 0.0);
    EXPECT_NEAR(post(1), 1.0, budget(3, 1.0));
    EXPECT_EQ(post(2), 0.0);
    // y = 1: P(y) = 0.5 * 0.8 + 0.5 * 1 = 0.9, P(x | y) = (0, 4/9, 5/9)
    const Vector other = bayes_posterior(prior, likelihood, 1);
    EXPECT_NEAR(other(1), 4.0 / 9.0, budget(3, 1.0));
    EXPECT_NEAR(other(2), 5.0 / 9.0, budget(3, 1.0));
}

TEST(BayesRuleHidden, AnImpossibleObservationIsADomainError) {
    // no x produces y = 1
    EXPECT_THROW(bayes_posterior(Vector{0.5, 0.5}, Matrix{{1.0, 0.0}, {1.0, 0.0}}, 1), dlmath::domain_error);
    // column 1 of the joint is all zeros: P(y = 1) = 0
    try {
        (void)posterior_from_joint(Matrix{{0.25, 0.0}, {0.75, 0.0}});
        ADD_FAILURE() << "no domain_error for P(y = 1) = 0";
    } catch (const dlmath::domain_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("posterior_from_joint"), std::string::npos) << what;
    }
}

TEST(BayesRuleHidden, InvalidTablesAreRejected) {
    try {
        (void)posterior_from_joint(Matrix{{0.25, 0.25}, {0.25, 0.15}});
        ADD_FAILURE() << "no domain_error for a joint table summing to 0.9";
    } catch (const dlmath::domain_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("posterior_from_joint"), std::string::npos) << what;
        EXPECT_NE(what.find("0.9"), std::string::npos) << "the message should name the sum: " << what;
    }
    EXPECT_THROW(posterior_from_joint(Matrix{{std::nan(""), 0.5}, {0.25, 0.25}}), dlmath::domain_error);
    EXPECT_THROW(posterior_from_joint(Matrix::from_shape({0, 0})), dlmath::domain_error);
    const Matrix likelihood = {{0.9, 0.1}, {0.05, 0.95}};
    EXPECT_THROW(bayes_posterior(Vector{0.6, 0.6}, likelihood, 0), dlmath::domain_error);
    EXPECT_THROW(bayes_posterior(Vector{1.5, -0.5}, likelihood, 0), dlmath::domain_error);
    // a row of the likelihood that is no distribution over y
    EXPECT_THROW(bayes_posterior(Vector{0.5, 0.5}, Matrix{{0.9, 0.2}, {0.05, 0.95}}, 0), dlmath::domain_error);
    EXPECT_THROW(bayes_posterior(Vector{0.5, 0.5}, Matrix{{0.9, 0.1, 0.0}}, 0), dlmath::shape_error);
}

// A random joint table of integers 0..9 (n_x, n_y = 1..4) divided by their
// sum, every row and column with a positive sum. posterior_from_joint must
// give the exact a_ij / c_j (c_j the column sums of the integers) within
// the budget, and so columns summing to 1 and P(x | y) P(y) = P(x, y); and
// bayes_posterior from the prior P(x) (the row sums) and the likelihood
// P(y | x) (each row divided by its sum) must give the same columns: the
// two routes of Bayes' rule agree. On a failure RapidCheck shrinks the table
// and prints a smallest failing one.
RC_GTEST_PROP(BayesRuleHidden, BothRoutesGiveTheExactPosterior, ()) {
    const auto nx = static_cast<std::size_t>(*rc::gen::inRange(1, 5));
    const auto ny = static_cast<std::size_t>(*rc::gen::inRange(1, 5));
    const auto a = *rc::gen::container<std::vector<int>>(nx * ny, rc::gen::inRange(0, 10));
    std::vector<int> rows(nx, 0), cols(ny, 0);
    int total = 0;
    for (std::size_t i = 0; i < nx; ++i) {
        for (std::size_t j = 0; j < ny; ++j) {
            rows[i] += a[i * ny + j];
            cols[j] += a[i * ny + j];
            total += a[i * ny + j];
        }
    }
    for (const int r : rows) RC_PRE(r > 0);
    for (const int c : cols) RC_PRE(c > 0);
    Matrix joint = Matrix::from_shape({nx, ny}), likelihood = Matrix::from_shape({nx, ny});
    Vector prior = Vector::from_shape({nx});
    for (std::size_t i = 0; i < nx; ++i) {
        prior(i) = static_cast<double>(rows[i]) / total;
        for (std::size_t j = 0; j < ny; ++j) {
            joint(i, j) = static_cast<double>(a[i * ny + j]) / total;
            likelihood(i, j) = static_cast<double>(a[i * ny + j]) / rows[i];
        }
    }
    const Matrix post = posterior_from_joint(joint);
    RC_ASSERT(post.shape(0) == nx);
    RC_ASSERT(post.shape(1) == ny);
    for (std::size_t j = 0; j < ny; ++j) {
        const Vector route = bayes_posterior(prior, likelihood, j);
        RC_ASSERT(route.size() == nx);
        double column = 0.0;
        for (std::size_t i = 0; i < nx; ++i) {
            const double exact = static_cast<double>(a[i * ny + j]) / cols[j];
            RC_ASSERT(std::fabs(post(i, j) - exact) <= budget(nx, exact));
            RC_ASSERT(std::fabs(route(i) - exact) <= budget(nx, exact));
            column += post(i, j);
        }
        RC_ASSERT(std::fabs(column - 1.0) <= budget(nx, 2.0));
    }
}
