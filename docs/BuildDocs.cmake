# cmake -DDOXYGEN=... -DDOXYFILE=... -DOUT=... -DMATHJAX=... -P BuildDocs.cmake
# Runs Doxygen (warnings are errors) and copies the local MathJax next to the
# HTML so that the notes render their formulas offline.
file(MAKE_DIRECTORY ${OUT})
execute_process(COMMAND ${DOXYGEN} ${DOXYFILE} RESULT_VARIABLE rc)
if(EXISTS ${OUT}/warnings.log)
  file(READ ${OUT}/warnings.log warnings)
  if(NOT warnings STREQUAL "")
    message(FATAL_ERROR "Doxygen warnings (treated as errors):\n${warnings}")
  endif()
endif()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "Doxygen failed with exit code ${rc}")
endif()
if(NOT EXISTS ${OUT}/html/mathjax/MathJax.js)
  if(NOT EXISTS ${MATHJAX}/MathJax.js)
    message(FATAL_ERROR "MathJax not found at ${MATHJAX} (install libjs-mathjax)")
  endif()
  file(COPY ${MATHJAX}/ DESTINATION ${OUT}/html/mathjax
       PATTERN "unpacked" EXCLUDE PATTERN "test" EXCLUDE)
endif()
message(STATUS "notes: ${OUT}/html/index.html")
