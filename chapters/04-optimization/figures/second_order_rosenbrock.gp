# f(x_t) - f* (f* = 0) against the iteration t, on a log scale, on Rosenbrock's function from
# (-1.2, 1): gradient descent with a backtracking line search, BFGS, L-BFGS (M = 5) and pure
# Newton, each run to ||grad f|| <= 1e-8 or 5000 steps.
# Data: second_order_rosenbrock.csv, written by the chapter program (build/bin/ch04-optimization).
set terminal svg size 600,420 enhanced font "sans,12"
set output outdir."/second_order_rosenbrock.svg"
set datafile separator ","
set logscale y
set format y "10^{%L}"
set yrange [1e-24:1e2]
set xrange [0:60]
set grid
set key top right
set xlabel "iteration t"
set ylabel "f(x_t) - f*"
set title "Rosenbrock from (-1.2, 1): first- and second-order methods"
plot datadir."/second_order_rosenbrock.csv" every ::1 using 1:2 with lines lw 2 title "gradient descent, backtracking", \
     datadir."/second_order_rosenbrock.csv" every ::1 using 1:3 with lines lw 2 title "BFGS", \
     datadir."/second_order_rosenbrock.csv" every ::1 using 1:4 with lines lw 2 dt 2 title "L-BFGS, M = 5", \
     datadir."/second_order_rosenbrock.csv" every ::1 using 1:5 with linespoints lw 2 title "Newton"
