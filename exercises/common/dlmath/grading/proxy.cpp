// The checker's side: one student process per test, started on the first
// call, kept for the test's other calls, restarted after a crash, killed at
// the end of the test (a GoogleTest listener) and at exit.
#include <dlmath/grading/proxy.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>
#include <dlmath/grading/sandbox.hpp>

namespace dlmath::grading {
namespace {

// How much of what the student's code prints the failure message shows.
constexpr std::size_t output_kept = 4000;

// The stubs' exception, rebuilt from the function name it was made with.
using stub_exception = dlmath::not_implemented;

// Rethrows not_implemented with the message the stub produced, verbatim.
class relayed_not_implemented : public dlmath::not_implemented {
public:
    explicit relayed_not_implemented(std::string message)
        : dlmath::not_implemented(""), message_(std::move(message)) {}
    [[nodiscard]] const char* what() const noexcept override { return message_.c_str(); }

private:
    std::string message_;
};

[[noreturn]] void rethrow(Outcome outcome, const std::string& message, const char* function) {
    switch (outcome) {
        case Outcome::not_implemented: {
            const std::string suffix = ": not implemented yet (this is an exercise)";
            if (message.size() >= suffix.size() &&
                message.compare(message.size() - suffix.size(), suffix.size(), suffix) == 0)
                throw stub_exception(message.substr(0, message.size() - suffix.size()));
            throw relayed_not_implemented(message);
        }
        case Outcome::shape_error: throw dlmath::shape_error(message);
        case Outcome::dlmath_domain_error: throw dlmath::domain_error(message);
        case Outcome::invalid_argument: throw std::invalid_argument(message);
        case Outcome::domain_error: throw std::domain_error(message);
        case Outcome::out_of_range: throw std::out_of_range(message);
        case Outcome::logic_error: throw std::logic_error(message);
        case Outcome::runtime_error: throw std::runtime_error(message);
        case Outcome::other_exception: throw std::runtime_error(message);
        case Outcome::not_std:
            throw student_failure(std::string("the student's code in ") + function +
                                  " threw something that is not a std::exception");
        case Outcome::no_such_function:
            throw student_failure(std::string("the student's program could not run ") + function + ": " + message);
        case Outcome::value: break;
    }
    throw student_failure(std::string("the student's program sent a malformed answer to ") + function);
}

double call_timeout() {
    const char* t = std::getenv("DLMATH_STUDENT_TIMEOUT");
    const double s = t ? std::atof(t) : 0.0;
    return s > 0 ? s : 10.0;
}

std::string student_program() {
    if (const char* p = std::getenv("DLMATH_STUDENT_PROGRAM"); p && *p) return p;
    // beside the checker: exercise_<name>_test -> exercise_<name>_student
    char self[4096];
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    std::string path = n > 0 ? std::string(self, static_cast<std::size_t>(n)) : std::string();
    const std::string suffix = "_test";
    if (path.size() > suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0)
        return path.substr(0, path.size() - suffix.size()) + "_student";
    return path + "_student";
}

class Student {
public:
    std::string call(const char* function, const std::string& request) {
        if (!running()) start();
        std::string frame(sizeof(std::uint64_t), '\0');
        const std::uint64_t length = request.size();
        std::memcpy(frame.data(), &length, sizeof length);
        frame += request;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_);
        std::string answer;
        std::size_t sent = 0;
        std::uint64_t expected = 0;
        bool have_length = false;
        for (;;) {
            if (have_length && answer.size() == expected) break;
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) {
                stop();
                throw student_failure(describe_timeout(function));
            }
            pollfd fds[3] = {{sent < frame.size() ? sp_.requests : -1, POLLOUT, 0},
                             {sp_.answers, POLLIN, 0},
                             {sp_.output, POLLIN, 0}};
            const int ready = ::poll(fds, 3, static_cast<int>(std::min<long long>(left.count() + 1, 1000)));
            if (ready < 0 && errno != EINTR) {
                stop();
                throw student_failure("waiting for the student's program failed");
            }
            if (fds[2].revents & (POLLIN | POLLHUP)) drain_output();
            if (fds[0].revents & (POLLERR | POLLHUP)) {
                throw student_failure(describe_end(function));
            }
            if (fds[0].revents & POLLOUT) {
                const ssize_t put = ::write(sp_.requests, frame.data() + sent, frame.size() - sent);
                if (put < 0 && errno != EINTR && errno != EAGAIN) throw student_failure(describe_end(function));
                if (put > 0) sent += static_cast<std::size_t>(put);
            }
            if (fds[1].revents & (POLLIN | POLLHUP)) {
                char buf[65536];
                const std::size_t want = have_length ? std::min<std::uint64_t>(sizeof buf, expected - answer.size())
                                                     : sizeof(std::uint64_t) - answer.size();
                const ssize_t got = ::read(sp_.answers, buf, want);
                if (got == 0) throw student_failure(describe_end(function));
                if (got < 0) {
                    if (errno == EINTR || errno == EAGAIN) continue;
                    throw student_failure(describe_end(function));
                }
                answer.append(buf, static_cast<std::size_t>(got));
                if (!have_length && answer.size() == sizeof(std::uint64_t)) {
                    std::memcpy(&expected, answer.data(), sizeof expected);
                    answer.clear();
                    have_length = true;
                    if (expected > max_message) {
                        stop();
                        throw student_failure(std::string("the student's program sent a malformed answer to ") +
                                              function + " (a message of " + std::to_string(expected) + " bytes)");
                    }
                }
            }
        }
        if (sent < frame.size() || answer.empty()) {
            stop();
            throw student_failure(std::string("the student's program sent a malformed answer to ") + function +
                                  " (before reading the call)");
        }
        const auto outcome = static_cast<Outcome>(static_cast<std::uint8_t>(answer[0]));
        if (outcome == Outcome::value) return answer.substr(1);
        std::string message;
        try {
            Reader r(answer.data() + 1, answer.size() - 1);
            message = get<std::string>(r);
        } catch (const wire_error&) {
            stop();
            throw student_failure(std::string("the student's program sent a malformed answer to ") + function);
        }
        if (static_cast<std::uint8_t>(outcome) > static_cast<std::uint8_t>(Outcome::no_such_function)) {
            stop();
            throw student_failure(std::string("the student's program sent a malformed answer to ") + function);
        }
        rethrow(outcome, message, function);
    }

    // Ends the student's process (if any); returns what it printed.
    std::string finish() {
        stop();
        std::string out = std::move(output_);
        if (dropped_ > 0)
            out += "\n[... " + std::to_string(dropped_) + " more bytes of the student's output left out ...]";
        output_.clear();
        dropped_ = 0;
        return out;
    }

    ~Student() { stop(); }

private:
    [[nodiscard]] bool running() const { return sp_.pid > 0; }

    void start() {
        timeout_ = call_timeout();
        std::signal(SIGPIPE, SIG_IGN);   // a dead student must not kill the checker
        sp_ = spawn_student(student_program(), static_cast<unsigned>(std::ceil(timeout_)) + 1);
        for (int fd : {sp_.requests, sp_.answers, sp_.output}) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    }

    void drain_output() {
        if (sp_.output < 0) return;
        char buf[65536];
        for (;;) {
            const ssize_t got = ::read(sp_.output, buf, sizeof buf);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) return;
            const std::size_t n = static_cast<std::size_t>(got);
            const std::size_t room = output_kept - std::min(output_kept, output_.size());
            output_.append(buf, std::min(room, n));
            dropped_ += n - std::min(room, n);
        }
    }

    // Kills the student's process (its whole group) and reaps it; returns its wait status.
    int stop() {
        if (!running()) return 0;
        ::kill(-sp_.pid, SIGKILL);
        ::kill(sp_.pid, SIGKILL);
        return reap();
    }

    int reap() {
        int status = 0;
        while (::waitpid(sp_.pid, &status, 0) < 0 && errno == EINTR) {
        }
        drain_output();
        end_leftovers();
        for (int fd : {sp_.requests, sp_.answers, sp_.output}) ::close(fd);
        sp_ = Spawned{};
        return status;
    }

    // The student's process ended during a call: how.
    std::string describe_end(const char* function) {
        // give it a moment to finish dying, then take its status
        int status = 0;
        bool ended = false;
        for (int i = 0; i < 200 && !ended; ++i) {
            const pid_t r = ::waitpid(sp_.pid, &status, WNOHANG);
            if (r == sp_.pid) {
                ended = true;
            } else {
                ::usleep(5000);
            }
        }
        if (ended) {
            drain_output();
            end_leftovers();
            ::kill(-sp_.pid, SIGKILL);
            for (int fd : {sp_.requests, sp_.answers, sp_.output}) ::close(fd);
            sp_ = Spawned{};
        } else {
            status = stop();
        }
        int signal = 0;
        int code = 0;
        if (WIFSIGNALED(status)) {
            signal = WTERMSIG(status);
        } else if (WIFEXITED(status)) {
            code = WEXITSTATUS(status);
            // bwrap reports a signal that ended the program as 128 + the signal
            if (confinement() == Confinement::bubblewrap && code > 128 && code < 128 + 65) signal = code - 128;
        }
        if (signal != 0) {
            const char* name = sigabbrev_np(signal);
            std::string what = name ? std::string("SIG") + name : "signal " + std::to_string(signal);
            if (signal == SIGXCPU) what += ", over its CPU time limit";
            return std::string("the student's code crashed (") + what + ") in " + function;
        }
        if (code == 126 || code == 127)
            return std::string("the student's program could not be started (exit status ") + std::to_string(code) +
                   ") for " + function;
        return std::string("the student's program exited early with status ") + std::to_string(code) + " during " +
               function + " (exit() or _Exit() called?)";
    }

    std::string describe_timeout(const char* function) const {
        char s[32];
        std::snprintf(s, sizeof s, "%g", timeout_);
        return std::string("the student's code timed out after ") + s + " s in " + function + " (an endless loop?)";
    }

    Spawned sp_;
    double timeout_ = 10.0;
    std::string output_;
    std::size_t dropped_ = 0;
};

Student& student() {
    static Student s;
    return s;
}

// Ends the test's student process and shows what it printed when the test failed.
class EndStudentPerTest : public ::testing::EmptyTestEventListener {
    void OnTestEnd(const ::testing::TestInfo& info) override {
        const std::string printed = student().finish();
        const auto* result = info.result();
        if (result != nullptr && result->Failed() && !printed.empty()) {
            std::printf("The student's code printed:\n%s\n", printed.c_str());
            std::fflush(stdout);
        }
    }
};

const bool listener_installed = [] {
    ::testing::UnitTest::GetInstance()->listeners().Append(new EndStudentPerTest);
    std::atexit([] { student().finish(); });
    return true;
}();

}  // namespace

std::string call_encoded(const char* function, const std::string& request) {
    return student().call(function, request);
}

}  // namespace dlmath::grading
