# Crafted wrong answer: the tree's solution (copied before this runs) without
# the even-count check, so an odd number of panels is accepted and summed
# with weights that end on a 4 instead of a 1.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/composite_simpson.cpp" \
  'if (n < 2 || n % 2 != 0) {' \
  'if (n < 1) {'
