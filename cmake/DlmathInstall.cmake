# `cmake --install` + an exported package, so that another CMake project can
#   find_package(dlmath REQUIRED)
#   target_link_libraries(app PRIVATE dlmath::fast)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS dlmath_core dlmath_reference dlmath_fast
        EXPORT dlmathTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY core/include/dlmath reference/include/dlmath fast/include/dlmath
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT dlmathTargets NAMESPACE dlmath::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/dlmath)
configure_package_config_file(cmake/dlmathConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/dlmathConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/dlmath)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/dlmathConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/dlmathConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/dlmathConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/dlmath)
