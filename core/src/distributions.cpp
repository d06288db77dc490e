// The special functions of the distributions' tails (see
// dlmath/distributions/special.hpp): the normal CDF in log space, its
// inverse, and log(1 - exp(-a)).

#include "dlmath/distributions/special.hpp"

#include <cmath>
#include <limits>
#include <numbers>

namespace dlmath::detail {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
const double half_log_2pi = 0.5 * std::log(2.0 * std::numbers::pi);

// Mills' ratio R(x) = Phi(-x) / phi(x) for large x > 0 by Laplace's continued
// fraction 1/(x + 1/(x + 2/(x + 3/(x + ...)))), i.e. b_0 = 0, a_1 = 1 and
// a_n = n - 1 for n >= 2, every b_n = x; modified Lentz (Numerical Recipes
// §5.2): the convergents are f_n = f_{n-1} C_n D_n, stopped when C_n D_n = 1
// to within u.
double mills_ratio(double x) {
    constexpr double tiny = 1e-300, eps = std::numeric_limits<double>::epsilon();
    double f = tiny, C = tiny, D = 0.0;
    for (int n = 1; n < 500; ++n) {
        const double a = n == 1 ? 1.0 : n - 1.0;
        D = x + a * D;
        D = 1.0 / D;
        C = x + a / C;
        const double delta = C * D;
        f *= delta;
        if (std::fabs(delta - 1.0) <= eps) break;
    }
    return f;
}

// Acklam's rational approximation of Phi^{-1}(p) for 0 < p <= 1/2, relative
// error below 1.15e-9: a rational function of (p - 1/2)^2 in the centre,
// of sqrt(-2 log p) in the tail below p = 0.02425.
double acklam_lower(double p) {
    constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                            1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                            6.680131188771972e+01, -1.328068155288572e+01};
    constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                            -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                            3.754408661907416e+00};
    if (p < 0.02425) {
        const double q = std::sqrt(-2.0 * std::log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    }
    const double q = p - 0.5, r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
}

}  // namespace

double ndtr(double z) { return 0.5 * std::erfc(-z * std::numbers::sqrt2 / 2.0); }

double log_ndtr(double z) {
    if (z > 0.0) return std::log1p(-ndtr(-z));  // Phi(-z) <= 1/2, kept to full relative accuracy
    if (z >= -36.0) return std::log(ndtr(z));   // erfc is still a normal number here
    if (z == -inf) return -inf;
    const double x = -z;  // the continued fraction, far in the lower tail
    return -0.5 * x * x - half_log_2pi + std::log(mills_ratio(x));
}

double ndtri(double p) {
    if (p == 0.0) return -inf;
    if (p == 1.0) return inf;
    if (p == 0.5) return 0.0;
    if (p > 0.5) return -ndtri(1.0 - p);  // 1 - p is exact for p in [1/2, 1]
    // p < 1/2: Acklam's start, then Newton on log Phi(z) = log p; the
    // derivative is phi(z)/Phi(z) = exp(log phi(z) - log Phi(z)).
    const double log_p = std::log(p);
    double z = acklam_lower(p);
    for (int step = 0; step < 2; ++step) {
        const double log_cdf = log_ndtr(z);
        const double log_phi = -0.5 * z * z - half_log_2pi;
        z -= (log_cdf - log_p) / std::exp(log_phi - log_cdf);
    }
    return z;
}

double log1mexp(double a) {
    return a <= std::numbers::ln2 ? std::log(-std::expm1(-a)) : std::log1p(-std::exp(-a));
}

}  // namespace dlmath::detail
