// The names of the stopping reasons of chapter 4's optimisers.

#include "dlmath/optimization.hpp"

namespace dlmath {

std::string_view to_string(StopReason reason) {
    switch (reason) {
        case StopReason::gradient_tolerance: return "gradient_tolerance";
        case StopReason::step_tolerance: return "step_tolerance";
        case StopReason::iteration_limit: return "iteration_limit";
        case StopReason::diverged: return "diverged";
        case StopReason::not_descent: return "not_descent";
        case StopReason::non_finite: return "non_finite";
        case StopReason::curvature_not_positive: return "curvature_not_positive";
        case StopReason::line_search_failed: return "line_search_failed";
    }
    return "unknown";
}

}  // namespace dlmath
