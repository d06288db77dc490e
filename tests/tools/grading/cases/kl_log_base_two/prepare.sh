# Crafted wrong answer: the tree's solution (copied before this runs) in
# bits (log2) where nats are asked.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/kl_divergence.cpp" \
  'd += p(i) * (std::log(p(i)) - std::log(q(i)));' \
  'd += p(i) * (std::log2(p(i)) - std::log2(q(i)));'
