# Crafted wrong answer: the tree's solution stepping x - grad f (gradient
# descent with step 1) instead of the Newton step x + d.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/newton_minimize.cpp" \
  'for (std::size_t i = 0; i < n; ++i) x(i) = x(i) + d(i);' \
  'for (std::size_t i = 0; i < n; ++i) x(i) = x(i) - g(i);'
