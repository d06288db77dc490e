// Chapter 3, floating point: the worked examples of the section.

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <limits>
#include <string>

#include "dlmath/reference/numerical.hpp"
#include "tour.hpp"

namespace {

namespace ref = dlmath::reference;

void absorption(dlmath::tour::Checks& c) {
    //! [example_absorption]
    const std::array<float, 2> a{0.0f, 1e-8f};
    const std::array<float, 2> shifted{a[0] + 1.0f, a[1] + 1.0f};  // 1 + 1e-8 rounds to 1 in float
    const auto argmax = [](const std::array<float, 2>& v) {
        return static_cast<double>(std::distance(v.begin(), std::max_element(v.begin(), v.end())));
    };
    //! [example_absorption]
    dlmath::tour::check(c, "float32: argmax([0, 1e-8]) = 1", argmax(a), 1.0);
    dlmath::tour::check(c, "float32: argmax([0, 1e-8] + 1) = 0 (1e-8 absorbed)", argmax(shifted), 0.0);
}

void epsilon_and_subnormals(dlmath::tour::Checks& c) {
    dlmath::tour::check(c, "float machine epsilon found by halving (2^-23)", ref::machine_epsilon<float>(),
                        std::numeric_limits<float>::epsilon());
    dlmath::tour::check(c, "double machine epsilon found by halving (2^-52)", ref::machine_epsilon<double>(),
                        std::numeric_limits<double>::epsilon());
    dlmath::tour::check(c, "smallest float subnormal 2^-149", ref::smallest_subnormal<float>(),
                        std::numeric_limits<float>::denorm_min());
    dlmath::tour::check(c, "smallest double subnormal 2^-1074", ref::smallest_subnormal<double>(),
                        std::numeric_limits<double>::denorm_min());
    //! [example_ulp]
    const float big = 1e8f;                          // 10^8 is exact in float
    const float spacing = dlmath::ulp(big);          // 8: the floats near 10^8 are 8 apart
    const float plus_one = big + 1.0f;               // 1 < spacing / 2: absorbed
    const auto apart = dlmath::ulp_distance(1.0f, std::nextafter(1.0f, 2.0f));  // neighbours: 1
    //! [example_ulp]
    dlmath::tour::check(c, "ulp(1e8f) = 8", spacing, 8.0);
    dlmath::tour::check(c, "float: 1e8 + 1 = 1e8", plus_one, 1e8);
    dlmath::tour::check(c, "ulp_distance(1, next float after 1) = 1", static_cast<double>(apart), 1.0);
    dlmath::tour::check_that(c, "gradual underflow: (smallest normal double) / 2 is subnormal, not 0",
                             std::fpclassify(std::numeric_limits<double>::min() / 2) == FP_SUBNORMAL);
}

void exp_limits(dlmath::tour::Checks& c) {
    //! [example_exp_overflow]
    const float big = ref::exp_overflow_threshold<float>();  // bisection on the floats
    const bool finite_at_8872 = std::isfinite(std::exp(88.72f));
    const bool inf_at_89 = std::isinf(std::exp(89.0f));
    //! [example_exp_overflow]
    const float log_max = static_cast<float>(std::log(static_cast<long double>(std::numeric_limits<float>::max())));
    dlmath::tour::check_that(c, "float32 exp overflow threshold (bisection) " + std::to_string(big) +
                                    " within 2 float ulps of log(FLT_MAX) = " + std::to_string(log_max),
                             dlmath::ulp_distance(big, log_max) <= 2);
    dlmath::tour::check_that(c, "float32: exp(88.72) is finite", finite_at_8872);
    dlmath::tour::check_that(c, "float32: exp(89) = inf", inf_at_89);
    dlmath::tour::check(c, "double exp overflow threshold vs log(DBL_MAX)", ref::exp_overflow_threshold<double>(),
                        std::log(std::numeric_limits<double>::max()), 2);
    const float small = ref::exp_underflow_threshold<float>();
    const float log_half_tiny = static_cast<float>(std::log(std::numeric_limits<float>::denorm_min() / 2.0L));
    dlmath::tour::check_that(c, "float32 exp underflow threshold (exp(x) > 0 from here) " + std::to_string(small) +
                                    " within 2 float ulps of log(denorm_min / 2) = " + std::to_string(log_half_tiny),
                             dlmath::ulp_distance(small, log_half_tiny) <= 2);
    dlmath::tour::check(c, "double exp underflow threshold", ref::exp_underflow_threshold<double>(),
                        static_cast<double>(std::log(std::numeric_limits<double>::denorm_min() / 2.0L)), 2);
    //! [example_underflow]
    const double e = std::exp(-800.0);                 // underflows to 0
    const double log_e = std::log(e);                  // -inf, not -800
    const double ratio = e / (e + std::exp(-801.0));   // 0 / 0 = NaN, not 0.731
    //! [example_underflow]
    dlmath::tour::check(c, "exp(-800) underflows to 0", e, 0.0);
    dlmath::tour::check(c, "log(exp(-800)) = -inf (true value -800)", log_e, -std::numeric_limits<double>::infinity());
    dlmath::tour::check_that(c, "exp(-800) / (exp(-800) + exp(-801)) = NaN (true value 0.731)", std::isnan(ratio));
}

void special_values(dlmath::tour::Checks& c) {
    //! [example_special]
    const double x = std::exp(1000.0), y = std::exp(1000.0);  // both overflow to inf
    const double difference = x - y;                            // inf - inf = NaN
    const double log_zero = std::log(0.0);                      // -inf
    const double log_negative = std::log(-1.0);                 // NaN
    const double sqrt_slope_at_0 = 1.0 / (2.0 * std::sqrt(0.0));  // d/dx sqrt(x) at 0: +inf
    //! [example_special]
    dlmath::tour::check_that(c, "x = y = exp(1000) = inf: x - y = NaN", std::isinf(x) && std::isnan(difference));
    dlmath::tour::check(c, "log(0) = -inf", log_zero, -std::numeric_limits<double>::infinity());
    dlmath::tour::check_that(c, "log(-1) = NaN", std::isnan(log_negative));
    dlmath::tour::check(c, "sqrt'(0) = 1 / (2 sqrt(0)) = inf", sqrt_slope_at_0, std::numeric_limits<double>::infinity());
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options&) {
    absorption(c);
    epsilon_and_subnormals(c);
    exp_limits(c);
    special_values(c);
}

const dlmath::tour::Register section{"floating_point", run};

}  // namespace
