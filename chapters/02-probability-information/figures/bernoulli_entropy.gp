# The entropy of a Bernoulli(phi) variable, in bits, against phi: 0 at
# phi = 0 and 1 (a sure outcome), maximal at phi = 0.5 with 1 bit (ln 2 nats).
# Data: bernoulli_entropy.csv (phi, bits, nats), written by the chapter
# program (build/bin/ch02-probability-information).
set terminal svg size 560,400 enhanced font "sans,12"
set output outdir."/bernoulli_entropy.svg"
set datafile separator ","
set xrange [0:1]; set yrange [0:1.1]
set xlabel "{/Symbol f} = P(x = 1)"
set ylabel "H (bits)"
set grid
set key bottom center
set title "Entropy of a Bernoulli variable"
set arrow from 0.5,0 to 0.5,1 nohead dt 2 lc "gray"
set label "1 bit = ln 2 nats at {/Symbol f} = 0.5" at 0.52,1.04
plot datadir."/bernoulli_entropy.csv" every ::1 using 1:2 with lines lw 2 title "H({/Symbol f}, 1 - {/Symbol f}) in bits"
