// Chapter 1, section 1.3: det, solve, inv, svd, eigh, pinv, lstsq —
// reference vs fast vs library (LAPACK through xtensor-blas).
// Names: <kernel>/<case>/<size>. Counters: GFLOP/s for the LU kernels with
// the standard flop counts (det 2n^3/3, solve 2n^3/3 + 2n^2, inv 2n^3);
// the Jacobi kernels and LAPACK's divide-and-conquer SVD do different
// amounts of work for the same result, so they are compared by time only.
#include <cstddef>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <benchmark/benchmark.h>
#include <xtensor-blas/xlinalg.hpp>
#include <xtensor/xview.hpp>

#include "dlmath/fast/linear_algebra.hpp"
#include "dlmath/reference/linear_algebra.hpp"

namespace {

using dlmath::Matrix;
using dlmath::Vector;

Matrix random_matrix(std::size_t m, std::size_t n, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> d;
    Matrix A = Matrix::from_shape({m, n});
    for (auto& v : A) v = d(rng);
    return A;
}

void set_flops(benchmark::State& state, double flops_per_iter) {
    state.counters["GFLOP/s"] =
        benchmark::Counter(flops_per_iter * static_cast<double>(state.iterations()) / 1e9, benchmark::Counter::kIsRate);
}

// ---------------------------------------------------------------- library cases

double lapack_det(const Matrix& A) { return xt::linalg::det(A); }
Vector lapack_solve(const Matrix& A, const Vector& b) { return xt::linalg::solve(A, b); }
Matrix lapack_inv(const Matrix& A) { return xt::linalg::inv(A); }
Vector lapack_svd(const Matrix& A) { return std::get<1>(xt::linalg::svd(A, false, true)); }  // thin, with U and V
Vector lapack_eigh(const Matrix& A) { return std::get<0>(xt::linalg::eigh(A)); }             // with eigenvectors
Matrix lapack_pinv(const Matrix& A) { return xt::linalg::pinv(A); }
Vector lapack_lstsq(const Matrix& A, const Vector& b) { return xt::flatten(std::get<0>(xt::linalg::lstsq(A, b))); }

const char* const kCases[] = {"reference", "fast", "library"};

template <class Fn>
benchmark::internal::Benchmark* add(const std::string& kernel, const char* kase, long long n, Fn fn) {
    auto* b = benchmark::RegisterBenchmark((kernel + "/" + kase + "/" + std::to_string(n)).c_str(), fn);
    return b->Arg(n)->UseRealTime()->Unit(benchmark::kMillisecond);
}

void register_all() {
    // LU: det, solve, inv at 256 and 512
    for (long long n : {256, 512}) {
        const std::size_t un = static_cast<std::size_t>(n);
        const double dn = static_cast<double>(n);
        for (int c = 0; c < 3; ++c) {
            add("det", kCases[c], n, [c, un, dn](benchmark::State& st) {
                const Matrix A = random_matrix(un, un, 1);
                for (auto _ : st) {
                    benchmark::DoNotOptimize(c == 0 ? dlmath::reference::det(A) : c == 1 ? dlmath::fast::det(A) : lapack_det(A));
                }
                set_flops(st, 2.0 / 3.0 * dn * dn * dn);
            });
            add("solve", kCases[c], n, [c, un, dn](benchmark::State& st) {
                const Matrix A = random_matrix(un, un, 2);
                const Vector b = xt::view(random_matrix(un, 1, 3), xt::all(), 0);
                for (auto _ : st) {
                    benchmark::DoNotOptimize(c == 0 ? dlmath::reference::solve(A, b)
                                             : c == 1 ? dlmath::fast::solve(A, b)
                                                      : lapack_solve(A, b));
                }
                set_flops(st, 2.0 / 3.0 * dn * dn * dn + 2.0 * dn * dn);
            });
            add("inv", kCases[c], n, [c, un, dn](benchmark::State& st) {
                const Matrix A = random_matrix(un, un, 4);
                for (auto _ : st) {
                    benchmark::DoNotOptimize(c == 0 ? dlmath::reference::inv(A) : c == 1 ? dlmath::fast::inv(A) : lapack_inv(A));
                }
                set_flops(st, 2.0 * dn * dn * dn);
            });
        }
    }
    // Jacobi: svd at 128, 256, 512; eigh at 128, 256
    for (long long n : {128, 256, 512}) {
        const std::size_t un = static_cast<std::size_t>(n);
        for (int c = 0; c < 3; ++c) {
            auto* b = add("svd", kCases[c], n, [c, un](benchmark::State& st) {
                const Matrix A = random_matrix(un, un, 5);
                for (auto _ : st) {
                    if (c == 0) benchmark::DoNotOptimize(dlmath::reference::svd(A));
                    else if (c == 1) benchmark::DoNotOptimize(dlmath::fast::svd(A));
                    else benchmark::DoNotOptimize(lapack_svd(A));
                }
            });
            if (c == 0 && n >= 256) b->Iterations(1);  // seconds per decomposition
        }
    }
    for (long long n : {128, 256}) {
        const std::size_t un = static_cast<std::size_t>(n);
        for (int c = 0; c < 3; ++c) {
            auto* b = add("eigh", kCases[c], n, [c, un](benchmark::State& st) {
                const Matrix B = random_matrix(un, un, 6);
                const Matrix A = B + xt::transpose(B);
                for (auto _ : st) {
                    if (c == 0) benchmark::DoNotOptimize(dlmath::reference::eigh(A));
                    else if (c == 1) benchmark::DoNotOptimize(dlmath::fast::eigh(A));
                    else benchmark::DoNotOptimize(lapack_eigh(A));
                }
            });
            if (c == 0 && n >= 256) b->Iterations(1);
        }
    }
    // built on the SVD: pinv and lstsq at 256 (lstsq on a tall 2n x n system)
    {
        const long long n = 256;
        const std::size_t un = static_cast<std::size_t>(n);
        for (int c = 0; c < 3; ++c) {
            auto* p = add("pinv", kCases[c], n, [c, un](benchmark::State& st) {
                const Matrix A = random_matrix(un, un, 7);
                for (auto _ : st) {
                    benchmark::DoNotOptimize(c == 0 ? dlmath::reference::pinv(A) : c == 1 ? dlmath::fast::pinv(A) : lapack_pinv(A));
                }
            });
            auto* l = add("lstsq", kCases[c], n, [c, un](benchmark::State& st) {
                const Matrix A = random_matrix(2 * un, un, 8);
                const Vector b = xt::view(random_matrix(2 * un, 1, 9), xt::all(), 0);
                for (auto _ : st) {
                    benchmark::DoNotOptimize(c == 0 ? dlmath::reference::lstsq(A, b)
                                             : c == 1 ? dlmath::fast::lstsq(A, b)
                                                      : lapack_lstsq(A, b));
                }
            });
            if (c == 0) {
                p->Iterations(1);
                l->Iterations(1);
            }
        }
    }
}

const int registered = (register_all(), 0);

}  // namespace
