# Crafted wrong answer: the tree's solution (copied before this runs)
# without the division by the evidence P(y): prior times likelihood.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/bayes_rule.cpp" \
  'for (std::size_t i = 0; i < k; ++i) posterior(i) /= evidence;' ''
