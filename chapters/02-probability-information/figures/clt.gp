# The central-limit experiment: the Kolmogorov-Smirnov distance between the
# standardised sum of T uniforms and N(0, 1), against T, with the noise
# floor of a sample of that size.
# Data: clt.csv, written by the chapter program (build/bin/ch02-probability-information).
set terminal svg size 560,420 enhanced font "sans,12"
set output outdir."/clt.svg"
set datafile separator ","
set logscale xy
set xrange [0.8:80]
set grid
set key top right
set xlabel "T, the number of uniforms summed"
set ylabel "sup_z |F_T(z) - Φ(z)|"
set title "Sums of uniforms approach the Gaussian"
plot datadir."/clt.csv" every ::1 using 1:2 with linespoints lw 2 pt 7 title "distance of the sample", \
     datadir."/clt.csv" every ::1 using 1:(0.057/$1) with lines dt 2 lc rgb "gray40" title "0.057 / T", \
     datadir."/clt.csv" every ::1 using 1:3 with lines lw 1 lc rgb "red" title "noise floor 0.87/√m"
