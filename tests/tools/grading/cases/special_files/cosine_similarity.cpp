// The right answer, beside links to /etc/passwd and /dev/zero and a FIFO (made
// by prepare.sh) that the grader must refuse without reading them.
#include "cosine_similarity.hpp"

#include <algorithm>
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
    // The cosine does not change when x or y is scaled by a positive number:
    // divide each by its largest magnitude, so every term of the three sums
    // lies in [-1, 1] and none overflows or underflows to zero.
    double mx = 0.0, my = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        mx = std::max(mx, std::fabs(x(i)));
        my = std::max(my, std::fabs(y(i)));
    }
    if (mx == 0.0 || my == 0.0) {
        throw domain_error(detail::message("cosine_similarity: the angle is undefined for a zero vector (max |x_i| = ",
                                           mx, ", max |y_i| = ", my, ")"));
    }
    double xy = 0.0, xx = 0.0, yy = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double a = x(i) / mx, b = y(i) / my;
        xy += a * b;
        xx += a * a;
        yy += b * b;
    }
    return xy / (std::sqrt(xx) * std::sqrt(yy));
}

}  // namespace dlmath::exercises
