# Crafted wrong answer: the tree's solution without the bias correction
# (m_hat = m, v_hat = v): the first steps are (1 - beta1) / sqrt(1 - beta2)
# times too long.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/adam.cpp" \
  'const double m_hat = m(i) / (1.0 - beta1_t);' \
  'const double m_hat = m(i);'
python3 "$(dirname "$0")/../../replace_once.py" "$1/adam.cpp" \
  'const double v_hat = v(i) / (1.0 - beta2_t);' \
  'const double v_hat = v(i);'
