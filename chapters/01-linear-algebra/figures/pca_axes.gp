# PCA of a 2-D Gaussian cloud: the samples and the two principal axes drawn
# from the mean, each two standard deviations long.
# Data: pca_cloud.csv (samples) and pca_axes.csv (mean, axis vectors),
# written by the chapter program (build/bin/ch01-linear-algebra).
set terminal svg size 520,520 enhanced font "sans,12"
set output outdir."/pca_axes.svg"
set datafile separator ","
set size ratio -1
set xrange [-5:7]; set yrange [-4:8]
set grid
set key top left
set xlabel "x_1"; set ylabel "x_2"
set title "Principal axes of a Gaussian cloud"
plot datadir."/pca_cloud.csv" every ::1 using 1:2 with points pt 7 ps 0.3 title "samples", \
     datadir."/pca_axes.csv" every ::1 using 1:2:3:4 with vectors head filled lw 3 title "principal axes (2 sd)"
