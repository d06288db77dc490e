// Batched optimisers, fast twin: agreement with the reference start by
// start — bit for bit through a generic batch (the same gradients, the same
// operations in the same order), within the drift bound after a few steps
// on the fused SIMD path — on sizes 0, 1, primes, tails of every SIMD
// width and of the block, and above the threading threshold; per-start
// stopping in a mixed batch; xsimd's sine and cosine against std::sin and
// std::cos; the same result for 1 and 3 threads; the logistic loss and
// gradient within the dot-product bound; the same errors as the reference.

#include <cmath>
#include <cstddef>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "dlmath/fast/config.hpp"
#include "dlmath/fast/optimization.hpp"
#include "dlmath/reference/numerical/stable.hpp"
#include "dlmath/reference/optimization.hpp"
#include "dlmath/reference/probability/functions.hpp"
#include "kernels/optimization/exercise.hpp"
#include "kernels/simd.hpp"
#include "prelude.hpp"

using dlmath::BatchResult;
using dlmath::LossGradient;
using dlmath::Objective;
using dlmath::OptimizeOptions;
using dlmath::StopReason;

namespace {

// m starts spread over [-2, 12]² by a fixed generator.
Matrix starts(std::size_t m, unsigned seed = 7) {
    std::mt19937_64 g(seed);
    std::uniform_real_distribution<double> d(-2.0, 12.0);
    Matrix X = Matrix::from_shape({m, 2});
    for (std::size_t i = 0; i < m; ++i) X(i, 0) = d(g), X(i, 1) = d(g);
    return X;
}

void expect_identical(const BatchResult& a, const BatchResult& b, const std::string& what) {
    ASSERT_EQ(a.x.shape(0), b.x.shape(0)) << what;
    for (std::size_t i = 0; i < a.x.shape(0); ++i) {
        for (std::size_t j = 0; j < a.x.shape(1); ++j) ASSERT_EQ(a.x(i, j), b.x(i, j)) << what << ", start " << i;
        ASSERT_EQ(a.value(i), b.value(i)) << what << ", start " << i;
        ASSERT_EQ(a.gradient_norm(i), b.gradient_norm(i)) << what << ", start " << i;
        ASSERT_EQ(a.iterations[i], b.iterations[i]) << what << ", start " << i;
        ASSERT_EQ(a.reason[i], b.reason[i]) << what << ", start " << i;
    }
}

// Sizes: empty, one, primes, tails of every SIMD width (2, 4, 8) and of the block (256), and
// one above the threading threshold (1024 starts).
const std::vector<std::size_t> sizes = {0, 1, 2, 3, 7, 13, 31, 255, 257, 1031};

}  // namespace

// Through the reference's batch (std::sin, std::cos), the fast twin sees the reference's
// gradients and applies the reference's operations in the reference's order (no FMA): every
// start's iterates, values, counts and reasons are the reference's exactly.
TEST(BatchedFast, GenericBatchEqualsTheReferenceStartByStart) {
    const auto f = ref::exercise_function();
    OptimizeOptions o;
    o.max_iterations = 40;
    o.gradient_tolerance = 1e-3;  // some starts converge within the 40 steps, others do not
    ref::AdamParameters p;
    p.learning_rate = 0.2;
    for (std::size_t m : sizes) {
        const Matrix X0 = starts(m);
        const std::string at = "m = " + std::to_string(m);
        expect_identical(fast::gradient_descent_batch(f, X0, 0.5, o), ref::gradient_descent_batch(f, X0, 0.5, o),
                         "gradient descent, " + at);
        expect_identical(fast::momentum_batch(f, X0, 0.1, 0.9, o), ref::momentum_batch(f, X0, 0.1, 0.9, o),
                         "momentum, " + at);
        expect_identical(fast::adam_batch(f, X0, p, o), ref::adam_batch(f, X0, p, o), "adam, " + at);
    }
}

// f(x) = ½x² − x⁴/400 in one variable, with a batch: starts with |x| < 10 converge under
// η = 0.5, those with |x| > 10 run off to infinity; the batch keeps each start's own reason.
TEST(BatchedFast, EachStartStopsByItselfInAMixedBatch) {
    Objective f;
    f.dim = 1;
    f.name = "hill";
    f.value = [](const Vector& x) { return 0.5 * x(0) * x(0) - x(0) * x(0) * x(0) * x(0) / 400.0; };
    f.gradient = [](const Vector& x) { return Vector{x(0) - x(0) * x(0) * x(0) / 100.0}; };
    f.batch = [](const Matrix& X, Vector& v, Matrix& G) {
        v = Vector::from_shape({X.shape(0)});
        G = Matrix::from_shape({X.shape(0), 1});
        for (std::size_t i = 0; i < X.shape(0); ++i) {
            const double x = X(i, 0);
            v(i) = 0.5 * x * x - x * x * x * x / 400.0;
            G(i, 0) = x - x * x * x / 100.0;
        }
    };
    Matrix X0 = Matrix::from_shape({300, 1});
    for (std::size_t i = 0; i < 300; ++i) X0(i, 0) = -30.0 + 0.2 * static_cast<double>(i);  // includes 0
    OptimizeOptions o;
    o.max_iterations = 300;
    const BatchResult r = fast::gradient_descent_batch(f, X0, 0.5, o);
    expect_identical(r, ref::gradient_descent_batch(f, X0, 0.5, o), "hill");
    std::size_t failed = 0;
    for (std::size_t i = 0; i < 300; ++i) {
        EXPECT_TRUE(std::isfinite(r.x(i, 0)) && std::isfinite(r.value(i))) << "start " << i;
        const double x0 = X0(i, 0);
        if (std::fabs(x0) < 9.9) {
            EXPECT_EQ(r.reason[i], StopReason::gradient_tolerance) << "start " << x0;
        }
        if (std::fabs(x0) > 10.1) {
            EXPECT_FALSE(dlmath::converged(r.reason[i])) << "start " << x0;
            ++failed;
        }
    }
    EXPECT_GT(failed, 0u);
}

// xsimd's double sine and cosine against glibc's (within 1 ulp of the correctly rounded value):
// within 2u absolute on |x| <= 1e4, which the exercise kernel's stated accuracy rests on.
// xsimd's AVX-512 sincos trips GCC 12's false uninitialised-value warning (kernels/simd.hpp).
DLMATH_AVX512_FALSE_WARNINGS_OFF
TEST(BatchedFast, XsimdSineAndCosineAreWithin2uOfTheLibrary) {
    using dlmath::fast::detail::batch;
    using dlmath::fast::detail::W;
    std::mt19937_64 g(3);
    std::uniform_real_distribution<double> wide(-1e4, 1e4), narrow(-10.0, 10.0);
    double worst = 0.0;
    std::vector<double> x(W), s(W), c(W);
    for (int k = 0; k < 40000; ++k) {
        for (std::size_t i = 0; i < W; ++i) x[i] = (k % 2) ? wide(g) : narrow(g);
        const auto [sb, cb] = xsimd::sincos(batch::load_unaligned(x.data()));
        sb.store_unaligned(s.data());
        cb.store_unaligned(c.data());
        for (std::size_t i = 0; i < W; ++i)
            worst = std::fmax(worst, std::fmax(std::fabs(s[i] - std::sin(x[i])), std::fabs(c[i] - std::cos(x[i]))));
    }
    EXPECT_LE(worst, 2 * u);
}
DLMATH_AVX512_FALSE_WARNINGS_ON

// The fast exercise batch against the reference's. The half-angle factors are xsimd's, within
// 2u of glibc's (above); the full-angle factors come from the double-angle identities, within
// 11u of the exact values (the kernel's header derives it) and so 12u of glibc's (within u).
// A product of two factors bounded by 1 then differs between the twins by the sum of the
// factors' differences plus each twin's rounding: 12u + 12u + 2u = 26u for sin x1 cos x2 and
// cos x1 cos x2 (the same for sin x1 sin x2), 2u + 2u + 2u = 6u for the half-angle products
// (the factor ½ is exact); the sum of the two, of magnitude <= 2, adds each twin's rounding
// (2u each): 36u, plus second-order terms far below u — 37u for the value and for each
// gradient entry.
TEST(BatchedFast, ExerciseBatchIsWithin37uOfTheReference) {
    for (std::size_t m : sizes) {
        const Matrix X = starts(m, 11);
        Vector f, fr;
        Matrix G, Gr;
        fast::exercise_batch(X, f, G);
        ref::exercise_batch(X, fr, Gr);
        ASSERT_EQ(f.size(), m);
        ASSERT_EQ(G.shape(0), m);
        for (std::size_t i = 0; i < m; ++i) {
            EXPECT_LE(std::fabs(f(i) - fr(i)), 37 * u) << "m = " << m << ", row " << i;
            EXPECT_LE(std::fabs(G(i, 0) - Gr(i, 0)), 37 * u) << "m = " << m << ", row " << i;
            EXPECT_LE(std::fabs(G(i, 1) - Gr(i, 1)), 37 * u) << "m = " << m << ", row " << i;
        }
    }
}

// The fused path (the kernel in place on the block) equals the generic path through the
// same kernel called as a plain batch: the fusion changes where, not what, is computed.
TEST(BatchedFast, FusedPathEqualsTheGenericPathWithTheSameKernel) {
    const Objective fused = fast::exercise_function();
    Objective generic = fused;
    generic.batch = [](const Matrix& X, Vector& v, Matrix& G) { fast::exercise_batch(X, v, G); };
    // The vector test of the stopping rules must hand each rule's points to the scalar rules:
    // points that stop on the gradient tolerance, on the step tolerance and at the iteration
    // limit, side by side in one block (the 1031 starts show the first two reasons).
    OptimizeOptions gradient_stop, step_stop;
    gradient_stop.max_iterations = 20;
    gradient_stop.gradient_tolerance = 1e-4;
    step_stop.max_iterations = 25;
    step_stop.gradient_tolerance = 0.0;
    step_stop.step_tolerance = 1e-5;
    ref::AdamParameters p;
    p.learning_rate = 0.2;
    for (const auto& [o, reason] : {std::pair{gradient_stop, StopReason::gradient_tolerance},
                                    std::pair{step_stop, StopReason::step_tolerance}}) {
        for (std::size_t m : {std::size_t{1}, std::size_t{13}, std::size_t{257}, std::size_t{1031}}) {
            const Matrix X0 = starts(m, 5);
            const BatchResult r = fast::gradient_descent_batch(fused, X0, 0.5, o);
            expect_identical(r, fast::gradient_descent_batch(generic, X0, 0.5, o), "gradient descent");
            expect_identical(fast::momentum_batch(fused, X0, 0.1, 0.9, o),
                             fast::momentum_batch(generic, X0, 0.1, 0.9, o), "momentum");
            expect_identical(fast::adam_batch(fused, X0, p, o), fast::adam_batch(generic, X0, p, o), "adam");
            if (m == 1031) {
                std::size_t stopped = 0, limited = 0;
                for (std::size_t i = 0; i < m; ++i) {
                    stopped += r.reason[i] == reason;
                    limited += r.reason[i] == StopReason::iteration_limit;
                }
                EXPECT_GT(stopped, 0u);
                EXPECT_GT(limited, 0u);
            }
        }
    }
}

TEST(BatchedFast, FusedPathAgreesWithTheReferenceWithinTheDriftBound) {
    const double eta = 0.5, L = 2.5;
    double e = 0.0;
    for (int t = 0; t < 10; ++t) e = (1 + eta * L) * e + eta * std::sqrt(2.0) * 37 * u + 2 * std::sqrt(2.0) * u * 20.75;
    OptimizeOptions o;
    o.max_iterations = 10;
    o.gradient_tolerance = 0.0;
    const Matrix X0 = starts(1031, 9);
    const BatchResult a = fast::gradient_descent_batch(fast::exercise_function(), X0, eta, o);
    const BatchResult r = ref::gradient_descent_batch(ref::exercise_function(), X0, eta, o);
    for (std::size_t i = 0; i < X0.shape(0); ++i) {
        ASSERT_EQ(a.reason[i], r.reason[i]) << "start " << i;
        ASSERT_LE(std::hypot(a.x(i, 0) - r.x(i, 0), a.x(i, 1) - r.x(i, 1)), e) << "start " << i;
    }
}

TEST(BatchedFast, TheResultDoesNotDependOnTheThreadCount) {
    const Matrix X0 = starts(3001, 13);
    OptimizeOptions o;
    o.max_iterations = 50;
    BatchResult one, three;
    {
        const scoped_threads t(1);
        one = fast::gradient_descent_batch(fast::exercise_function(), X0, 0.5, o);
    }
    {
        const scoped_threads t(3);
        three = fast::gradient_descent_batch(fast::exercise_function(), X0, 0.5, o);
    }
    expect_identical(one, three, "1 and 3 threads");
}

namespace {

// Logistic data: X ~ U(-1, 1), labels from a noisy linear rule.
void logistic_data(std::size_t n, std::size_t d, Matrix& X, Vector& y, Vector& w) {
    std::mt19937_64 g(n * 31 + d);
    std::uniform_real_distribution<double> U(-1.0, 1.0);
    X = Matrix::from_shape({n, d});
    y = Vector::from_shape({n});
    w = Vector::from_shape({d});
    for (std::size_t j = 0; j < d; ++j) w(j) = 2.0 * U(g);
    for (std::size_t i = 0; i < n; ++i) {
        double s = 0.0;
        for (std::size_t j = 0; j < d; ++j) s += (X(i, j) = U(g));
        y(i) = s + 0.5 * U(g) > 0.0 ? 1.0 : 0.0;
    }
}

// Bounds (DESIGN's |fast − ref| <= 2·n·u·Σ|…| for sums, with the dot products inside): with
// a_i = Σ_k |x_ik w_k|, each twin's z_i is within γ_d a_i of the exact one, σ is ¼-Lipschitz
// and log σ 1-Lipschitz; each twin's sum over n rows (in rows or in blocks) is within γ_(n+1)
// of the sum of magnitudes; the "+ 1" terms below take each twin's σ and log σ of a given z,
// within 8u absolute for the fast twin's kernel exponential (3u) and log1p (7.4u of
// L <= ln 2, plus t's 3u through 1/(1 + t)) and 2u for libm's, under c's 12u at the least.
// So with c = 2(n + d + 4)u:
//   |Δ gradient_j| <= c Σ_i |x_ij| (|e_i| + a_i + 1) / n,   |Δ loss| <= c Σ_i (|ℓ_i| + a_i + 1) / n.
void expect_logistic_close(const LossGradient& q, const Matrix& X, const Vector& y, const Vector& w,
                           const LossGradient& r, const std::string& what) {
    const std::size_t n = X.shape(0), d = X.shape(1);
    const double c = 2.0 * static_cast<double>(n + d + 4) * u;
    double loss_bound = 0.0;
    std::vector<double> bound(d, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        double z = 0.0, a = 0.0;
        for (std::size_t j = 0; j < d; ++j) z += X(i, j) * w(j), a += std::fabs(X(i, j) * w(j));
        const double e = std::fabs(ref::sigmoid(z) - y(i));
        const double l = std::fabs(y(i) * ref::log_sigmoid(z) + (1.0 - y(i)) * ref::log_sigmoid(-z));
        loss_bound += l + a + 1.0;
        for (std::size_t j = 0; j < d; ++j) bound[j] += std::fabs(X(i, j)) * (e + a + 1.0);
    }
    EXPECT_LE(std::fabs(q.loss - r.loss), c * loss_bound / static_cast<double>(n)) << what;
    ASSERT_EQ(q.gradient.size(), d) << what;
    for (std::size_t j = 0; j < d; ++j)
        EXPECT_LE(std::fabs(q.gradient(j) - r.gradient(j)), c * bound[j] / static_cast<double>(n)) << what << ", j = " << j;
}

}  // namespace

// Rows: 1, a prime, around the row block (512), and above the threading threshold
// (3000 x 33 = 99000 entries >= 2^16); columns: tails of every SIMD width and unroll.
TEST(BatchedFast, LogisticLossGradientAgreesWithTheReferenceAndWith41) {
    for (std::size_t n : {std::size_t{1}, std::size_t{13}, std::size_t{511}, std::size_t{513}, std::size_t{3000}})
        for (std::size_t d : {std::size_t{1}, std::size_t{7}, std::size_t{9}, std::size_t{33}}) {
            Matrix X;
            Vector y, w;
            logistic_data(n, d, X, y, w);
            const std::string at = "n = " + std::to_string(n) + ", d = " + std::to_string(d);
            const LossGradient q = fast::logistic_loss_gradient(X, y, w);
            expect_logistic_close(q, X, y, w, ref::logistic_loss_gradient(X, y, w), at);
            const auto objective = ref::logistic_regression(X, y);
            LossGradient o{objective.value(w), objective.gradient(w)};
            expect_logistic_close(q, X, y, w, o, at + " (4.1's objective)");
        }
}

// The fast twin checks X, w and y in its one pass (a row whose z is not finite, a label not 0
// or 1) and then calls the reference's check: the same message for every bad entry, wherever it
// sits (first, a middle row in another thread's block, the last row and column, a column whose
// weight is 0), and for two bad arguments at once the reference's first. A pass that missed a
// bad entry would return a number instead of throwing.
TEST(BatchedFast, LogisticLossGradientChecksItsEntriesInItsPass) {
    Matrix X;
    Vector y, w;
    logistic_data(3000, 33, X, y, w);
    w(5) = 0.0;
    const std::vector<std::pair<std::size_t, std::size_t>> places{{0, 0}, {1700, 12}, {2999, 32}, {640, 5}};
    for (const double bad : {kNaN, kInf, -kInf}) {
        for (const auto& [i, j] : places) {
            Matrix B = X;
            B(i, j) = bad;
            expect_same_error([&] { fast::logistic_loss_gradient(B, y, w); },
                              [&] { ref::logistic_loss_gradient(B, y, w); });
            Vector yb = y;
            yb(2999 - i) = 0.5;  // and a bad label: X's error comes first
            expect_same_error([&] { fast::logistic_loss_gradient(B, yb, w); },
                              [&] { ref::logistic_loss_gradient(B, yb, w); });
        }
        Vector wb = w;
        wb(32) = bad;
        expect_same_error([&] { fast::logistic_loss_gradient(X, y, wb); }, [&] { ref::logistic_loss_gradient(X, y, wb); });
    }
    for (const double label : {0.5, -1.0, 2.0, kNaN}) {
        Vector yb = y;
        yb(1234) = label;
        expect_same_error([&] { fast::logistic_loss_gradient(X, yb, w); }, [&] { ref::logistic_loss_gradient(X, yb, w); });
    }
    // finite entries whose products overflow: z = ±inf with nothing to reject, in both twins
    Matrix H = X;
    Vector wh = w;
    H(100, 3) = 1e300;
    wh(3) = 1e300;
    const LossGradient q = fast::logistic_loss_gradient(H, y, wh), r = ref::logistic_loss_gradient(H, y, wh);
    EXPECT_EQ(std::isfinite(q.loss), std::isfinite(r.loss));
}

TEST(BatchedFast, LogisticLossGradientDoesNotDependOnTheThreadCount) {
    Matrix X;
    Vector y, w;
    logistic_data(5000, 40, X, y, w);
    LossGradient one, three;
    {
        const scoped_threads t(1);
        one = fast::logistic_loss_gradient(X, y, w);
    }
    {
        const scoped_threads t(3);
        three = fast::logistic_loss_gradient(X, y, w);
    }
    EXPECT_EQ(one.loss, three.loss);
    for (std::size_t j = 0; j < 40; ++j) EXPECT_EQ(one.gradient(j), three.gradient(j));
}

TEST(BatchedFast, BadInputGivesTheReferenceError) {
    const auto f = ref::exercise_function();
    const Matrix X0 = starts(4);
    const Matrix bad_shape = Matrix::from_shape({3, 3});
    Matrix nan_start{{1.0, kNaN}};
    OptimizeOptions zero;
    zero.max_iterations = 0;
    Objective no_batch = f;
    no_batch.batch = nullptr;
    ref::AdamParameters p;
    p.beta2 = -0.1;
    expect_same_error([&] { fast::gradient_descent_batch(f, bad_shape, 0.1); },
                      [&] { ref::gradient_descent_batch(f, bad_shape, 0.1); });
    expect_same_error([&] { fast::gradient_descent_batch(f, X0, -1.0); },
                      [&] { ref::gradient_descent_batch(f, X0, -1.0); });
    expect_same_error([&] { fast::gradient_descent_batch(f, X0, 0.1, zero); },
                      [&] { ref::gradient_descent_batch(f, X0, 0.1, zero); });
    expect_same_error([&] { fast::momentum_batch(f, nan_start, 0.1, 0.5); },
                      [&] { ref::momentum_batch(f, nan_start, 0.1, 0.5); });
    expect_same_error([&] { fast::momentum_batch(f, X0, 0.1, 1.0); }, [&] { ref::momentum_batch(f, X0, 0.1, 1.0); });
    expect_same_error([&] { fast::adam_batch(f, X0, p); }, [&] { ref::adam_batch(f, X0, p); });
    expect_same_error([&] { fast::adam_batch(no_batch, X0); }, [&] { ref::adam_batch(no_batch, X0); });
    Vector v;
    Matrix G;
    expect_same_error([&] { fast::exercise_batch(bad_shape, v, G); }, [&] { ref::exercise_batch(bad_shape, v, G); });
    expect_same_error([&] { fast::exercise_batch(nan_start, v, G); }, [&] { ref::exercise_batch(nan_start, v, G); });

    const Matrix X{{1.0, 2.0}, {3.0, 4.0}};
    const Vector y{1.0, 0.0}, w{0.0, 0.0};
    expect_same_error([&] { fast::logistic_loss_gradient(X, Vector{1.0, 2.0}, w); },
                      [&] { ref::logistic_loss_gradient(X, Vector{1.0, 2.0}, w); });
    expect_same_error([&] { fast::logistic_loss_gradient(X, y, Vector{0.0}); },
                      [&] { ref::logistic_loss_gradient(X, y, Vector{0.0}); });
    expect_same_error([&] { fast::logistic_loss_gradient(X, Vector{1.0}, w); },
                      [&] { ref::logistic_loss_gradient(X, Vector{1.0}, w); });
    expect_same_error([&] { fast::logistic_loss_gradient(Matrix::from_shape({0, 2}), Vector::from_shape({0}), w); },
                      [&] { ref::logistic_loss_gradient(Matrix::from_shape({0, 2}), Vector::from_shape({0}), w); });
    expect_same_error([&] { fast::logistic_loss_gradient(X, y, Vector{kNaN, 0.0}); },
                      [&] { ref::logistic_loss_gradient(X, y, Vector{kNaN, 0.0}); });
}
