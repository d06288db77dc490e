# Matrix product, reference twin vs fast twin vs OpenBLAS, log-log.
# Data: matmul_gflops.csv (n, reference, fast, blas in GFLOP/s), written by the
# chapter program (build/bin/ch01-linear-algebra).
# Left: the rate in GFLOP/s against n. Right: the time per product, which is
# 2n^3 / rate: on log-log axes every curve climbs with slope 3 (the O(n^3)
# growth), the fast ones far lower.
set terminal svg size 980,440 enhanced font "sans,12"
set output outdir."/matmul_gflops.svg"
set datafile separator ","
set datafile missing "nan"
set multiplot layout 1,2 title "Matrix product of n x n matrices: reference vs fast vs OpenBLAS"
set logscale x 2
set xlabel "n"
set grid
set key left top

set logscale y 10
set ylabel "GFLOP/s"
set title "rate"
plot datadir."/matmul_gflops.csv" every ::1 using 1:2 with linespoints lw 2 pt 7 title "reference (i-j-p loops)", \
     datadir."/matmul_gflops.csv" every ::1 using 1:3 with linespoints lw 2 pt 5 title "fast (blocked GEMM)", \
     datadir."/matmul_gflops.csv" every ::1 using 1:4 with linespoints lw 2 pt 9 dt 3 title "OpenBLAS dgemm"

set format y "10^{%L}"
set ylabel "time per product (ms)"
set title "time: O(n^3)"
ms(n, gflops) = 2.0 * n**3 / (gflops * 1e9) * 1e3
plot datadir."/matmul_gflops.csv" every ::1 using 1:(ms($1, $2)) with linespoints lw 2 pt 7 title "reference", \
     datadir."/matmul_gflops.csv" every ::1 using 1:(ms($1, $3)) with linespoints lw 2 pt 5 title "fast", \
     datadir."/matmul_gflops.csv" every ::1 using 1:(ms($1, $4)) with linespoints lw 2 pt 9 dt 3 title "OpenBLAS", \
     [32:512] 2.0 * x**3 / 1e6 with lines dt 2 lc "gray" title "2n^3 flops at 1 GFLOP/s"
unset multiplot
