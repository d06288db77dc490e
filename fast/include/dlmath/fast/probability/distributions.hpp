/// \file
/// \brief Chapter 2, random variables and distributions — fast twin.
#pragma once

#include <cstddef>

#include "dlmath/distributions.hpp"
#include "dlmath/fast/config.hpp"
#include "dlmath/random.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath::fast {

/// \ingroup chapter2
/// \copydoc dlmath::reference::log_pdf(const Gaussian&, const Vector&)
///
/// \par Fast twin
/// Bound attacked: memory bandwidth (5 flops per 16 bytes moved — one read,
/// one write — arithmetic intensity 0.3 flop/byte; no log or exp per point:
/// \f$ c = -\tfrac12\log 2\pi - \log\sigma \f$ is computed once). xsimd batches, the
/// tail with the same batch formula; OpenMP over fixed blocks from
/// `parallel_threshold` points. The same operations as the member in the same
/// order: within a few ulps of \f$ |c| + z_i^2 \f$ of the reference (a fused
/// multiply-add may round once less).
/// \sa dlmath::reference::log_pdf(const Gaussian&, const Vector&)
Vector log_pdf(const Gaussian& dist, const Vector& x);

/// \ingroup chapter2
/// \copydoc dlmath::reference::log_pdf(const Uniform&, const Vector&)
///
/// \par Fast twin
/// Bound attacked: memory bandwidth (two compares and a select per 16 bytes). Equal to the
/// reference bit for bit.
/// \sa dlmath::reference::log_pdf(const Uniform&, const Vector&)
Vector log_pdf(const Uniform& dist, const Vector& x);

/// \ingroup chapter2
/// \copydoc dlmath::reference::log_pdf(const Exponential&, const Vector&)
///
/// \par Fast twin
/// Bound attacked: memory bandwidth (a multiply-add and a select per 16 bytes; \f$ \log\lambda \f$
/// once). Within a few ulps of \f$ |\log\lambda| + \lambda|x_i| \f$ of the reference.
/// \sa dlmath::reference::log_pdf(const Exponential&, const Vector&)
Vector log_pdf(const Exponential& dist, const Vector& x);

/// \ingroup chapter2
/// \copydoc dlmath::reference::log_pdf(const Laplace&, const Vector&)
///
/// \par Fast twin
/// Bound attacked: memory bandwidth (4 flops per 16 bytes; \f$ \log 2\gamma \f$ once). Within a
/// few ulps of \f$ |x_i - \mu|/\gamma + |\log 2\gamma| \f$ of the reference.
/// \sa dlmath::reference::log_pdf(const Laplace&, const Vector&)
Vector log_pdf(const Laplace& dist, const Vector& x);

/// \ingroup chapter2
/// \copydoc dlmath::reference::sample(const Gaussian&, Rng&, std::size_t)
///
/// \par Fast twin
/// Bound attacked: compute (a draw is a Philox block of 10 rounds, a log, a
/// square root and a cosine; 8 bytes written). Stages: the sample is cut into
/// fixed blocks of `sample_block` draws, shared among the threads from
/// `sample_parallel_threshold` draws; each block draws W counters at once —
/// Philox on W lanes of 64-bit integers, Box–Muller with xsimd's log and
/// cos. The blocks, and so the batches, depend on n only: the sample is
/// bitwise the same for every thread count. The Philox words, and so
/// \f$ u_1, u_2 \f$, equal the reference's bit for bit; xsimd's log and cos
/// differ from the C library's by a few ulps, so a draw differs from the
/// reference's by at most \f$ 16u\,\sigma(|z_i| + \sqrt{-2\ln u_1}) + 2u|x_i| \f$
/// (the log's error, halved by the square root, the cosine's error relative to
/// its value or near its zeros to 1, the multiply-add).
/// \sa dlmath::reference::sample(const Gaussian&, Rng&, std::size_t)
Vector sample(const Gaussian& dist, Rng& rng, std::size_t n);

/// \ingroup chapter2
/// \copydoc dlmath::reference::sample(const Uniform&, Rng&, std::size_t)
///
/// \par Fast twin
/// Bound attacked: compute (Philox). The same blocks as sample(const Gaussian&, Rng&, std::size_t);
/// the uniform draws equal the reference's bit for bit, and \f$ a + (b-a)u_i \f$ is within
/// one rounding (a fused multiply-add) of it.
/// \sa dlmath::reference::sample(const Uniform&, Rng&, std::size_t)
Vector sample(const Uniform& dist, Rng& rng, std::size_t n);

/// \ingroup chapter2
/// \copydoc dlmath::reference::sample(const Exponential&, Rng&, std::size_t)
///
/// \par Fast twin
/// Bound attacked: compute (Philox and xsimd's log). Within \f$ 8u \f$ relative of the reference
/// (the two logs' errors and the division).
/// \sa dlmath::reference::sample(const Exponential&, Rng&, std::size_t)
Vector sample(const Exponential& dist, Rng& rng, std::size_t n);

/// \ingroup chapter2
/// \copydoc dlmath::reference::sample(const Laplace&, Rng&, std::size_t)
///
/// \par Fast twin
/// Bound attacked: compute (Philox and xsimd's log). Within \f$ 8u(\gamma|\ln(\cdot)| + |x_i|) \f$ of the
/// reference (the logs' errors, the multiply-add).
/// \sa dlmath::reference::sample(const Laplace&, Rng&, std::size_t)
Vector sample(const Laplace& dist, Rng& rng, std::size_t n);

}  // namespace dlmath::fast
