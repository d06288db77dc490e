// The sandbox of the student's program. What holds in each confinement:
//
// bubblewrap (namespaces available; probed once per checker, or once per
// build when the runner names a plan file: see read_plan):
//   new user (where possible), PID, network, IPC, UTS and cgroup namespaces;
//   a new session; no capabilities; a root file system that holds only
//   read-only /usr (with /bin, /lib, /lib64, /sbin as on the host), the
//   loader cache, a fresh /proc of its own PID namespace, a minimal /dev, a
//   private /tmp (tmpfs, 64 MiB where bwrap can size it) as working
//   directory, and the student's program read-only. No source tree, build
//   tree, tests, runner, manifest or output directory is visible; nothing
//   can be written outside /tmp; no other process can be seen or signalled;
//   every process of the sandbox dies with it (and with the checker). When
//   the checker runs as root, bwrap itself runs as a fresh unprivileged uid
//   where unprivileged namespaces allow it, else as root without
//   capabilities.
// unprivileged user (no namespaces, the checker is root):
//   a fresh uid/gid of its own (200000 + the checker's pid, no groups), its
//   own session, a private working directory, RLIMIT_NPROC 64 for that uid;
//   at the end of each test every process of that uid is killed, so a
//   daemon does not outlive the test. It cannot write the build tree, the
//   runner, the manifests, the reports or other programs (owned by root),
//   but it can READ whatever is world-readable: the grader creates its
//   scratch copy, hidden tests included, readable by its owner only.
// limits only (no namespaces, not root):
//   rlimits and its own process group; the student's code runs as the
//   grader's user and is NOT confined: use this for development only.
//
// In every case, set before exec: RLIMIT_CPU (the test's timeout + 1 s),
// RLIMIT_AS 2 GiB (not in an AddressSanitizer build), RLIMIT_FSIZE 64 MiB, RLIMIT_NOFILE 64, RLIMIT_CORE 0;
// stdin is /dev/null, stdout and stderr a pipe the checker bounds; the
// environment is PATH, HOME and TMPDIR only. DLMATH_STUDENT_SANDBOX=bwrap,
// user or limits forces a confinement (for tests of the fallbacks).
#include <dlmath/grading/sandbox.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace dlmath::grading {
namespace {

namespace fs = std::filesystem;

constexpr rlim_t address_space = rlim_t{2} << 30;
constexpr rlim_t file_size = rlim_t{64} << 20;
constexpr rlim_t open_files = 64;
constexpr rlim_t processes = 64;
constexpr const char* tmp_size = "67108864";

struct Plan {
    bool bwrap = false;
    bool sized_tmp = false;   // bwrap understands --size
    bool drop = false;        // run as a fresh unprivileged uid
};

struct State {
    std::once_flag probed;
    Plan plan;
    Confinement confinement = Confinement::limits_only;
    std::string bwrap_path;
    fs::path dir;       // the private copy of the program (and the working directory)
    std::string copy;   // the copied program
    std::string copied_from;
};

State& state() {
    static State s;
    return s;
}

// The checker's own pid, taken before any fork: the uid of its student
// processes is unique to the checker.
const pid_t checker_pid = ::getpid();

uid_t fresh_uid() { return static_cast<uid_t>(200000 + checker_pid); }

std::string find_bwrap() {
    for (const char* p : {"/usr/bin/bwrap", "/bin/bwrap", "/usr/local/bin/bwrap"}) {
        if (::access(p, X_OK) == 0) return p;
    }
    return {};
}

std::vector<std::string> bwrap_args(const Plan& plan, const std::string& bwrap, const std::string& program,
                                    const std::string& inside) {
    std::vector<std::string> a = {bwrap, "--unshare-all", "--die-with-parent", "--new-session",
                                  "--cap-drop", "ALL", "--ro-bind", "/usr", "/usr"};
    for (const char* d : {"/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32"}) {
        std::error_code ec;
        const fs::path p(d);
        if (fs::is_symlink(p, ec)) {
            a.insert(a.end(), {"--symlink", fs::read_symlink(p, ec).string(), d});
        } else if (fs::is_directory(p, ec)) {
            a.insert(a.end(), {"--ro-bind", d, d});
        }
    }
    a.insert(a.end(), {"--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache", "--proc", "/proc", "--dev", "/dev"});
    if (plan.sized_tmp) a.insert(a.end(), {"--size", tmp_size});
    a.insert(a.end(), {"--tmpfs", "/tmp", "--chdir", "/tmp"});
    if (!program.empty()) a.insert(a.end(), {"--ro-bind", program, inside});
    a.emplace_back(inside);
    return a;
}

void set_limit(int resource, rlim_t soft, rlim_t hard) {
    const rlimit l{soft, hard};
    ::setrlimit(resource, &l);
}

// In the child, between fork and exec: only async-signal-safe calls.
[[noreturn]] void exec_child(const Plan& plan, char* const* argv, char* const* envp, const char* cwd,
                             int request_in, int answer_out, int output, unsigned cpu_seconds, pid_t parent) {
    // the channel at 3 and 4, the capture at 1 and 2, /dev/null at 0
    const int devnull = ::open("/dev/null", O_RDONLY);
    const int r = ::fcntl(request_in, F_DUPFD, 10);
    const int w = ::fcntl(answer_out, F_DUPFD, 10);
    const int o = ::fcntl(output, F_DUPFD, 10);
    if (devnull < 0 || r < 0 || w < 0 || o < 0) ::_exit(126);
    if (::dup2(devnull, 0) < 0 || ::dup2(o, 1) < 0 || ::dup2(o, 2) < 0 || ::dup2(r, 3) < 0 || ::dup2(w, 4) < 0)
        ::_exit(126);
    if (::syscall(SYS_close_range, 5u, ~0u, 0u) != 0) {
        for (int fd = 5; fd < 65536; ++fd) ::close(fd);
    }
    ::setpgid(0, 0);
    if (!plan.bwrap) ::setsid();
    set_limit(RLIMIT_CPU, cpu_seconds, cpu_seconds + 1);
#if !defined(__SANITIZE_ADDRESS__)
    // (In a sanitizer build AddressSanitizer reserves terabytes of shadow
    // address space at start-up, so the address-space bound would stop every
    // student program; there the memory bound is left to the sanitizer.)
    set_limit(RLIMIT_AS, address_space, address_space);
#endif
    set_limit(RLIMIT_FSIZE, file_size, file_size);
    set_limit(RLIMIT_NOFILE, open_files, open_files);
    set_limit(RLIMIT_CORE, 0, 0);
    if (plan.drop) {
        const uid_t id = fresh_uid();
        if (::setgroups(0, nullptr) != 0 || ::setgid(id) != 0 || ::setuid(id) != 0) ::_exit(126);
        if (::getuid() != id || ::geteuid() != id || ::setuid(0) == 0) ::_exit(126);
        set_limit(RLIMIT_NPROC, processes, processes);
    }
    if (cwd != nullptr && ::chdir(cwd) != 0) ::_exit(126);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);   // after the uid change, which clears it
    if (::getppid() != parent) ::_exit(126);
    ::execve(argv[0], argv, envp);
    ::_exit(127);
}

struct Argv {
    std::vector<std::string> strings;
    std::vector<char*> pointers;
    explicit Argv(std::vector<std::string> s) : strings(std::move(s)) {
        for (auto& x : strings) pointers.push_back(x.data());
        pointers.push_back(nullptr);
    }
};

Argv student_environment() {
    return Argv({"PATH=/usr/bin:/bin", "HOME=/tmp", "TMPDIR=/tmp", "LANG=C.UTF-8", "OMP_NUM_THREADS=1"});
}

// Whether `plan` can start a program at all: bwrap running /usr/bin/true.
bool works(const Plan& plan, const std::string& bwrap) {
    Argv argv(plan.bwrap ? bwrap_args(plan, bwrap, "", "/usr/bin/true")
                         : std::vector<std::string>{"/usr/bin/true"});
    Argv env = student_environment();
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return false;
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid == 0) exec_child(plan, argv.pointers.data(), env.pointers.data(), "/", fds[0], fds[1], fds[1], 5, parent);
    ::close(fds[0]);
    ::close(fds[1]);
    if (pid < 0) return false;
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// The plan file (DLMATH_STUDENT_PLAN_FILE, named by the runner): the plan
// that an earlier checker of the same build probed, so that a grading probes
// once rather than once per test. One line,
// "<wanted> <boot id> <bwrap> <sized> <drop>". It is trusted only when it is
// a regular file of this user that nobody else can write (the grader's build
// tree is its owner's alone), and only for the same wanted confinement since
// the same boot; otherwise the checker probes as if it were absent.
// A plan that no longer works fails the student's calls: it can never make a
// test pass.
std::string boot_id() {
    char id[64] = {};
    std::FILE* f = std::fopen("/proc/sys/kernel/random/boot_id", "re");
    if (f == nullptr) return "unknown";
    const bool read = std::fscanf(f, "%63s", id) == 1;
    std::fclose(f);
    return read ? id : "unknown";
}

bool read_plan(const std::string& path, const std::string& want, Plan& plan) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return false;
    struct stat st {};
    char text[160] = {};
    const bool trusted = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() &&
                         (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
    const ssize_t n = trusted ? ::read(fd, text, sizeof text - 1) : -1;
    ::close(fd);
    if (n <= 0) return false;
    char wanted[16] = {}, boot[64] = {};
    int bwrap = -1, sized = -1, drop = -1;
    if (std::sscanf(text, "%15s %63s %d %d %d", wanted, boot, &bwrap, &sized, &drop) != 5 || want != wanted ||
        boot_id() != boot)
        return false;
    if ((bwrap | sized | drop) & ~1) return false;
    plan = Plan{bwrap == 1, sized == 1, drop == 1};
    return true;
}

// Written whole or not at all (a new file renamed over the old name).
void write_plan(const std::string& path, const std::string& want, const Plan& plan) {
    const std::string tmp = path + "." + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return;
    const std::string line = want + " " + boot_id() + " " + std::to_string(plan.bwrap) + " " + std::to_string(plan.sized_tmp) +
                             " " + std::to_string(plan.drop) + "\n";
    const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    ::close(fd);
    if (!written || ::rename(tmp.c_str(), path.c_str()) != 0) ::unlink(tmp.c_str());
}

void adopt(State& s, const Plan& p) {
    s.plan = p;
    s.confinement = p.bwrap ? Confinement::bubblewrap
                            : (p.drop ? Confinement::unprivileged_user : Confinement::limits_only);
}

void probe() {
    State& s = state();
    const char* forced = std::getenv("DLMATH_STUDENT_SANDBOX");
    const std::string want = forced ? forced : "auto";
    const bool root = ::geteuid() == 0;
    s.bwrap_path = find_bwrap();
    const char* plan_file = std::getenv("DLMATH_STUDENT_PLAN_FILE");
    const std::string plan_path = plan_file ? plan_file : "";
    Plan known;
    if (!plan_path.empty() && read_plan(plan_path, want, known) && (!known.bwrap || !s.bwrap_path.empty()) &&
        (!known.drop || root)) {
        adopt(s, known);
        return;
    }
    std::vector<Plan> candidates;
    if ((want == "auto" || want == "bwrap") && !s.bwrap_path.empty()) {
        if (root) candidates.push_back({true, true, true});
        candidates.push_back({true, true, false});
        if (root) candidates.push_back({true, false, true});
        candidates.push_back({true, false, false});
    }
    if ((want == "auto" || want == "user") && root) candidates.push_back({false, false, true});
    if (want == "auto" || want == "limits") candidates.push_back({false, false, false});
    for (const Plan& p : candidates) {
        if (p.bwrap && !works(p, s.bwrap_path)) continue;
        if (!p.bwrap && p.drop && !works(p, s.bwrap_path)) continue;
        adopt(s, p);
        if (!plan_path.empty()) write_plan(plan_path, want, p);
        return;
    }
    throw std::runtime_error("the sandbox '" + want + "' (DLMATH_STUDENT_SANDBOX) is not available here");
}

void remove_copy() {
    State& s = state();
    if (!s.dir.empty()) {
        std::error_code ec;
        fs::remove_all(s.dir, ec);
    }
}

// A private copy of the program that the sandbox's user can read, in a
// fresh directory; in the unprivileged-user confinement also its working
// directory, owned by that user.
void make_copy(const std::string& program) {
    State& s = state();
    if (s.copied_from == program) return;
    remove_copy();
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/dlmath-student-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr)
        throw std::runtime_error("cannot create a directory for the student's program: " + std::string(std::strerror(errno)));
    s.dir = pattern;
    static const bool registered = (std::atexit(remove_copy), true);
    (void)registered;
    ::chmod(s.dir.c_str(), 0711);
    s.copy = (s.dir / fs::path(program).filename()).string();
    std::error_code ec;
    fs::copy_file(program, s.copy, fs::copy_options::overwrite_existing, ec);
    if (ec) throw std::runtime_error("cannot copy the student's program " + program + ": " + ec.message());
    ::chmod(s.copy.c_str(), 0555);
    const fs::path work = s.dir / "work";
    fs::create_directory(work, ec);
    if (s.plan.drop) {
        ::chown(work.c_str(), fresh_uid(), fresh_uid());
        ::chmod(work.c_str(), 0700);
    }
    s.copied_from = program;
}

}  // namespace

std::string describe(Confinement c) {
    switch (c) {
        case Confinement::bubblewrap: return "bubblewrap";
        case Confinement::unprivileged_user: return "an unprivileged user";
        case Confinement::limits_only: return "resource limits only";
    }
    return "?";
}

Confinement confinement() {
    std::call_once(state().probed, probe);
    return state().confinement;
}

Spawned spawn_student(const std::string& program, unsigned cpu_seconds) {
    confinement();
    State& s = state();
    if (::access(program.c_str(), R_OK) != 0)
        throw std::runtime_error("the student's program " + program + " is missing (did the exercise compile?)");
    make_copy(program);
    const std::string inside = "/sandbox/" + fs::path(program).filename().string();
    Argv argv(s.plan.bwrap ? bwrap_args(s.plan, s.bwrap_path, s.copy, inside) : std::vector<std::string>{s.copy});
    Argv env = student_environment();
    const std::string work = (s.dir / "work").string();
    int req[2], ans[2], out[2];
    if (::pipe2(req, O_CLOEXEC) != 0 || ::pipe2(ans, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0)
        throw std::runtime_error("cannot create the pipes to the student's program");
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid == 0)
        exec_child(s.plan, argv.pointers.data(), env.pointers.data(), s.plan.bwrap ? "/" : work.c_str(), req[0],
                   ans[1], out[1], cpu_seconds, parent);
    ::close(req[0]);
    ::close(ans[1]);
    ::close(out[1]);
    if (pid < 0) {
        ::close(req[1]);
        ::close(ans[0]);
        ::close(out[0]);
        throw std::runtime_error("cannot start the student's program (fork failed)");
    }
    ::setpgid(pid, pid);   // also done by the child: whichever runs first
    Spawned sp;
    sp.pid = pid;
    sp.requests = req[1];
    sp.answers = ans[0];
    sp.output = out[0];
    return sp;
}

void end_leftovers() {
    if (confinement() != Confinement::unprivileged_user) return;
    const pid_t pid = ::fork();
    if (pid == 0) {
        const uid_t id = fresh_uid();
        if (::setgid(id) == 0 && ::setuid(id) == 0) ::kill(-1, SIGKILL);   // every process of that uid
        ::_exit(0);
    }
    if (pid > 0) {
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
}

}  // namespace dlmath::grading
