# Relative error of the naive, pairwise and Kahan sums of n floats drawn
# from [0.5, 1), against n, on log-log axes. The exact sums are computed in
# double (exact for these numbers: multiples of 2^-24 below 2^24). The naive
# error grows with n; pairwise and Kahan stay near u = 6e-8, the rounding of
# the result itself. Errors of 0 are drawn at 1e-10.
# Data: summation_error.csv (n, naive, pairwise, kahan), written by the
# chapter program (build/bin/ch03-numerical-computation).
set terminal svg size 560,400 enhanced font "sans,12"
set output outdir."/summation_error.svg"
set datafile separator ","
set logscale xy
set format x "10^{%L}"; set format y "10^{%L}"
set xlabel "n (float terms)"
set ylabel "|sum - exact| / exact"
set grid
set key top left
set title "Summation error in float"
plot datadir."/summation_error.csv" every ::1 using 1:2 with linespoints lw 2 title "naive", \
     "" every ::1 using 1:3 with linespoints lw 2 title "pairwise", \
     "" every ::1 using 1:4 with linespoints lw 2 title "Kahan", \
     5.96e-8 with lines dt 2 lc "gray" title "u (float)"
