# KL is asymmetric: one Gaussian q fitted to a two-mode mixture p.
# Data: kl_asymmetry.csv, written by the chapter program
# (build/bin/ch02-probability-information): x, p(x), the forward fit
# argmin_q D_KL(p||q) (moment matching: covers both modes) and the reverse
# fit argmin_q D_KL(q||p) (locks onto one mode).
set terminal svg size 680,420 enhanced font "sans,12"
set output outdir."/kl_asymmetry.svg"
set datafile separator ","
set grid
set key top left
set xlabel "x"; set ylabel "density"
set title "Fitting one Gaussian q to a mixture p: the direction of the KL divergence decides"
plot datadir."/kl_asymmetry.csv" every ::1 using 1:2 with filledcurves y1=0 fs transparent solid 0.25 lc rgb "#555555" title "p (mixture)", \
     datadir."/kl_asymmetry.csv" every ::1 using 1:3 with lines lw 2.5 lc rgb "#0077bb" title "argmin_q D_{KL}(p||q): mass-covering", \
     datadir."/kl_asymmetry.csv" every ::1 using 1:4 with lines lw 2.5 dt 2 lc rgb "#cc3311" title "argmin_q D_{KL}(q||p): mode-seeking"
