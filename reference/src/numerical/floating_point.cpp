// Section 3.1, floating point: the facts of float and double found by the
// code (reference rules: plain loops, no intrinsics, no OpenMP).

#include "dlmath/reference/numerical/floating_point.hpp"

#include <cmath>
#include <limits>

namespace dlmath::reference {

//! [machine_epsilon]
template <class T>
T machine_epsilon() {
    T eps = T(1);
    // halve while 1 + eps/2 is still distinguishable from 1
    while (T(1) + eps / T(2) > T(1)) eps /= T(2);
    return eps;
}
//! [machine_epsilon]

//! [smallest_subnormal]
template <class T>
T smallest_subnormal() {
    T x = T(1);
    // halving is exact down to the subnormals, and stays exact through them
    // until the last bit falls off: gradual underflow
    while (x / T(2) > T(0)) x /= T(2);
    return x;
}
//! [smallest_subnormal]

//! [exp_thresholds]
template <class T>
T exp_overflow_threshold() {
    // exp(0) = 1 is finite, exp(max) is not
    return last_before_change(T(0), std::numeric_limits<T>::max(), [](T x) { return std::isfinite(std::exp(x)); });
}

template <class T>
T exp_underflow_threshold() {
    // exp(-max) is 0, exp(0) is not: the last x with exp(x) == 0, then its upper neighbour
    const T last_zero = last_before_change(-std::numeric_limits<T>::max(), T(0), [](T x) { return std::exp(x) > T(0); });
    return std::nextafter(last_zero, T(0));
}

template <class T>
T exp_subnormal_threshold() {
    const T last_subnormal = last_before_change(-std::numeric_limits<T>::max(), T(0), [](T x) {
        return std::exp(x) >= std::numeric_limits<T>::min();  // min() is the smallest normal number
    });
    return std::nextafter(last_subnormal, T(0));
}
//! [exp_thresholds]

template float machine_epsilon<float>();
template double machine_epsilon<double>();
template float smallest_subnormal<float>();
template double smallest_subnormal<double>();
template float exp_overflow_threshold<float>();
template double exp_overflow_threshold<double>();
template float exp_underflow_threshold<float>();
template double exp_underflow_threshold<double>();
template float exp_subnormal_threshold<float>();
template double exp_subnormal_threshold<double>();

}  // namespace dlmath::reference
