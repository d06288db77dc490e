# Crafted wrong answer: the tree's solution adding the old velocity to x
# before updating it (x_t = x_{t-1} + g_{t-1}): every iterate one update late.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/momentum.cpp" \
  'g(i) = -learning_rate * gradient + lambda * g(i);  // g_t
            x(i) = x(i) + g(i);                                // x_t = x_{t-1} + g_t' \
  'x(i) = x(i) + g(i);
            g(i) = -learning_rate * gradient + lambda * g(i);'
