// The parts of dlmath::fast::team_size() that the tests check on their own
// (internal): the parsing of /proc/stat's first line and the rule that
// turns a measured load into a team size.
#pragma once

namespace dlmath::fast::detail {

/// CPU time of the whole machine, in /proc/stat's ticks.
struct CpuTimes {
    unsigned long long busy_ticks = 0;  // user, nice, system, irq, softirq, steal
    unsigned long long all_ticks = 0;   // busy + idle + iowait
};

/// Reads /proc/stat's aggregate line ("cpu  user nice system idle iowait
/// irq softirq steal ..."); false where it is not that line.
bool parse_cpu_line(const char* line, CpuTimes& out);

/// The team for `max_threads` wanted, on `cpus` cores of which others keep
/// `others_busy` busy (in cores, any value): the free cores rounded half
/// up, at least 1, at most max_threads.
int team_for(int max_threads, int cpus, double others_busy);

}  // namespace dlmath::fast::detail
