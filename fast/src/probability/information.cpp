// Chapter 2, information theory — fast twin.
//
// Rules of this file: OpenMP + xsimd, the same signatures, checks and edge
// values as the reference twin; every SIMD loop ends with a scalar tail.
//
// Bound attacked: memory, then the multiply pipes. A measure reads 8
// (entropy) or 16 (cross-entropy, KL) bytes per element and spends about 20
// vector instructions per batch on it (kernels/log.hpp), 11 of them
// multiplications or FMAs: some 2–3 flop/byte, below a multi-core machine's
// ridge point only once the logarithm is vectorised. Where each core has a
// large share of the bandwidth (2 cores and 50–64 GB/s: an element of the
// entropy every 0.25–0.32 ns per core) those pipes are the bound of the
// entropy; cross-entropy and KL read twice the bytes per logarithm.
// So each measure is ONE fused pass: the terms, the sums of p (and q) that the
// normalisation check needs, and the smallest entry, all from the same loads.
// The terms are two sums, Σ p k and Σ p log m for the logarithm's argument
// 2^k m (kernels/log.hpp's log_parts): two FMAs per batch, ln 2 multiplied in
// once per block. After the pass:
//  - no negative entry and every sum surely within the tolerance
//    (dlmath::detail::surely_normalised; a NaN entry makes its sum NaN,
//    which fails it): the input is valid, as the reference's check would
//    have found;
//  - otherwise the reference's full check runs (a second pass, only for
//    input that is wrong or at the very edge of the tolerance) and throws
//    the reference's message, or finds the input valid after all.
// So the twins reject exactly the same inputs with the same messages.

#include "dlmath/fast/probability/information.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

#include <xsimd/xsimd.hpp>

#include "dlmath/detail/checks/probability.hpp"
#include "dlmath/detail/composites/probability.hpp"
#include "dlmath/reference/probability/information.hpp"
#include "dlmath/fast/threads.hpp"
#include "../kernels/log.hpp"
#include "../kernels/reduce.hpp"
#include "../kernels/simd.hpp"
#include "../kernels/parallel.hpp"

// GCC 12 warns, wrongly, that xsimd's AVX-512 horizontal add and integer
// shift read uninitialised values (their _mm512_undefined_* operands are
// meant to be undefined: every lane is overwritten), as kernels/simd.hpp
// explains; silenced for this file's kernels only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace dlmath::fast {
namespace {

using detail::batch;
namespace checks = dlmath::detail;
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// ---------------------------------------------------------------- the measures' terms

//! [fast_terms]
// Each measure's term, for a batch (SIMD logarithm) and for one element of
// the scalar tail (the shared SciPy formulas). The batch forms handle the
// values a valid input can hold — p = 0 (the term is 0) and q = 0 < p (the
// term is +inf) — since any other special value is rejected after the pass.
//
// `weighted_log` gives the term as sign · w log x with x = 2^k m: the fused
// pass adds w·k and w·log m up apart and multiplies by ln 2 once at the end
// (log_parts in kernels/log.hpp), two FMAs per batch instead of four
// operations. x is chosen so that p = 0 gives a finite logarithm (weight 0:
// the term is exactly 0) and q = 0 < p gives k = −inf (the term +inf).
struct Entropy {  // -p log p
    static constexpr bool pair = false;
    static constexpr double sign = -1.0;
    static batch term(const batch& p, const batch&) {
        return xsimd::select(p == batch(0.0), batch(0.0), -(p * detail::log_of_nonnegative(p)));
    }
    static batch weighted_log(const batch& p, const batch&) {  // log max(p, smallest subnormal)
        return xsimd::max(p, batch(std::numeric_limits<double>::denorm_min()));
    }
    static double term(double p, double) { return checks::entr(p); }
};
struct CrossEntropy {  // -p log q
    static constexpr bool pair = true;
    static constexpr double sign = -1.0;
    static batch term(const batch& p, const batch& q) {
        return xsimd::select(p == batch(0.0), batch(0.0), -(p * detail::log_of_nonnegative(q)));
    }
    static batch weighted_log(const batch& p, const batch& q) { return xsimd::select(p == batch(0.0), batch(1.0), q); }
    static double term(double p, double q) { return -checks::xlogy(p, q); }
};
struct KL {  // p log(p / q)
    static constexpr bool pair = true;
    static constexpr double sign = 1.0;
    static batch term(const batch& p, const batch& q) {
        return xsimd::select(p == batch(0.0), batch(0.0), p * detail::log(p / q));
    }
    static batch weighted_log(const batch& p, const batch& q) { return xsimd::select(p == batch(0.0), batch(1.0), p / q); }
    static double term(double p, double q) { return checks::rel_entr(p, q); }
};
//! [fast_terms]

// ---------------------------------------------------------------- one fused pass

// What one pass over a distribution (or a block of it) finds.
struct Scan {
    double value = 0.0;  // the sum of the terms, in nats
    double sum_p = 0.0;  // sum of p
    double sum_q = 0.0;  // sum of q (pairs only)
    bool bad = false;    // a NaN or a negative entry in p or q
};

Scan combine(Scan a, const Scan& b) {
    a.value += b.value;
    a.sum_p += b.sum_p;
    a.sum_q += b.sum_q;
    a.bad = a.bad || b.bad;
    return a;
}

// True when the pass proves the input valid; otherwise the full check decides.
template <class M>
bool proven_valid(const Scan& s, std::size_t n) {
    if (s.bad) return false;
    if (n == 0) return true;  // no outcome: nothing to normalise
    return checks::surely_normalised(s.sum_p, n) && (!M::pair || checks::surely_normalised(s.sum_q, n));
}

//! [fused_block]
// The fused pass over [begin, end) of p (and q): two accumulators of each
// kind, so that two logarithms are in flight at once, a fixed pairwise
// combination and a scalar tail — the order depends on end − begin only.
// The SIMD part adds up p·k and p·log m apart (weighted_log above) and
// keeps the smallest entry for the sign check: a NaN needs no test of its
// own, since it makes the sum of p (or q) NaN, which fails the
// normalisation check.
template <class M>
Scan scan_block(const double* p, const double* q, std::size_t begin, std::size_t end) {
    constexpr std::size_t U = 2;
    std::array<batch, U> with_k, with_y, sum_p, sum_q, least;
    with_k.fill(batch(0.0));
    with_y.fill(batch(0.0));
    sum_p.fill(batch(0.0));
    sum_q.fill(batch(0.0));
    least.fill(batch(0.0));
    Scan tail;
    detail::for_each_batch<double, U>(
        begin, end,
        [&](std::size_t i, auto u) {
            const batch pv = xsimd::load_unaligned(p + i);
            const batch qv = M::pair ? xsimd::load_unaligned(q + i) : pv;
            batch k, y;
            detail::log_parts(M::weighted_log(pv, qv), k, y);
            with_k[u] = detail::fma(pv, k, with_k[u]);
            with_y[u] = detail::fma(pv, y, with_y[u]);
            sum_p[u] += pv;
            least[u] = xsimd::min(least[u], pv);
            if constexpr (M::pair) {
                sum_q[u] += qv;
                least[u] = xsimd::min(least[u], qv);
            }
        },
        [&](std::size_t i) {  // scalar tail
            const double qi = M::pair ? q[i] : p[i];
            tail.value += M::term(p[i], qi);
            tail.sum_p += p[i];
            tail.sum_q += M::pair ? qi : 0.0;
            tail.bad = tail.bad || !(p[i] >= 0.0) || !(qi >= 0.0);
        });
    // sign · (ln 2 · Σ p k + Σ p log m), ln 2 = ln2_hi + ln2_lo
    const double k_part = xsimd::hadd(detail::pairwise_sum<0, U>(with_k));
    const double y_part = xsimd::hadd(detail::pairwise_sum<0, U>(with_y));
    const double ln2_hi = 0x1.62e42fefa3800p-1, ln2_lo = 0x1.ef35793c76730p-45;
    Scan s;
    s.value = M::sign * (k_part * ln2_hi + (k_part * ln2_lo + y_part)) + tail.value;
    s.sum_p = xsimd::hadd(detail::pairwise_sum<0, U>(sum_p)) + tail.sum_p;
    s.sum_q = xsimd::hadd(detail::pairwise_sum<0, U>(sum_q)) + tail.sum_q;
    batch lowest = least[0];
    for (std::size_t u = 1; u < U; ++u) lowest = xsimd::min(lowest, least[u]);
    s.bad = xsimd::any(lowest < batch(0.0)) || tail.bad;
    return s;
}

// The pass over a whole distribution of n entries: fixed blocks, in parallel
// above parallel_threshold, combined in block order (kernels/reduce.hpp).
template <class M>
Scan scan(const double* p, const double* q, std::size_t n) {
    return detail::blocked_reduce(
        n, Scan{}, [p, q](std::size_t b, std::size_t e) { return scan_block<M>(p, q, b, e); }, combine);
}
//! [fused_block]

// ---------------------------------------------------------------- along an axis

// One distribution per row: row i of P is P.data() + i k, and q_row(i) gives
// the row it is compared with. Long rows are each reduced by the parallel
// blocked reduction (bitwise the vector function's result); short rows run
// in parallel, one row per task. Which of the two depends on the shape only.
template <class M, class QRow>
std::vector<Scan> scan_rows(const Matrix& P, QRow q_row) {
    const std::size_t m = P.shape(0), k = P.shape(1);
    std::vector<Scan> rows(m);
    if (k >= parallel_threshold) {
        for (std::size_t i = 0; i < m; ++i) rows[i] = scan<M>(P.data() + i * k, q_row(i), k);
        return rows;
    }
    const long long mm = static_cast<long long>(m);
    detail::parallel_for(0, mm, m * k >= parallel_threshold, [&](long long i) {
        const auto r = static_cast<std::size_t>(i);
        rows[r] = scan_block<M>(P.data() + r * k, q_row(r), 0, k);
    });
    return rows;
}

// One distribution per column: the rows are streamed one after the other
// and each SIMD lane accumulates its own column, so a column's sum runs
// over the rows in order whatever the thread count. Threads take blocks of
// 512 columns (their 4 accumulator arrays, 16 KiB, stay in the L1 cache).
template <class M>
std::vector<Scan> scan_columns(const Matrix& P, const Matrix& Q) {
    const std::size_t m = P.shape(0), k = P.shape(1);
    constexpr std::size_t chunk = 512;
    std::vector<double> value(k, 0.0), sum_p(k, 0.0), sum_q(k, 0.0), bad(k, 0.0);  // bad: a count, as a double
    const long long nchunks = static_cast<long long>((k + chunk - 1) / chunk);
    detail::parallel_for(0, nchunks, m * k >= parallel_threshold, [&](long long c) {
        const std::size_t j0 = static_cast<std::size_t>(c) * chunk, j1 = j0 + chunk < k ? j0 + chunk : k;
        for (std::size_t i = 0; i < m; ++i) {
            const double* p = P.data() + i * k;
            const double* q = Q.data() + i * k;
            detail::for_each_batch<double>(
                j0, j1,
                [&](std::size_t j) {
                    const batch pv = xsimd::load_unaligned(p + j);
                    const batch qv = M::pair ? xsimd::load_unaligned(q + j) : pv;
                    const auto wrong = (!(pv >= batch(0.0))) | (!(qv >= batch(0.0)));
                    (xsimd::load_unaligned(value.data() + j) + M::term(pv, qv)).store_unaligned(value.data() + j);
                    (xsimd::load_unaligned(sum_p.data() + j) + pv).store_unaligned(sum_p.data() + j);
                    (xsimd::load_unaligned(sum_q.data() + j) + qv).store_unaligned(sum_q.data() + j);
                    (xsimd::load_unaligned(bad.data() + j) + xsimd::select(wrong, batch(1.0), batch(0.0)))
                        .store_unaligned(bad.data() + j);
                },
                [&](std::size_t j) {  // scalar tail
                    const double qj = M::pair ? q[j] : p[j];
                    value[j] += M::term(p[j], qj);
                    sum_p[j] += p[j];
                    sum_q[j] += qj;
                    bad[j] += (!(p[j] >= 0.0) || !(qj >= 0.0)) ? 1.0 : 0.0;
                });
        }
    });
    std::vector<Scan> columns(k);
    for (std::size_t j = 0; j < k; ++j) columns[j] = Scan{value[j], sum_p[j], sum_q[j], bad[j] > 0.0};
    return columns;
}

// The measure of each column (axis 0) or row (axis 1), after the cheap
// checks; `full_check()` is the reference's check, run only when the pass
// did not prove the input valid.
template <class M, class FullCheck>
Vector along_axis(const Matrix& P, const Matrix& Q, std::size_t axis, double base, FullCheck full_check) {
    const std::size_t k = P.shape(1);
    const std::vector<Scan> scans =
        axis == 0 ? scan_columns<M>(P, Q) : scan_rows<M>(P, [&Q, k](std::size_t i) { return Q.data() + i * k; });
    const std::size_t length = axis == 0 ? P.shape(0) : k;
    Vector H = Vector::from_shape({scans.size()});
    bool valid = true;
    for (std::size_t d = 0; d < scans.size(); ++d) {
        valid = valid && proven_valid<M>(scans[d], length);
        H(d) = scans[d].value;
    }
    if (!valid) full_check();
    return checks::in_base(std::move(H), base);
}

// The measure of one distribution (p, q) after the cheap checks.
template <class M, class FullCheck>
double measure(const Vector& p, const Vector& q, double base, FullCheck full_check) {
    const Scan s = scan<M>(p.data(), q.data(), p.size());
    if (!proven_valid<M>(s, p.size())) full_check();
    return checks::in_base(s.value, base);
}

// The KL of each row of C against one q, unchecked (mutual information).
Vector kl_rows(const Matrix& C, const Vector& q) {
    const std::vector<Scan> rows = scan_rows<KL>(C, [&q](std::size_t) { return q.data(); });
    Vector D = Vector::from_shape({rows.size()});
    for (std::size_t i = 0; i < rows.size(); ++i) D(i) = rows[i].value;
    return D;
}

// ---------------------------------------------------------------- element-wise maps

//! [elementwise_batches]
// SciPy's element-wise functions for a batch: the same cases as the scalar
// formulas (dlmath/detail/composites/probability.hpp), chosen by selects.
batch xlogy_batch(const batch& x, const batch& y) {
    return xsimd::select((x == batch(0.0)) & !xsimd::isnan(y), batch(0.0), x * detail::log(y));
}
batch entr_batch(const batch& x) {
    const batch r = xsimd::select(x == batch(0.0), batch(0.0), batch(-inf));  // x = 0, or x < 0
    return xsimd::select(x > batch(0.0), -(x * detail::log(x)), xsimd::select(xsimd::isnan(x), x, r));
}
// x > 0 and y > 0: `positive`; x = 0 <= y: `zero_value`; NaN: NaN; otherwise +inf
batch scipy_cases(const batch& x, const batch& y, const batch& positive, const batch& zero_value) {
    const batch other = xsimd::select(xsimd::isnan(x) | xsimd::isnan(y), batch(nan), batch(inf));
    const batch r = xsimd::select((x == batch(0.0)) & (y >= batch(0.0)), zero_value, other);
    return xsimd::select((x > batch(0.0)) & (y > batch(0.0)), positive, r);
}
batch rel_entr_batch(const batch& x, const batch& y) {
    return scipy_cases(x, y, x * detail::log(x / y), batch(0.0));
}
batch kl_div_batch(const batch& x, const batch& y) {
    return scipy_cases(x, y, x * detail::log(x / y) - x + y, y);
}
//! [elementwise_batches]

// r[i] = f(x[i], y[i]) over [0, n), in parallel over fixed blocks above
// parallel_threshold. Bound attacked: memory (24 bytes per element).
template <class BatchF, class ScalarF>
void map_pairs(const double* x, const double* y, double* r, std::size_t n, BatchF fb, ScalarF fs) {
    const long long nblocks = static_cast<long long>((n + reduction_block - 1) / reduction_block);
    detail::parallel_for(0, nblocks, n >= parallel_threshold, [&](long long b) {
        const std::size_t begin = static_cast<std::size_t>(b) * reduction_block;
        const std::size_t end = begin + reduction_block < n ? begin + reduction_block : n;
        detail::for_each_batch<double>(
            begin, end,
            [&](std::size_t i) {
                fb(xsimd::load_unaligned(x + i), xsimd::load_unaligned(y + i)).store_unaligned(r + i);
            },
            [&](std::size_t i) { r[i] = fs(x[i], y[i]); });  // scalar tail
    });
}

template <class E, class BatchF, class ScalarF>
E elementwise(const E& x, const E& y, BatchF fb, ScalarF fs) {
    E r = E::from_shape(x.shape());
    map_pairs(x.data(), y.data(), r.data(), x.size(), fb, fs);
    return r;
}

template <class E>
E entr_of(const E& x) {  // one operand: y is x, unused
    return elementwise(
        x, x, [](const batch& a, const batch&) { return entr_batch(a); },
        [](double a, double) { return checks::entr(a); });
}
template <class E>
E xlogy_of(const E& x, const E& y) {
    checks::check_elementwise_pair(checks::fn::xlogy, x, y);
    return elementwise(x, y, xlogy_batch, [](double a, double b) { return checks::xlogy(a, b); });
}
template <class E>
E rel_entr_of(const E& x, const E& y) {
    checks::check_elementwise_pair(checks::fn::rel_entr, x, y);
    return elementwise(x, y, rel_entr_batch, [](double a, double b) { return checks::rel_entr(a, b); });
}
template <class E>
E kl_div_of(const E& x, const E& y) {
    checks::check_elementwise_pair(checks::fn::kl_div, x, y);
    return elementwise(x, y, kl_div_batch, [](double a, double b) { return checks::kl_div(a, b); });
}

}  // namespace

double self_information(double p, double base) { return reference::self_information(p, base); }

Vector self_information(const Vector& p, double base) {
    checks::check_self_information_shape(p, base);
    const std::size_t n = p.size();
    Vector I = Vector::from_shape({n});
    // -log p_i, and in the same pass whether some p_i lies outside [0, 1] (or is NaN)
    const auto outside = [](const batch& v) { return (!(v >= batch(0.0))) | (v > batch(1.0)); };
    const bool wrong = detail::blocked_reduce(
        n, false,
        [&](std::size_t b, std::size_t e) {
            xsimd::batch_bool<double> seen(false);
            bool tail = false;
            detail::for_each_batch<double>(
                b, e,
                [&](std::size_t i) {
                    const batch v = xsimd::load_unaligned(p.data() + i);
                    seen = seen | outside(v);
                    (-detail::log(v)).store_unaligned(I.data() + i);
                },
                [&](std::size_t i) {  // scalar tail
                    tail = tail || !(p(i) >= 0.0 && p(i) <= 1.0);
                    I(i) = -std::log(p(i));
                });
            return tail || xsimd::any(seen);
        },
        [](bool a, bool b) { return a || b; });
    if (wrong) checks::check_self_information(p, base);  // throws the reference's message
    return checks::in_base(std::move(I), base);
}

//! [fast_entropy]
double entropy(const Vector& p, double base) {
    checks::check_entropy_shape(p, base);
    return measure<Entropy>(p, p, base, [&] { checks::check_entropy(p, base); });
}
//! [fast_entropy]

Vector entropy(const Matrix& P, std::size_t axis, double base) {
    checks::check_entropy_shape(P, axis, base);
    return along_axis<Entropy>(P, P, axis, base, [&] { checks::check_entropy(P, axis, base); });
}

double cross_entropy(const Vector& p, const Vector& q, double base) {
    checks::check_distribution_pair_shape(checks::fn::cross_entropy, p, q, base);
    return measure<CrossEntropy>(p, q, base, [&] { checks::check_cross_entropy(p, q, base); });
}

Vector cross_entropy(const Matrix& P, const Matrix& Q, std::size_t axis, double base) {
    checks::check_distribution_pair_shape(checks::fn::cross_entropy, P, Q, axis, base);
    return along_axis<CrossEntropy>(P, Q, axis, base, [&] { checks::check_cross_entropy(P, Q, axis, base); });
}

//! [fast_kl_divergence]
double kl_divergence(const Vector& p, const Vector& q, double base) {
    checks::check_distribution_pair_shape(checks::fn::kl_divergence, p, q, base);
    return measure<KL>(p, q, base, [&] { checks::check_kl_divergence(p, q, base); });
}
//! [fast_kl_divergence]

Vector kl_divergence(const Matrix& P, const Matrix& Q, std::size_t axis, double base) {
    checks::check_distribution_pair_shape(checks::fn::kl_divergence, P, Q, axis, base);
    return along_axis<KL>(P, Q, axis, base, [&] { checks::check_kl_divergence(P, Q, axis, base); });
}

double jensen_shannon_divergence(const Vector& p, const Vector& q, double base) {
    checks::check_jensen_shannon_divergence(p, q, base);
    const auto kl = [](const Vector& a, const Vector& b) { return scan<KL>(a.data(), b.data(), a.size()).value; };
    return checks::in_base(checks::jensen_shannon_divergence(p, q, kl), base);
}

double mutual_information(const Matrix& P, double base) {
    checks::check_mutual_information(P, base);
    return checks::in_base(checks::mutual_information(P, kl_rows), base);
}

Vector xlogy(const Vector& x, const Vector& y) { return xlogy_of(x, y); }
Matrix xlogy(const Matrix& x, const Matrix& y) { return xlogy_of(x, y); }
Vector entr(const Vector& x) { return entr_of(x); }
Matrix entr(const Matrix& x) { return entr_of(x); }
Vector rel_entr(const Vector& x, const Vector& y) { return rel_entr_of(x, y); }
Matrix rel_entr(const Matrix& x, const Matrix& y) { return rel_entr_of(x, y); }
Vector kl_div(const Vector& x, const Vector& y) { return kl_div_of(x, y); }
Matrix kl_div(const Matrix& x, const Matrix& y) { return kl_div_of(x, y); }

}  // namespace dlmath::fast

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
