// Derivatives by finite differences, fast twin: the gradient and Jacobian
// agree with the reference bit for bit (each coordinate is the same
// computation) on both sides of the decision to share them among threads, and for every thread
// count; errors are the reference's, the lowest coordinate's first.

#include <atomic>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "dlmath/fast/numerical.hpp"
#include "dlmath/reference/numerical.hpp"
#include "prelude.hpp"

namespace {

// A cheap function of n variables, safe to call concurrently (it reads only its argument):
// polynomial terms, a few flops an entry, so that gradients above the threading threshold
// (2n calls of n terms) stay fast.
double soft_loss(const Vector& x) {
    const std::size_t n = x.size();
    double s = 0;
    for (std::size_t i = 0; i < n; ++i) s += x(i) * x(i) * (0.5 + 0.25 * x(i)) + 0.1 * x(i) * x((i + 1) % n);
    return s;
}

// F : R^n -> R^3, three cheap sums (a 3 x n Jacobian, so that n above the threshold costs
// little memory), safe to call concurrently.
Vector soft_map(const Vector& x) {
    const std::size_t n = x.size();
    Vector y = xt::zeros<double>({3});
    for (std::size_t i = 0; i < n; ++i) {
        y(0) += x(i) * x((i + 1) % n);
        y(1) += x(i) * x(i) * x(i) / (1.0 + x(i) * x(i));
        y(2) += static_cast<double>(i % 7) * x(i);
    }
    return y;
}

}  // namespace

// Lengths 0, 1 and primes on one thread; the same bits as the reference.
RC_GTEST_PROP(DerivativesAgreement, GradientIsTheReferenceBitForBit, ()) {
    const std::size_t n = *rc::gen::element<std::size_t>(0, 1, 2, 7, 31, 97);
    const Vector x = random<Vector>({n}, *rc::gen::arbitrary<std::uint32_t>(), 3.0);
    RC_ASSERT(fast::gradient(soft_loss, x) == ref::gradient(soft_loss, x));
    RC_ASSERT(fast::gradient(soft_loss, x, 1e-4) == ref::gradient(soft_loss, x, 1e-4));
}

RC_GTEST_PROP(DerivativesAgreement, JacobianIsTheReferenceBitForBit, ()) {
    const std::size_t n = *rc::gen::element<std::size_t>(1, 3, 17, 97);
    const Vector x = random<Vector>({n}, *rc::gen::arbitrary<std::uint32_t>());
    RC_ASSERT(fast::jacobian(soft_map, x) == ref::jacobian(soft_map, x));
    RC_ASSERT(fast::jacobian(soft_map, x, 1e-5) == ref::jacobian(soft_map, x, 1e-5));
}

// Long enough for threads: soft_loss reads all n entries a call (two calls a
// coordinate), so n = 2003 coordinates are some 8 million terms, milliseconds
// of work, far past fd_parallel_work whatever the first coordinate's timing.
constexpr std::size_t threaded_n = 2003;

// Both sides of the decision: fewer than fd_parallel_min coordinates (always
// one thread), and threaded_n, where the calls must come from more than one
// thread of a team of two. Either way the bits are the reference's.
TEST(DerivativesAgreement, BothSidesOfTheThreadingDecision) {
    const scoped_threads two(2);
    for (std::size_t n : {fast::fd_parallel_min - 1, threaded_n}) {
        const Vector x = random<Vector>({n}, n, 3.0);
        std::atomic<bool> other_thread{false};
        const fast::Objective watched = [&](const Vector& p) {
            if (omp_get_thread_num() != 0) other_thread = true;
            return soft_loss(p);
        };
        EXPECT_EQ(fast::gradient(watched, x), ref::gradient(soft_loss, x)) << n;
        EXPECT_EQ(other_thread.load(), n == threaded_n) << n;
        EXPECT_EQ(fast::gradient(soft_loss, x, 1e-4), ref::gradient(soft_loss, x, 1e-4)) << n;
        EXPECT_EQ(fast::jacobian(soft_map, x), ref::jacobian(soft_map, x)) << n;
    }
}

TEST(DerivativesReproducibility, ResultsDoNotDependOnTheThreadCount) {
    const Vector x = random<Vector>({threaded_n}, 4);
    const Vector g = fast::gradient(soft_loss, x);
    const Matrix J = fast::jacobian(soft_map, x);
    for (int t : {1, 2, 3}) {
        const scoped_threads threads(t);
        EXPECT_EQ(fast::gradient(soft_loss, x), g) << t << " threads";
        EXPECT_EQ(fast::jacobian(soft_map, x), J) << t << " threads";
    }
}

TEST(DerivativesBadInput, FastTwinThrowsTheReferenceErrors) {
    const fast::Objective f = soft_loss;
    EXPECT_EQ(expect_same_error([&] { fast::gradient(f, Vector{1.0, kNaN}); }, [&] { ref::gradient(f, Vector{1.0, kNaN}); }),
              "gradient: x must be finite (x is 2, entry 1 in row-major order is nan)");
    expect_same_error([&] { fast::gradient(f, Vector{1.0}, 0.0); }, [&] { ref::gradient(f, Vector{1.0}, 0.0); });
    expect_same_error([&] { fast::gradient(fast::Objective{}, Vector{1.0}); },
                      [&] { ref::gradient(ref::Objective{}, Vector{1.0}); });
    expect_same_error([&] { fast::jacobian(soft_map, Vector{kInf}); }, [&] { ref::jacobian(soft_map, Vector{kInf}); });
    expect_same_error([&] { fast::jacobian(soft_map, Vector{1.0}, kNaN); },
                      [&] { ref::jacobian(soft_map, Vector{1.0}, kNaN); });
    expect_same_error([&] { fast::jacobian(fast::VectorFunction{}, Vector{1.0}); },
                      [&] { ref::jacobian(ref::VectorFunction{}, Vector{1.0}); });
    // F whose length changes past coordinate 300 (each call scans the argument, so that
    // threaded_n coordinates are shared among threads): the lowest coordinate
    const scoped_threads two(2);
    const std::size_t n = threaded_n;
    const fast::VectorFunction bad = [](const Vector& p) {
        for (std::size_t j = 300; j < p.size(); ++j)
            if (p(j) != 0.0) return Vector{1.0};
        return Vector{1.0, 2.0};
    };
    const Vector zero = xt::zeros<double>({n});
    EXPECT_EQ(expect_same_error([&] { fast::jacobian(bad, zero); }, [&] { ref::jacobian(bad, zero); }),
              "jacobian: F returned 1 values at the step along coordinate 300 but 2 at x");
    // an exception thrown by f inside the threads reaches the caller, the lowest coordinate's
    const fast::Objective throws = [](const Vector& p) {
        for (std::size_t j = 0; j < p.size(); ++j)
            if (j >= 270 && p(j) != 0.0) throw std::runtime_error("f failed at " + std::to_string(j));
        return 0.0;
    };
    EXPECT_EQ(expect_same_error([&] { fast::gradient(throws, zero); }, [&] { ref::gradient(throws, zero); }),
              "f failed at 270");
}
