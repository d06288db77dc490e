# Crafted wrong answer: the tree's solution (copied before this runs) with
# its parameters swapped, so it computes KL(q || p) for KL(p || q).
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/kl_divergence.cpp" \
  'double kl_divergence(const Vector& p, const Vector& q) {' \
  'double kl_divergence(const Vector& q, const Vector& p) {'
