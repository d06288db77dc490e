# Time of a matrix product against n, reference twin vs fast twin vs OpenBLAS, log-log.
# Data: matmul_gflops.csv (n, reference, fast, blas in GFLOP/s), written by the
# chapter program (build/bin/ch01-linear-algebra). A product of n x n
# matrices costs 2n^3 flops, so time = 2n^3 / (GFLOP/s * 1e9): on log-log
# axes both twins climb with slope 3, the fast one far lower.
set terminal svg size 620,440 enhanced font "sans,12"
set output outdir."/matmul_gflops.svg"
set datafile separator ","
set datafile missing "NaN"
set logscale xy 2
set logscale y 10
set format y "10^{%L}"
set xlabel "n (A, B ~ (n, n))"
set ylabel "time per product (ms)"
set grid
set key left top
set title "Matrix product: O(n^3) time, reference vs fast vs BLAS"
ms(n, gflops) = 2.0 * n**3 / (gflops * 1e9) * 1e3
plot datadir."/matmul_gflops.csv" every ::1 using 1:(ms($1, $2)) with linespoints lw 2 pt 7 title "reference (i-j-p loops)", \
     datadir."/matmul_gflops.csv" every ::1 using 1:(ms($1, $3)) with linespoints lw 2 pt 5 title "fast (blocked GEMM)", \
     datadir."/matmul_gflops.csv" every ::1 using 1:(ms($1, $4)) with linespoints lw 2 pt 9 dt 3 title "OpenBLAS dgemm", \
     [32:512] 2.0 * x**3 / 1e6 with lines dt 2 lc "gray" title "2n^3 flops at 1 GFLOP/s"
