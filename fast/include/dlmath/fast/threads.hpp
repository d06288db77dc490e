/// \file
/// \brief How many threads the fast twin's parallel regions use: OpenMP's
/// count, less the cores that other processes keep busy.
///
/// Every parallel region of the fast twin ends at a barrier, and GCC's
/// OpenMP runtime waits there — and between regions — by spinning for
/// milliseconds before it sleeps. On a quiet machine that is what short
/// parallel kernels want. With more runnable threads than cores it turns
/// against them: a thread spinning at the barrier holds the core that the
/// preempted thread it waits for needs. Measured on a 2-core machine beside
/// two compiler processes, fast::entropy of 10^6 probabilities on 2 threads
/// took 2.3 ms, half the reference's speed-up lost many times over (one
/// thread: 0.73 ms; the reference 5–7 ms), and fast::dot ran at 0.43× its
/// reference on 2 threads and 1.5× on one.
///
/// So before each parallel region the fast twin asks team_size(): OpenMP's
/// `omp_get_max_threads()` (what OMP_NUM_THREADS or `omp_set_num_threads`
/// chose), capped by the cores that the rest of the machine leaves free —
/// the machine's cores less the CPU time that *other* processes used over
/// the last `load_window` (the machine's busy time from /proc/stat less
/// this process's own, from getrusage), rounded to whole cores, and at least
/// one. The results do not change: every fast kernel gives the same bits for
/// any number of threads. Where /proc/stat cannot be read (not Linux), the
/// count is OpenMP's.
#pragma once

#include <chrono>

namespace dlmath::fast {

/// The span over which other processes' CPU time is measured: long enough
/// for /proc/stat's 10 ms ticks to average out (±1 tick per core in 10),
/// short enough that a busy neighbour is noticed within a fifth of a second.
inline constexpr std::chrono::milliseconds load_window{100};

/// The number of threads the fast twin's next parallel region uses (see
/// the top of this file): at least 1, at most `omp_get_max_threads()`.
/// Cheap enough to call before every region: the load is measured at most
/// once per load_window, by whichever thread calls first after it ends.
int team_size();

/// Turns the adjustment to the machine's load on (the default) or off; off,
/// team_size() is `omp_get_max_threads()`. For experiments with a given
/// number of threads, such as the tests of bitwise reproducibility.
void adapt_threads_to_load(bool on);

/// Whether team_size() adjusts to the machine's load.
bool adapts_threads_to_load();

}  // namespace dlmath::fast
