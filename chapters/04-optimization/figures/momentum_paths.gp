# Paths of gradient descent (eta = 0.1) and momentum (eta = 0.1, lambda = 0.8) from five starts
# over the contours of the exercise function f(x) = sin(x1)cos(x2) + sin(x1/2)cos(x2/2) on
# [0, 10]^2. The contours are computed here from the formula; the paths come from the program.
# Data: momentum_paths.csv (columns gdK_x1, gdK_x2, momK_x1, momK_x2 for start K, each path
# padded with its last point), written by the chapter program (build/bin/ch04-optimization).
set terminal svg size 620,560 enhanced font "sans,12"
set output outdir."/momentum_paths.svg"
f(x, y) = sin(x)*cos(y) + sin(0.5*x)*cos(0.5*y)
set xrange [0:10]; set yrange [0:10]
set isosamples 120, 120
set contour base
set cntrparam levels incremental -1.8, 0.3, 1.8
unset surface
set view map
set table $contours
splot f(x, y)
unset table
unset contour
set datafile separator ","
set size ratio -1
set key outside bottom horizontal
set xlabel "x_1"; set ylabel "x_2"
set title "Gradient descent and momentum on the exercise function"
starts = 5
# the contour table is whitespace-separated: with the separator a comma each of its lines is one
# field, split here into words
plot $contours using (real(word(strcol(1), 1))):(real(word(strcol(1), 2))) with lines lc rgb "gray70" notitle, \
     for [k=0:starts-1] datadir."/momentum_paths.csv" every ::1 using 4*k+1:4*k+2 with lines lw 2 lc rgb "#1f77b4" title (k == 0 ? "gradient descent" : ""), \
     for [k=0:starts-1] datadir."/momentum_paths.csv" every ::1 using 4*k+3:4*k+4 with lines lw 2 lc rgb "#d62728" title (k == 0 ? "momentum λ = 0.8" : ""), \
     for [k=0:starts-1] datadir."/momentum_paths.csv" every ::1::1 using 4*k+1:4*k+2 with points pt 7 ps 0.8 lc rgb "black" title (k == 0 ? "starts" : "")
