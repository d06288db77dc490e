# cmake -DDOXYGEN=... -DDOXYFILE=... -DOUT=... -DMATHJAX=... -DROOFLINE=... -DPERFORMANCE_FIGURES=... -P BuildDocs.cmake
# Runs Doxygen (warnings are errors) and copies the local MathJax next to the
# HTML so that the notes render their formulas offline.
#
# The performance page shows roofline.svg from PERFORMANCE_FIGURES: the
# figure of the last ./course bench (ROOFLINE, build/bench/roofline.svg)
# where one exists, otherwise a placeholder written here, so that the notes
# build without a benchmark run (a missing image is a Doxygen warning).
file(MAKE_DIRECTORY ${OUT})
file(MAKE_DIRECTORY ${PERFORMANCE_FIGURES})
if(EXISTS ${ROOFLINE})
  file(COPY_FILE ${ROOFLINE} ${PERFORMANCE_FIGURES}/roofline.svg)
else()
  file(WRITE ${PERFORMANCE_FIGURES}/roofline.svg [=[<?xml version="1.0" encoding="utf-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="760" height="200" viewBox="0 0 760 200">
  <rect x="1" y="1" width="758" height="198" fill="#f8f8f8" stroke="#999999"/>
  <text x="380" y="90" text-anchor="middle" font-family="sans-serif" font-size="20">Roofline: not measured on this machine yet</text>
  <text x="380" y="125" text-anchor="middle" font-family="sans-serif" font-size="16">Run ./course bench, then ./course docs</text>
</svg>
]=])
endif()
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
