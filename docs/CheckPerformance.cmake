# cmake -DHTML=<html dir> -P CheckPerformance.cmake
# The performance page of the notes: linked from the main page, its formulas
# served by the local MathJax, and the roofline figure (the measured one or
# the placeholder) copied into the notes and shown on the page.
cmake_minimum_required(VERSION 3.22)
foreach(file index.html performance.html roofline.svg)
  if(NOT EXISTS ${HTML}/${file})
    message(FATAL_ERROR "missing ${HTML}/${file}")
  endif()
endforeach()

function(require file needle)
  file(READ ${HTML}/${file} text)
  string(FIND "${text}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${HTML}/${file} does not contain '${needle}'")
  endif()
endfunction()

require(index.html "href=\"performance.html\"")
require(performance.html "\"roofline.svg\"")
require(performance.html "mathjax/MathJax.js")
require(performance.html "./course bench")
require(roofline.svg "<svg")
