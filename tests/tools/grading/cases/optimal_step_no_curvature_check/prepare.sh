# Crafted wrong answer: the tree's solution without the check g^T H g > 0, so an
# indefinite Hessian gives a negative step and a zero curvature an infinite one.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/optimal_step.cpp" \
  'if (!(gHg > 0.0)) {' \
  'if (false) {'
