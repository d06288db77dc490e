# A Gaussian mixture's density over a histogram of its samples.
# Data: mixture_histogram.csv, written by the chapter program
# (build/bin/ch02-probability-information): bin centre x, the density
# p(x) = 0.45 N(x; -4, 0.8^2) + 0.55 N(x; 3, 1.2^2), and the histogram
# of 20000 draws (latent class, then the component) scaled to a density.
set terminal svg size 640,400 enhanced font "sans,12"
set output outdir."/mixture_histogram.svg"
set datafile separator ","
set grid
set key top left
set xlabel "x"; set ylabel "density"
set style fill solid 0.35 border -1
set title "0.45 N(-4, 0.8^2) + 0.55 N(3, 1.2^2): density and 20000 samples"
binwidth = 15.0 / 80
plot datadir."/mixture_histogram.csv" every ::1 using 1:3:(binwidth) with boxes lc rgb "#4477aa" title "histogram of samples", \
     datadir."/mixture_histogram.csv" every ::1 using 1:2 with lines lw 2.5 lc rgb "#cc3311" title "p(x)"
