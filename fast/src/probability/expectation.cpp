// Chapter 2, expectation, variance and the central limit theorem — fast twin.
//
// Rules of this file: OpenMP + xsimd, same signatures and checks as the
// reference twin; every SIMD loop ends with a scalar tail; each kernel says
// which bound (memory or compute) it attacks. Reductions go through the
// fixed blocks of kernels/reduce.hpp, so every result is bitwise the same
// for any thread count.

#include "dlmath/fast/probability/expectation.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <xsimd/xsimd.hpp>
#include <xtensor/xbuilder.hpp>

#include "dlmath/detail/checks/probability.hpp"
#include "dlmath/detail/estimators.hpp"
#include "dlmath/fast/threads.hpp"
#include "../kernels/linear_algebra/gemm.hpp"
#include "../kernels/axpy.hpp"
#include "../kernels/reduce.hpp"
#include "../kernels/simd.hpp"
#include "../kernels/parallel.hpp"

// GCC 12 reports xsimd's AVX-512 horizontal add (_mm512_extractf64x4_pd on
// an operand it takes for uninitialised) under -Wuninitialized as well as
// the -Wmaybe-uninitialized that kernels/simd.hpp silences; the same false
// positive, silenced for this file.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif

namespace dlmath::fast {
namespace {

using detail::batch;

double plus(double a, double b) { return a + b; }

// sum of x[i] over a block: four accumulators. Memory-bound, 1 flop per 8 bytes.
double sum_block(const double* x, std::size_t begin, std::size_t end) {
    return detail::sum_streams<double, 4>(
        std::array<const double*, 1>{x}, begin, end,
        [](batch acc, const std::array<batch, 1>& v) { return acc + v[0]; },
        [x](double s, std::size_t i) { return s + x[i]; });
}

//! [two_sums_block]
// Two sums in one pass over a block of the arrays x[0], ..., x[S − 1]:
// terms(v) gives the batch pair of terms of the S batches v, scalar(i) the
// pair for one element of the tail. Two accumulators per sum, the unrolled
// part with aligned loads (aligned_unrolled, simd.hpp); the lanes are
// added, then the tail in order (as sum_batches).
struct TwoSums {
    double a = 0.0, b = 0.0;
};
TwoSums operator+(TwoSums x, TwoSums y) { return {x.a + y.a, x.b + y.b}; }

template <std::size_t S, class Terms, class Scalar>
TwoSums two_sums_block(const std::array<const double*, S>& x, std::size_t begin, std::size_t end, Terms terms,
                       Scalar scalar) {
    std::array<std::array<batch, 2>, 2> acc;  // accumulator u: its sums (a, b)
    for (auto& ab : acc) ab = {batch(0.0), batch(0.0)};
    auto step = [&terms](std::array<batch, 2>& ab, const std::array<batch, S>& v) {
        const auto [ta, tb] = terms(v);
        ab[0] += ta;
        ab[1] += tb;
    };
    std::size_t i = detail::aligned_unrolled<double, 2>(x, begin, end, acc, step);
    for (; i + detail::W <= end; i += detail::W) step(acc[0], detail::load_batches(x, i));
    TwoSums tail;
    for (; i < end; ++i) {
        const auto [sa, sb] = scalar(i);
        tail.a += sa;
        tail.b += sb;
    }
    return TwoSums{xsimd::hadd(acc[0][0] + acc[1][0]), xsimd::hadd(acc[0][1] + acc[1][1])} + tail;
}
//! [two_sums_block]

template <std::size_t S, class Terms, class Scalar>
TwoSums two_sums(const std::array<const double*, S>& x, std::size_t n, Terms terms, Scalar scalar) {
    return detail::blocked_reduce(
        n, TwoSums{}, [&](std::size_t b, std::size_t e) { return two_sums_block(x, b, e, terms, scalar); },
        [](TwoSums x, TwoSums y) { return x + y; });
}

}  // namespace

//! [fast_mean]
double mean(const Vector& x) {
    dlmath::detail::check_mean(x);
    const double* px = x.data();
    const double s = detail::blocked_reduce(
        x.size(), 0.0, [px](std::size_t b, std::size_t e) { return sum_block(px, b, e); }, plus);
    return s / static_cast<double>(x.size());
}
//! [fast_mean]

//! [fast_var]
double var(const Vector& x, std::size_t ddof) {
    dlmath::detail::check_var(x, ddof);
    const std::size_t n = x.size();
    const double* px = x.data();
    const double m = mean(x);  // pass 1
    const batch vm(m);
    // pass 2, fused: (sum d_i^2, sum d_i) with d_i = x_i - m
    const TwoSums s = two_sums(
        std::array<const double*, 1>{px}, n,
        [vm](const std::array<batch, 1>& v) {
            const batch d = v[0] - vm;
            return std::array<batch, 2>{d * d, d};
        },
        [px, m](std::size_t i) {
            const double d = px[i] - m;
            return std::array<double, 2>{d * d, d};
        });
    return dlmath::detail::corrected_two_pass(s.a, s.b, s.b, n, ddof);
}
//! [fast_var]

//! [fast_cov]
Matrix cov(const Matrix& X, std::size_t ddof) {
    dlmath::detail::check_cov(X, ddof);
    const std::size_t n = X.shape(0), d = X.shape(1);
    const double* px = X.data();

    // Stage 1: column means, m = (1/n) sum_i X(i, :), one SIMD row update per row (memory-bound).
    Vector m = xt::zeros<double>({d});
    for (std::size_t i = 0; i < n; ++i) detail::axpy(d, 1.0, px + i * d, m.data());
    m /= static_cast<double>(n);

    // Stage 2: D = X - 1 m^T, the centred rows, and D^T D, lower triangle only (compute-bound),
    // with D's column sums. A row block of D is formed from X into a buffer (memory-bound), and
    // its Gram matrix D_b^T D_b by the blocked GEMM: D_b^T is D_b read through strides, element
    // (j, i) is Db[i * d + j], so (row, column) strides (1, d).
    //
    // A tall, narrow X (n >> d, the usual data matrix) gives a d x d product with a long inner
    // dimension, which the GEMM's own threads (they split C into blocks) cannot share out: the
    // rows are cut into fixed blocks instead, each block's partial Gram matrix and column sums
    // are formed by one thread in a buffer of its own (reused from block to block: no centred
    // copy of all of X is ever written), and the partials are added in block order. The blocks
    // depend on n and d only, so the result is the same for any thread count. A wide X (more
    // than cov_blocked_max_d columns) is one block, whose GEMM runs on all the threads.
    auto centre = [&](std::size_t r0, std::size_t r1, double* Db, double* sums) {
        for (std::size_t i = r0; i < r1; ++i) {
            double* row = Db + (i - r0) * d;
            detail::for_each_batch<double>(
                0, d,
                [&](std::size_t j) {
                    (xsimd::load_unaligned(px + i * d + j) - xsimd::load_unaligned(m.data() + j))
                        .store_unaligned(row + j);
                },
                [&](std::size_t j) { row[j] = px[i * d + j] - m(j); });
            detail::axpy(d, 1.0, row, sums);
        }
    };
    const std::size_t block = std::max<std::size_t>(cov_rows_per_block, (n + cov_max_blocks - 1) / cov_max_blocks);
    const std::size_t blocks = d <= cov_blocked_max_d ? (n + block - 1) / block : 1;
    Matrix C = xt::zeros<double>({d, d});
    Vector sum_D = xt::zeros<double>({d});
    if (blocks <= 1) {
        Matrix D = Matrix::from_shape({n, d});
        centre(0, n, D.data(), sum_D.data());
        detail::gemm(d, d, n, detail::View{D.data(), 1, d}, detail::View{D.data(), d, 1}, C.data(), d,
                     detail::Part::lower, n * d * d / 2 >= gemm_parallel_threshold);
    } else {
        std::vector<Matrix> gram(blocks);
        std::vector<Vector> sums(blocks);
        const long long nb = static_cast<long long>(blocks);
#pragma omp parallel if (n * d * d / 2 >= gemm_parallel_threshold) num_threads(dlmath::fast::team_size())
        {
            std::vector<double> Db(block * d);  // this thread's centred rows
#pragma omp for schedule(static)
            for (long long t = 0; t < nb; ++t) {
                const std::size_t b = static_cast<std::size_t>(t);
                const std::size_t r0 = b * block, r1 = std::min(n, r0 + block);
                gram[b] = xt::zeros<double>({d, d});
                sums[b] = xt::zeros<double>({d});
                centre(r0, r1, Db.data(), sums[b].data());
                detail::gemm(d, d, r1 - r0, detail::View{Db.data(), 1, d}, detail::View{Db.data(), d, 1},
                             gram[b].data(), d, detail::Part::lower, false);
            }
        }
        for (std::size_t b = 0; b < blocks; ++b) {
            C += gram[b];
            sum_D += sums[b];
        }
    }

    // Stage 4: the correction of the two-pass formula, and the mirror image above the diagonal.
    for (std::size_t j = 0; j < d; ++j) {
        for (std::size_t k = 0; k <= j; ++k) {
            C(j, k) = dlmath::detail::corrected_two_pass(C(j, k), sum_D(j), sum_D(k), n, ddof);
            C(k, j) = C(j, k);
        }
    }
    return C;
}
//! [fast_cov]

//! [fast_expectation]
double expectation(const Vector& p, const Vector& f) {
    dlmath::detail::check_expectation(p, f);
    const double* pp = p.data();
    const double* pf = f.data();
    // one fused pass: (sum p_i, sum p_i f_i)
    const TwoSums s = two_sums(
        std::array<const double*, 2>{pp, pf}, p.size(),
        [](const std::array<batch, 2>& v) { return std::array<batch, 2>{v[0], v[0] * v[1]}; },
        [pp, pf](std::size_t i) { return std::array<double, 2>{pp[i], pp[i] * pf[i]}; });
    dlmath::detail::check_expectation_sum(s.a);
    return s.b;
}
//! [fast_expectation]

//! [fast_uniform_sums]
Vector standardized_uniform_sums(Rng& rng, std::size_t terms, std::size_t count) {
    dlmath::detail::check_uniform_sums(terms);
    const std::uint64_t first = rng.take(terms * count);
    const std::uint64_t seed = rng.seed();
    Vector z = Vector::from_shape({count});
    double* pz = z.data();
    const long long m = static_cast<long long>(count);
    // every sum is a pure function of (seed, first, k, terms): any thread, the same bits
    detail::parallel_for(0, m, terms * count >= parallel_threshold, [&](long long k) {
        pz[k] = dlmath::detail::standardized_uniform_sum(seed, first, static_cast<std::size_t>(k), terms);
    });
    return z;
}
//! [fast_uniform_sums]

}  // namespace dlmath::fast
