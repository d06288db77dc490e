# The error of the composite rules on the integral of exp over [0, 1]
# against the number of panels: slopes -1 (left Riemann), -2 (midpoint,
# trapezoid) and -4 (Simpson) on log-log axes, until Simpson meets the
# rounding floor.
# Data: quadrature_error.csv, written by the chapter program (build/bin/ch03-numerical-computation).
set terminal svg size 560,420 enhanced font "sans,12"
set output outdir."/quadrature_error.svg"
set datafile separator ","
set logscale xy
set format y "10^{%L}"
set grid
set key bottom left
set xlabel "n, the number of panels"
set ylabel "|error|"
set title "Quadrature error against the panel count"
plot datadir."/quadrature_error.csv" every ::1 using 1:2 with linespoints lw 2 pt 7 title "left Riemann, O(h)", \
     datadir."/quadrature_error.csv" every ::1 using 1:3 with linespoints lw 2 pt 5 title "midpoint, O(h^2)", \
     datadir."/quadrature_error.csv" every ::1 using 1:4 with linespoints lw 2 pt 9 title "trapezoid, O(h^2)", \
     datadir."/quadrature_error.csv" every ::1 using 1:5 with linespoints lw 2 pt 11 title "Simpson, O(h^4)"
