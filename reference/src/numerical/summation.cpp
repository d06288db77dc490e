// Section 3.3, summation: naive, compensated and pairwise sums (reference
// rules: plain loops under the formula, no intrinsics, no OpenMP).
//
// The compensated sum depends on (t − s) − y being evaluated as written;
// the project compiles with -ffp-contract=off and without -ffast-math, so it
// is.

#include "dlmath/reference/numerical/summation.hpp"

#include <cmath>
#include <cstddef>

#include "dlmath/detail/checks/numerical.hpp"

namespace dlmath::reference {

//! [sum_naive]
template <class T>
T sum_naive(const xt::xtensor<T, 1>& x) {
    // x ~ (n)
    T s = T(0);
    for (std::size_t i = 0; i < x.size(); ++i) s += x(i);
    return s;
}
//! [sum_naive]

//! [sum_kahan]
template <class T>
T sum_kahan(const xt::xtensor<T, 1>& x) {
    // x ~ (n); s the running sum, c the part of it that was rounded away
    T s = T(0), c = T(0);
    for (std::size_t i = 0; i < x.size(); ++i) {
        const T y = x(i) - c;  // the term, corrected by what the last addition lost
        const T t = s + y;     // the low bits of y are lost here ...
        c = (t - s) - y;       // ... and recovered here: (t - s) is what was added
        s = t;
    }
    if (!std::isfinite(s)) return sum_naive(x);  // inf - inf in c would make it NaN
    return s;
}
//! [sum_kahan]

//! [sum_pairwise]
namespace {
template <class T>
T pairwise(const xt::xtensor<T, 1>& x, std::size_t begin, std::size_t end) {
    if (end - begin == 0) return T(0);
    if (end - begin == 1) return x(begin);
    const std::size_t mid = begin + (end - begin) / 2;
    return pairwise(x, begin, mid) + pairwise(x, mid, end);
}
}  // namespace

template <class T>
T sum_pairwise(const xt::xtensor<T, 1>& x) {
    // x ~ (n): S(x[0, n)) = S(x[0, n/2)) + S(x[n/2, n))
    return pairwise(x, 0, x.size());
}
//! [sum_pairwise]

//! [sum_in_blocks]
template <class T>
T sum_in_blocks(const xt::xtensor<T, 1>& x, std::size_t blocks) {
    detail::check_sum_in_blocks(blocks);
    // x ~ (n), B blocks: block b is x[b n / B, (b + 1) n / B)
    const std::size_t n = x.size(), B = blocks;
    T total = T(0);
    for (std::size_t b = 0; b < B; ++b) {
        T s = T(0);  // one thread's partial sum
        for (std::size_t i = b * n / B; i < (b + 1) * n / B; ++i) s += x(i);
        total += s;  // partials combined in block order
    }
    return total;
}
//! [sum_in_blocks]

template float sum_naive<float>(const xt::xtensor<float, 1>&);
template double sum_naive<double>(const xt::xtensor<double, 1>&);
template float sum_kahan<float>(const xt::xtensor<float, 1>&);
template double sum_kahan<double>(const xt::xtensor<double, 1>&);
template float sum_pairwise<float>(const xt::xtensor<float, 1>&);
template double sum_pairwise<double>(const xt::xtensor<double, 1>&);
template float sum_in_blocks<float>(const xt::xtensor<float, 1>&, std::size_t);
template double sum_in_blocks<double>(const xt::xtensor<double, 1>&, std::size_t);

}  // namespace dlmath::reference
