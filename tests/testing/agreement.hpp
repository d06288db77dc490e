// Shared test helpers: error bounds in units of the unit roundoff, the
// small norms that scale them, and one agreement check that reports the
// worst element, its index, both values and the bound.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xsort.hpp>

#include "dlmath/tensor.hpp"

namespace dlmath::testing {

/// Unit roundoff of double, u = 2^-53.
inline constexpr double u = std::numeric_limits<double>::epsilon() / 2;

/// Higham's gamma_n = n u / (1 - n u): the relative error bound of n
/// successive roundings (e.g. a recursive sum of n + 1 terms).
inline double gamma_n(double n) { return n * u / (1.0 - n * u); }

/// Backward error of a Jacobi decomposition: at most ~10 sweeps, each column
/// takes part in n - 1 rotations per sweep, each rotation costs a few u
/// relative (Demmel & Veselic 1992): c n u with c = 60 covers it.
inline double jacobi_bound(std::size_t n) { return 60.0 * static_cast<double>(std::max<std::size_t>(n, 1)) * u; }

/// A^T, as a Matrix.
inline Matrix tr(const Matrix& A) { return xt::transpose(A); }
/// ||A||_F, summed plainly (the scale of a bound, not a result under test).
/// Templates over any expression: a Vector passed to a Matrix parameter would be
/// converted by xtensor's implicit constructor, which reads a second extent the
/// vector does not have.
template <class E>
double fro(const xt::xexpression<E>& e) {
    const auto& A = e.derived_cast();
    return std::sqrt(xt::sum(A * A)());
}
/// max |a_ij| of a vector, matrix or expression; 0 when empty.
template <class E>
double max_abs(const xt::xexpression<E>& e) {
    const auto& A = e.derived_cast();
    return A.size() ? double(xt::amax(xt::abs(A))()) : 0.0;
}

/// Distance in units in the last place between two finite doubles
/// (0 when bitwise equal, 1 for neighbours; +0 and -0 are 0 apart).
inline std::uint64_t ulp_distance(double a, double b) {
    auto key = [](double d) {
        std::int64_t i;
        std::memcpy(&i, &d, sizeof d);
        return i < 0 ? std::numeric_limits<std::int64_t>::min() - i : i;
    };
    const std::int64_t ka = key(a), kb = key(b);
    return ka > kb ? static_cast<std::uint64_t>(ka) - static_cast<std::uint64_t>(kb)
                   : static_cast<std::uint64_t>(kb) - static_cast<std::uint64_t>(ka);
}

/// True when both are NaN, both the same infinity, or |fast - ref| <= bound.
inline bool within(double fast, double ref, double bound) {
    if (std::isnan(fast) || std::isnan(ref)) return std::isnan(fast) && std::isnan(ref);
    if (std::isinf(fast) || std::isinf(ref)) return fast == ref;
    return std::fabs(fast - ref) <= bound;
}

/// Scalar agreement: |fast - ref| <= bound, reported with all three values.
inline ::testing::AssertionResult agree(double fast, double ref, double bound, const std::string& what = "") {
    if (within(fast, ref, bound)) return ::testing::AssertionSuccess();
    std::ostringstream os;
    os.precision(17);
    os << what << (what.empty() ? "" : ": ") << "fast = " << fast << ", reference = " << ref
       << ", |difference| = " << std::fabs(fast - ref) << " exceeds the bound " << bound;
    return ::testing::AssertionFailure() << os.str();
}

/// Element-wise agreement of two tensors of the same shape with a bound per
/// element: `bound(k)` is called with the flat index k. Reports the element
/// whose difference is largest relative to its bound.
template <class E1, class E2, class Bound>
::testing::AssertionResult agree_elementwise(const E1& fast, const E2& ref, Bound bound, const std::string& what = "") {
    if (fast.shape() != ref.shape()) {
        return ::testing::AssertionFailure() << what << ": shapes differ";
    }
    std::size_t worst = 0, failures = 0;
    double worst_ratio = -1.0;
    for (std::size_t k = 0; k < fast.size(); ++k) {
        const double f = fast.data()[k], r = ref.data()[k], b = bound(k);
        const bool ok = within(f, r, b);
        const double ratio = ok ? (b > 0 ? std::fabs(f - r) / b : 0.0) : std::numeric_limits<double>::infinity();
        if (!ok) ++failures;
        if (ratio > worst_ratio) { worst_ratio = ratio; worst = k; }
    }
    if (failures == 0) return ::testing::AssertionSuccess();
    std::ostringstream os;
    os.precision(17);
    os << what << (what.empty() ? "" : ": ") << failures << " of " << fast.size()
       << " elements outside the bound; worst at flat index " << worst << ": fast = " << fast.data()[worst]
       << ", reference = " << ref.data()[worst] << ", bound = " << bound(worst);
    return ::testing::AssertionFailure() << os.str();
}

}  // namespace dlmath::testing

/// Inside a RapidCheck property: fail with the message of an AssertionResult.
#define DLMATH_RC_ASSERT(expr)                                   \
    do {                                                         \
        const ::testing::AssertionResult dlmath_rc_r = (expr);   \
        if (!dlmath_rc_r) RC_FAIL(dlmath_rc_r.message());        \
    } while (0)
