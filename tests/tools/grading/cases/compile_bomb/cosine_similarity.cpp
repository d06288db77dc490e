// Crafted submission: a right answer whose compilation would take about an
// hour: a thousand constant evaluations of some 3 s each, every one of them
// under the compiler's per-evaluation limits.
#include "cosine_similarity.hpp"

#include <cmath>
#include <cstddef>
#include <utility>

#include <dlmath/errors.hpp>

namespace {
template <int K>
constexpr unsigned long long spin() {
    unsigned long long s = K;
    for (int i = 0; i < 100; ++i)
        for (int j = 0; j < 20000; ++j) s += static_cast<unsigned long long>(i ^ j);
    return s;
}
template <int K>
struct Step {
    static_assert(spin<K>() != 1, "never decided in time");
};
template <int... K>
void all(std::integer_sequence<int, K...>) { (static_cast<void>(Step<K>{}), ...); }
template void all(std::make_integer_sequence<int, 1000>);
}  // namespace

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
