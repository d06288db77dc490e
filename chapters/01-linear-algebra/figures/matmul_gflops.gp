# Matrix product, reference twin vs fast twin vs OpenBLAS, log-log.
# Data: matmul_gflops.csv, written by the chapter program
# (build/bin/ch01-linear-algebra): n, then for each of reference, fast and
# blas the median GFLOP/s of its repeats, the rates of its slowest and
# fastest run, and the median again where the slowest run took over 1.5
# times the fastest (NaN elsewhere).
# Left: the median rate, with bars from the slowest to the fastest run; a
# ring marks a point measured while the machine was busy. Right: the time
# per product, 2n^3 / rate: on log-log axes every curve climbs with slope 3
# (the O(n^3) growth), the fast ones far lower.
set terminal svg size 980,500 enhanced font "sans,12"
set output outdir."/matmul_gflops.svg"
set datafile separator ","
set datafile missing "nan"
set multiplot layout 1,2 title "Matrix product of n x n matrices: reference vs fast vs OpenBLAS (medians of repeats)"
set logscale x 2
set xlabel "n"
set grid
set key below
data = datadir."/matmul_gflops.csv"

set logscale y 10
set ylabel "GFLOP/s"
set title "rate (bars: slowest to fastest run)"
plot data every ::1 using 1:2:3:4 with yerrorlines lw 2 pt 7 lc 1 title "reference (i-j-p loops)", \
     data every ::1 using 1:6:7:8 with yerrorlines lw 2 pt 5 lc 2 title "fast (blocked GEMM)", \
     data every ::1 using 1:10:11:12 with yerrorlines lw 2 pt 9 lc 3 dt 3 title "OpenBLAS dgemm", \
     data every ::1 using 1:5 with points pt 6 ps 3 lc "red" title "spread > 1.5x: machine busy", \
     data every ::1 using 1:9 with points pt 6 ps 3 lc "red" notitle, \
     data every ::1 using 1:13 with points pt 6 ps 3 lc "red" notitle

set format y "10^{%L}"
set ylabel "time per product (ms)"
set title "median time: O(n^3)"
ms(n, gflops) = 2.0 * n**3 / (gflops * 1e9) * 1e3
plot data every ::1 using 1:(ms($1, $2)) with linespoints lw 2 pt 7 lc 1 title "reference", \
     data every ::1 using 1:(ms($1, $6)) with linespoints lw 2 pt 5 lc 2 title "fast", \
     data every ::1 using 1:(ms($1, $10)) with linespoints lw 2 pt 9 lc 3 dt 3 title "OpenBLAS", \
     [32:512] 2.0 * x**3 / 1e6 with lines dt 2 lc "gray" title "2n^3 flops at 1 GFLOP/s"
unset multiplot
