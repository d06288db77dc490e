# Unit circles {x : ||x||_p = 1} for p = 1, 1.5, 2, 4, inf.
# Data: unit_balls.csv, written by the chapter program (build/bin/ch01-linear-algebra).
set terminal svg size 520,440 enhanced font "sans,12"
set output outdir."/unit_balls.svg"
set datafile separator ","
set size square
set xrange [-1.2:1.2]; set yrange [-1.2:1.2]
set xzeroaxis; set yzeroaxis
set grid
set key outside right top
set title "Unit circles of the L^{p} norms"
plot for [k=0:4] datadir."/unit_balls.csv" every ::1 using 2*k+2:2*k+3 with lines lw 2 \
     title word("p=1 p=1.5 p=2 p=4 p=∞", k+1)
