/// \file
/// \brief Scaling by powers of two, shared by both twins: the way LAPACK
/// keeps sums of squares and products inside the double range.
///
/// Multiplying by \f$ 2^e \f$ changes only the exponent of a double, so it is
/// exact unless the result leaves the normal range. The decompositions
/// (svd, eigh), the power iteration and PCA run on \f$ 2^e A \f$ with
/// \f$ \max_{ij} |2^e a_{ij}| \in [1, 2) \f$, where no sum of squares of
/// a realistic size can overflow or lose a normal-sized term to underflow,
/// and unscale what they return. The products compute in plain arithmetic
/// and recompute, from scaled operands, only the entries that overflowed.
#pragma once

#include <climits>
#include <cmath>
#include <cstddef>

#include "dlmath/linear_algebra_types.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::detail {

/// The largest \f$ |a_k| \f$ over the entries of `A` (0 when empty; NaN is skipped).
template <class E>
double max_abs_entry(const E& A) {
    double m = 0.0;
    for (std::size_t k = 0; k < A.size(); ++k) m = std::fmax(m, std::fabs(A.data()[k]));
    return m;
}

/// The exponent e with \f$ 2^e \max_k |a_k| \in [1, 2) \f$, or 0 when A is
/// zero, empty or has an entry that is not finite (nothing to scale then).
template <class E>
int balancing_exponent(const E& A) {
    const double m = max_abs_entry(A);
    if (m == 0.0 || !std::isfinite(m)) return 0;
    return -std::ilogb(m);
}

/// \f$ 2^e A \f$, entry by entry with `std::ldexp` (exact while the entries
/// stay normal; an entry more than \f$ 2^{1074} \f$ below the largest is flushed
/// towards 0, a relative change below the unit roundoff of any sum it enters).
template <class E>
E scaled(E A, int e) {
    if (e == 0) return A;
    for (std::size_t k = 0; k < A.size(); ++k) A.data()[k] = std::ldexp(A.data()[k], e);
    return A;
}

/// Runs `kernel` on \f$ 2^e A \f$ (balanced) and scales the vector that
/// `values(result)` names back by \f$ 2^{-e} \f$: the singular values or the
/// eigenvalues of a decomposition, which are homogeneous of degree 1 in A,
/// while its vectors are the same for A and \f$ 2^e A \f$. A value beyond the
/// double range becomes ±inf.
template <class Kernel, class Values>
auto on_balanced(const Matrix& A, Kernel kernel, Values values) {
    const int e = balancing_exponent(A);
    auto r = kernel(scaled(A, e));
    Vector& v = values(r);
    v = scaled(v, -e);
    return r;
}

/// The thin SVD of A from `svd_kernel` run on \f$ 2^e A \f$:
/// \f$ \sigma_i(A) = 2^{-e} \sigma_i(2^e A) \f$, the same U and \f$ V^\top \f$.
template <class SvdKernel>
SVD scaled_svd(const Matrix& A, SvdKernel svd_kernel) {
    return on_balanced(A, svd_kernel, [](SVD& r) -> Vector& { return r.S; });
}

/// The eigendecomposition of the symmetric A from `eigh_kernel` run on
/// \f$ 2^e A \f$: \f$ \lambda_i(A) = 2^{-e} \lambda_i(2^e A) \f$, the same eigenvectors.
template <class EighKernel>
Eigh scaled_eigh(const Matrix& A, EighKernel eigh_kernel) {
    return on_balanced(A, eigh_kernel, [](Eigh& r) -> Vector& { return r.eigenvalues; });
}

/// True when every entry of `A` is finite.
template <class E>
bool all_finite(const E& A) {
    for (std::size_t k = 0; k < A.size(); ++k)
        if (!std::isfinite(A.data()[k])) return false;
    return true;
}

/// After `C = product(A, B)` in plain arithmetic (a bilinear map: matmul,
/// a Gram matrix, an einsum): when A and B are finite but some entry of C
/// is not, an intermediate sum overflowed, and IEEE rules then give +inf
/// or NaN for an entry whose true value may be 0 (e.g. \f$ 10^{400} - 10^{400} \f$).
/// Recomputes \f$ C' = \text{product}(2^{a} A, 2^{b} B) \f$ with both operands
/// balanced (entries below 2) and replaces each such entry by
/// \f$ 2^{-a-b} C'_k \f$: ±inf only where the true value lies beyond the
/// double range. Entries that were finite keep their bits; the common case
/// costs one pass over C.
template <class EA, class EB, class EC, class Product>
void recompute_overflowed(const EA& A, const EB& B, EC& C, Product product) {
    if (all_finite(C) || !all_finite(A) || !all_finite(B)) return;
    const int a = balancing_exponent(A), b = balancing_exponent(B);
    const EC Cs = product(scaled(A, a), scaled(B, b));
    for (std::size_t k = 0; k < C.size(); ++k)
        if (!std::isfinite(C.data()[k])) C.data()[k] = std::ldexp(Cs.data()[k], -a - b);
}

/// The one-operand form of `recompute_overflowed`, for a linear map of A
/// (the sums of a one-operand einsum): when A is finite but an entry of
/// `C = map(A)` is not, a running sum overflowed on the way
/// (\f$ (10^{308} + 10^{308}) - 10^{308} \f$ is \f$ 10^{308} \f$, not +inf).
/// Recomputes \f$ C' = \text{map}(2^{a} A) \f$ with A balanced (entries
/// below 2, so a sum of K of them stays below 2K) and replaces each such
/// entry by \f$ 2^{-a} C'_k \f$: ±inf only where the true value lies beyond
/// the double range. The two twins sum in different orders, so without it
/// the same operand could overflow in one twin and not in the other.
template <class EA, class EC, class Map>
void recompute_overflowed(const EA& A, EC& C, Map map) {
    if (all_finite(C) || !all_finite(A)) return;
    const int a = balancing_exponent(A);
    const EC Cs = map(scaled(A, a));
    for (std::size_t k = 0; k < C.size(); ++k)
        if (!std::isfinite(C.data()[k])) C.data()[k] = std::ldexp(Cs.data()[k], -a);
}

/// The scalar form of `recompute_overflowed`, for an inner product
/// \f$ s = \sum_k x_k y_k \f$ (dot, gdt): when x and y are finite but s is
/// not, returns \f$ 2^{-a-b}\, \text{product}(2^a x, 2^b y) \f$, which is
/// ±inf only where the true value lies beyond the double range
/// (\f$ 10^{400} - 10^{400} \f$ is 0, not NaN or +inf); otherwise s itself.
template <class EX, class EY, class Product>
double recompute_overflowed_sum(const EX& x, const EY& y, double s, Product product) {
    if (std::isfinite(s) || !all_finite(x) || !all_finite(y)) return s;
    const int a = balancing_exponent(x), b = balancing_exponent(y);
    return std::ldexp(product(scaled(x, a), scaled(y, b)), -a - b);
}

}  // namespace dlmath::detail
