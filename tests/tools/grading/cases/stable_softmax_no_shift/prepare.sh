# Crafted wrong answer: the tree's solution (copied before this runs) with a
# softmax that does not shift by the largest logit, so it divides e^(x_i) by
# sum_j e^(x_j): inf / inf = NaN once a logit exceeds 709.78.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/stable_softmax.cpp" \
  'for (std::size_t i = 1; i < x.size(); ++i) m = std::max(m, x(i));' 'm = 0.0;'
