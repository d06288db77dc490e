# Crafted wrong answer: the tree's solution (copied before this runs) with
# the natural log where bits are asked (no division by ln 2).
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/bernoulli_entropy.cpp" \
  'return nats / std::numbers::ln2;' 'return nats;'
