#!/usr/bin/env bash
# ./course new-exercise scaffolds an exercise that builds and whose tests fail
# (with not_implemented) until it is filled in; the release strips it cleanly.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=${DLMATH_GRADING_WORK:?the scratch directory of the grading tests}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dlmath-new-exercise-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

python3 "$root/scripts/grade-tool.py" sync "$root" "$tmp/tree"
"$tmp/tree/course" new-exercise 03-numerical-computation/scaffold-check
d="$tmp/tree/exercises/03-numerical-computation/scaffold-check"
for f in CMakeLists.txt README.md scaffold_check.hpp scaffold_check.cpp scaffold_check_test.cpp scaffold_check_hidden_test.cpp; do
  [ -s "$d/$f" ] || fail "the scaffold has no $f"
done
grep -q '// BEGIN SOLUTION' "$d/scaffold_check.cpp" && grep -q '// END SOLUTION' "$d/scaffold_check.cpp" || fail "no solution markers"
! "$tmp/tree/course" new-exercise 03-numerical-computation/scaffold-check 2>/dev/null || fail "scaffolding twice must fail"
! "$tmp/tree/course" new-exercise not-a-chapter 2>/dev/null || fail "a bad name must fail"
! "$tmp/tree/course" new-exercise 01-linear-algebras/x 2>/dev/null || fail "a misspelt chapter folder must fail"
! "$tmp/tree/course" new-exercise 02-probability-information/frobenius-norm 2>/dev/null || fail "a second exercise of the same name must fail"

"$tmp/tree/course" grade --exercise scaffold_check --work "$work" --out "$tmp/out"
python3 "$here/check_results.py" "$tmp/out/results.json" --junit "$tmp/out/junit.xml" \
  --max-score 10 --exercise 'scaffold_check=0:hidden test .*not implemented yet'
! grep -q 'did not compile' "$tmp/out/results.json" || fail "the scaffold does not compile"

"$tmp/tree/course" release --out "$tmp/edition" >/dev/null
grep -q 'throw dlmath::not_implemented("scaffold_check");' "$tmp/edition/exercises/03-numerical-computation/scaffold-check/scaffold_check.cpp" ||
  fail "the release did not stub the scaffold"
echo "PASS: the scaffold builds, fails its tests with not_implemented, and releases"
