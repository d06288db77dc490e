// Test data for both twins' tests: random tensors from a seed, RapidCheck
// generators for shrinkable vectors and kernel lengths, and matrices and
// vectors with a chosen structure (probability vectors, orthogonal, SPD,
// ill-conditioned and rank-deficient matrices). Each says what it
// guarantees; a test's error bound may rely on that and on nothing more.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <tuple>
#include <vector>

#include <rapidcheck.h>
#include <xtensor-blas/xlinalg.hpp>
#include <xtensor/xbuilder.hpp>

#include "dlmath/fast/config.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::testing {

// ---------------------------------------------------------------- random tensors

/// A tensor of type T (Vector, Matrix, Tensor3, xt::xarray<double>) of the
/// given shape, with independent normal entries of mean 0 and standard
/// deviation `scale`, filled in row-major order from std::mt19937_64 seeded
/// with `seed`: the same seed gives the same tensor on every platform with
/// the same standard library. Written as random<Matrix>({m, n}, seed).
template <class T>
T random(const std::vector<std::size_t>& shape, std::uint64_t seed, double scale = 1.0) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> d(0.0, scale);
    T x = T::from_shape(shape);
    for (auto& v : x) v = d(rng);
    return x;
}

// ---------------------------------------------------------------- RapidCheck generators

/// A small vector with shrinkable entries in [-range, range] (integers
/// divided by 8, so that shrinking reaches readable values). Its length is
/// at most max_len; every entry is a multiple of 1/8, exact in double.
inline rc::Gen<Vector> small_vector(int max_len = 40, int range = 1000) {
    return rc::gen::map(
        rc::gen::container<std::vector<int>>(rc::gen::inRange(-8 * range, 8 * range + 1)),
        [max_len](const std::vector<int>& v) {
            const std::size_t n = std::min<std::size_t>(v.size(), static_cast<std::size_t>(max_len));
            Vector x = Vector::from_shape({n});
            for (std::size_t i = 0; i < n; ++i) x(i) = v[i] / 8.0;
            return x;
        });
}

/// Lengths that exercise every path of a fast kernel: 0, 1, primes, sizes
/// that are not multiples of the SIMD width, one reduction block and its
/// neighbours, and sizes around and above the threading threshold (both
/// read from dlmath/fast/config.hpp).
inline rc::Gen<std::size_t> kernel_length() {
    constexpr std::size_t t = fast::parallel_threshold, b = fast::reduction_block;
    return rc::gen::elementOf(std::vector<std::size_t>{0, 1, 2, 3, 5, 7, 8, 13, 31, 64, 97, 1021, b - 1, b, b + 1,
                                                         t - 1, t, t + 3, 3 * t + 17, 5 * b + 11});
}

// ---------------------------------------------------------------- structured data

/// A probability vector of length n >= 1 from `seed`: every entry is
/// positive (exp of a standard normal, divided by the sum) and the entries
/// sum to 1 within 2 n u (n additions and n divisions, each rounded once).
inline Vector probability_vector(std::size_t n, std::uint64_t seed) {
    if (n == 0) throw std::invalid_argument("probability_vector: a distribution needs at least one outcome");
    Vector p = random<Vector>({n}, seed);
    double sum = 0.0;
    for (auto& v : p) sum += (v = std::exp(v));
    p /= sum;
    return p;
}

/// An n x n orthogonal matrix from `seed`: the Q factor of LAPACK's QR of a
/// random matrix, so Q^T Q = I within a small multiple of n u per entry.
inline Matrix orthogonal(std::size_t n, std::uint64_t seed) {
    return std::get<0>(xt::linalg::qr(random<Matrix>({n, n}, seed)));
}

/// Q1 diag(s) Q2^T with Q1, Q2 = orthogonal(n, seed), orthogonal(n, seed + 1):
/// an n x n matrix whose singular values are the |s_i|, each within a small
/// multiple of n u max|s| (the rounding of the orthogonal factors and of
/// the product).
inline Matrix with_singular_values(const Vector& s, std::uint64_t seed) {
    const std::size_t n = s.size();
    const Matrix Q1 = orthogonal(n, seed), Q2 = orthogonal(n, seed + 1);
    Matrix A = xt::zeros<double>({n, n});
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            for (std::size_t l = 0; l < n; ++l) A(i, j) += Q1(i, l) * s(l) * Q2(j, l);
    return A;
}

/// n values falling geometrically from 1 to 1/kappa (1 alone when n = 1):
/// a spectrum whose ratio of largest to smallest is kappa.
inline Vector geometric_spectrum(std::size_t n, double kappa) {
    Vector s = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) s(i) = std::pow(kappa, -static_cast<double>(i) / std::max<double>(1.0, n - 1.0));
    return s;
}

/// An n x n matrix with 2-norm 1 and condition number kappa (n >= 2):
/// singular values geometric from 1 to 1/kappa (with_singular_values), so
/// the computed condition number is kappa within a relative c n u kappa.
inline Matrix ill_conditioned(std::size_t n, double kappa, std::uint64_t seed) {
    return with_singular_values(geometric_spectrum(n, kappa), seed);
}

/// Q diag(lambda) Q^T with Q = orthogonal(n, seed), for positive
/// eigenvalues lambda: exactly symmetric (the lower triangle is a copy of
/// the upper one), with eigenvalues lambda_i within a small multiple of
/// n u max(lambda), so positive definite when min(lambda) exceeds that.
/// Column i of orthogonal(n, seed) is the eigenvector of lambda_i.
inline Matrix spd_matrix(const Vector& lambda, std::uint64_t seed) {
    for (double l : lambda)
        if (!(l > 0)) throw std::invalid_argument("spd_matrix: every eigenvalue must be positive");
    const std::size_t n = lambda.size();
    const Matrix Q = orthogonal(n, seed);
    Matrix A = xt::zeros<double>({n, n});
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i; j < n; ++j) {
            for (std::size_t l = 0; l < n; ++l) A(i, j) += Q(i, l) * lambda(l) * Q(j, l);
            A(j, i) = A(i, j);
        }
    return A;
}

/// X Y^T with X ~ (m, r), Y ~ (n, r) random from `seed` and `seed + 7`: an
/// m x n matrix of rank r (almost surely; r <= min(m, n)). Its zero
/// singular values are computed as rounding of order n u sigma_1, so a
/// rank test needs a tolerance well above that (1e-10 sigma_1 in the tests).
inline Matrix rank_deficient(std::size_t m, std::size_t n, std::size_t r, std::uint64_t seed) {
    const Matrix X = random<Matrix>({m, r}, seed), Y = random<Matrix>({n, r}, seed + 7);
    Matrix A = xt::zeros<double>({m, n});
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < n; ++j)
            for (std::size_t l = 0; l < r; ++l) A(i, j) += X(i, l) * Y(j, l);
    return A;
}

}  // namespace dlmath::testing
