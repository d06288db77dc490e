# Crafted wrong answer: the tree's solution with Simpson's interior weights
# swapped (2 at the odd samples, 4 at the even ones).
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/composite_simpson.cpp" \
  '((i % 2 == 1) ? 4.0 : 2.0)' \
  '((i % 2 == 1) ? 2.0 : 4.0)'
