# Crafted wrong answer: the tree's solution forgetting the chain rule's inner
# derivative in d/dx1 sin(x1 / 2) = cos(x1 / 2) / 2 (the factor 1/2 dropped).
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/exercise_function.cpp" \
  'G(i, 0) = std::cos(x1) * std::cos(x2) + 0.5 * std::cos(0.5 * x1) * std::cos(0.5 * x2);' \
  'G(i, 0) = std::cos(x1) * std::cos(x2) + std::cos(0.5 * x1) * std::cos(0.5 * x2);'
