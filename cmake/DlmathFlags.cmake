# Flags shared by every target of the project. Both twins get exactly the
# same flags: a speed-up must come from the algorithm, threads and SIMD.
add_library(dlmath_flags INTERFACE)
target_compile_options(dlmath_flags INTERFACE -Wall -Wextra -Wpedantic)
# No silent fusing of a*b + c into one FMA: the reference twin rounds every
# product and every sum exactly as its formula is written (as NumPy does),
# so a worked example gives the same bits on every machine. The fast twin
# asks for FMAs explicitly, where it wants them.
target_compile_options(dlmath_flags INTERFACE -ffp-contract=off)
if(DLMATH_NATIVE)
  # The SIMD architecture (SSE2, AVX2, AVX-512, ...) is the one of the
  # compiling machine; xsimd::batch<double> picks its width from it.
  target_compile_options(dlmath_flags INTERFACE -march=native)
endif()
if(CMAKE_BUILD_TYPE STREQUAL "Release")
  target_compile_options(dlmath_flags INTERFACE -O3)
endif()
if(DLMATH_SANITIZE)
  target_compile_options(dlmath_flags INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(dlmath_flags INTERFACE -fsanitize=address,undefined)
endif()
