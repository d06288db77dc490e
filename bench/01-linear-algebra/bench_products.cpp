// Chapter 1, products: matmul (with the steps of its ladder), matvec, bmm,
// einsum and gram — reference vs fast vs library (OpenBLAS through its C
// interface). Names: <kernel>/<case>/<n>; counters: GFLOP/s (the flops the
// product needs: 2mkn for a matmul, n(n+1)d for a Gram matrix, 2mn for a
// matvec).
#include <cblas.h>

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <tuple>

#include <benchmark/benchmark.h>
#include <xtensor/xmath.hpp>

#include "dlmath/fast/linear_algebra.hpp"
#include "dlmath/reference/linear_algebra.hpp"
#include "kit.hpp"
#include "kernels/linear_algebra/gemm_ladder.hpp"

namespace {

using dlmath::Matrix;
using dlmath::Tensor3;
using dlmath::Vector;
using namespace dlmath::bench;
namespace ladder = dlmath::fast::detail::ladder;

int blas(std::size_t n) { return static_cast<int>(n); }

// ---------------------------------------------------------------- matmul: C = A B, n x n

Matrix blas_matmul(const Matrix& A, const Matrix& B) {
    const std::size_t m = A.shape(0), k = A.shape(1), n = B.shape(1);
    Matrix C = Matrix::from_shape({m, n});
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blas(m), blas(n), blas(k), 1.0, A.data(), blas(k),
                B.data(), blas(n), 0.0, C.data(), blas(n));
    return C;
}

// A ladder step must compute the product: every entry within
// 2 γ_k (|A||B|)_ij of the fast twin's (each is within γ_k (|A||B|)_ij of
// the exact product, γ_k = k u / (1 − k u)); |A||B| is itself computed, to
// within a factor 1 + γ_k, which the bound allows for.
std::string agrees_with_fast(const Matrix& A, const Matrix& B, const Matrix& C) {
    const Matrix F = dlmath::fast::matmul(A, B);
    if (C.shape() != F.shape()) return "wrong shape";
    const Matrix absA = xt::abs(A), absB = xt::abs(B);
    const Matrix AB = dlmath::fast::matmul(absA, absB);
    const double ku = static_cast<double>(A.shape(1)) * std::numeric_limits<double>::epsilon() / 2;
    const double gamma = ku / (1 - ku);
    for (std::size_t i = 0; i < C.shape(0); ++i)
        for (std::size_t j = 0; j < C.shape(1); ++j)
            if (!(std::fabs(C(i, j) - F(i, j)) <= 2 * gamma * (1 + gamma) * AB(i, j)))
                return "differs from fast::matmul at (" + std::to_string(i) + ", " + std::to_string(j) + ")";
    return "";
}

// ---------------------------------------------------------------- matvec: y = A x, n x n

Vector blas_matvec(const Matrix& A, const Vector& x) {
    const std::size_t m = A.shape(0), n = A.shape(1);
    Vector y = Vector::from_shape({m});
    cblas_dgemv(CblasRowMajor, CblasNoTrans, blas(m), blas(n), 1.0, A.data(), blas(n), x.data(), 1, 0.0, y.data(), 1);
    return y;
}

// ---------------------------------------------------------------- bmm: 32 products of n x n

constexpr std::size_t kBatch = 32;

// The library case: one dgemm per batch entry (OpenBLAS threads inside each);
// on the bmm's xtensor batches and on the einsum's xarrays alike.
template <class T>
T blas_bmm(const T& A, const T& B) {
    const std::size_t nb = A.shape()[0], m = A.shape()[1], k = A.shape()[2], n = B.shape()[2];
    T C(typename T::shape_type{nb, m, n});
    for (std::size_t t = 0; t < nb; ++t)
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blas(m), blas(n), blas(k), 1.0, A.data() + t * m * k,
                    blas(k), B.data() + t * k * n, blas(n), 0.0, C.data() + t * m * n, blas(n));
    return C;
}

// ---------------------------------------------------------------- gram: X Xᵀ, X ~ (n, n)

// The library case: dsyrk computes one triangle (and, unlike gram, does not mirror it).
Matrix blas_gram(const Matrix& X) {
    const std::size_t n = X.shape(0), d = X.shape(1);
    Matrix G = Matrix::from_shape({n, n});
    cblas_dsyrk(CblasRowMajor, CblasLower, CblasNoTrans, blas(n), blas(d), 1.0, X.data(), blas(d), 0.0, G.data(),
                blas(n));
    return G;
}

void register_all() {
    const auto matmul_flops = flops([](std::size_t n) { return 2.0 * n * n * n; },
                                    [](std::size_t n) { return 24.0 * n * n; });  // A, B read, C written
    const auto two_matrices = [](std::size_t n) {
        return std::tuple{uniform<Matrix>({n, n}, 1), uniform<Matrix>({n, n}, 2)};
    };
    // At 2048 the reference and the first two steps would take from seconds
    // to a minute per call; the blocked steps show the ladder's top there.
    constexpr Limits slow_steps{.skip_from = 2048};
    kernel("matmul", matmul_flops, {64, 128, 256, 512, 1024, 2048}, two_matrices)
        .roof_from(1024)
        .reference([](const Matrix& A, const Matrix& B) { return dlmath::reference::matmul(A, B); },
                   {.single_iteration_from = 1024, .skip_from = 2048})  // several seconds at 1024
        .step(1, "i-p-j loops + xsimd", ladder::gemm_step1, agrees_with_fast, slow_steps)
        .step(2, "+ 6 x 2W register tile", ladder::gemm_step2, agrees_with_fast, slow_steps)
        .step(3, "+ cache blocking, packing (1 thread)", ladder::gemm_step3, agrees_with_fast)
        .step(4, "+ tile from W, blocks from caches (1 thread)", ladder::gemm_step4, agrees_with_fast)
        .step(5, "+ OpenMP (all threads)", ladder::gemm_step5, agrees_with_fast)
        .fast([](const Matrix& A, const Matrix& B) { return dlmath::fast::matmul(A, B); })
        .library(blas_matmul);

    kernel("matvec", flops([](std::size_t n) { return 2.0 * n * n; }, [](std::size_t n) { return 8.0 * n * n + 16.0 * n; }),
           {1024, 4096},
           [](std::size_t n) { return std::tuple{uniform<Matrix>({n, n}, 3), uniform<Vector>({n}, 4)}; })
        .unit(benchmark::kMicrosecond)
        .reference([](const Matrix& A, const Vector& x) { return dlmath::reference::matvec(A, x); })
        .fast([](const Matrix& A, const Vector& x) { return dlmath::fast::matvec(A, x); })
        .library(blas_matvec);

    const auto bmm_flops = flops([](std::size_t n) { return 2.0 * kBatch * n * n * n; },
                                 [](std::size_t n) { return 24.0 * kBatch * n * n; });
    const auto two_batches = [](std::size_t n) {
        return std::tuple{uniform<Tensor3>({kBatch, n, n}, 5), uniform<Tensor3>({kBatch, n, n}, 6)};
    };
    kernel("bmm", bmm_flops, {32, 64, 128}, two_batches)
        .reference([](const Tensor3& A, const Tensor3& B) { return dlmath::reference::bmm(A, B); })
        .fast([](const Tensor3& A, const Tensor3& B) { return dlmath::fast::bmm(A, B); })
        .library(blas_bmm<Tensor3>);

    // einsum "ijz,izk->ijk" on the bmm shapes: its fast twin dispatches to the BMM kernel.
    // The inputs are xarrays, einsum's own argument type (as NumPy's arrays): given
    // xtensor batches, each call would first copy both operands into new xarrays,
    // and the case would time that conversion.
    using Array = xt::xarray<double>;
    const auto two_arrays = [two_batches](std::size_t n) {
        const auto [A, B] = two_batches(n);
        return std::tuple{Array(A), Array(B)};
    };
    kernel("einsum_bmm", bmm_flops, {32, 64, 128}, two_arrays)
        .reference([](const Array& A, const Array& B) { return dlmath::reference::einsum("ijz,izk->ijk", A, B); })
        .fast([](const Array& A, const Array& B) { return dlmath::fast::einsum("ijz,izk->ijk", A, B); })
        .library(blas_bmm<Array>);

    // einsum "ab,cd->": every letter occurs in one operand only, so each operand is
    // summed alone first and the product is one multiplication (NumPy's order).
    // Counted: the 2n^2 additions that remain. A flat rate from n = 120 to 1000
    // shows the cost is O(n^2); the n^4 loop it replaced took 9 s at n = 120.
    kernel("einsum_private", flops([](std::size_t n) { return 2.0 * n * n; }, [](std::size_t n) { return 16.0 * n * n; }),
           {120, 1000},
           [](std::size_t n) {
               return std::tuple{xt::xarray<double>(uniform<Matrix>({n, n}, 8)),
                                 xt::xarray<double>(uniform<Matrix>({n, n}, 9))};
           })
        .unit(benchmark::kMicrosecond)
        .reference([](const xt::xarray<double>& A, const xt::xarray<double>& B) {
            return dlmath::reference::einsum("ab,cd->", A, B);
        })
        .fast([](const xt::xarray<double>& A, const xt::xarray<double>& B) {
            return dlmath::fast::einsum("ab,cd->", A, B);
        });

    kernel("gram", flops([](std::size_t n) { return 1.0 * n * (n + 1) * n; }, [](std::size_t n) { return 16.0 * n * n; }),
           {128, 256, 512, 1024},
           [](std::size_t n) { return std::tuple{uniform<Matrix>({n, n}, 7)}; })
        .reference([](const Matrix& X) { return dlmath::reference::gram(X); },
                   {.skip_from = 1024})  // seconds per call; 512 shows the gap
        .fast([](const Matrix& X) { return dlmath::fast::gram(X); })
        .library(blas_gram);
}

const int registered = (register_all(), 0);

}  // namespace
