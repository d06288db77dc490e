// Hidden tests of the cosine similarity exercise (instructor only: they are
// left out of the student edition and run by the autograder).
#include "cosine_similarity.hpp"

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::cosine_similarity;

namespace {
// Error budget of x.y / (|x| |y|) for n entries: each of the three sums
// carries gamma_n relative error (of sum |x_i y_i| <= |x||y| for the
// numerator), the two roots, the product and the division add 4u; so the
// result is within (3 n + 8) u of the exact cosine. Dividing the entries by
// a common scale first adds one rounding per factor (2u per term), and the
// scaled inputs or expected values below one rounding each (3 more u).
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

TEST(CosineSimilarityHidden, HugeEntriesDoNotOverflow) {
    // (1e200)^2 overflows to +inf: inf / inf is NaN for a naive sum of squares
    const Vector big = {1e200, 1e200};
    EXPECT_NEAR(cosine_similarity(big, big), 1.0, budget(2));
    EXPECT_NEAR(cosine_similarity(big, -big), -1.0, budget(2));
    // |x| = sqrt(5) 1e200, |y| = sqrt(10) 1e-200, x.y = 1: cos = 1 / sqrt(50)
    EXPECT_NEAR(cosine_similarity(Vector{1e200, -2e200}, Vector{3e-200, 1e-200}), 1.0 / std::sqrt(50.0),
                budget(2));
}

TEST(CosineSimilarityHidden, TinyEntriesDoNotUnderflow) {
    // (1e-170)^2 underflows to 0: a naive sum calls this non-zero vector zero
    const Vector tiny = {1e-170, 1e-170};
    EXPECT_NEAR(cosine_similarity(tiny, tiny), 1.0, budget(2));
    EXPECT_NEAR(cosine_similarity(tiny, Vector{1e-170, -1e-170}), 0.0, budget(2));
    // the smallest double next to the largest: cos = 1 / sqrt(2)
    EXPECT_NEAR(cosine_similarity(Vector{5e-324, 0.0}, Vector{1e308, 1e308}), 1.0 / std::sqrt(2.0), budget(2));
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

// Random integer vectors (n = 1..6, entries in [-1000, 1000], neither zero)
// scaled by 2^e and 2^f for e, f in [-900, 900]: scaling by a power of two is
// exact and keeps every entry a normal double, and the cosine does not
// change. The expected value comes from exact integer sums (at most
// 6 * 10^6, and their product 3.6 * 10^13 < 2^53), then a root and a
// division: within 2u of the exact cosine. On a failure RapidCheck shrinks
// the vectors and the exponents, and prints a smallest failing case.
RC_GTEST_PROP(CosineSimilarityHidden, SameCosineAtEveryScale, ()) {
    const auto n = static_cast<std::size_t>(*rc::gen::inRange(1, 7));
    const auto xs = *rc::gen::container<std::vector<int>>(n, rc::gen::inRange(-1000, 1001));
    const auto ys = *rc::gen::container<std::vector<int>>(n, rc::gen::inRange(-1000, 1001));
    const int e = *rc::gen::inRange(-900, 901);
    const int f = *rc::gen::inRange(-900, 901);
    long long xy = 0, xx = 0, yy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        xy += static_cast<long long>(xs[i]) * ys[i];
        xx += static_cast<long long>(xs[i]) * xs[i];
        yy += static_cast<long long>(ys[i]) * ys[i];
    }
    RC_PRE(xx > 0 && yy > 0);
    Vector x = Vector::from_shape({n}), y = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) {
        x(i) = std::ldexp(static_cast<double>(xs[i]), e);
        y(i) = std::ldexp(static_cast<double>(ys[i]), f);
    }
    const double expected = static_cast<double>(xy) / std::sqrt(static_cast<double>(xx * yy));
    RC_ASSERT(std::fabs(cosine_similarity(x, y) - expected) <= budget(double(n)));
}
