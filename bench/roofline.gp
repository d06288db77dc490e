# The roofline figure, drawn by dlmath-bench-roofline, which sets:
#   csv, svg     the table it wrote (kernel,case,size,flop_per_byte,gflops,
#                roof_gflops,number) and the figure to write
#   names        the kernels in the order of their numbers, separated by spaces
#   plottitle    the title (SIMD width and threads of the run)
#   peak, triad  the measured FMA peak (GFLOP/s) and triad bandwidth (GB/s);
#                0 when the run did not measure them: no roof is drawn
#   xmin, xmax, ymin, ymax   the ranges of the axes
# Log–log axes: the roof min(peak, triad·I) is a slanted line (memory-bound)
# meeting a flat one (compute-bound) at the ridge point I = peak/triad.
# Each kernel case is a point at its intensity and attained rate: reference
# open circles, fast filled circles, library triangles; the fast points
# carry the kernel's number, listed at the right.
set terminal svg size 1100,680 dynamic font "Sans,13" background "white"
set output svg
set datafile separator ","
set logscale xy
set xrange [xmin:xmax]
set yrange [ymin:ymax]
set xlabel "arithmetic intensity (flop/byte)"
set ylabel "attained GFLOP/s"
set title plottitle
set grid xtics ytics mxtics mytics lc rgb "#dddddd"
set key top left box opaque
set rmargin at screen 0.80

n = words(names)
do for [i=1:n] {
  set label sprintf("%d  %s", i, word(names, i)) at screen 0.815, screen 0.92 - 0.85 * (i - 1) / (n > 28 ? n : 28) font "Sans,11"
}

if (peak > 0 && triad > 0) {
  roof(x) = (triad * x < peak) ? triad * x : peak
  ridge = peak / triad
  set arrow from ridge, ymin to ridge, peak nohead dt 2 lc rgb "#888888"
  set label sprintf("ridge %.3g flop/byte", ridge) at ridge, ymin * 1.3 offset 0.5, 0 font "Sans,11" tc rgb "#555555"
  set label sprintf("peak %.0f GFLOP/s", peak) at xmax, peak right offset -0.5, 0.8 font "Sans,11" tc rgb "#555555"
  slope_x = sqrt(xmin * ridge)
  set label sprintf("triad %.1f GB/s", triad) at slope_x, triad * slope_x right offset -1, 0.5 font "Sans,11" tc rgb "#555555"
} else {
  set label "roofline not measured in this run: no roof" at graph 0.5, graph 0.95 center tc rgb "#aa0000"
}

is(c, s) = strcol(2) eq s ? c : NaN
set samples 400
plot \
  (peak > 0 && triad > 0 ? roof(x) : NaN) with lines lw 2 lc rgb "#333333" title "roof: min(peak, triad × I)", \
  csv skip 1 using (is($4, "reference")):5 with points pt 6 ps 1.3 lc rgb "#1f77b4" title "reference", \
  csv skip 1 using (is($4, "library")):5 with points pt 8 ps 1.3 lc rgb "#2ca02c" title "library", \
  csv skip 1 using (is($4, "fast")):5 with points pt 7 ps 1.3 lc rgb "#d62728" title "fast", \
  csv skip 1 using (is($4, "fast")):5:(sprintf("%d", $7)) with labels offset 0.9, 0.6 font "Sans,10" tc rgb "#d62728" notitle
