// The machine's roofline as two measurements (roof.cpp), for the roofline
// cases of the suite (roofline.cpp) and for the cases that measure their
// roof next to themselves (kit.hpp, Kernel::roof_from):
//  - bandwidth: a STREAM-style triad a[i] = b[i] + s*c[i] over arrays far
//    larger than the caches, on all OpenMP threads (24 bytes counted per
//    element, as STREAM does);
//  - peak: independent FMA chains on every thread, enough of them to cover
//    the FMA latency (2 flops per lane per FMA).
#pragma once

#include <cstddef>
#include <vector>

namespace dlmath::bench {

/// The triad's arrays: 3 × 2^25 doubles (3 × 256 MiB), first touched by
/// the threads that stream them.
class TriadArrays {
public:
    TriadArrays();
    /// One pass a = b + s c; returns the bytes it counts (24 per element).
    double pass();

private:
    std::vector<double> a_, b_, c_;
};

/// The flops of one pass of the FMA chains on every OpenMP thread.
double fma_pass();

/// Bandwidth in GB/s and peak in GFLOP/s, each the median of `passes`
/// timed passes after one untimed one: the roof of a case measured next to
/// it (a pass takes about 15 ms).
double triad_gbs(int passes);
double fma_peak_gflops(int passes);

}  // namespace dlmath::bench
