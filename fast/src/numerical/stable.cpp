// Chapter 3, section 3.2: stable formulas — fast twin.
//
// Rules of this file: OpenMP + xsimd, same signatures and checks as the
// reference twin; every SIMD loop ends with a scalar tail.
//
// Bound attacked: the exponential's instructions. Each entry costs one
// kernel exponential (kernels/exp.hpp, 19 vector instructions per batch on
// AVX-512, 32 elsewhere: 0.43 ns per entry and core for an exp-sum in L1 on
// a 2-core AVX-512 machine) against 8 bytes read (and 8 written by softmax
// and log_softmax), so the row-wise kernels stay below the triad's rate on
// a machine with much bandwidth per core. logsumexp and log_softmax take
// the two-pass normaliser (online_softmax.hpp): a max pass, then an exp-sum
// pass from cache, which spares the online pass's bookkeeping (0.98 against
// 1.06 ns per entry in cache). Alone it was slower on rows streamed from
// memory, where the online pass overlaps the loads with the exponentials;
// its second pass therefore prefetches the next block, and the row-wise
// kernels (softmax too) the thread's next row (by_rows).

#include "dlmath/fast/numerical/stable.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include <xtensor/xmanipulation.hpp>

#include "dlmath/detail/checks/numerical.hpp"
#include "dlmath/detail/composites/stable.hpp"
#include "dlmath/reference/numerical/stable.hpp"
#include "dlmath/fast/threads.hpp"
#include "../kernels/exp.hpp"
#include "../kernels/numerical/online_softmax.hpp"
#include "../kernels/simd.hpp"
#include "../kernels/parallel.hpp"

namespace dlmath::fast {
namespace {

using detail::batch;
using detail::Normaliser;
using detail::W;

// f(begin, length) on the fixed blocks of `block` entries of [0, n), shared among the threads
// when n >= stable_parallel_threshold. The blocks depend on n only: no result depends on the
// thread count.
template <class F>
void for_blocks(std::size_t n, std::size_t block, F f) {
    const std::size_t blocks = (n + block - 1) / block;
    detail::parallel_for(0, static_cast<long long>(blocks), n >= stable_parallel_threshold, [&](long long b) {
        const std::size_t begin = static_cast<std::size_t>(b) * block;
        f(begin, begin + block < n ? block : n - begin);
    });
}

// The normaliser of x[0, n): one per block of stable_block entries (64 KiB, in cache between
// its two passes), combined in block order.
Normaliser blocked_normaliser(const double* x, std::size_t n) {
    std::vector<Normaliser> part((n + stable_block - 1) / stable_block);
    for_blocks(n, stable_block, [&](std::size_t begin, std::size_t len) {
        const std::size_t next = begin + len < n ? std::min(stable_block, n - begin - len) : 0;
        part[begin / stable_block] = detail::two_pass_normaliser(x + begin, len, x + begin + len, next);
    });
    Normaliser s;
    for (const Normaliser& p : part) s = detail::combine(s, p);
    return s;
}

// row_kernel(x_row, y_row, n, next_row, next_n) on every row of X (row-major), rows shared
// among the threads above stable_parallel_threshold entries; each row is one thread's. The
// kernel is told the row after its own (none after the last), which the same thread takes
// next but at the end of its share (schedule(static)), so that it can prefetch it.
template <class RowKernel>
Matrix by_rows(const Matrix& X, RowKernel row_kernel) {
    const std::size_t m = X.shape(0), n = X.shape(1);
    Matrix Y = Matrix::from_shape({m, n});
    const double* px = X.data();
    double* py = Y.data();
    detail::parallel_for(0, static_cast<long long>(m), m * n >= stable_parallel_threshold, [&](long long i) {
        const std::size_t r = static_cast<std::size_t>(i);
        row_kernel(px + r * n, py + r * n, n, px + (r + 1) * n, r + 1 < m ? n : 0);
    });
    return Y;
}

// The same along axis 0: the row kernel on the transpose, transposed back.
template <class RowKernel>
Matrix along(const Matrix& X, int axis, RowKernel row_kernel) {
    if (axis == 1) return by_rows(X, row_kernel);
    const Matrix T = xt::transpose(X);
    return xt::transpose(by_rows(T, row_kernel));
}

}  // namespace

double logsumexp_naive(const Vector& a) { return reference::logsumexp_naive(a); }

//! [fast_logsumexp]
double logsumexp(const Vector& a) { return detail::finish(blocked_normaliser(a.data(), a.size())); }
//! [fast_logsumexp]

double logsumexp(const Vector& a, const Vector& b) { return reference::logsumexp(a, b); }

SignedLog<double> logsumexp_signed(const Vector& a, const Vector& b) { return reference::logsumexp_signed(a, b); }

double logsumexp(const Matrix& A) { return detail::finish(blocked_normaliser(A.data(), A.size())); }

Vector logsumexp(const Matrix& A, int axis) {
    dlmath::detail::check_axis(dlmath::detail::fn::logsumexp, shape_string(A), axis);
    const Matrix T = axis == 1 ? Matrix() : Matrix(xt::transpose(A));
    const Matrix& R = axis == 1 ? A : T;  // one row per result
    const std::size_t m = R.shape(0), n = R.shape(1);
    Vector y = Vector::from_shape({m});
    detail::parallel_for(0, static_cast<long long>(m), m * n >= stable_parallel_threshold, [&](long long i) {
        const std::size_t r = static_cast<std::size_t>(i);
        y(r) = detail::finish(detail::two_pass_normaliser(R.data() + r * n, n, R.data() + (r + 1) * n, r + 1 < m ? n : 0));
    });
    return y;
}

double logaddexp(double x, double y) { return reference::logaddexp(x, y); }

Vector softmax_naive(const Vector& x) { return reference::softmax_naive(x); }

//! [fast_softmax]
Vector softmax(const Vector& x) {
    Vector y = Vector::from_shape({x.size()});
    const Normaliser s = blocked_normaliser(x.data(), x.size());
    for_blocks(x.size(), stable_block, [&](std::size_t begin, std::size_t len) {
        detail::scale_exponentials(x.data() + begin, y.data() + begin, len, s);
    });
    return y;
}
//! [fast_softmax]

Matrix softmax(const Matrix& X) {
    const Vector y = softmax(Vector(xt::flatten(X)));
    Matrix Y = Matrix::from_shape(X.shape());
    std::copy(y.begin(), y.end(), Y.begin());
    return Y;
}

//! [fast_softmax_rows]
Matrix softmax(const Matrix& X, int axis) {
    dlmath::detail::check_axis(dlmath::detail::fn::softmax, shape_string(X), axis);
    return along(X, axis, detail::softmax_row);
}
//! [fast_softmax_rows]

Vector log_softmax(const Vector& x) {
    Vector y = Vector::from_shape({x.size()});
    const double lse = detail::finish(blocked_normaliser(x.data(), x.size()));
    for_blocks(x.size(), stable_block, [&](std::size_t begin, std::size_t len) {
        detail::subtract(x.data() + begin, y.data() + begin, len, lse);
    });
    return y;
}

Matrix log_softmax(const Matrix& X) {
    const Vector y = log_softmax(Vector(xt::flatten(X)));
    Matrix Y = Matrix::from_shape(X.shape());
    std::copy(y.begin(), y.end(), Y.begin());
    return Y;
}

Matrix log_softmax(const Matrix& X, int axis) {
    dlmath::detail::check_axis(dlmath::detail::fn::log_softmax, shape_string(X), axis);
    return along(X, axis, detail::log_softmax_row);
}

double log_sigmoid(double x) { return reference::log_sigmoid(x); }

//! [fast_log_sigmoid]
Vector log_sigmoid(const Vector& x) {
    Vector y = Vector::from_shape({x.size()});
    const double* px = x.data();
    double* py = y.data();
    for_blocks(x.size(), 64 * W, [&](std::size_t begin, std::size_t len) {
        detail::for_each_batch<double>(
            begin, begin + len,
            [&](std::size_t i) {
                const batch v = xsimd::load_unaligned(px + i);
                if (xsimd::any(v < batch(-708.0))) {  // e^-|v| subnormal: xsimd's log1p is not checked there
                    for (std::size_t l = 0; l < W; ++l) py[i + l] = reference::log_sigmoid(px[i + l]);
                } else {
                    // log sigma(v) = min(v, 0) - log1p(e^-|v|); NaN: the log1p gives NaN
                    (xsimd::min(v, batch(0.0)) - xsimd::log1p(detail::exp(-xsimd::abs(v)))).store_unaligned(py + i);
                }
            },
            [&](std::size_t i) { py[i] = reference::log_sigmoid(px[i]); });  // scalar tail
    });
    return y;
}
//! [fast_log_sigmoid]

double logit(double p) { return reference::logit(p); }

double cross_entropy_from_logits(const Vector& logits, std::size_t label) {
    return dlmath::detail::cross_entropy_from_logits(logits, label, [](const Vector& z) { return logsumexp(z); });
}

double cross_entropy_from_logits(const Vector& logits, const Vector& target) {
    return dlmath::detail::cross_entropy_from_logits(logits, target, [](const Vector& z) { return logsumexp(z); });
}

double cross_entropy_from_probabilities(const Vector& p, std::size_t label) {
    return reference::cross_entropy_from_probabilities(p, label);
}

}  // namespace dlmath::fast
