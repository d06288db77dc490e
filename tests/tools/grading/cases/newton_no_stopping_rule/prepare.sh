# Crafted wrong answer: the tree's solution without the residual stopping
# rule, so every run goes on to max_iter.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/newton_method.cpp" \
  'if (std::fabs(p) <= tol) return {x, k, NewtonStatus::converged};' \
  ''
