// Chapter 3, derivatives by finite differences — fast twin.
//
// Rules of this file: OpenMP over the coordinates, same signatures and input
// checks as the reference twin. There is no arithmetic worth vectorising: the
// cost is the 2n evaluations of the user's function, and those are what the
// threads share. Each coordinate is the reference's one-coordinate piece
// (dlmath/detail/composites/derivatives.hpp) on a thread's own copy of x, so
// the result does not depend on the thread count and equals the reference.

#include "dlmath/fast/numerical/derivatives.hpp"

#include <cstddef>
#include <exception>
#include <vector>

#include "dlmath/detail/checks/numerical.hpp"
#include "dlmath/detail/composites/derivatives.hpp"

namespace dlmath::fast {
namespace {

// Runs body(xw, j) for j = 0 .. n-1, shared among threads from
// fd_parallel_threshold coordinates on; xw is the calling thread's copy of x.
// An exception may not leave an OpenMP region: each is kept, and the one of
// the lowest j is rethrown, as a serial loop would have thrown it first.
template <class Body>
void for_each_coordinate(const Vector& x, Body body) {
    const std::size_t n = x.size();
    std::size_t first_bad = n;  // the lowest coordinate that threw, and its exception
    std::exception_ptr first_error;
#pragma omp parallel if (n >= fd_parallel_threshold)
    {
        Vector xw = x;
#pragma omp for schedule(static)
        for (long long jj = 0; jj < static_cast<long long>(n); ++jj) {
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

Vector gradient_with(const Objective& f, const Vector& x, double h) {
    Vector g = Vector::from_shape({x.size()});
    for_each_coordinate(x, [&](Vector& xw, std::size_t j) { g(j) = detail::central_partial(f, xw, j, h); });
    return g;
}

Matrix jacobian_with(const VectorFunction& F, const Vector& x, double h) {
    // x ~ (n), F(x) ~ (m), J ~ (m, n); got[j]: the length F returned at the steps of column j
    const std::size_t n = x.size(), m = F(x).size();
    Matrix J = Matrix::from_shape({m, n});
    std::vector<std::size_t> got(n, m);
    for_each_coordinate(x, [&](Vector& xw, std::size_t j) {
        Vector column = Vector::from_shape({m});
        got[j] = detail::central_column(F, xw, j, h, m, column);
        if (got[j] == m) {
            for (std::size_t i = 0; i < m; ++i) J(i, j) = column(i);
        }
    });
    for (std::size_t j = 0; j < n; ++j) detail::check_output_length(detail::fn::jacobian, m, got[j], j);
    return J;
}

}  // namespace

//! [fast_gradient]
Vector gradient(const Objective& f, const Vector& x) {
    detail::check_gradient(detail::fn::gradient, f, x, 0.0, false);
    return gradient_with(f, x, 0.0);
}
//! [fast_gradient]

Vector gradient(const Objective& f, const Vector& x, double h) {
    detail::check_gradient(detail::fn::gradient, f, x, h, true);
    return gradient_with(f, x, h);
}

Matrix jacobian(const VectorFunction& F, const Vector& x) {
    detail::check_gradient(detail::fn::jacobian, F, x, 0.0, false);
    return jacobian_with(F, x, 0.0);
}

Matrix jacobian(const VectorFunction& F, const Vector& x, double h) {
    detail::check_gradient(detail::fn::jacobian, F, x, h, true);
    return jacobian_with(F, x, h);
}

}  // namespace dlmath::fast
