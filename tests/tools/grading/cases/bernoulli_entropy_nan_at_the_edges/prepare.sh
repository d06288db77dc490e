# Crafted wrong answer: the tree's solution (copied before this runs)
# without the limit 0 log 0 = 0: phi = 0 and phi = 1 give 0 * (-inf) = NaN.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/bernoulli_entropy.cpp" \
  'if (phi == 0.0 || phi == 1.0) return 0.0;' ''
