// Chapter 3, floating point: the worked examples of the section.

#include <algorithm>
#include <array>
#include <iterator>

#include "tour.hpp"

namespace {

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

void run(dlmath::tour::Checks& c, const dlmath::tour::Options&) { absorption(c); }

const dlmath::tour::Register section{"floating_point", run};

}  // namespace
