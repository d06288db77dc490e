# dlmath_add_exercise(NAME <name> CHAPTER <n> POINTS <p> SOURCES <files...>
#                     TESTS <files...> [HIDDEN_TESTS <files...>] [TIMEOUT <seconds>])
#
# Builds one exercise as its own targets, so an exercise that does not compile
# costs only its own points:
#   exercise_<name>        the student's sources (an object library)
#   exercise_<name>_test   its GoogleTest program (visible + hidden tests)
# Every TEST/TEST_F of the test files becomes one ctest entry
# `exercise.<name>.<Suite>.<Test>` with labels `exercise` and `chapter<n>` and
# a timeout (default 10 s). Each entry runs through scripts/grade-run.py, which
# passes a test only when the test program ran to its end and GoogleTest's own
# XML report says the test passed: an early exit(0), a crash or a timeout fails.
# Hidden test files that are missing (the student edition) are skipped.
# The points and the list of tests go to a manifest that the grader reads:
#   ${DLMATH_EXERCISE_MANIFEST_DIR}/<name>.json
set(DLMATH_EXERCISE_MANIFEST_DIR ${CMAKE_BINARY_DIR}/exercises/manifest)
# Every exercise test starts the runner: prefer the system interpreter, which
# starts in a fraction of the time of a version manager's shim.
find_program(DLMATH_PYTHON3 NAMES python3 PATHS /usr/bin /bin NO_DEFAULT_PATH)
if(NOT DLMATH_PYTHON3)
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  set(DLMATH_PYTHON3 ${Python3_EXECUTABLE} CACHE FILEPATH "python3 for the exercise test runner" FORCE)
endif()
set(DLMATH_GRADE_RUNNER ${CMAKE_CURRENT_LIST_DIR}/../scripts/grade-run.py)
get_filename_component(DLMATH_GRADE_RUNNER ${DLMATH_GRADE_RUNNER} ABSOLUTE)
if(NOT TARGET dlmath_exercises)
  add_custom_target(dlmath_exercises)
endif()

# The test cases of a GoogleTest source, as Suite.Test, in file order.
function(_dlmath_exercise_cases file out)
  file(READ ${file} text)
  string(PREPEND text "\n")
  string(REGEX MATCHALL "\n[ \t]*TEST(_F)?[ \t]*\\([ \t\n]*[A-Za-z_][A-Za-z0-9_]*[ \t\n]*,[ \t\n]*[A-Za-z_][A-Za-z0-9_]*[ \t\n]*\\)" found "${text}")
  set(cases)
  foreach(m IN LISTS found)
    string(REGEX REPLACE ".*TEST(_F)?[ \t]*\\([ \t\n]*([A-Za-z0-9_]+)[ \t\n]*,[ \t\n]*([A-Za-z0-9_]+).*" "\\2.\\3" c "${m}")
    list(APPEND cases ${c})
  endforeach()
  set(${out} ${cases} PARENT_SCOPE)
endfunction()

function(dlmath_add_exercise)
  cmake_parse_arguments(E "" "NAME;CHAPTER;POINTS;TIMEOUT" "SOURCES;TESTS;HIDDEN_TESTS" ${ARGN})
  foreach(required NAME CHAPTER POINTS SOURCES TESTS)
    if(NOT E_${required})
      message(FATAL_ERROR "dlmath_add_exercise: ${required} is missing (in ${CMAKE_CURRENT_LIST_FILE})")
    endif()
  endforeach()
  if(NOT E_NAME MATCHES "^[A-Za-z][A-Za-z0-9_]*$")
    message(FATAL_ERROR "dlmath_add_exercise: NAME '${E_NAME}' must be an identifier")
  endif()
  if(NOT E_POINTS MATCHES "^[0-9]+(\\.[0-9]+)?$" OR NOT E_CHAPTER MATCHES "^[0-9]+$")
    message(FATAL_ERROR "dlmath_add_exercise(${E_NAME}): POINTS (${E_POINTS}) and CHAPTER (${E_CHAPTER}) must be numbers")
  endif()
  if(NOT E_TIMEOUT)
    set(E_TIMEOUT 10)
  endif()
  math(EXPR chapter "${E_CHAPTER}")   # 01 -> 1

  # The student's code and its tests, apart from every other exercise.
  add_library(exercise_${E_NAME} OBJECT ${E_SOURCES})
  target_include_directories(exercise_${E_NAME} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}
    $<TARGET_PROPERTY:dlmath_core,INTERFACE_INCLUDE_DIRECTORIES>)
  target_link_libraries(exercise_${E_NAME} PUBLIC xtensor PRIVATE dlmath_flags)
  # In the student edition each body is a single `throw`, so the parameters
  # are unused until the student writes the solution: not worth a warning.
  target_compile_options(exercise_${E_NAME} PRIVATE -Wno-unused-parameter)
  # __FILE__ and the test messages name sources relative to the tree, so the
  # student's code cannot find the tree from its own file name.
  target_compile_options(exercise_${E_NAME} PUBLIC -ffile-prefix-map=${PROJECT_SOURCE_DIR}/=)

  # The runner, copied into the build tree: the tests need nothing from the
  # source tree once built.
  configure_file(${DLMATH_GRADE_RUNNER} ${CMAKE_BINARY_DIR}/exercises/grade-run.py COPYONLY)

  set(test_files)
  set(manifest_tests "")
  foreach(kind TESTS HIDDEN_TESTS)
    foreach(f IN LISTS E_${kind})
      get_filename_component(path ${f} ABSOLUTE)
      if(NOT EXISTS ${path})
        if(kind STREQUAL "HIDDEN_TESTS")
          continue()       # the student edition has no hidden tests
        endif()
        message(FATAL_ERROR "dlmath_add_exercise(${E_NAME}): test file ${f} does not exist")
      endif()
      set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${path})
      list(APPEND test_files ${path})
      _dlmath_exercise_cases(${path} cases)
      if(NOT cases)
        message(FATAL_ERROR "dlmath_add_exercise(${E_NAME}): ${f} has no TEST or TEST_F")
      endif()
      set(hidden false)
      if(kind STREQUAL "HIDDEN_TESTS")
        set(hidden true)
      endif()
      foreach(c IN LISTS cases)
        set(ctest_name exercise.${E_NAME}.${c})
        if(TEST ${ctest_name})
          message(FATAL_ERROR "dlmath_add_exercise(${E_NAME}): the test ${c} is defined twice")
        endif()
        add_test(NAME ${ctest_name}
          COMMAND ${DLMATH_PYTHON3} ${CMAKE_BINARY_DIR}/exercises/grade-run.py
                  --binary ${CMAKE_BINARY_DIR}/exercises/bin/exercise_${E_NAME}_test
                  --case ${c} --timeout ${E_TIMEOUT})
        math(EXPR ctest_timeout "${E_TIMEOUT} + 20")
        set_tests_properties(${ctest_name} PROPERTIES
          LABELS "exercise;chapter${chapter}"
          TIMEOUT ${ctest_timeout}
          WORKING_DIRECTORY ${CMAKE_BINARY_DIR}/exercises)
        if(manifest_tests)
          string(APPEND manifest_tests ",\n")
        endif()
        string(APPEND manifest_tests "    {\"ctest\": \"${ctest_name}\", \"case\": \"${c}\", \"hidden\": ${hidden}}")
      endforeach()
    endforeach()
  endforeach()

  add_executable(exercise_${E_NAME}_test ${test_files} $<TARGET_OBJECTS:exercise_${E_NAME}>)
  target_link_libraries(exercise_${E_NAME}_test PRIVATE exercise_${E_NAME} GTest::gtest GTest::gtest_main dlmath_flags)
  set_target_properties(exercise_${E_NAME}_test PROPERTIES
    RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/exercises/bin)
  add_dependencies(dlmath_exercises exercise_${E_NAME}_test)

  set(sources "")
  foreach(f IN LISTS E_SOURCES)
    get_filename_component(path ${f} ABSOLUTE)
    if(sources)
      string(APPEND sources ", ")
    endif()
    string(APPEND sources "\"${path}\"")
  endforeach()
  file(RELATIVE_PATH dir ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR})
  file(WRITE ${DLMATH_EXERCISE_MANIFEST_DIR}/${E_NAME}.json
"{
  \"name\": \"${E_NAME}\",
  \"chapter\": ${chapter},
  \"points\": ${E_POINTS},
  \"timeout\": ${E_TIMEOUT},
  \"directory\": \"${dir}\",
  \"target\": \"exercise_${E_NAME}_test\",
  \"binary\": \"${CMAKE_BINARY_DIR}/exercises/bin/exercise_${E_NAME}_test\",
  \"sources\": [${sources}],
  \"tests\": [
${manifest_tests}
  ]
}
")
endfunction()
