# Crafted wrong answer: the tree's solution accepting any decrease,
# f(x + alpha d) < f(x), with the c1 term of the Armijo condition dropped.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/backtracking.cpp" \
  'if (f_trial <= fx + c1 * alpha * slope) return {alpha, evaluations};' \
  'if (f_trial < fx) return {alpha, evaluations};'
