// The student's program: reads a call from fd 3, runs it, answers on fd 4.
// Exceptions are answered as (type, message); everything else the student's
// code does stays inside this process (and its sandbox).
#include <dlmath/grading/server.hpp>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <string>
#include <typeinfo>

#include <unistd.h>

#include <dlmath/errors.hpp>

namespace dlmath::grading {
namespace {

constexpr int request_fd = 3;
constexpr int answer_fd = 4;

bool read_all(int fd, void* out, std::size_t n) {
    auto* p = static_cast<char*>(out);
    while (n > 0) {
        const ssize_t got = ::read(fd, p, n);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false;
        p += got;
        n -= static_cast<std::size_t>(got);
    }
    return true;
}

bool write_all(int fd, const void* data, std::size_t n) {
    const auto* p = static_cast<const char*>(data);
    while (n > 0) {
        const ssize_t put = ::write(fd, p, n);
        if (put < 0 && errno == EINTR) continue;
        if (put <= 0) return false;
        p += put;
        n -= static_cast<std::size_t>(put);
    }
    return true;
}

void answer_exception(Writer& out, Outcome outcome, const std::string& message) {
    const auto tag = static_cast<std::uint8_t>(outcome);
    out.bytes(&tag, 1);
    put(out, message);
}

// Runs one call; whatever it throws becomes an answer.
std::string run_call(const Handler* table, std::size_t count, const std::string& request) {
    Writer out;
    Reader in(request.data(), request.size());
    std::string signature;
    try {
        signature = get<std::string>(in);
    } catch (const wire_error& e) {
        answer_exception(out, Outcome::no_such_function, std::string("malformed call: ") + e.what());
        return out.take();
    }
    const Handler* handler = nullptr;
    for (std::size_t i = 0; i < count; ++i) {
        if (signature == table[i].signature) handler = &table[i];
    }
    if (handler == nullptr) {
        answer_exception(out, Outcome::no_such_function,
                         "the student's program has no function " + signature);
        return out.take();
    }
    Writer value;
    try {
        handler->run(in, value);
        const auto tag = static_cast<std::uint8_t>(Outcome::value);
        out.bytes(&tag, 1);
        out.bytes(value.data().data(), value.data().size());
        return out.take();
    } catch (const wire_error& e) {
        answer_exception(out, Outcome::no_such_function, std::string("malformed arguments: ") + e.what());
    } catch (const dlmath::not_implemented& e) {
        answer_exception(out, Outcome::not_implemented, e.what());
    } catch (const dlmath::shape_error& e) {
        answer_exception(out, Outcome::shape_error, e.what());
    } catch (const dlmath::domain_error& e) {
        answer_exception(out, Outcome::dlmath_domain_error, e.what());
    } catch (const std::invalid_argument& e) {
        answer_exception(out, Outcome::invalid_argument, e.what());
    } catch (const std::domain_error& e) {
        answer_exception(out, Outcome::domain_error, e.what());
    } catch (const std::out_of_range& e) {
        answer_exception(out, Outcome::out_of_range, e.what());
    } catch (const std::logic_error& e) {
        answer_exception(out, Outcome::logic_error, e.what());
    } catch (const std::runtime_error& e) {
        answer_exception(out, Outcome::runtime_error, e.what());
    } catch (const std::exception& e) {
        answer_exception(out, Outcome::other_exception,
                         std::string(e.what()) + " (an exception of type " + typeid(e).name() + ")");
    } catch (...) {
        answer_exception(out, Outcome::not_std, "an exception that is not a std::exception");
    }
    return out.take();
}

}  // namespace

int serve(const Handler* table, std::size_t count, int argc, char** argv) {
    (void)argc;
    (void)argv;
    for (;;) {
        std::uint64_t length = 0;
        if (!read_all(request_fd, &length, sizeof length)) return 0;   // the checker is done
        if (length > max_message) return 3;
        std::string request(static_cast<std::size_t>(length), '\0');
        if (!read_all(request_fd, request.data(), request.size())) return 3;
        const std::string answer = run_call(table, count, request);
        // what the student's code printed goes out before the answer does
        std::fflush(stdout);
        std::fflush(stderr);
        const std::uint64_t size = answer.size();
        if (!write_all(answer_fd, &size, sizeof size) || !write_all(answer_fd, answer.data(), answer.size()))
            return 3;
    }
}

}  // namespace dlmath::grading
