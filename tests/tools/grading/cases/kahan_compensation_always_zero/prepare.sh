# Crafted wrong answer: the tree's solution with the compensation written in
# an algebraically equal form that is always 0 in floating point too,
# c = t - (s + y) — what a compiler allowed to reassociate (-ffast-math) may
# make of (t - s) - y. The loop is then the naive sum.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/kahan_summation.cpp" \
  'c = (t - s) - y;' \
  'c = t - (s + y);'
