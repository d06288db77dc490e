# softmax([t, t/2, 0])_0 against t: naive and stable, in double and float.
# Data: softmax_overflow.csv, written by the chapter program (build/bin/ch03-numerical-computation).
set terminal svg size 620,400 enhanced font "sans,12"
set output outdir."/softmax_overflow.svg"
set datafile separator ","
set datafile missing "nan"
set logscale x
set xrange [1:2000]; set yrange [0.55:1.05]
set grid
set key bottom right
set xlabel "t"
set ylabel "softmax([t, t/2, 0])_0"
set title "Naive softmax turns to NaN: at t ≈ 88.7 in float, 709.8 in double"
plot datadir."/softmax_overflow.csv" every ::1 using 1:2 with lines lw 4 lc rgb "#1f77b4" title "naive, double", \
     datadir."/softmax_overflow.csv" every ::1 using 1:3 with lines lw 1.5 dt 2 lc rgb "black" title "stable, double", \
     datadir."/softmax_overflow.csv" every ::1 using 1:4 with lines lw 4 lc rgb "#d62728" title "naive, float", \
     datadir."/softmax_overflow.csv" every ::1 using 1:5 with lines lw 1.5 dt 3 lc rgb "gray30" title "stable, float"
