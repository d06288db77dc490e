# Crafted wrong answer: the tree's solution (copied before this runs) with the
# centre left out of the projection of an outside point, r (x - c)/||x - c||:
# right for a ball around 0, wrong for any other.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/projected_gradient.cpp" \
  'y(i) = center(i) + scale * (x(i) - center(i));' 'y(i) = scale * (x(i) - center(i));'
