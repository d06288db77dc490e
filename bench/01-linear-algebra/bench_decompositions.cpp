// Chapter 1, decompositions: det, solve, inv, svd, eigh, pinv, lstsq, pca —
// reference vs fast vs library (LAPACK through xtensor-blas).
// Names: <kernel>/<case>/<n>. Counters: GFLOP/s for the LU kernels with
// the standard flop counts (det 2n^3/3, solve 2n^3/3 + 2n^2, inv 2n^3);
// the Jacobi kernels, the fast twin's bidiagonal QR and LAPACK's
// divide-and-conquer SVD do different amounts of work for the same result,
// so they are compared by time only.
#include <cstddef>
#include <tuple>

#include <benchmark/benchmark.h>
#include <xtensor-blas/xlinalg.hpp>
#include <xtensor/xview.hpp>

#include "dlmath/fast/linear_algebra.hpp"
#include "dlmath/reference/linear_algebra.hpp"
#include "kit.hpp"

namespace {

using dlmath::Matrix;
using dlmath::Vector;
using namespace dlmath::bench;

// ---------------------------------------------------------------- library cases

double lapack_det(const Matrix& A) { return xt::linalg::det(A); }
Vector lapack_solve(const Matrix& A, const Vector& b) { return xt::linalg::solve(A, b); }
Matrix lapack_inv(const Matrix& A) { return xt::linalg::inv(A); }
Vector lapack_svd(const Matrix& A) { return std::get<1>(xt::linalg::svd(A, false, true)); }  // thin, with U and V
Vector lapack_eigh(const Matrix& A) { return std::get<0>(xt::linalg::eigh(A)); }             // with eigenvectors
Matrix lapack_pinv(const Matrix& A) { return xt::linalg::pinv(A); }
Vector lapack_lstsq(const Matrix& A, const Vector& b) { return xt::flatten(std::get<0>(xt::linalg::lstsq(A, b))); }
// PCA as numpy users write it: centre, dgesdd, the top k rows of V^T, the
// projection and the reconstruction with BLAS products.
Matrix lapack_pca(const Matrix& X, std::size_t k) {
    const Vector mean = xt::mean(X, {0});
    const Matrix Xc = X - mean;
    const Matrix Vk = xt::view(std::get<2>(xt::linalg::svd(Xc, false, true)), xt::range(0, k), xt::all());
    const Matrix Z = xt::linalg::dot(Xc, xt::transpose(Vk));
    return Matrix(xt::linalg::dot(Z, Vk) + mean);
}

// ---------------------------------------------------------------- inputs

// A ~ (m, n) with standard normal entries, and b ~ (m) from a second seed.
auto matrix(unsigned seed) {
    return [seed](std::size_t n) { return std::tuple{normal<Matrix>({n, n}, seed)}; };
}
auto linear_system(std::size_t rows_per_n, unsigned seed_a, unsigned seed_b) {
    return [=](std::size_t n) {
        const Matrix b = normal<Matrix>({rows_per_n * n, 1}, seed_b);
        return std::tuple{normal<Matrix>({rows_per_n * n, n}, seed_a), Vector(xt::view(b, xt::all(), 0))};
    };
}
// A symmetric matrix B + Bᵀ.
auto symmetric(unsigned seed) {
    return [seed](std::size_t n) {
        const Matrix B = normal<Matrix>({n, n}, seed);
        return std::tuple{Matrix(B + xt::transpose(B))};
    };
}

void register_all() {
    // LU: det, solve, inv at 256 and 512 (bytes: A read, and b, x or the inverse)
    const std::vector<long long> lu_sizes = {256, 512};
    kernel("det", flops([](std::size_t n) { return 2.0 / 3.0 * n * n * n; }, [](std::size_t n) { return 8.0 * n * n; }), lu_sizes, matrix(1))
        .reference([](const Matrix& A) { return dlmath::reference::det(A); })
        .fast([](const Matrix& A) { return dlmath::fast::det(A); })
        .library(lapack_det);
    kernel("solve", flops([](std::size_t n) { return 2.0 / 3.0 * n * n * n + 2.0 * n * n; },
                           [](std::size_t n) { return 8.0 * n * n + 16.0 * n; }), lu_sizes,
           linear_system(1, 2, 3))
        .reference([](const Matrix& A, const Vector& b) { return dlmath::reference::solve(A, b); })
        .fast([](const Matrix& A, const Vector& b) { return dlmath::fast::solve(A, b); })
        .library(lapack_solve);
    kernel("inv", flops([](std::size_t n) { return 2.0 * n * n * n; }, [](std::size_t n) { return 16.0 * n * n; }), lu_sizes,
           matrix(4))
        .reference([](const Matrix& A) { return dlmath::reference::inv(A); })
        .fast([](const Matrix& A) { return dlmath::fast::inv(A); })
        .library(lapack_inv);

    // svd at 128, 256, 512 (the reference's Jacobi against the fast twin's
    // bidiagonal QR and dgesdd); eigh at 128, 256, 512 (the reference's Jacobi
    // against the fast tridiagonal QL and dsyevd; the reference takes
    // seconds per decomposition from 256 on: timed once)
    kernel("svd", time_only(), {128, 256, 512}, matrix(5))
        .reference([](const Matrix& A) { return dlmath::reference::svd(A); }, {.single_iteration_from = 256})
        .fast([](const Matrix& A) { return dlmath::fast::svd(A); })
        .library(lapack_svd);
    kernel("eigh", time_only(), {128, 256, 512}, symmetric(6))
        .reference([](const Matrix& A) { return dlmath::reference::eigh(A); }, {.single_iteration_from = 256})
        .fast([](const Matrix& A) { return dlmath::fast::eigh(A); })
        .library(lapack_eigh);

    // built on the SVD: pinv, lstsq and pca at 256 (lstsq on a tall 2n x n system)
    kernel("pinv", time_only(), {256}, matrix(7))
        .reference([](const Matrix& A) { return dlmath::reference::pinv(A); }, {.single_iteration_from = 1})
        .fast([](const Matrix& A) { return dlmath::fast::pinv(A); })
        .library(lapack_pinv);
    kernel("lstsq", time_only(), {256}, linear_system(2, 8, 9))
        .reference([](const Matrix& A, const Vector& b) { return dlmath::reference::lstsq(A, b); },
                   {.single_iteration_from = 1})
        .fast([](const Matrix& A, const Vector& b) { return dlmath::fast::lstsq(A, b); })
        .library(lapack_lstsq);
    // pca at 256: 2n samples of n features, the top n/4 components
    kernel("pca", time_only(), {256},
           [](std::size_t n) { return std::tuple{normal<Matrix>({2 * n, n}, 10), n / 4}; })
        .reference([](const Matrix& X, std::size_t k) { return dlmath::reference::pca(X, k); },
                   {.single_iteration_from = 1})
        .fast([](const Matrix& X, std::size_t k) { return dlmath::fast::pca(X, k); })
        .library(lapack_pca);
}

const int registered = (register_all(), 0);

}  // namespace
