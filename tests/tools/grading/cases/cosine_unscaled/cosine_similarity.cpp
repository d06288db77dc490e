// Crafted wrong answer: the sums of squares without scaling. Right for
// ordinary vectors; (1e200, 1e200) overflows to inf / inf = NaN and
// (1e-170, 1e-170) underflows to a "zero vector".
#include "cosine_similarity.hpp"

#include <cmath>
#include <cstddef>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double cosine_similarity(const Vector& x, const Vector& y) {
    // x ~ (n), y ~ (n)
    if (x.size() != y.size()) {
        throw shape_error(detail::message("cosine_similarity: lengths differ (x is ",
                                          shape_string(x), ", y is ", shape_string(y), ")"));
    }
    double xy = 0.0, xx = 0.0, yy = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        xy += x(i) * y(i);
        xx += x(i) * x(i);
        yy += y(i) * y(i);
    }
    if (xx == 0.0 || yy == 0.0) {
        throw domain_error(detail::message("cosine_similarity: the angle is undefined for a zero vector (|x|^2 = ",
                                           xx, ", |y|^2 = ", yy, ")"));
    }
    return xy / (std::sqrt(xx) * std::sqrt(yy));
}

}  // namespace dlmath::exercises
