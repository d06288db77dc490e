// The fast twin's team size (dlmath/fast/threads.hpp): OpenMP's thread
// count capped by the cores that other processes leave free.
#include "dlmath/fast/threads.hpp"

#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <mutex>

#include <omp.h>

#if defined(__linux__)
#include <sys/resource.h>
#include <unistd.h>
#endif

#include "threads_detail.hpp"

namespace dlmath::fast {
namespace detail {

bool parse_cpu_line(const char* line, CpuTimes& out) {
    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"
    unsigned long long v[8] = {};
    if (line[0] != 'c' || line[1] != 'p' || line[2] != 'u' || line[3] != ' ') return false;  // not "cpuN"
    if (std::sscanf(line, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5],
                    &v[6], &v[7]) < 4)
        return false;
    // guest time is already counted in user; idle and iowait are not busy
    out.busy_ticks = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
    out.all_ticks = out.busy_ticks + v[3] + v[4];
    return true;
}

int team_for(int max_threads, int cpus, double others_busy) {
    if (max_threads < 1) return 1;
    const double free = static_cast<double>(cpus) - (others_busy > 0.0 ? others_busy : 0.0);
    const double whole = std::floor(free + 0.5);  // to whole cores, half up
    if (!(whole < static_cast<double>(max_threads))) return max_threads;
    return whole < 1.0 ? 1 : static_cast<int>(whole);
}

namespace {

#if defined(__linux__)
// One reading of the machine's and this process's CPU time.
struct Reading {
    std::chrono::steady_clock::time_point when;
    CpuTimes machine;
    double own_seconds = 0.0;
};

bool read(Reading& r) {
    std::FILE* f = std::fopen("/proc/stat", "r");
    if (f == nullptr) return false;
    char line[512];
    const bool ok = std::fgets(line, sizeof line, f) != nullptr && parse_cpu_line(line, r.machine);
    std::fclose(f);
    if (!ok) return false;
    rusage u{};
    if (getrusage(RUSAGE_SELF, &u) != 0) return false;
    r.own_seconds = static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
                    1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
    r.when = std::chrono::steady_clock::now();
    return true;
}

struct Monitor {
    std::mutex refreshing;      // held by the one thread that takes a reading
    Reading last;               // guarded by `refreshing`
    bool have_last = false;     // guarded by `refreshing`
    std::atomic<bool> readable{true};
    std::atomic<double> others{0.0};  // cores busy with other processes, last window
    std::atomic<std::int64_t> next_ns{0};  // steady-clock time of the next reading
    const int cpus = static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN));
    const double tick = 1.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
};

Monitor& monitor() {
    static Monitor m;
    return m;
}

double others_busy() {
    Monitor& m = monitor();
    if (!m.readable.load(std::memory_order_relaxed)) return 0.0;
    const auto now = std::chrono::steady_clock::now();
    const std::int64_t now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch()).count();
    if (now_ns >= m.next_ns.load(std::memory_order_relaxed) && m.refreshing.try_lock()) {
        std::lock_guard<std::mutex> held(m.refreshing, std::adopt_lock);
        Reading r;
        if (!read(r)) {
            m.readable.store(false, std::memory_order_relaxed);
            return 0.0;
        }
        if (m.have_last) {
            const double wall = std::chrono::duration<double>(r.when - m.last.when).count();
            const double busy = static_cast<double>(r.machine.busy_ticks - m.last.machine.busy_ticks) * m.tick;
            const double own = r.own_seconds - m.last.own_seconds;
            if (wall > 0.0) m.others.store((busy - own) / wall, std::memory_order_relaxed);
        }
        m.last = r;
        m.have_last = true;
        m.next_ns.store(now_ns + std::chrono::duration_cast<std::chrono::nanoseconds>(load_window).count(),
                        std::memory_order_relaxed);
    }
    return m.others.load(std::memory_order_relaxed);
}

int cpus() { return monitor().cpus; }
#else
double others_busy() { return 0.0; }
int cpus() { return omp_get_num_procs(); }
#endif

std::atomic<bool> adapting{true};

}  // namespace
}  // namespace detail

int team_size() {
    const int max_threads = omp_get_max_threads();
    if (max_threads <= 1 || !detail::adapting.load(std::memory_order_relaxed)) return max_threads < 1 ? 1 : max_threads;
    return detail::team_for(max_threads, detail::cpus(), detail::others_busy());
}

void adapt_threads_to_load(bool on) { detail::adapting.store(on, std::memory_order_relaxed); }

bool adapts_threads_to_load() { return detail::adapting.load(std::memory_order_relaxed); }

}  // namespace dlmath::fast
