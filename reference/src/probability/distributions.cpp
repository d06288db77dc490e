// Chapter 2, random variables and distributions — reference twin.
//
// Rules of this file: plain loops under the formula, no intrinsics, no
// OpenMP. The batched functions apply each distribution's own member
// function (dlmath/distributions.hpp) to every point: that member *is* the
// formula, and the fast twin is tested against it.

#include "dlmath/reference/probability/distributions.hpp"

#include <cstddef>

#include "dlmath/detail/checks/probability.hpp"

namespace dlmath::reference {
namespace {

//! [reference_log_pdf]
// x ~ (n), returns y ~ (n): y_i = log p(x_i), the family's own log_pdf.
template <class Distribution>
Vector log_pdf_of_each(const Distribution& dist, const Vector& x) {
    detail::check_log_pdf_sample(Distribution::family, x);
    const std::size_t n = x.size();
    Vector y = xt::empty<double>({n});
    for (std::size_t i = 0; i < n; ++i) y(i) = dist.log_pdf(x(i));
    return y;
}
//! [reference_log_pdf]

}  // namespace

Vector log_pdf(const Gaussian& dist, const Vector& x) { return log_pdf_of_each(dist, x); }
Vector log_pdf(const Uniform& dist, const Vector& x) { return log_pdf_of_each(dist, x); }
Vector log_pdf(const Exponential& dist, const Vector& x) { return log_pdf_of_each(dist, x); }
Vector log_pdf(const Laplace& dist, const Vector& x) { return log_pdf_of_each(dist, x); }

Vector sample(const Gaussian& dist, Rng& rng, std::size_t n) { return dist.sample(rng, n); }
Vector sample(const Uniform& dist, Rng& rng, std::size_t n) { return dist.sample(rng, n); }
Vector sample(const Exponential& dist, Rng& rng, std::size_t n) { return dist.sample(rng, n); }
Vector sample(const Laplace& dist, Rng& rng, std::size_t n) { return dist.sample(rng, n); }

}  // namespace dlmath::reference
