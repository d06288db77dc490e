# The gradient norm against the step t, on a log scale, for gradient descent (its best step
# 2/(L + mu)), momentum (the tuned eta and lambda) and Adam (eta = 0.01) on the ill-conditioned
# quadratic f = (x1^2 + 100 x2^2)/2 from (1, 1), each run to ||grad f|| <= 1e-8.
# Data: momentum_gradient_norm.csv, written by the chapter program (build/bin/ch04-optimization).
set terminal svg size 600,420 enhanced font "sans,12"
set output outdir."/momentum_gradient_norm.svg"
set datafile separator ","
set logscale y
set format y "10^{%L}"
set yrange [1e-9:1e3]
set grid
set key top right
set xlabel "step t"
set ylabel "||∇f(x_t)||"
set title "κ = 100: gradient descent, momentum and Adam"
plot datadir."/momentum_gradient_norm.csv" every ::1 using 1:2 with lines lw 2 title "gradient descent, η = 2/(L+μ)", \
     datadir."/momentum_gradient_norm.csv" every ::1 using 1:3 with lines lw 2 title "momentum, η = 4/(√L+√μ)^2, λ = (9/11)^2", \
     datadir."/momentum_gradient_norm.csv" every ::1 using 1:4 with lines lw 2 title "Adam, η = 0.01"
