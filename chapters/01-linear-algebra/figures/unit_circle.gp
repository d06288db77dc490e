# The unit circle mapped by a matrix. Left: a symmetric S = [[2,1],[1,2]];
# the image is an ellipse whose axes are the eigenvectors q_i, stretched by
# lambda_i = 1, 3. Right: a general G = [[3,0],[4,5]]; the right singular
# vectors v_i on the circle go to sigma_i u_i, the axes of the ellipse
# (sigma = sqrt 45, sqrt 5).
# Data: unit_circle.csv (x, y, Sx, Sy, Gx, Gy) and unit_circle_axes.csv
# (q_i, lambda_i q_i, v_i, sigma_i u_i), written by the chapter program
# (build/bin/ch01-linear-algebra).
set terminal svg size 980,500 enhanced font "sans,12"
set output outdir."/unit_circle.svg"
set datafile separator ","
set multiplot layout 1,2 title "The unit circle under a matrix: eigenvectors (symmetric) and singular vectors (general)"
set size ratio -1
set grid
set xzeroaxis; set yzeroaxis
set key bottom right font ",10"
circle = datadir."/unit_circle.csv"
axes = datadir."/unit_circle_axes.csv"

set title "S = [[2,1],[1,2]]: S q_i = {/Symbol l}_i q_i"
set xrange [-3.5:3.5]; set yrange [-3.5:3.5]
plot circle every ::1 using 1:2 with lines lw 2 lc "gray" title "unit circle", \
     circle every ::1 using 3:4 with lines lw 2 lc 1 title "its image S x", \
     axes every ::1 using (0):(0):1:2 with vectors head filled lw 2 lc 2 title "eigenvectors q_i", \
     axes every ::1 using (0):(0):3:4 with vectors head filled lw 2 lc 2 dt 2 title "{/Symbol l}_i q_i"

set title "G = [[3,0],[4,5]]: G v_i = {/Symbol s}_i u_i"
set xrange [-7.5:7.5]; set yrange [-7.5:7.5]
plot circle every ::1 using 1:2 with lines lw 2 lc "gray" title "unit circle", \
     circle every ::1 using 5:6 with lines lw 2 lc 1 title "its image G x", \
     axes every ::1 using (0):(0):5:6 with vectors head filled lw 2 lc 3 title "right singular vectors v_i", \
     axes every ::1 using (0):(0):7:8 with vectors head filled lw 2 lc 3 dt 2 title "{/Symbol s}_i u_i"
unset multiplot
