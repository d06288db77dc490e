/// \file
/// \brief Chapter 2's estimator glue shared by both twins: the last step of
/// the corrected two-pass variance and covariance, and one standardised sum
/// of uniforms. The twins differ in how they compute the sums these take
/// (plain loops, or SIMD blocks and threads), never in these formulas.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

#include "dlmath/random.hpp"

namespace dlmath::detail {

//! [corrected_two_pass]
/// The corrected two-pass estimate (Chan, Golub and LeVeque 1983) from the
/// sums over the deviations \f$ d_i = x_i - m \f$, \f$ e_i = y_i - m' \f$ from
/// the *computed* means:
/// \f[ \frac{1}{n - \mathrm{ddof}} \Big( \sum_i d_i e_i - \frac{1}{n} \sum_i d_i \sum_i e_i \Big) \f]
/// In exact arithmetic this is the covariance for any m, m' (the correction
/// is \f$ n(\bar x - m)(\bar y - m') \f$), so the rounding of the means drops
/// out to first order. With y = x it is the variance.
inline double corrected_two_pass(double sum_de, double sum_d, double sum_e, std::size_t n, std::size_t ddof) {
    return (sum_de - sum_d * sum_e / static_cast<double>(n)) / static_cast<double>(n - ddof);
}
//! [corrected_two_pass]

//! [uniform_sum]
/// Sum number k of the central-limit experiment, standardised:
/// \f$ z_k = (\sum_{t<T} u_{\mathrm{first} + kT + t} - T/2) / \sqrt{T/12} \f$, the uniforms
/// from dlmath::uniform_at added in index order. A pure function of
/// (seed, first, k, T): any thread computes any k with the same bits.
inline double standardized_uniform_sum(std::uint64_t seed, std::uint64_t first, std::size_t k, std::size_t terms) {
    const double T = static_cast<double>(terms);
    const double mu = T / 2.0, sigma = std::sqrt(T / 12.0);  // U(0,1) has mean 1/2 and variance 1/12
    double s = 0.0;
    for (std::size_t t = 0; t < terms; ++t) s += uniform_at(seed, first + k * terms + t);
    return (s - mu) / sigma;
}
//! [uniform_sum]

}  // namespace dlmath::detail
