// Batched optimisers, reference twin: each row of a batch is the
// single-start optimiser's result on that row (gradient descent, momentum,
// Adam), bit for bit; an empty batch; a batch whose starts stop for
// different reasons; the logistic loss and gradient against 4.1's
// objective; and bad input for every public function.

#include <cmath>
#include <cstddef>
#include <string>

#include "dlmath/reference/optimization.hpp"
#include "prelude.hpp"

using dlmath::BatchResult;
using dlmath::Objective;
using dlmath::OptimizeOptions;
using dlmath::OptimizeResult;
using dlmath::StopReason;

namespace {

// f with a batch form that applies f.value and f.gradient row by row.
Objective with_batch(Objective f) {
    f.batch = [value = f.value, gradient = f.gradient, n = f.dim](const Matrix& X, Vector& v, Matrix& G) {
        v = Vector::from_shape({X.shape(0)});
        G = Matrix::from_shape({X.shape(0), n});
        for (std::size_t i = 0; i < X.shape(0); ++i) {
            Vector x = Vector::from_shape({n});
            for (std::size_t j = 0; j < n; ++j) x(j) = X(i, j);
            v(i) = value(x);
            const Vector g = gradient(x);
            for (std::size_t j = 0; j < n; ++j) G(i, j) = g(j);
        }
    };
    return f;
}

// f(x) = ½x² − x⁴/400 in one variable: from |x| < 10 gradient descent with η = 0.5 goes to 0;
// from |x| > 10 the gradient x − x³/100 points away from 0 and the iterates run off to infinity.
Objective hill() {
    Objective f;
    f.dim = 1;
    f.name = "hill";
    f.value = [](const Vector& x) { return 0.5 * x(0) * x(0) - x(0) * x(0) * x(0) * x(0) / 400.0; };
    f.gradient = [](const Vector& x) { return Vector{x(0) - x(0) * x(0) * x(0) / 100.0}; };
    return with_batch(f);
}

Vector row(const Matrix& X, std::size_t i) { return Vector{X(i, 0), X(i, 1)}; }

void expect_row(const BatchResult& r, std::size_t i, const OptimizeResult& one) {
    for (std::size_t j = 0; j < one.x.size(); ++j) EXPECT_EQ(r.x(i, j), one.x(j)) << "start " << i;
    EXPECT_EQ(r.value(i), one.value) << "start " << i;
    EXPECT_EQ(r.gradient_norm(i), one.gradient_norm) << "start " << i;
    EXPECT_EQ(r.iterations[i], one.iterations) << "start " << i;
    EXPECT_EQ(r.reason[i], one.reason) << "start " << i;
}

const Matrix starts{{1.0, 2.0}, {7.5, 0.5}, {3.0, 9.0}, {0.1, 0.2}, {5.0, 5.0}};

}  // namespace

TEST(BatchedReference, GradientDescentIsTheSingleStartOptimiserRowByRow) {
    const auto f = ref::exercise_function();
    OptimizeOptions o;
    o.max_iterations = 300;
    o.gradient_tolerance = 1e-7;
    const BatchResult r = ref::gradient_descent_batch(f, starts, 0.5, o);
    ASSERT_EQ(r.x.shape(0), starts.shape(0));
    for (std::size_t i = 0; i < starts.shape(0); ++i) expect_row(r, i, ref::gradient_descent(f, row(starts, i), 0.5, o));
    EXPECT_GT(r.converged_count(), 0u);
}

TEST(BatchedReference, MomentumAndAdamAreTheSingleStartOptimisersRowByRow) {
    const auto f = ref::exercise_function();
    OptimizeOptions o;
    o.max_iterations = 200;
    const BatchResult m = ref::momentum_batch(f, starts, 0.1, 0.9, o);
    ref::AdamParameters p;
    p.learning_rate = 0.05;
    const BatchResult a = ref::adam_batch(f, starts, p, o);
    for (std::size_t i = 0; i < starts.shape(0); ++i) {
        expect_row(m, i, ref::momentum(f, row(starts, i), 0.1, 0.9, o));
        expect_row(a, i, ref::adam(f, row(starts, i), p, o));
    }
}

TEST(BatchedReference, AnEmptyBatchGivesAnEmptyResult) {
    const BatchResult r = ref::gradient_descent_batch(ref::exercise_function(), Matrix::from_shape({0, 2}), 0.1);
    EXPECT_EQ(r.x.shape(0), 0u);
    EXPECT_EQ(r.x.shape(1), 2u);
    EXPECT_EQ(r.value.size(), 0u);
    EXPECT_TRUE(r.reason.empty());
}

TEST(BatchedReference, EachStartStopsForItsOwnReason) {
    const Matrix X0{{0.0}, {3.0}, {-9.0}, {11.0}, {-40.0}};
    OptimizeOptions o;
    o.max_iterations = 200;
    const BatchResult r = ref::gradient_descent_batch(hill(), X0, 0.5, o);
    EXPECT_EQ(r.reason[0], StopReason::gradient_tolerance);  // a stationary start: 0 iterations
    EXPECT_EQ(r.iterations[0], 0u);
    EXPECT_EQ(r.reason[1], StopReason::gradient_tolerance);
    EXPECT_EQ(r.reason[2], StopReason::gradient_tolerance);
    EXPECT_FALSE(dlmath::converged(r.reason[3]));  // off to infinity: the last finite iterate is kept
    EXPECT_FALSE(dlmath::converged(r.reason[4]));
    for (std::size_t i = 0; i < X0.shape(0); ++i) {
        EXPECT_TRUE(std::isfinite(r.x(i, 0))) << "start " << i;
        expect_row(r, i, ref::gradient_descent(hill(), Vector{X0(i, 0)}, 0.5, o));
    }
    EXPECT_EQ(r.converged_count(), 3u);
}

TEST(BatchedReference, LogisticLossAndGradientAreTheObjectiveOf41) {
    Matrix X{{0.5, -1.0, 2.0}, {1.5, 0.25, -0.5}, {-2.0, 1.0, 0.0}, {0.0, 3.0, 1.0}};
    const Vector y{1.0, 0.0, 1.0, 0.0}, w{0.3, -0.2, 0.7};
    const auto r = ref::logistic_loss_gradient(X, y, w);
    const auto f = ref::logistic_regression(X, y);
    // the same formula in the same order of operations: equal bit for bit
    EXPECT_EQ(r.loss, f.value(w));
    const Vector g = f.gradient(w);
    for (std::size_t j = 0; j < 3; ++j) EXPECT_EQ(r.gradient(j), g(j));
    // at w = 0 every σ(z) is ½: the loss is log 2 and the gradient Xᵀ(½ − y)/n
    const auto z = ref::logistic_loss_gradient(X, y, Vector{0.0, 0.0, 0.0});
    EXPECT_NEAR(z.loss, std::log(2.0), 4 * u);
    EXPECT_DOUBLE_EQ(z.gradient(0), (0.5 * -0.5 + 1.5 * 0.5 + -2.0 * -0.5 + 0.0) / 4.0);
}

TEST(BatchedReference, BadInputIsRejectedNamingTheFunction) {
    const auto f = ref::exercise_function();
    const Matrix bad_shape = Matrix::from_shape({3, 3});
    EXPECT_THROW(ref::gradient_descent_batch(f, bad_shape, 0.1), dlmath::shape_error);
    Matrix nan_start{{1.0, kNaN}};
    EXPECT_THROW(ref::momentum_batch(f, nan_start, 0.1, 0.9), dlmath::domain_error);
    EXPECT_THROW(ref::gradient_descent_batch(f, starts, 0.0), dlmath::domain_error);
    EXPECT_THROW(ref::momentum_batch(f, starts, 0.1, 1.0), dlmath::domain_error);
    ref::AdamParameters p;
    p.beta1 = 1.0;
    EXPECT_THROW(ref::adam_batch(f, starts, p), dlmath::domain_error);
    OptimizeOptions o;
    o.max_iterations = 0;
    EXPECT_THROW(ref::gradient_descent_batch(f, starts, 0.1, o), dlmath::domain_error);
    Objective no_batch = f;
    no_batch.batch = nullptr;
    EXPECT_NE(what_of([&] { ref::adam_batch(no_batch, starts); }).find("adam_batch: the objective needs"),
              std::string::npos);
    EXPECT_NE(what_of([&] { ref::gradient_descent_batch(f, bad_shape, 0.1); }).find("gradient_descent_batch: X0 is"),
              std::string::npos);

    const Matrix X{{1.0, 2.0}, {3.0, 4.0}};
    EXPECT_THROW(ref::logistic_loss_gradient(X, Vector{1.0, 2.0}, Vector{0.0, 0.0}), dlmath::domain_error);
    EXPECT_THROW(ref::logistic_loss_gradient(X, Vector{1.0, 0.0}, Vector{0.0}), dlmath::shape_error);
    EXPECT_THROW(ref::logistic_loss_gradient(X, Vector{1.0}, Vector{0.0, 0.0}), dlmath::shape_error);
    EXPECT_THROW(ref::logistic_loss_gradient(Matrix::from_shape({0, 2}), Vector::from_shape({0}), Vector{0.0, 0.0}),
                 dlmath::shape_error);
    EXPECT_THROW(ref::logistic_loss_gradient(X, Vector{1.0, 0.0}, Vector{kInf, 0.0}), dlmath::domain_error);
    EXPECT_NE(what_of([&] { ref::logistic_loss_gradient(X, Vector{1.0, 0.0}, Vector{0.0}); })
                  .find("logistic_loss_gradient: w has 1 entries"),
              std::string::npos);
}
