#!/usr/bin/env bash
# Grades a crafted submission: cases/CASE/ holds the bad exercise source(s);
# every other exercise source comes from this tree (the solutions).
#   grade_case.sh CASE EXERCISE REASON-REGEX [SCORE [OUTPUT-REGEX]]
# SCORE (default 0) is what EXERCISE must score: a number, `max` or `part`;
# OUTPUT-REGEX what results.json's top-level output must show. When
# cases/CASE/prepare.sh exists it runs with the submission folder as its
# argument, after the case's files are copied: it makes what git cannot hold
# (links, FIFOs, folders).
# Grades EXERCISE and one other exercise (the tests stay fast however many
# exercises the course has). Checks that EXERCISE scores SCORE with REASON in its
# output, that the other exercise gets full marks, that results.json is valid and agrees with
# ctest's JUnit verdicts, that it is small and shows nothing of a hidden test
# (nor of /etc/passwd), and that the working tree was not touched.
#
# Wrong answers to different exercises share one grading (a batch), so that
# the suite's time does not grow with every plausible mistake proved:
#   grade_case.sh --batch OUT CASE:EXERCISE...
# grades one submission holding every case's files (each case replaces the
# source of a different exercise), with the same checks for the untouched
# exercise, the processes and the tree, and keeps results.json and junit.xml
# in OUT;
#   grade_case.sh --check OUT CASE EXERCISE REASON-REGEX [SCORE]
# then checks one case's exercise in those results.
set -euo pipefail
# the system interpreter when there is one: a version manager's shim on
# PATH costs a third of a second per start
PY=$(command -v /usr/bin/python3 || command -v python3)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)

if [ "${1:-}" = --check ]; then
  out=$2 case_name=$3 exercise=$4 reason=$5 score=${6:-part}
  [ -s "$out/results.json" ] || { echo "FAIL: $case_name: its batch left no results in $out"; exit 1; }
  "$PY" "$here/check_results.py" "$out/results.json" --junit "$out/junit.xml" --exercise "$exercise=$score:$reason"
  "$PY" -c "import json,sys; t=[t for t in json.load(open(sys.argv[1]))['tests'] if t['name'].endswith(': '+sys.argv[2])][0]; print(t['output'][:1500])" \
    "$out/results.json" "$exercise"
  echo "PASS: $case_name: $exercise scores $score ($reason)"
  exit 0
fi

work=${DLMATH_GRADING_WORK:?the scratch directory of the grading tests}
cases=() exercises=() keep=""
if [ "${1:-}" = --batch ]; then
  keep=$2
  shift 2
  for spec in "$@"; do
    cases+=("${spec%%:*}")
    exercises+=("${spec#*:}")
  done
  case_name="batch of ${cases[*]}"
  [ "$(printf '%s\n' "${exercises[@]}" | sort | uniq -d)" = "" ] || { echo "FAIL: two cases of one exercise in a batch"; exit 1; }
  rm -rf "$keep"
  score="" reason="" output=""
else
  case_name=$1 score=${4:-0} output=${5:-}
  cases=("$1") exercises=("$2") reason=$3
fi
exercise=${exercises[0]}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dlmath-grading-case.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/submission"
# the solutions, then the crafted file(s) over them
find "$root/exercises" -name '*.cpp' ! -name '*_test.cpp' -exec cp {} "$tmp/submission/" \;
for c in "${cases[@]}"; do
  [ -d "$here/cases/$c" ] || { echo "FAIL: no case folder cases/$c"; exit 1; }
  find "$here/cases/$c" -maxdepth 1 -type f ! -name prepare.sh -exec cp {} "$tmp/submission/" \;
  if [ -f "$here/cases/$c/prepare.sh" ]; then
    bash "$here/cases/$c/prepare.sh" "$tmp/submission"
  fi
done

# what grading must not change: the graded exercises, the grader, these tests
dirs=()
for name in "${exercises[@]}" frobenius_norm cosine_similarity; do
  d=$(find "$root/exercises" -mindepth 2 -maxdepth 2 -type d -name "${name//_/-}" | head -n 1)
  [ -n "$d" ] || { echo "FAIL: no exercise $name"; exit 1; }
  dirs+=("$d")
done
snapshot() {
  find "${dirs[@]}" "$root/tests/tools/grading" "$root/cmake/DlmathExercise.cmake" "$root"/scripts/grade* \
    -type f -print0 | sort -z | xargs -0 md5sum | md5sum
}
before=$(snapshot)

# The misbehaving exercise(s) and one other, graded normally beside them.
other=""
for candidate in frobenius_norm cosine_similarity determinant_cofactor; do
  case " ${exercises[*]} " in *" $candidate "*) ;; *) other=$candidate; break ;; esac
done
[ -n "$other" ] || { echo "FAIL: no untouched exercise to grade beside ${exercises[*]}"; exit 1; }
graded=$(IFS=,; echo "${exercises[*]},$other")

set +e
"$root/scripts/grade.sh" --submission "$tmp/submission" --work "$work" --out "$tmp/out" \
  --exercise "$graded" >"$tmp/grade.log" 2>&1
rc=$?
set -e
cat "$tmp/grade.log"
[ "$rc" -eq 0 ] || { echo "FAIL: grading itself failed (exit $rc)"; exit 1; }

# Nothing of the submission outlives grading: after GRADE_CASE_LINGER seconds
# (a daemon's chance to rewrite the results) no process named as the
# red-team's daemon, and none running a program of the scratch build, is
# alive; the results are checked after that.
sleep "${GRADE_CASE_LINGER:-0}"
for p in /proc/[0-9]*; do
  comm=$(cat "$p/comm" 2>/dev/null || true)
  exe=$(readlink "$p/exe" 2>/dev/null || true)
  if [ "$comm" = dlmath-redteam ] || { [ -n "$exe" ] && case "$exe" in "$work"/*) true ;; *) false ;; esac; }; then
    echo "FAIL: a process of the submission outlived grading: ${p#/proc/} $comm $exe"; exit 1
  fi
done
verdict=()
[ -n "$keep" ] || verdict=(--exercise "$exercise=$score:$reason")
"$PY" "$here/check_results.py" "$tmp/out/results.json" --junit "$tmp/out/junit.xml" \
  "${verdict[@]}" --exercise "$other=max" \
  --no-leak "$root" --max-bytes $((200000 * ${#cases[@]})) ${output:+--output "$output"}

after=$(snapshot)
[ "$before" = "$after" ] || { echo "FAIL: grading changed files of the working tree"; exit 1; }
if find "$root" -name TAMPERED_BY_SUBMISSION -print -quit 2>/dev/null | grep -q .; then
  echo "FAIL: the submission wrote into the working tree:"; find "$root" -name TAMPERED_BY_SUBMISSION
  exit 1
fi
if [ -n "$keep" ]; then
  mkdir -p "$keep"
  cp "$tmp/out/results.json" "$tmp/out/junit.xml" "$keep/"
  echo "PASS: $case_name: graded, $other full marks, the tree untouched (each case is checked by its own test)"
  exit 0
fi
"$PY" -c "import json,sys; t=[t for t in json.load(open(sys.argv[1]))['tests'] if t['name'].endswith(': '+sys.argv[2])][0]; print(t['output'][:1500])" \
  "$tmp/out/results.json" "$exercise"
echo "PASS: $case_name: $exercise scores $score ($reason), the others full marks, the tree untouched"
