# The logistic sigmoid and softplus on [-6, 6], with max(0, x).
# Data: sigmoid_softplus.csv, written by the chapter program (build/bin/ch02-probability-information).
set terminal svg size 560,400 enhanced font "sans,12"
set output outdir."/sigmoid_softplus.svg"
set datafile separator ","
set xrange [-6:6]; set yrange [-0.2:6.2]
set grid
set key top left
set xlabel "x"
set title "The logistic sigmoid σ(x) and softplus ζ(x)"
plot datadir."/sigmoid_softplus.csv" every ::1 using 1:2 with lines lw 2 title "σ(x) = 1/(1 + e^{-x})", \
     datadir."/sigmoid_softplus.csv" every ::1 using 1:3 with lines lw 2 title "ζ(x) = log(1 + e^{x})", \
     datadir."/sigmoid_softplus.csv" every ::1 using 1:4 with lines lw 1 dt 2 lc rgb "gray40" title "max(0, x)"
