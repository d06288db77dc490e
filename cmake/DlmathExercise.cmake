# dlmath_add_exercise(POINTS <p> SOURCES <files...> TESTS <files...>
#                     [HIDDEN_TESTS <files...>] [TIMEOUT <seconds>])
#
# Called from exercises/NN-chapter/<exercise>/CMakeLists.txt. The folder names
# the exercise: chapter NN, name <exercise> with `-` written `_`
# (exercises/01-linear-algebra/frobenius-norm is frobenius_norm of chapter 1).
#
# Builds one exercise as its own targets, so an exercise that does not compile
# costs only its own points:
#   exercise_<name>            the student's sources (an object library)
#   exercise_<name>_student    the student's program: the student's sources and
#                              a server, written by scripts/exercise-rpc.py from
#                              the exercise's headers, that runs the student's
#                              functions for the checker
#   exercise_<name>_checks     its tests, visible and hidden (an object library)
#   exercise_<name>_test       the checker: the tests and proxies with the
#                              signatures of the student's functions that run
#                              each call in the student's program (a separate,
#                              sandboxed process: exercises/common/dlmath/
#                              grading/). It holds no student code, so the
#                              test cases are listed from it too.
#   exercise_<name>_discover   lists the test cases (--gtest_list_tests) and
#                              writes the manifest and the ctest entries
# Tests are GoogleTest or RapidCheck (RC_GTEST_PROP) tests. Every test case of
# the listing becomes one ctest entry `exercise.<name>.<Suite>.<Test>` with
# labels `exercise` and `chapter<N>` and a timeout (default 10 s). Each entry
# runs through scripts/grade-run.py, which runs the checker with the student's
# program beside it and passes a test only when the checker ran to its end
# and GoogleTest's own XML report says the test passed: a crash, an early
# exit or a timeout of the student's program fails the call, and so the test.
# A case is hidden when GoogleTest's listing places it in one of the
# HIDDEN_TESTS files. Hidden test files that are missing (the student
# edition) are skipped. No student code runs while the cases are listed.
#
# Two JSON files per exercise, read by the grader (scripts/grade-tool.py):
#   ${DLMATH_EXERCISE_DECLARED_DIR}/<name>.json   at configure time: name,
#       chapter, points, timeout, targets, program, sources, test files
#   ${DLMATH_EXERCISE_MANIFEST_DIR}/<name>.json   at build time: the same plus
#       tests[] (ctest name, case, hidden), from the listing
set(DLMATH_EXERCISE_DECLARED_DIR ${CMAKE_BINARY_DIR}/exercises/declared)
set(DLMATH_EXERCISE_MANIFEST_DIR ${CMAKE_BINARY_DIR}/exercises/manifest)
set(DLMATH_EXERCISE_CTEST_DIR ${CMAKE_BINARY_DIR}/exercises/ctest)
# Every exercise test starts the runner: prefer the system interpreter, which
# starts in a fraction of the time of a version manager's shim.
find_program(DLMATH_PYTHON3 NAMES python3 PATHS /usr/bin /bin NO_DEFAULT_PATH)
if(NOT DLMATH_PYTHON3)
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  set(DLMATH_PYTHON3 ${Python3_EXECUTABLE} CACHE FILEPATH "python3 for the exercise test runner" FORCE)
endif()
get_filename_component(DLMATH_GRADE_RUNNER ${CMAKE_CURRENT_LIST_DIR}/../scripts/grade-run.py ABSOLUTE)
get_filename_component(DLMATH_GRADE_TOOL ${CMAKE_CURRENT_LIST_DIR}/../scripts/grade-tool.py ABSOLUTE)
get_filename_component(DLMATH_EXERCISE_RPC ${CMAKE_CURRENT_LIST_DIR}/../scripts/exercise-rpc.py ABSOLUTE)
get_filename_component(DLMATH_GRADING_INCLUDE ${CMAKE_CURRENT_LIST_DIR}/../exercises/common ABSOLUTE)

# _dlmath_json_quote(<out> <string>): <string> as a JSON string literal.
# Control characters cannot occur in the names and paths written here; one
# that does is an error rather than a malformed declaration.
function(_dlmath_json_quote out value)
  string(ASCII 1 first)
  string(ASCII 31 last)
  if(value MATCHES "[${first}-${last}]")
    message(FATAL_ERROR "dlmath_add_exercise: a control character in '${value}'")
  endif()
  string(REPLACE "\\" "\\\\" value "${value}")
  string(REPLACE "\"" "\\\"" value "${value}")
  set(${out} "\"${value}\"" PARENT_SCOPE)
endfunction()

# _dlmath_json_set(<json-var> <key> STRING|NUMBER|STRINGS <value>): sets
# <key> of the JSON object in <json-var> to a string, a number, or an array
# of strings (a CMake list).
function(_dlmath_json_set var key kind value)
  if(kind STREQUAL "STRING")
    _dlmath_json_quote(literal "${value}")
  elseif(kind STREQUAL "NUMBER")
    set(literal "${value}")
  else()
    set(literal "[]")
    foreach(item IN LISTS value)
      _dlmath_json_quote(quoted "${item}")
      string(JSON n LENGTH "${literal}")
      string(JSON literal SET "${literal}" ${n} "${quoted}")
    endforeach()
  endif()
  string(JSON json SET "${${var}}" ${key} "${literal}")
  set(${var} "${json}" PARENT_SCOPE)
endfunction()

# The two sides of a call into the student's code, shared by every exercise:
# the checker's (start the sandboxed student program, send the call, decode
# the answer) and the student program's (answer calls).
function(_dlmath_grading_libraries)
  if(TARGET dlmath_grading_proxy)
    return()
  endif()
  set(dir ${DLMATH_GRADING_INCLUDE}/dlmath/grading)
  add_library(dlmath_grading_proxy STATIC ${dir}/proxy.cpp ${dir}/sandbox.cpp)
  # fresh_memory.cpp poisons what operator new hands out in the student's
  # program (it replaces the global allocation functions, so it is linked
  # into that program only).
  add_library(dlmath_grading_server STATIC ${dir}/server.cpp ${dir}/fresh_memory.cpp)
  foreach(lib dlmath_grading_proxy dlmath_grading_server)
    target_include_directories(${lib} PUBLIC ${DLMATH_GRADING_INCLUDE}
      $<TARGET_PROPERTY:dlmath_core,INTERFACE_INCLUDE_DIRECTORIES>)
    target_link_libraries(${lib} PUBLIC xtensor PRIVATE dlmath_flags)
  endforeach()
  target_link_libraries(dlmath_grading_proxy PRIVATE GTest::gtest)
endfunction()
if(NOT TARGET dlmath_exercises)
  add_custom_target(dlmath_exercises)
endif()

# The exercise's name and chapter from its folder exercises/NN-chapter/<exercise>.
function(_dlmath_exercise_identity dir name_out chapter_out)
  get_filename_component(exercise_dir ${dir} NAME)
  get_filename_component(chapter_path ${dir} DIRECTORY)
  get_filename_component(chapter_dir ${chapter_path} NAME)
  if(NOT chapter_dir MATCHES "^([0-9][0-9])-[a-z0-9-]+$")
    message(FATAL_ERROR "dlmath_add_exercise: ${dir} is not in a chapter folder "
                        "exercises/NN-chapter/ (e.g. exercises/01-linear-algebra/)")
  endif()
  math(EXPR chapter "${CMAKE_MATCH_1}")   # 01 -> 1
  if(NOT exercise_dir MATCHES "^[a-z][a-z0-9_-]*$")
    message(FATAL_ERROR "dlmath_add_exercise: the exercise folder '${exercise_dir}' must be "
                        "lower case letters, digits and dashes (e.g. frobenius-norm)")
  endif()
  string(REPLACE "-" "_" name ${exercise_dir})
  set(${name_out} ${name} PARENT_SCOPE)
  set(${chapter_out} ${chapter} PARENT_SCOPE)
endfunction()

function(dlmath_add_exercise)
  cmake_parse_arguments(E "" "POINTS;TIMEOUT" "SOURCES;TESTS;HIDDEN_TESTS" ${ARGN})
  _dlmath_exercise_identity(${CMAKE_CURRENT_SOURCE_DIR} E_NAME E_CHAPTER)
  if(E_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "dlmath_add_exercise(${E_NAME}): unknown arguments '${E_UNPARSED_ARGUMENTS}' "
                        "(the name and the chapter come from the folder; give POINTS, SOURCES, TESTS, "
                        "HIDDEN_TESTS, TIMEOUT)")
  endif()
  foreach(required POINTS SOURCES TESTS)
    if(NOT E_${required})
      message(FATAL_ERROR "dlmath_add_exercise(${E_NAME}): ${required} is missing (in ${CMAKE_CURRENT_LIST_FILE})")
    endif()
  endforeach()
  if(NOT E_POINTS MATCHES "^[0-9]+(\\.[0-9]+)?$")
    message(FATAL_ERROR "dlmath_add_exercise(${E_NAME}): POINTS (${E_POINTS}) must be a number")
  endif()
  if(NOT E_TIMEOUT)
    set(E_TIMEOUT 10)
  endif()
  if(NOT E_TIMEOUT MATCHES "^[0-9]+$")
    message(FATAL_ERROR "dlmath_add_exercise(${E_NAME}): TIMEOUT (${E_TIMEOUT}) must be whole seconds")
  endif()
  if(TARGET exercise_${E_NAME})
    message(FATAL_ERROR "dlmath_add_exercise: two exercise folders are named ${E_NAME}")
  endif()
  set(bin ${CMAKE_BINARY_DIR}/exercises/bin)

  # What the student's code and the tests compile with. __FILE__ and the test
  # messages name sources relative to the tree, so the student's code cannot
  # find the tree from its own file name.
  add_library(exercise_${E_NAME}_usage INTERFACE)
  target_include_directories(exercise_${E_NAME}_usage INTERFACE ${CMAKE_CURRENT_SOURCE_DIR}
    $<TARGET_PROPERTY:dlmath_core,INTERFACE_INCLUDE_DIRECTORIES>)
  target_link_libraries(exercise_${E_NAME}_usage INTERFACE xtensor dlmath_flags)
  target_compile_options(exercise_${E_NAME}_usage INTERFACE -ffile-prefix-map=${PROJECT_SOURCE_DIR}/=)

  # The student's code, apart from every other exercise. In the student
  # edition each body is a single `throw`, so the parameters are unused until
  # the student writes the solution: not worth a warning.
  add_library(exercise_${E_NAME} OBJECT ${E_SOURCES})
  if(DLMATH_STUDENT_COMPILE_LAUNCHER)
    set_target_properties(exercise_${E_NAME} PROPERTIES CXX_COMPILER_LAUNCHER "${DLMATH_STUDENT_COMPILE_LAUNCHER}")
  endif()
  target_link_libraries(exercise_${E_NAME} PRIVATE exercise_${E_NAME}_usage)
  target_compile_options(exercise_${E_NAME} PRIVATE -Wno-unused-parameter)

  # The two sides of the calls, written from the exercise's headers: the
  # proxies (the checker's) and the server (the student program's).
  _dlmath_grading_libraries()
  file(GLOB headers CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.hpp)
  if(NOT headers)
    message(FATAL_ERROR "dlmath_add_exercise(${E_NAME}): no header (*.hpp) declares the student's functions "
                        "in ${CMAKE_CURRENT_SOURCE_DIR}")
  endif()
  set(rpc ${CMAKE_CURRENT_BINARY_DIR}/rpc)
  add_custom_command(OUTPUT ${rpc}/${E_NAME}_proxy.cpp ${rpc}/${E_NAME}_server.cpp
    COMMAND ${DLMATH_PYTHON3} ${DLMATH_EXERCISE_RPC}
      --proxy ${rpc}/${E_NAME}_proxy.cpp --server ${rpc}/${E_NAME}_server.cpp ${headers}
    DEPENDS ${headers} ${DLMATH_EXERCISE_RPC}
    COMMENT "Writing the proxies and the server of exercise ${E_NAME}"
    VERBATIM)

  # The student's program: the student's code and the server, nothing else.
  add_executable(exercise_${E_NAME}_student ${rpc}/${E_NAME}_server.cpp)
  target_link_libraries(exercise_${E_NAME}_student PRIVATE exercise_${E_NAME} exercise_${E_NAME}_usage
    dlmath_grading_server)
  set_target_properties(exercise_${E_NAME}_student PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${bin})
  add_dependencies(dlmath_exercises exercise_${E_NAME}_student)

  # The tests, compiled once for both programs.
  set(test_files)
  set(test_entries)   # hidden:path, in the declaration's order
  foreach(kind TESTS HIDDEN_TESTS)
    foreach(f IN LISTS E_${kind})
      get_filename_component(path ${f} ABSOLUTE)
      if(NOT EXISTS ${path})
        if(kind STREQUAL "HIDDEN_TESTS")
          continue()       # the student edition has no hidden tests
        endif()
        message(FATAL_ERROR "dlmath_add_exercise(${E_NAME}): test file ${f} does not exist")
      endif()
      list(APPEND test_files ${path})
      file(RELATIVE_PATH rel ${PROJECT_SOURCE_DIR} ${path})
      if(kind STREQUAL "HIDDEN_TESTS")
        list(APPEND test_entries "true:${rel}")
      else()
        list(APPEND test_entries "false:${rel}")
      endif()
    endforeach()
  endforeach()
  add_library(exercise_${E_NAME}_checks OBJECT ${test_files})
  target_link_libraries(exercise_${E_NAME}_checks PRIVATE exercise_${E_NAME}_usage
    GTest::gtest rapidcheck rapidcheck_gtest)

  # The checker: the tests and the proxies, no student code. It finds the
  # student's program through DLMATH_STUDENT_PROGRAM (set by the runner), or
  # beside itself.
  add_executable(exercise_${E_NAME}_test ${rpc}/${E_NAME}_proxy.cpp)
  target_link_libraries(exercise_${E_NAME}_test PRIVATE exercise_${E_NAME}_checks exercise_${E_NAME}_usage
    dlmath_grading_proxy GTest::gtest GTest::gtest_main rapidcheck rapidcheck_gtest dlmath_flags)
  set_target_properties(exercise_${E_NAME}_test PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${bin})
  add_dependencies(dlmath_exercises exercise_${E_NAME}_test)

  # The declaration (configure time) that the grader reads before building.
  # Written here, with CMake's JSON support, rather than by a Python helper:
  # the grader configures afresh for every submission, and one interpreter
  # start per exercise was a fifth of its configure time.
  file(RELATIVE_PATH dir ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR})
  set(sources)
  foreach(f IN LISTS E_SOURCES)
    get_filename_component(path ${f} ABSOLUTE)
    list(APPEND sources ${path})
  endforeach()
  set(declared ${DLMATH_EXERCISE_DECLARED_DIR}/${E_NAME}.json)
  set(manifest ${DLMATH_EXERCISE_MANIFEST_DIR}/${E_NAME}.json)
  set(ctest_file ${DLMATH_EXERCISE_CTEST_DIR}/${E_NAME}.cmake)
  if(NOT E_POINTS MATCHES "^[0-9]+([.][0-9]+)?$")
    message(FATAL_ERROR "dlmath_add_exercise(${E_NAME}): POINTS must be a non-negative number, not '${E_POINTS}'")
  endif()
  if(NOT E_TIMEOUT MATCHES "^[0-9]+$")
    message(FATAL_ERROR "dlmath_add_exercise(${E_NAME}): TIMEOUT must be a whole number of seconds, not '${E_TIMEOUT}'")
  endif()
  set(json "{}")
  _dlmath_json_set(json name STRING "${E_NAME}")
  _dlmath_json_set(json chapter NUMBER "${E_CHAPTER}")
  _dlmath_json_set(json points NUMBER "${E_POINTS}")
  _dlmath_json_set(json timeout NUMBER "${E_TIMEOUT}")
  _dlmath_json_set(json directory STRING "${dir}")
  _dlmath_json_set(json source_root STRING "${PROJECT_SOURCE_DIR}")
  _dlmath_json_set(json targets STRINGS
    "exercise_${E_NAME}_student;exercise_${E_NAME}_test;exercise_${E_NAME}_discover")
  _dlmath_json_set(json binary STRING "${bin}/exercise_${E_NAME}_student")
  _dlmath_json_set(json list_binary STRING "${bin}/exercise_${E_NAME}_test")
  _dlmath_json_set(json manifest STRING "${manifest}")
  _dlmath_json_set(json ctest_file STRING "${ctest_file}")
  _dlmath_json_set(json runner STRING "${CMAKE_BINARY_DIR}/exercises/grade-run.py")
  _dlmath_json_set(json python STRING "${DLMATH_PYTHON3}")
  _dlmath_json_set(json work_dir STRING "${CMAKE_BINARY_DIR}/exercises")
  _dlmath_json_set(json sources STRINGS "${sources}")
  set(tests "[]")
  foreach(t IN LISTS test_entries)
    string(REGEX MATCH "^[^:]*" hidden "${t}")
    string(REGEX REPLACE "^[^:]*:" "" path "${t}")
    _dlmath_json_quote(quoted "${path}")
    string(JSON n LENGTH "${tests}")
    string(JSON tests SET "${tests}" ${n} "{\"path\": ${quoted}, \"hidden\": ${hidden}}")
  endforeach()
  string(JSON json SET "${json}" test_files "${tests}")
  file(WRITE ${declared}.tmp "${json}\n")
  file(RENAME ${declared}.tmp ${declared})

  # The runner, copied into the build tree: the tests need nothing from the
  # source tree once built. Each entry names the student's program (the
  # declared `binary`: it is missing when the student's code did not compile);
  # the runner starts the checker beside it.
  configure_file(${DLMATH_GRADE_RUNNER} ${CMAKE_BINARY_DIR}/exercises/grade-run.py COPYONLY)

  # Listing the cases (build time): the manifest and the ctest entries.
  add_custom_command(OUTPUT ${manifest} ${ctest_file}
    COMMAND ${DLMATH_PYTHON3} ${DLMATH_GRADE_TOOL} discover ${declared}
    DEPENDS exercise_${E_NAME}_test ${declared} ${DLMATH_GRADE_TOOL}
    COMMENT "Listing the tests of exercise ${E_NAME}"
    VERBATIM)
  add_custom_target(exercise_${E_NAME}_discover ALL DEPENDS ${manifest} ${ctest_file})
  add_dependencies(dlmath_exercises exercise_${E_NAME}_discover)

  # ctest reads the listed entries; before the listing exists, one entry
  # says that the exercise's tests were not built.
  set(include_file ${CMAKE_CURRENT_BINARY_DIR}/exercise_${E_NAME}_ctest.cmake)
  file(WRITE ${include_file}
    "if(EXISTS \"${ctest_file}\")\n"
    "  include(\"${ctest_file}\")\n"
    "else()\n"
    "  add_test(\"exercise.${E_NAME}.NOT_BUILT\" \"${DLMATH_PYTHON3}\" \"${CMAKE_BINARY_DIR}/exercises/grade-run.py\""
    " --binary \"${bin}/exercise_${E_NAME}_tests_not_listed\" --case NOT_BUILT.NOT_BUILT)\n"
    "  set_tests_properties(\"exercise.${E_NAME}.NOT_BUILT\" PROPERTIES LABELS \"exercise;chapter${E_CHAPTER}\")\n"
    "endif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${include_file})
endfunction()
