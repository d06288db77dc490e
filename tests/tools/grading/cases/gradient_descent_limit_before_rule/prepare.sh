# Crafted wrong answer: the tree's solution testing the iteration limit
# before the stopping rule, so a run that meets the rule on its last allowed
# update is reported as not converged (an off-by-one in the budget).
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/gradient_descent.cpp" \
  'if (std::sqrt(squares) <= tol) return {x, k, true};' \
  'if (k == max_iter) return {x, k, false}; if (std::sqrt(squares) <= tol) return {x, k, true};'
