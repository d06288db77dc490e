/// \file
/// \brief The three exceptions of dlmath: bad shapes, bad values, and
/// exercises that are not done yet.
///
/// Every public function validates its input in both twins and throws one of
/// these with a message that names the function and the offending shapes or
/// values, e.g. `matmul: inner dimensions differ (A is 2x3, B is 4x2)`.
/// Results that are mathematically infinite are returned, not thrown.
#pragma once

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

namespace dlmath {

/// Operands whose shapes do not fit the operation (a `std::invalid_argument`).
class shape_error : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

/// A value outside the function's domain: NaN where it makes no sense,
/// `p < 1` for a norm, a singular system, a probability vector that does not
/// sum to one (a `std::domain_error`).
class domain_error : public std::domain_error {
public:
    using std::domain_error::domain_error;
};

/// Thrown by the exercise stubs of the student edition (a `std::logic_error`).
class not_implemented : public std::logic_error {
public:
    /// \param function the name of the function the student still has to write
    explicit not_implemented(const std::string& function)
        : std::logic_error(function + ": not implemented yet (this is an exercise)") {}
};

namespace detail {

/// Builds a message from any streamable pieces: `message("f: ", 3, "x", 4)`.
template <class... Parts>
std::string message(const Parts&... parts) {
    std::ostringstream os;
    os.precision(17);
    (os << ... << parts);
    return os.str();
}

}  // namespace detail
}  // namespace dlmath
