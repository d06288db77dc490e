// Hidden tests of the cosine similarity exercise (instructor only: they are
// left out of the student edition and run by the autograder).
#include "cosine_similarity.hpp"

#include <string>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::cosine_similarity;

namespace {
// Error budget of x.y / (|x| |y|) for n entries: each of the three sums
// carries gamma_n relative error (of sum |x_i y_i| <= |x||y| for the
// numerator), the two roots, the product and the division add 4u; so the
// result is within (3 n + 8) u of the exact cosine. The scaled inputs add
// one rounding per entry (3 more u), and two results are compared: twice
// the budget.
constexpr double u = 1.1102230246251565e-16;  // 2^-53
double budget(double n) { return (3 * n + 11) * u; }
}  // namespace

TEST(CosineSimilarityHidden, OppositeVectorsGiveMinusOne) {
    const Vector x = {1.0, -2.0, 0.5, 4.0};
    const Vector y = {-3.0, 6.0, -1.5, -12.0};
    EXPECT_NEAR(cosine_similarity(x, y), -1.0, budget(4));
}

TEST(CosineSimilarityHidden, InvariantUnderPositiveScaling) {
    const Vector x = {0.3, -1.7, 2.2};
    const Vector y = {1.1, 0.4, -0.9};
    const double c = cosine_similarity(x, y);
    EXPECT_NEAR(cosine_similarity(1e3 * x, y), c, 2 * budget(3));
    EXPECT_NEAR(cosine_similarity(x, 1e-3 * y), c, 2 * budget(3));
    EXPECT_NEAR(cosine_similarity(-x, y), -c, 2 * budget(3));
}

TEST(CosineSimilarityHidden, ErrorMessagesNameTheFunction) {
    const Vector x = {1.0, 2.0, 3.0};
    const Vector y = {1.0, 2.0};
    try {
        (void)cosine_similarity(x, y);
        ADD_FAILURE() << "no shape_error for lengths 3 and 2";
    } catch (const dlmath::shape_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("cosine_similarity"), std::string::npos) << what;
        EXPECT_NE(what.find('3'), std::string::npos) << what;
        EXPECT_NE(what.find('2'), std::string::npos) << what;
    }
    const Vector zero = {0.0, 0.0};
    EXPECT_THROW(cosine_similarity(zero, zero), dlmath::domain_error);
}
