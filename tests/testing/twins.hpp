// Helpers for testing the two twins against each other: the same error for
// the same bad input, and a thread count that is restored however a test
// leaves its scope.
#pragma once

#include <cstdlib>
#include <exception>
#include <memory>
#include <source_location>
#include <string>
#include <typeinfo>

#include <cxxabi.h>
#include <omp.h>

#include <gtest/gtest.h>

#include "dlmath/fast/threads.hpp"

namespace dlmath::testing {

/// The message of the exception `f()` throws, or "(no exception)". For
/// pinning one twin's message; to compare the twins use expect_same_error.
template <class F>
std::string what_of(F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(no exception)";
}

namespace detail {
struct Thrown {
    bool thrown = false;
    const std::type_info* type = nullptr;
    std::string message;
};

inline std::string type_name(const std::type_info& t) {
    int status = 0;
    const std::unique_ptr<char, void (*)(void*)> name(abi::__cxa_demangle(t.name(), nullptr, nullptr, &status),
                                                       std::free);
    return status == 0 && name ? name.get() : t.name();
}

template <class F>
Thrown run_and_catch(F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return {true, &typeid(e), e.what()};
    }
    return {};
}
}  // namespace detail

/// Expects `fast_call()` to throw an exception of the same dynamic type and
/// with the same message as `ref_call()`, and the reference to throw at all
/// (a bad-input case that the reference accepts is a broken test). Failures
/// are reported at the caller's line. Returns the reference's message, so
/// that a test can pin it as well:
///
///     EXPECT_EQ(expect_same_error([&] { fast::inv(S); }, [&] { ref::inv(S); }),
///               "inv: A is singular (...)");
template <class FastCall, class RefCall>
std::string expect_same_error(FastCall&& fast_call, RefCall&& ref_call,
                              std::source_location where = std::source_location::current()) {
    const detail::Thrown f = detail::run_and_catch(fast_call);
    const detail::Thrown r = detail::run_and_catch(ref_call);
    if (!r.thrown) {
        ADD_FAILURE_AT(where.file_name(), static_cast<int>(where.line()))
            << "the reference twin threw nothing: this input is not bad input";
    } else if (!f.thrown) {
        ADD_FAILURE_AT(where.file_name(), static_cast<int>(where.line()))
            << "the fast twin threw nothing; the reference threw " << detail::type_name(*r.type) << ": " << r.message;
    } else if (*f.type != *r.type) {
        ADD_FAILURE_AT(where.file_name(), static_cast<int>(where.line()))
            << "different exception types: fast threw " << detail::type_name(*f.type) << " (" << f.message
            << "), the reference " << detail::type_name(*r.type) << " (" << r.message << ")";
    } else if (f.message != r.message) {
        ADD_FAILURE_AT(where.file_name(), static_cast<int>(where.line()))
            << "different messages:\n  fast:      " << f.message << "\n  reference: " << r.message;
    }
    return r.message;
}

/// Sets OpenMP's thread count for the current scope — exactly that count:
/// the fast twin's adjustment to the machine's load (dlmath/fast/threads.hpp)
/// is off meanwhile, so that a test of 3 threads runs 3 threads on a busy
/// machine too — and restores both settings when the scope ends, also when
/// an assertion or an exception leaves it early.
///
///     { const scoped_threads one(1); a = fast::matmul(A, B); }
class scoped_threads {
public:
    explicit scoped_threads(int n) : saved_(omp_get_max_threads()), adapting_(dlmath::fast::adapts_threads_to_load()) {
        omp_set_num_threads(n);
        dlmath::fast::adapt_threads_to_load(false);
    }
    ~scoped_threads() {
        omp_set_num_threads(saved_);
        dlmath::fast::adapt_threads_to_load(adapting_);
    }
    scoped_threads(const scoped_threads&) = delete;
    scoped_threads& operator=(const scoped_threads&) = delete;

private:
    int saved_;
    bool adapting_;
};

}  // namespace dlmath::testing
