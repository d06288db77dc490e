# Every dependency comes from a Debian 12 package (scripts/install-deps.sh).
# Nothing is downloaded at configure or build time.
find_package(xtl REQUIRED)
find_package(xsimd REQUIRED)
find_package(xtensor REQUIRED)
find_package(OpenMP REQUIRED COMPONENTS CXX)
find_package(Boost 1.74 REQUIRED)          # Boost.Math is header-only

# xtensor-blas, OpenBLAS and LAPACK are the libraries the twins are measured
# against (tests, benchmarks, the chapter programs' figures); the library
# itself does not use them, and the grader, which builds only the exercises,
# does not look for them (finding them is a third of its configure time).
set(DLMATH_NEEDS_BLAS OFF)
if(DLMATH_BUILD_TESTS OR DLMATH_BUILD_BENCH OR DLMATH_BUILD_CHAPTERS)
  set(DLMATH_NEEDS_BLAS ON)
  find_package(xtensor-blas REQUIRED)
  set(BLA_VENDOR OpenBLAS)
  find_package(BLAS REQUIRED)
  find_package(LAPACK REQUIRED)
endif()

# the exercises are graded by GoogleTest and RapidCheck checkers
if(DLMATH_BUILD_TESTS OR DLMATH_BUILD_EXERCISES)
  find_package(GTest REQUIRED)
  find_package(rapidcheck REQUIRED)
endif()
if(DLMATH_BUILD_BENCH)
  find_package(benchmark REQUIRED)
  find_package(nlohmann_json REQUIRED)
endif()
if(DLMATH_BUILD_CHAPTERS)
  find_package(CLI11 QUIET)
endif()

# Helper target for code that uses xtensor-blas (tests, benchmarks): it links
# BLAS and LAPACK. XTENSOR_USE_XSIMD is deliberately not defined anywhere: it
# changes the allocator of xt::xtensor, and so the ABI of dlmath::Vector,
# between translation units built for different SIMD architectures.
if(DLMATH_NEEDS_BLAS)
  add_library(dlmath_blas INTERFACE)
  target_link_libraries(dlmath_blas INTERFACE xtensor xtensor-blas BLAS::BLAS LAPACK::LAPACK)
endif()
