// The student's program: every block that operator new hands out is filled
// with 0xFF bytes before the student's code sees it.
//
// Memory that C++ allocates is uninitialised: a Matrix::from_shape, a
// std::vector reserved and read, a `new double[n]` hold whatever the
// allocator returns. From the operating system that is zeros, from a reused
// block it is old data; so code that adds into an accumulator it never set
// passes or fails by chance. Here it fails every time: eight 0xFF bytes are
// a NaN as a double (and -1 as an integer), and a NaN spreads through every
// sum it enters. Code that sets what it reads never notices the difference.
//
// These are the replaceable global allocation functions of the standard
// ([new.delete]); the student's program links this file (it is part of the
// server library, and the student's code needs operator new), the checker
// does not. Every form is replaced, the deallocation functions included, so
// that a block always goes back to the allocator it came from (malloc and
// free; AddressSanitizer checks that pairing).
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>

namespace {

constexpr unsigned char poison = 0xFF;

// A block of `size` bytes (aligned to `alignment`, 0 for malloc's own),
// poisoned; on failure the new-handler is called, as the standard asks, and
// std::bad_alloc is thrown when there is none.
void* fresh(std::size_t size, std::size_t alignment) {
    if (size == 0) size = 1;  // distinct non-null pointers for zero-sized requests
    for (;;) {
        void* p = nullptr;
        if (alignment == 0) {
            p = std::malloc(size);
        } else if (::posix_memalign(&p, alignment < sizeof(void*) ? sizeof(void*) : alignment, size) != 0) {
            p = nullptr;
        }
        if (p != nullptr) {
            std::memset(p, poison, size);
            return p;
        }
        const std::new_handler handler = std::get_new_handler();
        if (handler == nullptr) throw std::bad_alloc();
        handler();
    }
}

void* fresh_or_null(std::size_t size, std::size_t alignment) noexcept {
    try {
        return fresh(size, alignment);
    } catch (...) {
        return nullptr;
    }
}

std::size_t bytes(std::align_val_t alignment) { return static_cast<std::size_t>(alignment); }

}  // namespace

void* operator new(std::size_t size) { return fresh(size, 0); }
void* operator new[](std::size_t size) { return fresh(size, 0); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return fresh_or_null(size, 0); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return fresh_or_null(size, 0); }
void* operator new(std::size_t size, std::align_val_t a) { return fresh(size, bytes(a)); }
void* operator new[](std::size_t size, std::align_val_t a) { return fresh(size, bytes(a)); }
void* operator new(std::size_t size, std::align_val_t a, const std::nothrow_t&) noexcept {
    return fresh_or_null(size, bytes(a));
}
void* operator new[](std::size_t size, std::align_val_t a, const std::nothrow_t&) noexcept {
    return fresh_or_null(size, bytes(a));
}

void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
