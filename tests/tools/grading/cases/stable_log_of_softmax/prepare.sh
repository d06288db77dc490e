# Crafted wrong answer: the tree's solution (copied before this runs) with
# log_softmax computed as log(softmax(x)): -inf for a logit more than 745
# below the largest, where x_i - LSE(x) is finite.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/stable_softmax.cpp" \
  'const double lse = logsumexp(x);' 'const Vector p = softmax(x);'
python3 "$(dirname "$0")/../../replace_once.py" "$1/stable_softmax.cpp" \
  'y(i) = x(i) - lse;' 'y(i) = std::log(p(i));'
