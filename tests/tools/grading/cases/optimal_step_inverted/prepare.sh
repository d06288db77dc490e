# Crafted wrong answer: the tree's solution with the optimal step upside down,
# g^T H g / g^T g instead of g^T g / g^T H g.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/optimal_step.cpp" \
  'return gg / gHg;' \
  'return gHg / gg;'
