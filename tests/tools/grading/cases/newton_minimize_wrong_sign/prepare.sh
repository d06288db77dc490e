# Crafted wrong answer: the tree's solution adding the Newton step with the
# wrong sign, x - d = x + H^-1 g: on a quadratic it lands on the mirror image
# of the start, and on the quartic it runs away.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/newton_minimize.cpp" \
  'for (std::size_t i = 0; i < n; ++i) x(i) = x(i) + d(i);' \
  'for (std::size_t i = 0; i < n; ++i) x(i) = x(i) - d(i);'
