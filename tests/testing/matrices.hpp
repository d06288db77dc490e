// Matrix helpers shared by the tests of both twins: random and
// rank-deficient matrices, small norms, the Jacobi error bound, and the
// message of an expected exception.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <random>
#include <string>

#include <xtensor/xbuilder.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xsort.hpp>

#include "agreement.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::testing {

/// A ~ (m, n) with normal entries of standard deviation `scale` from `seed`.
inline Matrix random_matrix(std::size_t m, std::size_t n, std::uint64_t seed, double scale = 1.0) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> g(0.0, scale);
    Matrix A = Matrix::from_shape({m, n});
    for (auto& a : A) a = g(rng);
    return A;
}

/// X Y^T with X ~ (m, r), Y ~ (n, r): rank r (almost surely).
inline Matrix rank_deficient(std::size_t m, std::size_t n, std::size_t r, std::uint64_t seed) {
    const Matrix X = random_matrix(m, r, seed), Y = random_matrix(n, r, seed + 7);
    Matrix A = xt::zeros<double>({m, n});
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < n; ++j)
            for (std::size_t l = 0; l < r; ++l) A(i, j) += X(i, l) * Y(j, l);
    return A;
}

inline Matrix tr(const Matrix& A) { return xt::transpose(A); }
inline double fro(const Matrix& A) { return std::sqrt(xt::sum(A * A)()); }
inline double max_abs(const Matrix& A) { return A.size() ? xt::amax(xt::abs(A))() : 0.0; }

/// Backward error of a Jacobi decomposition: at most ~10 sweeps, each column
/// takes part in n - 1 rotations per sweep, each rotation costs a few u
/// relative (Demmel & Veselic 1992): c n u with c = 60 covers it.
inline double jacobi_bound(std::size_t n) { return 60.0 * static_cast<double>(std::max<std::size_t>(n, 1)) * u; }

/// The message of the exception `f()` throws, or "(no exception)".
template <class F>
std::string what_of(F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(no exception)";
}

}  // namespace dlmath::testing
