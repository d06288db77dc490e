# Least squares on the unit disc: the contours of f(x) = ½‖Ax − b‖² with
# A = [[2, 0.5], [0.5, 1]] and b = (3, 2), the disc x^T x <= 1, the
# unconstrained minimiser (outside the disc), the constrained one (on its
# boundary, where the contour touches the circle) and the path of projected
# gradient descent from (-1.5, 1.5) with eta = 0.2. The contours are computed
# here from the formula; the points and the path come from the program.
# Data: constrained_points.csv (row 1 the unconstrained minimiser, row 2 the
# constrained one) and constrained_path.csv (x1, x2 of each iterate), written
# by the chapter program (build/bin/ch04-optimization).
set terminal svg size 620,560 enhanced font "sans,12"
set output outdir."/constrained_least_squares.svg"
f(x, y) = 0.5*((2*x + 0.5*y - 3)**2 + (0.5*x + y - 2)**2)
set xrange [-2:3]; set yrange [-2:3]
set isosamples 120, 120
set contour base
set cntrparam levels discrete 0.05, 0.2, 0.5, 1, 2, 3.2, 5, 8, 12
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
set title "min ½‖Ax − b‖² subject to x^T x ≤ 1"
set parametric
set trange [0:2*pi]
plot $contours using (real(word(strcol(1), 1))):(real(word(strcol(1), 2))) with lines lc rgb "gray70" notitle, \
     cos(t), sin(t) with lines lw 2 lc rgb "black" title "x^T x = 1", \
     datadir."/constrained_path.csv" every ::1 using 1:2 with linespoints lw 1.5 pt 7 ps 0.4 lc rgb "#1f77b4" title "projected gradient descent", \
     datadir."/constrained_points.csv" every ::1::1 using 1:2 with points pt 5 ps 1.2 lc rgb "#d62728" title "unconstrained minimiser", \
     datadir."/constrained_points.csv" every ::2::2 using 1:2 with points pt 7 ps 1.2 lc rgb "#2ca02c" title "constrained minimiser"
