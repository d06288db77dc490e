/// \file
/// \brief The checker's side of a call into the student's code.
///
/// An exercise's tests call the student's functions through proxies with the
/// same signatures (written by scripts/exercise-rpc.py from the exercise's
/// header). Each proxy encodes its arguments, runs the call in the student's
/// program — a separate, sandboxed process, started on the first call of a
/// test and kept for the test's remaining calls — and decodes the result, or
/// rethrows the exception the student's code threw, with its type and message.
/// A crash, a timeout or a malformed answer makes the call throw
/// `dlmath::grading::student_failure` naming the function.
#pragma once

#include <stdexcept>
#include <string>

#include <dlmath/grading/wire.hpp>

namespace dlmath::grading {

/// The student's program crashed, hung, exited or answered nonsense.
class student_failure : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Sends one encoded call to the student's program and returns the encoded
/// result; rethrows the student's exception. `function` names the call in
/// messages.
std::string call_encoded(const char* function, const std::string& request);

/// Calls `signature` (the function's declaration, which identifies it in the
/// student's program) with `args` and returns its result of type R.
template <class R, class... Args>
R call(const char* function, const char* signature, const Args&... args) {
    Writer w;
    put(w, std::string(signature));
    (put(w, args), ...);
    const std::string answer = call_encoded(function, w.data());
    Reader r(answer.data(), answer.size());
    try {
        if constexpr (std::is_void_v<R>) {
            if (!r.done()) throw wire_error("an answer to a void function carries a value");
        } else {
            R result = get<R>(r);
            if (!r.done()) throw wire_error("the answer is longer than its value");
            return result;
        }
    } catch (const wire_error& e) {
        throw student_failure(std::string("the student's program sent a malformed answer to ") + function +
                              " (" + e.what() + ")");
    }
}

}  // namespace dlmath::grading
