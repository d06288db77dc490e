# cmake -DHTML=<html dir> -DTEXT=<chapters/NN-name> [-DQUOTES=a|b|...] -P CheckNotes.cmake
# The notes of one chapter, checked against its text:
# - the chapter page (anchor from chapter.md) exists and links every section
#   page (<section>.md) and at least one exercise;
# - every section page exists and carries MathJax formulas served locally;
# - every figure (figures/<name>.gp) was copied into the notes and is shown
#   on one of the chapter's pages;
# - every string of QUOTES (code of the twins quoted with \snippet) appears
#   on one of the chapter's pages;
# and, for the whole of the notes, no page shows an unrendered formula
# (TeX source or Doxygen's \_form#<n> placeholder).
cmake_minimum_required(VERSION 3.22)
if(NOT EXISTS ${HTML}/mathjax/MathJax.js)
  message(FATAL_ERROR "MathJax was not copied next to the notes")
endif()

function(page_anchor file out)
  file(STRINGS ${file} first LIMIT_COUNT 1 ENCODING UTF-8)
  if(NOT first MATCHES "{#([A-Za-z0-9_]+)}$")
    message(FATAL_ERROR "${file}: the first line has no {#anchor}")
  endif()
  set(${out} ${CMAKE_MATCH_1} PARENT_SCOPE)
endfunction()

function(read_page anchor out)
  set(page ${HTML}/${anchor}.html)
  if(NOT EXISTS ${page})
    message(FATAL_ERROR "missing ${page}")
  endif()
  file(READ ${page} html)
  set(${out} "${html}" PARENT_SCOPE)
endfunction()

function(require html needle what)
  string(FIND "${html}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${what} does not contain '${needle}'")
  endif()
endfunction()

# The line of `html` around offset `at`, for a message.
function(html_line html at out)
  math(EXPR from "${at} - 120")
  if(from LESS 0)
    set(from 0)
  endif()
  string(SUBSTRING "${html}" ${from} 240 around)
  string(REPLACE "\n" " " around "${around}")
  set(${out} "${around}" PARENT_SCOPE)
endfunction()

page_anchor(${TEXT}/chapter.md chapter)
read_page(${chapter} chapter_html)
require("${chapter_html}" "mathjax/MathJax.js" "${chapter}.html")
require("${chapter_html}" "href=\"exercise_" "${chapter}.html")
set(all_html "${chapter_html}")

file(GLOB pages ${TEXT}/*.md)
foreach(md IN LISTS pages)
  get_filename_component(section ${md} NAME_WE)
  if(NOT section STREQUAL "chapter")
    page_anchor(${md} anchor)
    require("${chapter_html}" "href=\"${anchor}.html\"" "${chapter}.html (the link to ${section}.md)")
    read_page(${anchor} html)
    require("${html}" "mathjax/MathJax.js" "${anchor}.html")
    if(NOT html MATCHES "\\\\[[(]")
      message(FATAL_ERROR "${anchor}.html has no formula for MathJax")
    endif()
    string(APPEND all_html "${html}")
  endif()
endforeach()

file(GLOB scripts ${TEXT}/figures/*.gp)
foreach(gp IN LISTS scripts)
  get_filename_component(name ${gp} NAME_WE)
  if(NOT EXISTS ${HTML}/${name}.svg)
    message(FATAL_ERROR "the figure ${name}.svg was not copied into the notes")
  endif()
  require("${all_html}" "\"${name}.svg\"" "the pages of ${chapter}")
endforeach()

string(REPLACE "|" ";" quotes "${QUOTES}")
foreach(needle IN LISTS quotes)
  require("${all_html}" "${needle}" "the pages of ${chapter}")
endforeach()

# A formula Doxygen did not turn into MathJax markup shows as \f$, \f[ or \f],
# or, where Doxygen took the formula out but never put it back (a formula
# inside a quoted string, for one), as its placeholder \_form#<n>.
# string(FIND) first: a regular expression over every page of the notes is
# slow in CMake, and only a page that holds a marker needs one.
file(GLOB all ${HTML}/*.html)
foreach(page IN LISTS all)
  file(READ ${page} html)
  foreach(marker "\\f$" "\\f[" "\\f]")
    string(FIND "${html}" "${marker}" at)
    if(NOT at EQUAL -1)
      html_line("${html}" ${at} line)
      message(FATAL_ERROR "${page} shows an unrendered formula: ${line}")
    endif()
  endforeach()
  string(FIND "${html}" "_form#" at)
  if(NOT at EQUAL -1 AND html MATCHES "[^\n]*_form#[0-9]+[^\n]*")
    message(FATAL_ERROR "${page} shows an unrendered formula marker: ${CMAKE_MATCH_0}")
  endif()
endforeach()
