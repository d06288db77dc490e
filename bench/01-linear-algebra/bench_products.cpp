// Chapter 1, section 1.2: matmul, matvec, bmm, gram and einsum — reference
// vs fast vs library (OpenBLAS through its C interface).
// Names: <kernel>/<case>/<size>; counters: GFLOP/s (the flops the product
// needs: 2mkn for a matmul, n(n+1)d for a Gram matrix, 2mn for a matvec).
#include <cblas.h>

#include <cstddef>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "dlmath/fast/linear_algebra.hpp"
#include "dlmath/reference/linear_algebra.hpp"

namespace {

using dlmath::Matrix;
using dlmath::Tensor3;
using dlmath::Vector;

template <class T>
T random_tensor(std::vector<std::size_t> shape, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> d(-1.0, 1.0);
    T x = T::from_shape(shape);
    for (auto& v : x) v = d(rng);
    return x;
}

void set_flops(benchmark::State& state, double flops_per_iter) {
    state.counters["GFLOP/s"] =
        benchmark::Counter(flops_per_iter * static_cast<double>(state.iterations()) / 1e9, benchmark::Counter::kIsRate);
}

int blas(std::size_t n) { return static_cast<int>(n); }

// ---------------------------------------------------------------- matmul: C = A B, n x n

template <class F>
void bench_matmul(benchmark::State& state, F f) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const Matrix A = random_tensor<Matrix>({n, n}, 1), B = random_tensor<Matrix>({n, n}, 2);
    for (auto _ : state) benchmark::DoNotOptimize(f(A, B));
    set_flops(state, 2.0 * n * n * n);
}

Matrix blas_matmul(const Matrix& A, const Matrix& B) {
    const std::size_t m = A.shape(0), k = A.shape(1), n = B.shape(1);
    Matrix C = Matrix::from_shape({m, n});
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blas(m), blas(n), blas(k), 1.0, A.data(), blas(k),
                B.data(), blas(n), 0.0, C.data(), blas(n));
    return C;
}

// ---------------------------------------------------------------- matvec: y = A x, n x n

template <class F>
void bench_matvec(benchmark::State& state, F f) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const Matrix A = random_tensor<Matrix>({n, n}, 3);
    const Vector x = random_tensor<Vector>({n}, 4);
    for (auto _ : state) benchmark::DoNotOptimize(f(A, x));
    set_flops(state, 2.0 * n * n);
}

Vector blas_matvec(const Matrix& A, const Vector& x) {
    const std::size_t m = A.shape(0), n = A.shape(1);
    Vector y = Vector::from_shape({m});
    cblas_dgemv(CblasRowMajor, CblasNoTrans, blas(m), blas(n), 1.0, A.data(), blas(n), x.data(), 1, 0.0, y.data(), 1);
    return y;
}

// ---------------------------------------------------------------- bmm: 32 products of n x n

constexpr std::size_t kBatch = 32;

template <class F>
void bench_bmm(benchmark::State& state, F f) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const Tensor3 A = random_tensor<Tensor3>({kBatch, n, n}, 5), B = random_tensor<Tensor3>({kBatch, n, n}, 6);
    for (auto _ : state) benchmark::DoNotOptimize(f(A, B));
    set_flops(state, 2.0 * kBatch * n * n * n);
}

// The library case: one dgemm per batch entry (OpenBLAS threads inside each).
Tensor3 blas_bmm(const Tensor3& A, const Tensor3& B) {
    const std::size_t nb = A.shape(0), m = A.shape(1), k = A.shape(2), n = B.shape(2);
    Tensor3 C = Tensor3::from_shape({nb, m, n});
    for (std::size_t t = 0; t < nb; ++t)
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blas(m), blas(n), blas(k), 1.0, A.data() + t * m * k,
                    blas(k), B.data() + t * k * n, blas(n), 0.0, C.data() + t * m * n, blas(n));
    return C;
}

// ---------------------------------------------------------------- gram: X Xᵀ, X ~ (n, n)

template <class F>
void bench_gram(benchmark::State& state, F f) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const Matrix X = random_tensor<Matrix>({n, n}, 7);
    for (auto _ : state) benchmark::DoNotOptimize(f(X));
    set_flops(state, 1.0 * n * (n + 1) * n);
}

// The library case: dsyrk computes one triangle (and, unlike gram, does not mirror it).
Matrix blas_gram(const Matrix& X) {
    const std::size_t n = X.shape(0), d = X.shape(1);
    Matrix G = Matrix::from_shape({n, n});
    cblas_dsyrk(CblasRowMajor, CblasLower, CblasNoTrans, blas(n), blas(d), 1.0, X.data(), blas(d), 0.0, G.data(),
                blas(n));
    return G;
}

using MatmulFn = Matrix (*)(const Matrix&, const Matrix&);
using MatvecFn = Vector (*)(const Matrix&, const Vector&);
using BmmFn = Tensor3 (*)(const Tensor3&, const Tensor3&);
using GramFn = Matrix (*)(const Matrix&);

void register_all() {
    const std::pair<const char*, MatmulFn> matmuls[] = {
        {"reference", dlmath::reference::matmul}, {"fast", dlmath::fast::matmul}, {"library", blas_matmul}};
    for (const auto& [kase, fn] : matmuls) {
        for (long long n : {64, 128, 256, 512, 1024}) {
            auto* b = benchmark::RegisterBenchmark(("matmul/" + std::string(kase) + "/" + std::to_string(n)).c_str(),
                                                   [fn = fn](benchmark::State& st) { bench_matmul(st, fn); });
            b->Arg(n)->UseRealTime()->Unit(benchmark::kMillisecond);
            if (std::string(kase) == "reference" && n >= 1024) b->Iterations(1);  // several seconds each
        }
    }

    const std::pair<const char*, MatvecFn> matvecs[] = {
        {"reference", dlmath::reference::matvec}, {"fast", dlmath::fast::matvec}, {"library", blas_matvec}};
    for (const auto& [kase, fn] : matvecs)
        for (long long n : {1024, 4096})
            benchmark::RegisterBenchmark(("matvec/" + std::string(kase) + "/" + std::to_string(n)).c_str(),
                                         [fn = fn](benchmark::State& st) { bench_matvec(st, fn); })
                ->Arg(n)->UseRealTime()->Unit(benchmark::kMicrosecond);

    const std::pair<const char*, BmmFn> bmms[] = {
        {"reference", dlmath::reference::bmm}, {"fast", dlmath::fast::bmm}, {"library", blas_bmm}};
    for (const auto& [kase, fn] : bmms)
        for (long long n : {32, 64, 128})
            benchmark::RegisterBenchmark(("bmm/" + std::string(kase) + "/" + std::to_string(n)).c_str(),
                                         [fn = fn](benchmark::State& st) { bench_bmm(st, fn); })
                ->Arg(n)->UseRealTime()->Unit(benchmark::kMillisecond);

    // einsum "ijz,izk->ijk" on the bmm shapes: its fast twin dispatches to the BMM kernel
    const std::pair<const char*, BmmFn> einsums[] = {
        {"reference", [](const Tensor3& A, const Tensor3& B) {
             return Tensor3(dlmath::reference::einsum("ijz,izk->ijk", A, B));
         }},
        {"fast", [](const Tensor3& A, const Tensor3& B) { return Tensor3(dlmath::fast::einsum("ijz,izk->ijk", A, B)); }},
        {"library", blas_bmm}};
    for (const auto& [kase, fn] : einsums)
        for (long long n : {32, 64})
            benchmark::RegisterBenchmark(("einsum_bmm/" + std::string(kase) + "/" + std::to_string(n)).c_str(),
                                         [fn = fn](benchmark::State& st) { bench_bmm(st, fn); })
                ->Arg(n)->UseRealTime()->Unit(benchmark::kMillisecond);

    const std::pair<const char*, GramFn> grams[] = {
        {"reference", dlmath::reference::gram}, {"fast", dlmath::fast::gram}, {"library", blas_gram}};
    for (const auto& [kase, fn] : grams)
        for (long long n : {128, 256, 512, 1024}) {
            if (std::string(kase) == "reference" && n >= 1024) continue;  // seconds per call; 512 shows the gap
            benchmark::RegisterBenchmark(("gram/" + std::string(kase) + "/" + std::to_string(n)).c_str(),
                                         [fn = fn](benchmark::State& st) { bench_gram(st, fn); })
                ->Arg(n)->UseRealTime()->Unit(benchmark::kMillisecond);
        }
}

const int registered = (register_all(), 0);

}  // namespace
