// Memory for the benchmarks: every allocation comes from the heap and freed
// memory stays with the process, so a kernel that returns a fresh vector
// reuses the pages of the previous call's vector.
//
// By default glibc serves an allocation above 32 MiB with a fresh mapping
// and returns it to the system when it is freed; every call of such a
// kernel then touches new pages, and on some machines (virtual ones in
// particular) the first touch of a page costs several microseconds — for an
// 80 MB result, more than the kernel's arithmetic (sigmoid of 10^7 doubles:
// 160 ms of page faults against a few ms of work). A training loop reuses
// its buffers; so do the benchmarks. Both twins and the library case run
// under the same allocator settings.
#include <malloc.h>

namespace {

const bool heap_only = [] {
    mallopt(M_MMAP_MAX, 0);  // no allocation is a mapping of its own
    mallopt(M_TRIM_THRESHOLD, 1 << 30);  // freed memory is kept (up to 1 GiB at the top of the heap)
    mallopt(M_TOP_PAD, 64 << 20);  // the heap grows in steps of 64 MiB
    return true;
}();

}  // namespace
