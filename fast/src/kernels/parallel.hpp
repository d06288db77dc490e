// The parallel loop of the fast kernels (internal): the iterations shared
// among the threads of the team — or, for a team of one, no OpenMP region.
#pragma once

#include "dlmath/fast/threads.hpp"

namespace dlmath::fast::detail {

/// The loop of a team of one, in a function of its own as OpenMP outlines
/// the loop of a region: inlined into its caller, GCC optimised the body
/// less well (the Gaussian sampler on one thread ran 1.6× slower).
template <class Body>
[[gnu::noinline]] void serial_for(long long first, long long last, Body& body) {
    for (long long i = first; i < last; ++i) body(i);
}

/// Runs body(i) for every i in [first, last), shared among a team of
/// team_size() threads (OpenMP, schedule(static)) when `parallel` holds and
/// the team has two threads or more; otherwise in a plain loop on the
/// calling thread. A region of one thread is not free: entering one costs a
/// system call, and on a virtual machine the loop after it ran measurably
/// slower (a 10^5-element dot on one thread: 30 µs inside a region of one,
/// 16 µs without). So a team of one — OMP_NUM_THREADS=1, or the other cores
/// busy — enters none. Which thread runs an iteration never changes a
/// result: the callers' iterations write disjoint outputs.
template <class Body>
void parallel_for(long long first, long long last, bool parallel, Body&& body) {
    const int team = parallel ? dlmath::fast::team_size() : 1;
    if (team <= 1) {
        serial_for(first, last, body);
        return;
    }
#pragma omp parallel for schedule(static) num_threads(team)
    for (long long i = first; i < last; ++i) body(i);
}

}  // namespace dlmath::fast::detail
