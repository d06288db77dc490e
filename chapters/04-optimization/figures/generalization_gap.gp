# The training MSE (the empirical risk) and the population risk (on 20000 fresh examples) of least
# squares with d = 10 weights and noise 1, each averaged over 10 seeds, against the number n of
# training examples, on log-log axes: the gap between them closes as n grows.
# Data: generalization_gap.csv, written by the chapter program (build/bin/ch04-optimization).
set terminal svg size 600,420 enhanced font "sans,12"
set output outdir."/generalization_gap.svg"
set datafile separator ","
set logscale xy
set xrange [10:1200]; set yrange [0.05:50]
set grid
set key top right
set xlabel "training examples n"
set ylabel "mean squared error"
set title "Empirical against population risk (d = 10, noise 1)"
plot datadir."/generalization_gap.csv" every ::1 using 1:3 with linespoints lw 2 title "population risk", \
     datadir."/generalization_gap.csv" every ::1 using 1:2 with linespoints lw 2 title "training error", \
     1 with lines dt 2 lc rgb "gray" title "noise floor"
