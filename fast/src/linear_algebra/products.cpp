// Chapter 1, operations and products — fast twin.
//
// Rules of this file: OpenMP + xsimd, same signatures and checks as the
// reference twin; every SIMD loop ends with a scalar tail; each kernel says
// which bound (memory or compute) it attacks. The compute-bound products
// (matmul, bmm, gram, GEMM-shaped einsum) all go through the blocked GEMM of
// gemm.cpp; matvec and gdt are memory-bound dot products.

#include "dlmath/fast/linear_algebra/products.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xsimd/xsimd.hpp>

#include "dlmath/detail/checks/linear_algebra.hpp"
#include "dlmath/detail/scaling.hpp"
#include "dlmath/reference/linear_algebra/products.hpp"
#include "dlmath/fast/threads.hpp"
#include "../kernels/dot.hpp"
#include "../kernels/linear_algebra/gemm.hpp"
#include "../kernels/parallel.hpp"

namespace dlmath::fast {
namespace {

// <x, y> over n contiguous doubles (gdt and the dot-shaped einsum specs).
double flat_dot(const double* x, const double* y, std::size_t n) { return detail::dot(x, y, n); }

//! [matvec_rows]
// y_r = <A_r, x> for the R rows r0 .. r0 + R − 1 at once: each batch of x is
// loaded once for R rows. A lone row's dot product loads two operands per
// FMA; R rows load R + 1 for R FMAs, so the core's load ports, not the
// memory, set the pace only for R = 1. Each row keeps two accumulators (2R
// FMA chains in flight, enough to cover the FMA's latency for R = 4), added,
// then their lanes, then the row's scalar tail — the same order for every
// row whatever R, so a row's y does not depend on how the rows were grouped.
template <std::size_t R>
void rows_times_x(const double* A, const double* x, double* y, std::size_t r0, std::size_t n) {
    std::array<std::array<detail::batch, 2>, R> acc;
    for (auto& a : acc) a.fill(detail::batch(0.0));
    auto step = [&](std::size_t i, auto u) {
        const detail::batch xi = xsimd::load_unaligned(x + i);
        for (std::size_t r = 0; r < R; ++r)
            acc[r][u] = detail::fma(xsimd::load_unaligned(A + (r0 + r) * n + i), xi, acc[r][u]);
    };
    const std::size_t tail = detail::batch_loop<double, 2>(0, n, step);
    for (std::size_t r = 0; r < R; ++r) {
        const double* row = A + (r0 + r) * n;
        double s = detail::lanes_sum(acc[r][0] + acc[r][1]);
        for (std::size_t i = tail; i < n; ++i) s += row[i] * x[i];  // scalar tail
        y[r0 + r] = s;
    }
}

// y ~ (m) = A ~ (m, n, row-major) · x ~ (n): groups of four rows, each group
// one thread's; the last m mod 4 rows one at a time. Bound attacked: memory
// bandwidth (2 flops per 8 bytes of A), once the loads of x are shared.
void matvec_rows(const double* A, const double* x, double* y, std::size_t m, std::size_t n) {
    constexpr std::size_t R = 4;
    const long long groups = static_cast<long long>(m / R);
    detail::parallel_for(0, groups, m * n >= parallel_threshold,
                         [&](long long g) { rows_times_x<R>(A, x, y, static_cast<std::size_t>(g) * R, n); });
    for (std::size_t r = m / R * R; r < m; ++r) rows_times_x<1>(A, x, y, r, n);
}
//! [matvec_rows]

detail::View row_major(const double* data, std::size_t cols) { return {data, cols, 1}; }
detail::View transposed(const double* data, std::size_t cols) { return {data, 1, cols}; }

std::vector<std::size_t> shape_of(const xt::xarray<double>& x) { return {x.shape().begin(), x.shape().end()}; }

// The spec with its letters renamed a, b, c, ... in order of first
// appearance: "ijz,izk->ijk" and "bmk,bkn->bmn" both become "abc,acd->abd".
std::string canonical(const dlmath::detail::EinsumSpec& s) {
    std::string map(128, '\0');
    char next = 'a';
    auto rename = [&](const std::string& term) {
        std::string r;
        for (char ch : term) {
            auto& m = map[static_cast<unsigned char>(ch)];
            if (!m) m = next++;
            r += m;
        }
        return r;
    };
    std::string out;
    for (std::size_t t = 0; t < s.inputs.size(); ++t) {
        if (t) out += ',';
        out += rename(s.inputs[t]);
    }
    out += "->";
    out += rename(s.output);
    return out;
}

}  // namespace

// ---------------------------------------------------------------- element-wise, transpose, trace, Frobenius
// xtensor's expressions are already the fast path here (one vectorised,
// memory-bound pass); these twins exist so that every function has one.

Matrix add(const Matrix& A, const Matrix& B) {
    dlmath::detail::check_add(A, B);
    return A + B;
}

Matrix scale(double t, const Matrix& A) { return t * A; }

Matrix hadamard(const Matrix& A, const Matrix& B) {
    dlmath::detail::check_hadamard(A, B);
    return A * B;
}

Matrix transpose(const Matrix& A) { return xt::transpose(A); }

double trace(const Matrix& A) {
    return reference::trace(A);  // n additions: not worth threads or SIMD
}

double frobenius(const Matrix& A) {
    return reference::frobenius(A);  // the scaled two-pass sum; xt::norm_l2 would overflow
}

//! [fast_matmul]
Matrix matmul(const Matrix& A, const Matrix& B) {
    dlmath::detail::check_matmul(A, B);
    const std::size_t m = A.shape(0), k = A.shape(1), n = B.shape(1);
    Matrix C = xt::zeros<double>({m, n});  // C = 0, then C += A·B
    detail::gemm(m, n, k, row_major(A.data(), k), row_major(B.data(), n), C.data(), n, detail::Part::full,
                 m * n * k >= gemm_parallel_threshold);
    // Entries that overflowed on the way are recomputed from scaled operands
    // by the reference twin's product. Not by this GEMM: with a fused
    // multiply-add, x·y − x·y leaves the rounding error of x·y (about
    // 1e-16 |x·y|), which the scaling back turns into ±inf where the true
    // value is 0; plain products cancel exactly, and the twins then give the
    // same entries. The rescue runs only when a finite product overflowed.
    dlmath::detail::recompute_overflowed(A, B, C, reference::matmul);
    return C;
}
//! [fast_matmul]

Vector matvec(const Matrix& A, const Vector& x) {
    dlmath::detail::check_matvec(A, x);
    const std::size_t m = A.shape(0), n = A.shape(1);
    Vector y = Vector::from_shape({m});
    matvec_rows(A.data(), x.data(), y.data(), m, n);
    dlmath::detail::recompute_overflowed(A, x, y, reference::matvec);  // as in matmul
    return y;
}

Tensor3 bmm(const Tensor3& A, const Tensor3& B) {
    dlmath::detail::check_bmm(A, B);
    const std::size_t nb = A.shape(0), a = A.shape(1), b = A.shape(2), c = B.shape(2);
    Tensor3 C = xt::zeros<double>({nb, a, c});
    detail::batched_gemm(nb, a, c, b, row_major(A.data(), b), a * b, row_major(B.data(), c), b * c, C.data());
    dlmath::detail::recompute_overflowed(A, B, C, reference::bmm);  // as in matmul
    return C;
}

//! [fast_gram]
Matrix gram(const Matrix& X) {
    const std::size_t n = X.shape(0), d = X.shape(1);
    Matrix G = xt::zeros<double>({n, n});
    // G = X · Xᵀ, with Xᵀ read through strides; only tiles touching the lower triangle
    detail::gemm(n, n, d, row_major(X.data(), d), transposed(X.data(), d), G.data(), n, detail::Part::lower,
                 n * n * d / 2 >= gemm_parallel_threshold);
    for (std::size_t i = 0; i < n; ++i)  // mirror: G_ij = G_ji for j > i
        for (std::size_t j = i + 1; j < n; ++j) G(i, j) = G(j, i);
    // as in matmul; both operands are X, scaled alike
    dlmath::detail::recompute_overflowed(X, X, G, [](const Matrix& Xs, const Matrix&) { return reference::gram(Xs); });
    return G;
}
//! [fast_gram]

double gdt(const Tensor3& X, const Tensor3& Y) {
    dlmath::detail::check_gdt(X, Y);
    const double s = flat_dot(X.data(), Y.data(), X.size());
    return dlmath::detail::recompute_overflowed_sum(X, Y, s, gdt);  // as in dot
}

namespace {

//! [fast_einsum]
// The GEMM-shaped contractions on the fast kernels, every other one on the
// reference loops.
xt::xarray<double> contract(const dlmath::detail::EinsumSpec& s, const xt::xarray<double>& a,
                            const xt::xarray<double>& b) {
    const std::string form = canonical(s);
    const auto& sa = a.shape();
    const auto& sb = b.shape();
    if (form == "ab,bc->ac" || form == "ab,cb->ac") {  // A·B, A·Bᵀ
        const std::size_t m = sa[0], k = sa[1], n = form[3] == 'b' ? sb[1] : sb[0];
        xt::xarray<double> C = xt::zeros<double>(std::vector<std::size_t>{m, n});
        const detail::View B = form[3] == 'b' ? row_major(b.data(), n) : transposed(b.data(), k);
        detail::gemm(m, n, k, row_major(a.data(), k), B, C.data(), n, detail::Part::full,
                     m * n * k >= gemm_parallel_threshold);
        return C;
    }
    if (form == "abc,acd->abd" || form == "abc,adc->abd") {  // BMM, BMM with B_tᵀ
        const std::size_t nb = sa[0], m = sa[1], k = sa[2], n = form[5] == 'c' ? sb[2] : sb[1];
        xt::xarray<double> C = xt::zeros<double>(std::vector<std::size_t>{nb, m, n});
        const detail::View B = form[5] == 'c' ? row_major(b.data(), n) : transposed(b.data(), k);
        detail::batched_gemm(nb, m, n, k, row_major(a.data(), k), m * k, B, k * n, C.data());
        return C;
    }
    if (form == "ab,b->a") {  // matrix-vector
        xt::xarray<double> y = xt::zeros<double>(std::vector<std::size_t>{sa[0]});
        matvec_rows(a.data(), b.data(), y.data(), sa[0], sa[1]);
        return y;
    }
    if (form == "abc,abc->" || form == "ab,ab->" || form == "a,a->") {  // GDT and plain dot products
        xt::xarray<double> r = xt::zeros<double>(std::vector<std::size_t>{});
        r() = flat_dot(a.data(), b.data(), a.size());
        return r;
    }
    return reference::einsum(form, a, b);  // every other contraction: the reference loops
}
//! [fast_einsum]

}  // namespace

xt::xarray<double> einsum(std::string_view spec, const xt::xarray<double>& a, const xt::xarray<double>& b) {
    const auto s = dlmath::detail::check_einsum(spec, {shape_of(a), shape_of(b)});
    // private letters summed out first, overflowed entries recomputed scaled
    // by the reference's einsum (plain products, as in matmul): the reference's glue
    return dlmath::detail::einsum_two_operands(
        dlmath::detail::fn::einsum, s, a, b, contract,
        [](const std::string& spec1, const xt::xarray<double>& x) { return einsum(spec1, x); },
        [spec](const xt::xarray<double>& x, const xt::xarray<double>& y) { return reference::einsum(spec, x, y); });
}

namespace {

// sum_k x[k] over [begin, end): four SIMD accumulators, then their lanes, then the tail.
double block_sum(const double* x, std::size_t begin, std::size_t end) {
    return detail::sum_batches<double, 4>(
        begin, end, [x](detail::batch acc, std::size_t i) { return acc + xsimd::load_unaligned(x + i); },
        [x](double s, std::size_t i) { return s + x[i]; });
}

bool repeats_a_letter(const std::string& term) {
    for (std::size_t i = 0; i < term.size(); ++i)
        if (term.find(term[i], i + 1) != std::string::npos) return true;
    return false;
}

//! [fast_einsum_sums]
// The sums among the one-operand specs, on contiguous memory. With the letters of a
// term without repeats in order, and the output its first letters ("abc->ab", "ab->"),
// each output entry sums one contiguous run of the operand: a SIMD sum per entry, and
// the blocked reduction of dot for a single entry (a full sum). With the output its last
// letters ("abc->bc"), the entries sum whole rows of the operand, added one after the
// other with SIMD: the reference's order, entry by entry. Bound attacked: memory, one
// pass over the operand. Anything else returns nothing and goes to the reference loops.
std::optional<xt::xarray<double>> contiguous_sums(const dlmath::detail::EinsumSpec& s, const xt::xarray<double>& a) {
    const std::string& term = s.inputs[0];
    const std::size_t kept = s.output.size();
    if (repeats_a_letter(term) || kept > term.size()) return std::nullopt;
    const bool leading = term.compare(0, kept, s.output) == 0;
    const bool trailing = term.compare(term.size() - kept, kept, s.output) == 0;
    if (!leading && !trailing) return std::nullopt;
    const auto& shape = a.shape();
    const std::vector<std::size_t> out_shape = leading ? std::vector<std::size_t>(shape.begin(), shape.begin() + kept)
                                                       : std::vector<std::size_t>(shape.end() - kept, shape.end());
    xt::xarray<double> R = xt::zeros<double>(out_shape);
    if (R.size() == 0 || a.size() == 0) return R;  // no entries, or empty sums
    const double* x = a.data();
    double* r = R.data();
    if (leading) {  // entry i sums the run x[i*K, (i+1)*K)
        const std::size_t K = a.size() / R.size();
        if (R.size() == 1) {
            r[0] = detail::blocked_reduce(
                K, 0.0, [x](std::size_t b, std::size_t e) { return block_sum(x, b, e); },
                [](double p, double q) { return p + q; });
            return R;
        }
        const long long entries = static_cast<long long>(R.size());
        detail::parallel_for(0, entries, a.size() >= parallel_threshold, [&](long long i) {
            const std::size_t e = static_cast<std::size_t>(i);
            r[e] = block_sum(x + e * K, 0, K);
        });
        return R;
    }
    const std::size_t J = R.size(), rows = a.size() / J;  // r[j] = sum_i x[i*J + j], i in order
    for (std::size_t i = 0; i < rows; ++i) {
        const double* row = x + i * J;
        detail::for_each_batch<double>(
            0, J, [r, row](std::size_t j) { (xsimd::load_unaligned(r + j) + xsimd::load_unaligned(row + j)).store_unaligned(r + j); },
            [r, row](std::size_t j) { r[j] += row[j]; });
    }
    return R;
}
//! [fast_einsum_sums]

}  // namespace

xt::xarray<double> einsum(std::string_view spec, const xt::xarray<double>& a) {
    const auto s = dlmath::detail::check_einsum(spec, {shape_of(a)});  // the reference's parser and errors
    // the SIMD sums where they apply, else the reference's loops; overflowed entries recomputed scaled
    return dlmath::detail::einsum_one_operand(a, [&s, spec](const xt::xarray<double>& x) {
        if (auto sums = contiguous_sums(s, x)) return std::move(*sums);
        return reference::einsum(spec, x);
    });
}

}  // namespace dlmath::fast
