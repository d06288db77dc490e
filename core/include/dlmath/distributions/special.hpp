/// \file
/// \brief The special functions behind the distributions' tails: the
/// standard normal CDF and its logarithm far into the tails, its inverse,
/// and \f$ \log(1 - e^{-a}) \f$. Written by hand (the course's subject);
/// Boost.Math is their oracle in the tests.
#pragma once

namespace dlmath::detail {

/// \brief The standard normal CDF \f$ \Phi(z) = \tfrac12 \operatorname{erfc}(-z/\sqrt2) \f$.
///
/// erfc keeps the relative accuracy of the lower tail (no \f$ 1 - \cdot \f$);
/// \f$ \Phi(z) \f$ underflows below \f$ z \approx -38.5 \f$ (use log_ndtr there).
double ndtr(double z);

/// \brief \f$ \log \Phi(z) \f$, accurate to a few ulps for every z, far into both tails.
///
/// Three regions:
/// - \f$ z > 0 \f$: \f$ \log\Phi(z) = \operatorname{log1p}(-\Phi(-z)) \f$ (the
///   log of a number near 1 would lose the digits of \f$ \Phi(-z) \f$);
/// - \f$ -36 \le z \le 0 \f$: \f$ \log(\tfrac12\operatorname{erfc}(-z/\sqrt2)) \f$,
///   erfc still a normal number (\f$ \ge 10^{-285} \f$);
/// - \f$ z < -36 \f$, where erfc approaches underflow: with \f$ x = -z \f$ and
///   Mills' ratio \f$ R(x) = \Phi(-x)/\varphi(x) \f$,
///   \f[ \log\Phi(-x) = -\tfrac{x^2}{2} - \tfrac12\log(2\pi) + \log R(x), \qquad
///       R(x) = \cfrac{1}{x + \cfrac{1}{x + \cfrac{2}{x + \cfrac{3}{x + \cdots}}}} \f]
///   (Laplace's continued fraction, evaluated by the modified Lentz method;
///   at \f$ x \ge 36 \f$ it converges to \f$ u \f$ in a few terms).
///
/// \f$ \log\Phi(-40) = -804.6084420137538 \f$, not \f$ -\infty \f$;
/// \f$ \log\Phi(-\infty) = -\infty \f$, \f$ \log\Phi(+\infty) = 0 \f$.
/// Conditioning: \f$ |d \log\Phi / dz| \approx |z| \f$ in the lower tail, so a
/// relative error \f$ u \f$ in z moves the result by about \f$ z^2 u \f$.
double log_ndtr(double z);

/// \brief The standard normal quantile \f$ \Phi^{-1}(p) \f$ for \f$ 0 \le p \le 1 \f$
/// (\f$ \mp\infty \f$ at 0 and 1, exactly 0 at \f$ \tfrac12 \f$).
///
/// The lower half \f$ p < \tfrac12 \f$ is solved directly; the upper half by
/// symmetry, \f$ \Phi^{-1}(p) = -\Phi^{-1}(1 - p) \f$, where \f$ 1 - p \f$ is exact
/// (Sterbenz). For \f$ p < \tfrac12 \f$: Acklam's rational approximation
/// (relative error below \f$ 1.2\cdot 10^{-9} \f$) as the start, then two Newton
/// steps on \f$ f(z) = \log\Phi(z) - \log p \f$ (log space, so that subnormal
/// p such as \f$ 10^{-320} \f$ are solved as well as \f$ p = 0.1 \f$):
/// \f[ z \leftarrow z - \frac{\log\Phi(z) - \log p}{\varphi(z)/\Phi(z)}. \f]
/// Newton converges quadratically: \f$ 10^{-9} \to 10^{-18} \f$ in one step,
/// the second removes the rounding of the first.
double ndtri(double p);

/// \brief The upper-tail quantile \f$ \Phi^{-1}(1 - q) = -\Phi^{-1}(q) \f$ for
/// \f$ 0 \le q \le 1 \f$, without forming \f$ 1 - q \f$ (so that
/// \f$ q = 10^{-300} \f$ gives 37.047096...).
inline double ndtri_upper(double q) { return -ndtri(q); }

/// \brief \f$ \log(1 - e^{-a}) \f$ for \f$ a \ge 0 \f$ (\f$ -\infty \f$ at 0), without
/// cancellation (Mächler 2012): \f$ \log(-\operatorname{expm1}(-a)) \f$ for
/// \f$ a \le \ln 2 \f$, \f$ \operatorname{log1p}(-e^{-a}) \f$ above.
double log1mexp(double a);

}  // namespace dlmath::detail
