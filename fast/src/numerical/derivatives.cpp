// Chapter 3, derivatives by finite differences — fast twin.
//
// Rules of this file: OpenMP over the coordinates, same signatures and input
// checks as the reference twin. There is no arithmetic worth vectorising: the
// cost is the 2n evaluations of the user's function, and those are what the
// threads share. Each coordinate is the reference's one-coordinate piece
// (dlmath/detail/composites/derivatives.hpp) on a thread's own copy of x, so
// the result does not depend on the thread count and equals the reference.

#include "dlmath/fast/numerical/derivatives.hpp"

#include <chrono>
#include <cstddef>
#include <exception>
#include <vector>

#include "dlmath/detail/checks/numerical.hpp"
#include "dlmath/detail/composites/derivatives.hpp"
#include "dlmath/fast/threads.hpp"

namespace dlmath::fast {
namespace {

// The loop over coordinates handed to the shared gradient and Jacobian:
// body(xw, j) for j = 0 .. n-1, xw the calling thread's copy of x.
// Coordinate 0 is computed first, alone and timed. The others are shared
// among threads when at that cost they come to fd_parallel_work or more
// (config.hpp); below, or when the team is one thread, the loop goes on
// serially, the reference's loop itself.
// An exception may not leave an OpenMP region: the one of the lowest j is
// kept and rethrown, as a serial loop would have thrown it first.
struct ParallelCoordinates {
    template <class Body>
    void operator()(const Vector& x, Body body) const {
        using clock = std::chrono::steady_clock;
        const std::size_t n = x.size();
        if (n == 0) return;
        Vector x0 = x;
        const auto start = clock::now();
        body(x0, 0);  // throws here exactly as the serial loop would
        const auto rest = (clock::now() - start) * static_cast<long long>(n - 1);
        const int team = n < fd_parallel_min || rest < fd_parallel_work ? 1 : dlmath::fast::team_size();
        if (team == 1) {
            // one thread (little work, or the other cores busy): the rest of
            // the reference's loop on the same copy, so that the fast twin
            // does the reference's work there; an OpenMP region of one
            // thread would add its set-up and a try block per coordinate.
            for (std::size_t j = 1; j < n; ++j) body(x0, j);
            return;
        }
        std::size_t first_bad = n;  // the lowest coordinate that threw, and its exception
        std::exception_ptr first_error;
#pragma omp parallel num_threads(team)
        {
            Vector xw = x;
#pragma omp for schedule(static)
            for (long long jj = 1; jj < static_cast<long long>(n); ++jj) {
                const auto j = static_cast<std::size_t>(jj);
                try {
                    body(xw, j);
                } catch (...) {
#pragma omp critical(dlmath_fd_error)
                    if (j < first_bad) {
                        first_bad = j;
                        first_error = std::current_exception();
                    }
                    xw = x;  // the throw may have left coordinate j moved
                }
            }
        }
        if (first_error) std::rethrow_exception(first_error);
    }
};

}  // namespace

//! [fast_gradient]
Vector gradient(const Objective& f, const Vector& x) {
    return detail::gradient_by(f, x, 0.0, false, ParallelCoordinates{});
}
//! [fast_gradient]

Vector gradient(const Objective& f, const Vector& x, double h) {
    return detail::gradient_by(f, x, h, true, ParallelCoordinates{});
}

Matrix jacobian(const VectorFunction& F, const Vector& x) {
    return detail::jacobian_by(F, x, 0.0, false, ParallelCoordinates{});
}

Matrix jacobian(const VectorFunction& F, const Vector& x, double h) {
    return detail::jacobian_by(F, x, h, true, ParallelCoordinates{});
}

}  // namespace dlmath::fast
