# Crafted wrong answer: the tree's solution stepping along the gradient
# (x + eta grad f: ascent) instead of against it.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/gradient_descent.cpp" \
  'x(i) = x(i) - learning_rate * g(i);' \
  'x(i) = x(i) + learning_rate * g(i);'
