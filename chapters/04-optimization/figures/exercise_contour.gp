# The exercise function f(x) = sin(x1) cos(x2) + sin(x1/2) cos(x2/2) on
# [0,10]^2: its values as colour and its level sets as contour lines. The
# minima (dark), maxima (light) and the saddles between them are the
# critical points gradient descent can end at.
# Data: exercise_grid.csv (x1, x2, f on a 101 x 101 grid, x2 fastest),
# written by the chapter program (build/bin/ch04-optimization).
set terminal svg size 620,540 enhanced font "sans,12"
set output outdir."/exercise_contour.svg"
set datafile separator ","
datafile = datadir."/exercise_grid.csv"

# The contour lines, traced on the grid itself (dgrid3d with the data's own
# 101 x 101 grid puts every node on a data point) into a table.
set dgrid3d 101,101 qnorm 2
set contour base
set cntrparam levels incremental -2, 0.25, 2
unset surface
set table $contours
splot datafile every ::1 using 1:2:3 with lines notitle
unset table
unset dgrid3d
unset contour
# the grid itself, re-written space-separated like the contour table, so that
# one plot reads both
set table $grid
plot datafile every ::1 using 1:2:3 with table
unset table
set datafile separator whitespace

set xrange [0:10]; set yrange [0:10]
set size ratio -1
set xlabel "x_1"; set ylabel "x_2"
set cblabel "f(x)"
set palette rgbformulae 33,13,10
set title "sin x_1 cos x_2 + sin(x_1/2) cos(x_2/2) on [0,10]^2"
plot $grid using 1:2:3 with image notitle, \
     $contours using 1:2 with lines lc rgb "black" lw 0.6 notitle
