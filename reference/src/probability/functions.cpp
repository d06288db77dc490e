// Chapter 2, the logistic sigmoid and softplus — reference twin.
//
// Rules of this file: each function reads like its formula; plain loops;
// no intrinsics, no OpenMP.

#include "dlmath/reference/probability/functions.hpp"

#include <cmath>
#include <cstddef>

namespace dlmath::reference {

//! [sigmoid]
double sigmoid(double x) {
    // sigma(x) = 1 / (1 + e^-x) = e^x / (1 + e^x): take the form whose exp
    // has a non-positive argument, so e^(-|x|) lies in (0, 1] and never overflows
    if (x >= 0.0) {
        return 1.0 / (1.0 + std::exp(-x));
    }
    const double e = std::exp(x);  // x < 0 (or NaN, which falls through to NaN)
    return e / (1.0 + e);
}
//! [sigmoid]

Vector sigmoid(const Vector& x) {
    // x ~ (n), y ~ (n)
    Vector y = Vector::from_shape({x.size()});
    for (std::size_t i = 0; i < x.size(); ++i) y(i) = sigmoid(x(i));
    return y;
}

//! [softplus]
double softplus(double x) {
    // zeta(x) = log(1 + e^x) = max(x, 0) + log(1 + e^-|x|): e^-|x| lies in (0, 1],
    // and log1p keeps log(1 + t) = t for tiny t instead of rounding 1 + t to 1
    return std::fmax(x, 0.0) + std::log1p(std::exp(-std::fabs(x)));
}
//! [softplus]

Vector softplus(const Vector& x) {
    // x ~ (n), y ~ (n)
    Vector y = Vector::from_shape({x.size()});
    for (std::size_t i = 0; i < x.size(); ++i) y(i) = softplus(x(i));
    return y;
}

}  // namespace dlmath::reference
