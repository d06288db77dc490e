# The steps gradient descent takes to reach ||grad f|| <= 1e-8 on f = (x1^2 + kappa x2^2)/2,
# against the condition number kappa, on log-log axes: a fixed step 1/lambda_max from (1, 1),
# the optimal step and backtracking from the worst start (kappa, 1). All grow like kappa.
# Data: iterations_kappa.csv, written by the chapter program (build/bin/ch04-optimization).
set terminal svg size 600,420 enhanced font "sans,12"
set output outdir."/iterations_kappa.svg"
set datafile separator ","
set logscale xy
set xrange [1:300]; set yrange [0.8:10000]
set grid
set key top left
set xlabel "condition number {/Symbol k}"
set ylabel "steps to reach ||grad f|| <= 10^{-8}"
set title "Gradient descent slows down with the condition number"
plot datadir."/iterations_kappa.csv" every ::1 using 1:2 with linespoints lw 2 title "fixed step 1/{/Symbol l}_{max}", \
     datadir."/iterations_kappa.csv" every ::1 using 1:3 with linespoints lw 2 title "optimal step {/Symbol e}*", \
     datadir."/iterations_kappa.csv" every ::1 using 1:4 with linespoints lw 2 title "backtracking (Armijo)"
