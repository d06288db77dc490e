#!/usr/bin/env bash
# Nothing persists from one grading into the next. A first grading runs; its
# scratch build is then tampered with as a submission's code once could:
# CMAKE_CXX_COMPILER_LAUNCHER (and the student's launcher) in CMakeCache.txt
# pointing at a script that leaves a mark, a program planted among the test
# programs. A second grading of the same scratch directory must run none of
# it and give full marks.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=${DLMATH_GRADING_WORK:?the scratch directory of the grading tests}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dlmath-grading-persist.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# the solutions as a submission: the second grading compiles them anew
mkdir -p "$tmp/submission"
find "$root/exercises" -name '*.cpp' ! -name '*_test.cpp' -exec cp {} "$tmp/submission/" \;
grade() {
  "$root/scripts/grade.sh" --work "$work" --out "$1" --exercise cosine_similarity,frobenius_norm "${@:2}" >"$1.log" 2>&1 ||
    { cat "$1.log"; fail "grading itself failed"; }
}

grade "$tmp/first"
cache="$work/src/build/CMakeCache.txt"
[ -f "$cache" ] || fail "the first grading left no CMakeCache.txt in $work/src/build"
cat >"$tmp/evil.sh" <<EVIL
#!/bin/sh
touch "$tmp/LAUNCHER_RAN"
exec "\$@"
EVIL
chmod +x "$tmp/evil.sh"
sed -i -e '/^CMAKE_CXX_COMPILER_LAUNCHER/d' -e '/^DLMATH_STUDENT_COMPILE_LAUNCHER/d' "$cache"
printf 'CMAKE_CXX_COMPILER_LAUNCHER:STRING=%s\nDLMATH_STUDENT_COMPILE_LAUNCHER:STRING=%s\n' "$tmp/evil.sh" "$tmp/evil.sh" >>"$cache"
# a passing program in place of a test program
printf '#!/bin/sh\ntouch "%s/PROGRAM_RAN"\nexit 0\n' "$tmp" >"$work/src/build/exercises/bin/exercise_cosine_similarity_test"
touch -d '+1 hour' "$cache" "$work/src/build/exercises/bin/exercise_cosine_similarity_test"

grade "$tmp/second" --submission "$tmp/submission"
cat "$tmp/second.log"
[ ! -e "$tmp/LAUNCHER_RAN" ] || fail "the second grading ran the launcher planted in the first one's CMake cache"
[ ! -e "$tmp/PROGRAM_RAN" ] || fail "the second grading ran a program planted in the first one's build"
python3 "$here/check_results.py" "$tmp/second/results.json" --junit "$tmp/second/junit.xml" \
  --exercise cosine_similarity=max --exercise frobenius_norm=max --no-leak "$root" --max-bytes 200000

# The sandbox's plan, probed once per build (sandbox-plan beside the runner):
# a plan file that another user could have written, or one from another boot,
# is not believed: the checker probes again and writes its own plan in its
# place (a new file, readable by the grader only). The plan it wrote itself
# is read and left as it is.
bin="$work/src/build/exercises/bin"
plan="$work/src/build/exercises/sandbox-plan"
run_one() {
  python3 -I -S "$work/src/build/exercises/grade-run.py" --binary "$bin/exercise_cosine_similarity_student" \
    --case CosineSimilarity.WorkedExample >"$tmp/run.log" 2>&1 || { cat "$tmp/run.log"; fail "the test did not pass"; }
}
[ -f "$plan" ] || fail "the grading left no sandbox plan in the build tree"
[ "$(stat -c %a "$plan")" = 600 ] || fail "the sandbox plan is not the grader's only (mode $(stat -c %a "$plan"))"
boot=$(cat /proc/sys/kernel/random/boot_id)
for forged in "664 auto $boot 0 0 0" "600 auto 00000000-0000-0000-0000-000000000000 0 0 0"; do
  rm -f "$plan"
  printf '%s\n' "${forged#* }" >"$plan"
  chmod "${forged%% *}" "$plan"
  before=$(stat -c %i "$plan")
  run_one
  [ "$(stat -c %i "$plan")" != "$before" ] && [ "$(stat -c %a "$plan")" = 600 ] ||
    fail "a forged sandbox plan ($forged) was believed"
done
before=$(stat -c %i "$plan")
run_one
[ "$(stat -c %i "$plan")" = "$before" ] || fail "the plan the checker probed was not read again"
echo "PASS: a tampered scratch build is not used again: full marks, nothing planted ran; a forged sandbox plan is not believed"
