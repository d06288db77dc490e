# The error of the forward and central differences of exp at x = 1 against the step h, on
# log-log axes: truncation falls to the right (slopes 1 and 2), rounding grows to the left
# (eps / h), and the minima sit near sqrt(eps) and cbrt(eps).
# Data: fd_error.csv, written by the chapter program (build/bin/ch03-numerical-computation).
set terminal svg size 600,420 enhanced font "sans,12"
set output outdir."/fd_error.svg"
set datafile separator ","
set logscale xy
set format x "10^{%L}"; set format y "10^{%L}"
set xrange [1e-15:1e-1]; set yrange [1e-12:10]
set grid
set key bottom right
set xlabel "step h"
set ylabel "|error| of f'(1), f = exp"
set title "Finite differences: truncation against rounding"
set arrow from 1.49e-8, graph 0 to 1.49e-8, graph 1 nohead dt 3 lc rgb "gray50"
set arrow from 6.06e-6, graph 0 to 6.06e-6, graph 1 nohead dt 3 lc rgb "gray50"
plot datadir."/fd_error.csv" every ::1 using 1:2 with lines lw 2 title "forward (f(x+h) - f(x))/h", \
     datadir."/fd_error.csv" every ::1 using 1:3 with lines lw 2 title "central (f(x+h) - f(x-h))/2h"
