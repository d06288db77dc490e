# Densities of variance 1: Gaussian N(0, 1), Laplace (gamma = 1/sqrt 2), uniform on [-sqrt 3, sqrt 3].
# Data: equal_variance.csv, written by the chapter program (build/bin/ch02-probability-information).
set terminal svg size 600,400 enhanced font "sans,12"
set output outdir."/equal_variance.svg"
set datafile separator ","
set xrange [-4:4]; set yrange [0:0.75]
set xlabel "x"; set ylabel "p(x)"
set grid
set key top right
set title "Three densities of variance 1 (entropy: Gaussian 1.419 > Laplace 1.347 > uniform 1.242 nats)"
datafile = datadir."/equal_variance.csv"
plot datafile every ::1 using 1:2 with lines lw 2 title "Gaussian", \
     datafile every ::1 using 1:3 with lines lw 2 title "Laplace", \
     datafile every ::1 using 1:4 with lines lw 2 title "uniform"
