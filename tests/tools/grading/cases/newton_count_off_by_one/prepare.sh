# Crafted wrong answer: the tree's solution that counts the evaluations
# instead of the updates, one more than the statement asks for.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/newton_method.cpp" \
  'if (std::fabs(p) <= tol) return {x, k, NewtonStatus::converged};' \
  'if (std::fabs(p) <= tol) return {x, k + 1, NewtonStatus::converged};'
