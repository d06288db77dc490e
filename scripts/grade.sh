#!/usr/bin/env bash
# ./course grade — grades the exercises, in a scratch copy of the tree.
#
#   ./course grade                         grade this tree's exercises
#   ./course grade --submission DIR        grade a student's sources (matched by file name)
#   ./course grade --exercise NAME[,NAME]  grade these exercises only
#   ./course grade --out DIR               write results.json and junit.xml to DIR
#                                          (default: build/grade)
#   ./course grade --work DIR              the scratch copy and its build (default: a
#                                          directory under $TMPDIR); DIR must be new,
#                                          empty, or one the grader created
#
# The submission's files are read only when they are regular files (no links,
# FIFOs or devices) of at most 256 KiB; refused, ignored and duplicate files
# are listed in results.json. Every grading configures and builds afresh; the
# student's sources compile in a sandbox (scripts/compile-student.py), each
# within a CPU-time limit (DLMATH_STUDENT_COMPILE_CPU seconds, default 60).
#
# Writes DIR/results.json (Gradescope's format), DIR/junit.xml (ctest's own
# verdicts) and prints a table. Exits 0 when grading completed, whatever the
# score; non-zero only when grading itself failed. The working tree is never
# modified: the student's code is built and run in the scratch copy.
set -euo pipefail
# Everything the grader creates (the scratch copy with the hidden tests, the
# build, the results) is readable by its owner only: where the student's
# code runs as another, unprivileged user (no namespaces), it cannot read it.
umask 077
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
TOOL="$DLMATH_ROOT/scripts/grade-tool.py"
# the system interpreter starts fastest (a version manager's shim is slow)
PY=$(command -v /usr/bin/python3 || command -v python3 || echo python3)

usage() { sed -n '2,/^[^#]/{/^#/p}' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

submission="" exercise="" out="$DLMATH_ROOT/build/grade" work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --submission) submission=${2:?--submission needs a directory}; shift 2 ;;
    --submission=*) submission=${1#*=}; shift ;;
    --exercise) exercise=${2:?--exercise needs a name}; shift 2 ;;
    --exercise=*) exercise=${1#*=}; shift ;;
    --out) out=${2:?--out needs a directory}; shift 2 ;;
    --out=*) out=${1#*=}; shift ;;
    --work) work=${2:?--work needs a directory}; shift 2 ;;
    --work=*) work=${1#*=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "grade: unknown option $1" ;;
  esac
done

for tool in cmake ninja ctest python3; do
  command -v "$tool" >/dev/null || ensure_deps
done
if [ -n "$submission" ]; then
  [ -d "$submission" ] || die "grade: the submission $submission is not a directory"
  submission=$(cd "$submission" && pwd)
fi
# The scratch directory: one the grader created (it holds the marker file),
# or a new or empty one. Each grading rebuilds the copy and its build from
# scratch, so nothing of an earlier grading (a CMake cache, an object, a
# program) is used again; only the compiler cache, keyed on content, is.
marker=.dlmath-grade-scratch
if [ -z "$work" ]; then
  key=$(printf '%s' "$DLMATH_ROOT" | cksum | cut -d' ' -f1)
  work="${TMPDIR:-/tmp}/dlmath-grading-$(id -u)-$key"
fi
case "$(realpath -m "$work")/" in "$DLMATH_ROOT"/*) die "grade: the scratch directory must lie outside the tree" ;; esac
if [ -L "$work" ]; then
  die "grade: the scratch directory $work is a symbolic link; give a directory"
elif [ -e "$work" ]; then
  [ -d "$work" ] || die "grade: the scratch directory $work is not a directory"
  [ -O "$work" ] || die "grade: the scratch directory $work belongs to another user"
  if [ ! -f "$work/$marker" ] || [ -L "$work/$marker" ]; then
    [ -z "$(ls -A "$work")" ] ||
      die "grade: $work is not empty and was not created by the grader (it has no $marker); nothing in it was changed. Give a new or empty directory."
    : >"$work/$marker"
  fi
else
  mkdir -p "$work"
  : >"$work/$marker"
fi
mkdir -p "$out"
work=$(cd "$work" && pwd); out=$(cd "$out" && pwd)
case "$work/" in "$DLMATH_ROOT"/*) die "grade: the scratch directory must lie outside the tree" ;; esac
case "$out/" in "$work"/*) die "grade: the results directory must lie outside the scratch directory" ;; esac
# The build directory lies inside the copy, as build/ does in the tree, so
# that with the compiler cache's base directory at the copy the compiler
# sees the same relative paths here as in the tree's own build: objects
# compiled there (or in an earlier grading) are reused.
src="$work/src" bld="$work/src/build" logs="$out/logs"
mkdir -p "$logs"
rm -f "$out/results.json" "$out/junit.xml" "$logs/intake.json"

# One grading at a time per scratch directory.
exec 9>"$work/lock"
flock 9
rm -rf "$src"

start=$(date +%s.%N)
# How long each stage took, printed at the end (where a grading's time goes).
times=() mark=$EPOCHREALTIME
lap() {
  local now=$EPOCHREALTIME
  times+=("$1 $(awk -v a="$mark" -v b="$now" 'BEGIN { printf "%.1f", b - a }') s")
  mark=$now
}
stage "copying the tree to the scratch directory ${work}"
run_logged "copying the tree" "$logs/copy.log" "$PY" "$TOOL" sync "$DLMATH_ROOT" "$src"
lap copy

stage "configuring the exercises (Ninja)"
run_logged "configuring" "$logs/configure.log" \
  cmake -S "$src" -B "$bld" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DDLMATH_BUILD_TESTS=OFF -DDLMATH_BUILD_EXERCISES=ON \
    -DDLMATH_BUILD_BENCH=OFF -DDLMATH_BUILD_DOCS=OFF -DDLMATH_BUILD_CHAPTERS=OFF \
    -DDLMATH_STUDENT_COMPILE_LAUNCHER="$PY;$src/scripts/compile-student.py"
lap configure

if [ -n "$submission" ]; then
  stage "taking the exercise sources from $submission"
  run_logged "reading the submission" "$logs/submission.log" \
    "$PY" "$TOOL" submit "$bld" "$submission" --notes "$logs/intake.json"
  grep '^grade: submission: ' "$logs/submission.log" | head -n 20 || true
  lap submission
fi

# The exercises to grade, their test programs and their test listings: an
# old program or listing must never be graded in place of one that no longer
# compiles.
mapfile -t rows < <("$PY" "$TOOL" list "$bld") || die "grade: reading the exercise declarations failed"
IFS=, read -r -a wanted <<<"$exercise"
targets=() names=()
for row in "${rows[@]}"; do
  read -r name binary manifest ctest_file row_targets <<<"$row"
  if [ -n "$exercise" ]; then
    case ",$exercise," in *",$name,"*) ;; *) continue ;; esac
  fi
  names+=("$name")
  read -r -a more <<<"$row_targets"
  targets+=("${more[@]}")
  rm -f "$binary" "$manifest" "$ctest_file"
done
for w in "${wanted[@]}"; do
  case " ${names[*]} " in *" $w "*) ;; *) die "grade: there is no exercise named '$w'" ;; esac
done
[ ${#targets[@]} -gt 0 ] || die "grade: no exercise to grade"

stage "building ${#names[@]} exercise(s), keeping going past errors (ninja -k 0)"
export CCACHE_BASEDIR="$src" CCACHE_NOHASHDIR=1
set +e
timeout 900 ninja -C "$bld" -k 0 "${targets[@]}" >"$logs/build.log" 2>&1
build_rc=$?
set -e
lap build
if [ "$build_rc" -ne 0 ]; then
  grep -c '^FAILED: ' "$logs/build.log" | sed 's/$/ build step(s) failed; those exercises score 0 (see their output)/' || true
fi

stage "running the exercise tests (ctest -L exercise)"
filter=()
[ -z "$exercise" ] || filter=(-R "^exercise\\.(${exercise//,/|})\\.")
set +e
# Twice as many tests as cores: a test spends much of its time starting
# processes (the runner, the checker, the sandboxed student program) and
# waiting on them, and every call it makes has its own time limit.
ctest --test-dir "$bld" -L exercise "${filter[@]}" -j "$((2 * $(nproc 2>/dev/null || echo 1)))" \
  --test-output-size-passed 4096 --test-output-size-failed 65536 \
  --output-junit "$out/junit.xml" >"$logs/ctest.log" 2>&1
set -e
lap tests
[ -s "$out/junit.xml" ] || { tail -n 20 "$logs/ctest.log" >&2; die "grade: ctest wrote no JUnit report (log: $logs/ctest.log)"; }

end=$(date +%s.%N)
seconds=$("$PY" -c "print(${end} - ${start})")
exercise_opt=()
[ -z "$exercise" ] || exercise_opt=(--exercise "$exercise")
"$PY" "$TOOL" report "$bld" "$out" "${exercise_opt[@]}" --seconds "$seconds" \
  --src-root "$src" --build-log "$logs/build.log" --notes "$logs/intake.json" || die "grade: writing the results failed"
lap report
echo "grade: time per stage: $(IFS=,; echo "${times[*]}" | sed 's/,/, /g')"
ok "results: $out/results.json (Gradescope), $out/junit.xml"
