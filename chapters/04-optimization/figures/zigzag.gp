# Gradient descent on the ill-conditioned quadratic f = (x1^2 + 10 x2^2)/2 from (10, 1): the fixed
# step 1/lambda_max = 0.1 crawls along the shallow axis; the fixed step 0.195, close to
# 2/lambda_max = 0.2, flips the steep coordinate's sign at every step; the optimal step
# eps* = g'g / g'Hg zig-zags with successive steps at right angles; Newton's step
# -H^-1 grad f goes to the minimiser at once. The contours are the ellipses
# f = c, drawn parametrically.
# Data: zigzag_small.csv, zigzag_fixed.csv, zigzag_optimal.csv, zigzag_newton.csv, written by the chapter program (build/bin/ch04-optimization).
set terminal svg size 640,460 enhanced font "sans,12"
set output outdir."/zigzag.svg"
set datafile separator ","
set parametric
set trange [0:2*pi]
set xrange [-1:11]; set yrange [-1.6:1.6]
set size ratio -1
set grid
set key below
set xlabel "x_1"
set ylabel "x_2"
set title "Gradient descent on diag(1, 10): fixed steps, the optimal step, Newton"
kappa = 10.0
plot for [c in "0.5 2 8 20 40 55"] sqrt(2*c)*cos(t), sqrt(2*c/kappa)*sin(t) with lines lc rgb "gray70" notitle, \
     datadir."/zigzag_small.csv" every ::1 using 2:3 with linespoints lw 1.5 pt 9 ps 0.4 title "fixed step 0.1", \
     datadir."/zigzag_fixed.csv" every ::1 using 2:3 with linespoints lw 1.5 pt 7 ps 0.4 title "fixed step 0.195", \
     datadir."/zigzag_optimal.csv" every ::1 using 2:3 with linespoints lw 1.5 pt 5 ps 0.4 title "optimal step {/Symbol e}*", \
     datadir."/zigzag_newton.csv" every ::1 using 2:3 with linespoints lw 2 dt 2 pt 13 ps 0.6 title "Newton (one step)"
