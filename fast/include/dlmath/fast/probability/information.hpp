/// \file
/// \brief Chapter 2, information theory — fast twin.
///
/// The same functions, signatures, checks and edge values as
/// dlmath/reference/probability/information.hpp. What is fast: the
/// logarithm (a vectorised kernel with a proven bound, \f$ |\widehat{\log}\, x - \log x| \le 6u|\log x| \f$,
/// fast/src/kernels/log.hpp) and one fused pass per measure that sums the
/// terms and, in the same pass, the probabilities and a flag for NaN or
/// negative entries — the input check costs no second pass. Only when the
/// flag is raised or a sum is not surely within the tolerance does the full
/// check of the reference twin run (and throw its message). Reductions use
/// the reproducible blocked reduction: bitwise the same result for any
/// number of threads.
#pragma once

#include <cstddef>
#include <numbers>

#include "dlmath/fast/config.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::fast {

/// \ingroup chapter2
/// \copydoc dlmath::reference::self_information(double, double)
///
/// \par Fast twin
/// One number has nothing to speed up: this forwards to the reference twin.
double self_information(double p, double base = std::numbers::e);

/// \ingroup chapter2
/// \copydoc dlmath::reference::self_information(const Vector&, double)
///
/// \par Fast twin
/// One pass with the SIMD logarithm, the range check fused into it; threads above
/// `parallel_threshold`. Bound attacked: memory (16 bytes moved per element).
/// Accuracy: within \f$ 6u|\log p_i| \f$ (plus the division by \f$ \ln b \f$) of the exact value.
Vector self_information(const Vector& p, double base = std::numbers::e);

/// \ingroup chapter2
/// \copydoc dlmath::reference::entropy(const Vector&, double)
///
/// \par Fast twin
/// One fused pass: \f$ -\sum p_i \log p_i \f$, \f$ \sum p_i \f$ and the NaN/negative flag
/// together, two SIMD accumulators of each, fixed blocks of `reduction_block`
/// combined in order. Bound attacked: memory — 8 bytes read per element for
/// some 25 flops (the logarithm), an arithmetic intensity of about 3 flop/byte,
/// below the ridge point of a multi-core machine once the logarithm is vectorised.
/// Accuracy: \f$ |\hat H - H| \le (6u + \gamma_{b/(2w) + n/b + 2w + 2}) \sum_i |p_i \log p_i| \f$
/// for block length b and SIMD width w.
double entropy(const Vector& p, double base = std::numbers::e);

/// \ingroup chapter2
/// \copydoc dlmath::reference::entropy(const Matrix&, std::size_t, double)
///
/// \par Fast twin
/// The vector kernel per row (axis 1); for columns (axis 0) the rows are streamed with the SIMD
/// lanes across columns, as cross_entropy(const Matrix&, const Matrix&, std::size_t, double).
Vector entropy(const Matrix& P, std::size_t axis, double base = std::numbers::e);

/// \ingroup chapter2
/// \copydoc dlmath::reference::cross_entropy(const Vector&, const Vector&, double)
///
/// \par Fast twin
/// One fused pass over p and q (16 bytes per element: memory-bound), the sums
/// of p and q and the flag in the same pass. Accuracy: each term within
/// \f$ (6u + 2u) |p_i \log q_i| \f$, plus the blocked sum's rounding.
double cross_entropy(const Vector& p, const Vector& q, double base = std::numbers::e);
/// \ingroup chapter2
/// \copydoc dlmath::reference::cross_entropy(const Matrix&, const Matrix&, std::size_t, double)
///
/// \par Fast twin
/// Rows (axis 1) run in parallel, each by the vector kernel; columns (axis 0)
/// are summed row after row with the SIMD lanes across columns, in parallel
/// over blocks of columns. Each distribution's sum has a fixed order: the
/// result does not depend on the thread count.
Vector cross_entropy(const Matrix& P, const Matrix& Q, std::size_t axis, double base = std::numbers::e);

/// \ingroup chapter2
/// \copydoc dlmath::reference::kl_divergence(const Vector&, const Vector&, double)
///
/// \par Fast twin
/// One fused pass, \f$ p_i \log(p_i/q_i) \f$ with one division and the SIMD logarithm
/// per element; the sums of p and q and the flag in the same pass. Bound
/// attacked: memory (16 bytes per element, some 30 flops). Accuracy: each term
/// within \f$ 6u|p_i \log(p_i/q_i)| + 2u p_i \f$, plus the blocked sum's rounding.
double kl_divergence(const Vector& p, const Vector& q, double base = std::numbers::e);
/// \ingroup chapter2
/// \copydoc dlmath::reference::kl_divergence(const Matrix&, const Matrix&, std::size_t, double)
///
/// \par Fast twin
/// As cross_entropy(const Matrix&, const Matrix&, std::size_t, double).
Vector kl_divergence(const Matrix& P, const Matrix& Q, std::size_t axis, double base = std::numbers::e);

/// \ingroup chapter2
/// \copydoc dlmath::reference::jensen_shannon_divergence
///
/// \par Fast twin
/// The same composite on the fast KL kernel: forming M is one extra pass.
double jensen_shannon_divergence(const Vector& p, const Vector& q, double base = std::numbers::e);

/// \ingroup chapter2
/// \copydoc dlmath::reference::mutual_information
///
/// \par Fast twin
/// The same composite; the KL of the conditional rows runs on the fast row kernel.
double mutual_information(const Matrix& P, double base = std::numbers::e);

/// \ingroup chapter2
/// \copydoc dlmath::reference::xlogy(const Vector&, const Vector&)
///
/// \par Fast twin
/// One SIMD pass with the fast logarithm; SciPy's edge values by selects, so the
/// special cases are bitwise those of the reference. Memory-bound (24 bytes per element).
Vector xlogy(const Vector& x, const Vector& y);
/// \ingroup chapter2
/// \copydoc dlmath::reference::xlogy(const Matrix&, const Matrix&)
/// \par Fast twin
/// As xlogy(const Vector&, const Vector&), on the entries in memory order.
Matrix xlogy(const Matrix& x, const Matrix& y);

/// \ingroup chapter2
/// \copydoc dlmath::reference::entr(const Vector&)
/// \par Fast twin
/// One SIMD pass with the fast logarithm; edge values by selects. Memory-bound.
Vector entr(const Vector& x);
/// \ingroup chapter2
/// \copydoc dlmath::reference::entr(const Matrix&)
/// \par Fast twin
/// As entr(const Vector&).
Matrix entr(const Matrix& x);

/// \ingroup chapter2
/// \copydoc dlmath::reference::rel_entr(const Vector&, const Vector&)
/// \par Fast twin
/// One SIMD pass with the fast logarithm; edge values by selects. Memory-bound.
Vector rel_entr(const Vector& x, const Vector& y);
/// \ingroup chapter2
/// \copydoc dlmath::reference::rel_entr(const Matrix&, const Matrix&)
/// \par Fast twin
/// As rel_entr(const Vector&, const Vector&).
Matrix rel_entr(const Matrix& x, const Matrix& y);

/// \ingroup chapter2
/// \copydoc dlmath::reference::kl_div(const Vector&, const Vector&)
/// \par Fast twin
/// One SIMD pass with the fast logarithm; edge values by selects. Memory-bound.
Vector kl_div(const Vector& x, const Vector& y);
/// \ingroup chapter2
/// \copydoc dlmath::reference::kl_div(const Matrix&, const Matrix&)
/// \par Fast twin
/// As kl_div(const Vector&, const Vector&).
Matrix kl_div(const Matrix& x, const Matrix& y);

}  // namespace dlmath::fast
