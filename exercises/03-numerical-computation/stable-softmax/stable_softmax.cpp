#include "stable_softmax.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double logsumexp(const Vector& x) {
    // BEGIN SOLUTION
    if (x.size() == 0) throw shape_error(detail::message("logsumexp: x is empty (x is ", shape_string(x), ")"));
    // LSE(x) = m + log sum_i e^(x_i - m): every exponent <= 0, the largest term e^0 = 1
    double m = x(0);
    for (std::size_t i = 1; i < x.size(); ++i) m = std::fmax(m, x(i));
    double s = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) s += std::exp(x(i) - m);
    return m + std::log(s);
    // END SOLUTION
}

Vector softmax(const Vector& x) {
    // BEGIN SOLUTION
    if (x.size() == 0) throw shape_error(detail::message("softmax: x is empty (x is ", shape_string(x), ")"));
    // softmax(x)_i = e^(x_i - m) / sum_j e^(x_j - m): the sum lies in [1, n]
    double m = x(0);
    for (std::size_t i = 1; i < x.size(); ++i) m = std::max(m, x(i));
    Vector y = Vector::from_shape({x.size()});
    double s = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        y(i) = std::exp(x(i) - m);
        s += y(i);
    }
    for (std::size_t i = 0; i < x.size(); ++i) y(i) /= s;
    return y;
    // END SOLUTION
}

Vector log_softmax(const Vector& x) {
    // BEGIN SOLUTION
    if (x.size() == 0) throw shape_error(detail::message("log_softmax: x is empty (x is ", shape_string(x), ")"));
    // log softmax(x)_i = x_i - LSE(x)
    const double lse = logsumexp(x);
    Vector y = Vector::from_shape({x.size()});
    for (std::size_t i = 0; i < x.size(); ++i) y(i) = x(i) - lse;
    return y;
    // END SOLUTION
}

}  // namespace dlmath::exercises
