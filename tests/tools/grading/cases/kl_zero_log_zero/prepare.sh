# Crafted wrong answer: the tree's solution (copied before this runs)
# without the limit 0 log 0 = 0: a zero of p gives 0 * (-inf) = NaN.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/kl_divergence.cpp" \
  'if (p(i) == 0.0) continue;  // 0 log(0 / q_i) = 0, also where q_i = 0' ''
