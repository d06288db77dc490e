# sin x + cos x and its Taylor polynomials of orders 1, 3 and 5 about 0, on [-4, 4].
# Data: taylor.csv, written by the chapter program (build/bin/ch03-numerical-computation).
set terminal svg size 600,420 enhanced font "sans,12"
set output outdir."/taylor.svg"
set datafile separator ","
set xrange [-4:4]; set yrange [-3:3]
set grid
set key bottom center
set xlabel "x"
set title "Taylor polynomials of sin x + cos x about 0"
plot datadir."/taylor.csv" every ::1 using 1:2 with lines lw 3 lc rgb "black" title "sin x + cos x", \
     datadir."/taylor.csv" every ::1 using 1:3 with lines lw 2 title "order 1: 1 + x", \
     datadir."/taylor.csv" every ::1 using 1:4 with lines lw 2 title "order 3", \
     datadir."/taylor.csv" every ::1 using 1:5 with lines lw 2 title "order 5"
