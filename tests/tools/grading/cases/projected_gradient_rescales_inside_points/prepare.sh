# Crafted wrong answer: the tree's solution (copied before this runs) with a
# projection that always rescales, x -> c + r (x - c)/||x - c||: points inside
# the ball are pushed out to the sphere (and the centre itself becomes NaN).
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/projected_gradient.cpp" \
  'if (distance <= radius) return x;' ''
