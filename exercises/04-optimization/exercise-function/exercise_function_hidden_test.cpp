// Hidden tests of the exercise function assignment (instructor only: they are left out of the
// student edition and run by the autograder).
#include "exercise_function.hpp"

#include <cmath>
#include <cstddef>
#include <limits>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using namespace dlmath::exercises;

namespace {
constexpr double u = std::numeric_limits<double>::epsilon() / 2;

double f(double x1, double x2) { return std::sin(x1) * std::cos(x2) + std::sin(0.5 * x1) * std::cos(0.5 * x2); }

// A point of [0, 10]^2 on a grid of 1e-3.
double coordinate() { return *rc::gen::inRange(0, 10001) / 1000.0; }

// Starts spread over [0, 10]^2, none on a line of symmetry.
const Matrix starts{{1.0, 1.0}, {2.0, 8.0}, {5.0, 5.0}, {9.0, 3.0}, {7.0, 9.0}, {3.0, 1.0}};
}  // namespace

// (b) The gradient against central differences with h = 1e-4, everywhere on [0, 10]^2. The
// difference quotient errs by h^2 / 6 |f'''| <= 1e-8 / 6 * 1.125 = 1.9e-9 (a third partial
// derivative of f is at most 1 + 1/8 in size), plus the rounding: f (|f| <= 2, a few
// operations) is evaluated within 10 u * 2 and x +- h rounded by 10 u moves it by at most
// 1.5 * 10 u, so 2 * 7e-15 / (2h) = 7e-11. 2.5e-9 holds both. A factor 1/2 of the chain rule
// missing is an error of up to 1/2.
RC_GTEST_PROP(ExerciseFunctionHidden, GradientMatchesCentralDifferences, ()) {
    const double x1 = coordinate(), x2 = coordinate();
    const double h = 1e-4;
    const Matrix G = exercise_gradients(Matrix{{x1, x2}});
    const double d1 = (f(x1 + h, x2) - f(x1 - h, x2)) / (2 * h);
    const double d2 = (f(x1, x2 + h) - f(x1, x2 - h)) / (2 * h);
    RC_ASSERT(std::abs(G(0, 0) - d1) <= 2.5e-9);
    RC_ASSERT(std::abs(G(0, 1) - d2) <= 2.5e-9);
}

// (a) The batched value of each row equals the value of that row alone, bit for bit, and the
// formula within rounding: two terms of size at most 1, each with a few roundings (sin, cos,
// the product, the half argument is exact), and their sum: 8 u * 2 holds it. Same for the
// gradient's rows.
RC_GTEST_PROP(ExerciseFunctionHidden, BatchedValuesEqualPointwiseValues, ()) {
    const auto n = *rc::gen::inRange<std::size_t>(1, 8);
    Matrix X = Matrix::from_shape({n, 2});
    for (std::size_t i = 0; i < n; ++i) {
        X(i, 0) = coordinate();
        X(i, 1) = coordinate();
    }
    const Vector values = exercise_values(X);
    const Matrix G = exercise_gradients(X);
    RC_ASSERT(values.size() == n);
    RC_ASSERT(G.shape(0) == n && G.shape(1) == 2u);
    for (std::size_t i = 0; i < n; ++i) {
        const Matrix row{{X(i, 0), X(i, 1)}};
        RC_ASSERT(values(i) == exercise_values(row)(0));
        RC_ASSERT(std::abs(values(i) - f(X(i, 0), X(i, 1))) <= 16 * u);
        const Matrix g = exercise_gradients(row);
        RC_ASSERT(G(i, 0) == g(0, 0));
        RC_ASSERT(G(i, 1) == g(0, 1));
    }
}

// An empty batch is a batch: no values.
TEST(ExerciseFunctionHidden, AnEmptyBatchHasNoValues) {
    const Matrix X = Matrix::from_shape({0, 2});
    EXPECT_EQ(exercise_values(X).size(), 0u);
    EXPECT_EQ(exercise_gradients(X).shape(0), 0u);
}

// (c) One update is x - eta grad f(x), with the student's own gradient (so only the update is
// tested): the same arithmetic, so equal to rounding of one product and one difference.
TEST(ExerciseFunctionHidden, OneDescentUpdateMovesAgainstTheGradient) {
    const Matrix G = exercise_gradients(starts);
    const auto r = exercise_descent(starts, 0.5, 1);
    for (std::size_t i = 0; i < starts.shape(0); ++i) {
        for (std::size_t j = 0; j < 2; ++j) EXPECT_NEAR(r.points(i, j), starts(i, j) - 0.5 * G(i, j), 4 * u * 10);
    }
}

// (c) From every start gradient descent with eta = 0.5 (below 2 / L: the Hessian's entries are
// at most 1 + 1/4 in size) ends, after 300 updates, at a stationary point: the returned norm
// is below 1e-9 and agrees with the norm of the gradient there (hypot rounds once, 2 u).
TEST(ExerciseFunctionHidden, DescentEndsAtStationaryPoints) {
    const auto r = exercise_descent(starts, 0.5, 300);
    ASSERT_EQ(r.points.shape(0), starts.shape(0));
    ASSERT_EQ(r.gradient_norms.size(), starts.shape(0));
    const Matrix G = exercise_gradients(r.points);
    for (std::size_t i = 0; i < starts.shape(0); ++i) {
        EXPECT_LT(r.gradient_norms(i), 1e-9) << "from start " << i;
        EXPECT_NEAR(r.gradient_norms(i), std::hypot(G(i, 0), G(i, 1)), 1e-15);
    }
}

// (d) Momentum: the first update is a gradient step (the velocity starts at 0), lambda = 0 is
// gradient descent bit for bit, and from every start eta = 0.1, lambda = 0.5 ends at a
// stationary point after 600 updates.
TEST(ExerciseFunctionHidden, MomentumStartsAsDescentAndConverges) {
    const auto one = exercise_momentum(starts, 0.5, 0.9, 1);
    const auto plain = exercise_descent(starts, 0.5, 1);
    const auto lambda_zero = exercise_momentum(starts, 0.25, 0.0, 20);
    const auto descent = exercise_descent(starts, 0.25, 20);
    const auto r = exercise_momentum(starts, 0.1, 0.5, 600);
    for (std::size_t i = 0; i < starts.shape(0); ++i) {
        for (std::size_t j = 0; j < 2; ++j) {
            EXPECT_NEAR(one.points(i, j), plain.points(i, j), 4 * u * 10);
            EXPECT_EQ(lambda_zero.points(i, j), descent.points(i, j));
        }
        EXPECT_LT(r.gradient_norms(i), 1e-9) << "from start " << i;
    }
}

// Two momentum updates by hand from (1, 1): v1 = -eta g(x0), x1 = x0 + v1,
// v2 = -eta g(x1) + lambda v1, x2 = x1 + v2, with the student's gradient.
TEST(ExerciseFunctionHidden, TwoMomentumUpdatesFollowTheRule) {
    const double eta = 0.1, lambda = 0.9;
    const Matrix x0{{1.0, 1.0}};
    const Matrix g0 = exercise_gradients(x0);
    const Matrix x1{{1.0 - eta * g0(0, 0), 1.0 - eta * g0(0, 1)}};
    const Matrix g1 = exercise_gradients(x1);
    const double x2_1 = x1(0, 0) + (-eta * g1(0, 0) + lambda * (-eta * g0(0, 0)));
    const double x2_2 = x1(0, 1) + (-eta * g1(0, 1) + lambda * (-eta * g0(0, 1)));
    const auto r = exercise_momentum(x0, eta, lambda, 2);
    // a few roundings of numbers of size <= 2: 20 u * 2
    EXPECT_NEAR(r.points(0, 0), x2_1, 40 * u);
    EXPECT_NEAR(r.points(0, 1), x2_2, 40 * u);
}

// (e) The record along a run: T + 1 entries, the first the norm at the start, the last the
// norm exercise_descent reports after T updates, and it tends to 0 (below 1e-9 after 300).
TEST(ExerciseFunctionHidden, GradientNormRecordTendsToZero) {
    const Vector record = exercise_gradient_norms(Vector{2.0, 8.0}, 0.5, 300);
    ASSERT_EQ(record.size(), 301u);
    const Matrix g0 = exercise_gradients(Matrix{{2.0, 8.0}});
    EXPECT_NEAR(record(0), std::hypot(g0(0, 0), g0(0, 1)), 1e-15);
    EXPECT_NEAR(record(300), exercise_descent(Matrix{{2.0, 8.0}}, 0.5, 300).gradient_norms(0), 1e-15);
    EXPECT_LT(record(300), 1e-9);
    EXPECT_LT(record(300), 1e-6 * record(0));
    const Vector none = exercise_gradient_norms(Vector{2.0, 8.0}, 0.5, 0);
    ASSERT_EQ(none.size(), 1u);
    EXPECT_EQ(none(0), record(0));
}

TEST(ExerciseFunctionHidden, InvalidInputIsRejected) {
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_THROW(exercise_values(Matrix{{1.0}}), dlmath::shape_error);
    EXPECT_THROW(exercise_values(Matrix{{1.0, std::nan("")}}), dlmath::domain_error);
    EXPECT_THROW(exercise_gradients(Matrix{{inf, 1.0}}), dlmath::domain_error);
    EXPECT_THROW(exercise_descent(Matrix{{1.0, 1.0, 1.0}}, 0.5, 10), dlmath::shape_error);
    EXPECT_THROW(exercise_descent(starts, 0.0, 10), dlmath::domain_error);
    EXPECT_THROW(exercise_descent(starts, inf, 10), dlmath::domain_error);
    EXPECT_THROW(exercise_descent(Matrix{{1.0, inf}}, 0.5, 10), dlmath::domain_error);
    EXPECT_THROW(exercise_momentum(starts, 0.1, 1.0, 10), dlmath::domain_error);
    EXPECT_THROW(exercise_momentum(starts, 0.1, -0.5, 10), dlmath::domain_error);
    EXPECT_THROW(exercise_momentum(starts, -0.1, 0.5, 10), dlmath::domain_error);
    EXPECT_THROW(exercise_momentum(Matrix{{1.0}}, 0.1, 0.5, 10), dlmath::shape_error);
    EXPECT_THROW(exercise_gradient_norms(Vector{1.0, 2.0, 3.0}, 0.5, 10), dlmath::shape_error);
    EXPECT_THROW(exercise_gradient_norms(Vector{1.0, std::nan("")}, 0.5, 10), dlmath::domain_error);
    EXPECT_THROW(exercise_gradient_norms(Vector{1.0, 2.0}, std::nan(""), 10), dlmath::domain_error);
}
