# The right answer is the tree's own solution (copied before this runs), at the
# top of the submission.
# A wrong copy of the source in a folder (the shallowest file is graded), an
# oddly named file, files that are no exercise source, and a source over the
# size limit.
set -euo pipefail
sub=$1
mkdir -p "$sub/old"
cat >"$sub/old/cosine_similarity.cpp" <<'CPP'
#include "cosine_similarity.hpp"
namespace dlmath::exercises {
double cosine_similarity(const Vector&, const Vector&) { return 2.0; }
}  // namespace dlmath::exercises
CPP
printf 'odd\n' >"$sub/odd name\$(id).cpp"
printf 'notes\n' >"$sub/notes.txt"
mkdir -p "$sub/big"
head -c 300000 /dev/zero | tr "\\0" "/" >"$sub/big/cosine_similarity.cpp"
