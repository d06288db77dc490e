# The softmax ladder: GB/s (16 bytes per entry) of each step, timed by the chapter program.
# Data: softmax_ladder.csv, written by the chapter program (build/bin/ch03-numerical-computation).
set terminal svg size 620,400 enhanced font "sans,12"
set output outdir."/softmax_ladder.svg"
set datafile separator ","
set style fill solid 0.8 border -1
set boxwidth 0.6
set grid ytics
set yrange [0:*]
set xrange [-0.6:6.6]
set ylabel "GB/s (read X, write Y)"
set xtics ("0 reference" 0, "1 three sweeps" 1, "2 two passes" 2, "3 online" 3, "4 + SIMD" 4, "5 one exp" 5, "6 + threads" 6) rotate by -20
set title "Row-wise softmax, one step at a time"
plot datadir."/softmax_ladder.csv" every ::1 using 1:2 with boxes lc rgb "#1f77b4" notitle
