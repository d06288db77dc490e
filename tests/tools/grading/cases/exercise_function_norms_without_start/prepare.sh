# Crafted wrong answer: the tree's solution recording the gradient norm only
# after each update, so the record has T entries and leaves out the start.
set -euo pipefail
python3 "$(dirname "$0")/../../replace_once.py" "$1/exercise_function.cpp" \
  'Vector record = Vector::from_shape({steps + 1});' \
  'Vector record = Vector::from_shape({steps});'
python3 "$(dirname "$0")/../../replace_once.py" "$1/exercise_function.cpp" \
  'record(0) = std::hypot(G(0, 0), G(0, 1));' \
  ''
python3 "$(dirname "$0")/../../replace_once.py" "$1/exercise_function.cpp" \
  'record(t) = std::hypot(G(0, 0), G(0, 1));' \
  'record(t - 1) = std::hypot(G(0, 0), G(0, 1));'
