# cmake -DGNUPLOT=... -DDIR=<data and output dir> -DSCRIPTS=<dir of .gp> -P RenderFigures.cmake
file(GLOB scripts ${SCRIPTS}/*.gp)
foreach(gp IN LISTS scripts)
  execute_process(COMMAND ${GNUPLOT} -e "datadir='${DIR}'; outdir='${DIR}'" ${gp} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gnuplot failed on ${gp}")
  endif()
endforeach()
