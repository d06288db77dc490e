# dlmath_add_library(<name> PUBLIC <libs...> [PRIVATE <libs...>])
#
# One of the three libraries of the course (core, reference, fast), built
# the same way: a static library `dlmath_<name>` (alias and export name
# `dlmath::<name>`) from every src/**/*.cpp of the calling folder, its
# include/ folder public, C++20, and the project's flags (dlmath_flags)
# applied privately — the same flags for both twins.
include(GNUInstallDirs)

function(dlmath_add_library name)
  cmake_parse_arguments(L "" "" "PUBLIC;PRIVATE" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/src/*.cpp)
  add_library(dlmath_${name} STATIC ${sources})
  add_library(dlmath::${name} ALIAS dlmath_${name})
  set_target_properties(dlmath_${name} PROPERTIES EXPORT_NAME ${name} OUTPUT_NAME dlmath_${name})
  target_include_directories(dlmath_${name} PUBLIC
    $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_link_libraries(dlmath_${name}
    PUBLIC ${L_PUBLIC}
    PRIVATE ${L_PRIVATE} $<BUILD_INTERFACE:dlmath_flags>)
  target_compile_features(dlmath_${name} PUBLIC cxx_std_20)
endfunction()
