# Crafted wrong answer: the tree's solution that divides by p'(x) without
# looking at it, so a flat tangent sends x to inf and then NaN.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/newton_method.cpp" \
  'if (dp == 0.0) return {x, k, NewtonStatus::zero_derivative};' \
  ''
python3 "$(dirname "$0")/../../replace_once.py" "$1/newton_method.cpp" \
  'if (!std::isfinite(next)) return {x, k, NewtonStatus::non_finite};' \
  ''
