# Crafted wrong answer: the tree's solution (copied before this runs) with a
# forward difference, (f(x + h e_j) - f(x)) / h, where the central one is
# asked: its error is first order in h, not second.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/central_difference_gradient.cpp" \
  'const double plus = x(j) + step, minus = x(j) - step;' \
  'const double plus = x(j) + step, minus = x(j);'
