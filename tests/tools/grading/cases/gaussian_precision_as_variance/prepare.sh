# Crafted wrong answer: the tree's solution (copied before this runs) with
# beta where 1 / beta belongs: the variance form given beta as the variance.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/gaussian_log_density_precision.cpp" \
  'return 0.5 * (std::log(beta) - std::log(2.0 * std::numbers::pi)) - 0.5 * beta * d * d;' \
  'return -0.5 * (std::log(beta) + std::log(2.0 * std::numbers::pi)) - 0.5 * d * d / beta;'
