# The minimum-norm solution of one equation in two unknowns, x1 + 2 x2 = 5.
# Data: min_norm.csv (points on the solution line) and min_norm_point.csv
# (the point pinv(A) b and the unit null-space direction), written by the
# chapter program (build/bin/ch01-linear-algebra).
set terminal svg size 520,520 enhanced font "sans,12"
set output outdir."/min_norm.svg"
set datafile separator ","
set size square
set xrange [-2:5]; set yrange [-2:5]
set xzeroaxis; set yzeroaxis
set grid
set key bottom left
set xlabel "x_1"; set ylabel "x_2"
set title "Minimum-norm solution of x_1 + 2x_2 = 5"
plot datadir."/min_norm.csv" every ::1 using 1:2 with lines lw 2 title "solutions (x^+ + t z)", \
     datadir."/min_norm_point.csv" every ::1 using (0):(0):1:2 with vectors head filled lw 2 title "x^+ = A^+ b (row space)", \
     datadir."/min_norm_point.csv" every ::1 using 1:2:3:4 with vectors head filled lw 2 dt 2 title "null-space direction z", \
     datadir."/min_norm_point.csv" every ::1 using 1:2 with points pt 7 ps 1.2 notitle
