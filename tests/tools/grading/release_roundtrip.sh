#!/usr/bin/env bash
# Both directions of the release:
#  - in a fresh student edition there is no solution and no hidden test, the
#    libraries and the non-exercise tests build and every non-exercise test
#    passes, and ./course grade builds every exercise, every exercise test
#    fails with not_implemented, and the score is 0 of the maximum;
#  - setup.sh, unpacked from autograder.zip into a fake Gradescope root,
#    builds every exercise; run_autograder there grades a submission (this
#    tree's solutions: full marks, hidden tests included), writing a valid
#    results/results.json with the same maximum as the edition's. (That
#    this tree's solutions pass every exercise test with the default
#    compiler is what the exercise tests of the suite itself check.) Both
#    run with g++ 11, the compiler of Gradescope's
#    Ubuntu 22.04 image (Debian's g++-11 stands in for it).
set -euo pipefail
# the system interpreter when there is one: a version manager's shim on
# PATH costs a third of a second per start
PY=$(command -v /usr/bin/python3 || command -v python3)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=${DLMATH_GRADING_WORK:?the scratch directory of the grading tests}
check="$PY $here/check_results.py"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dlmath-release-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
step() { echo; echo "=== $*"; }

step "writing the student edition"
rel="$tmp/edition"
"$root/scripts/release.sh" --out "$rel"
! grep -rlE 'BEGIN SOLUTION|END SOLUTION' "$rel/exercises" || fail "solution markers in the edition"
[ -z "$(find "$rel" -path "$rel/autograder" -prune -o -name '*_hidden_test.cpp' -print)" ] || fail "hidden tests in the edition"
[ ! -e "$rel/tests/tools/grading" ] || fail "the grader's tests are in the edition"
n_regions=$(grep -rh 'BEGIN SOLUTION' "$root/exercises" --include='*.cpp' --include='*.hpp' | wc -l)
n_stubs=$(grep -rh 'throw dlmath::not_implemented(' "$rel/exercises" | wc -l)
[ "$n_regions" -gt 0 ] && [ "$n_stubs" -eq "$n_regions" ] || fail "$n_regions solution regions but $n_stubs stubs"
for f in setup.sh run_autograder; do
  [ -x "$rel/autograder/$f" ] || fail "autograder/$f is missing"
  unzip -l "$rel/autograder.zip" "$f" >/dev/null || fail "autograder.zip has no $f"
done
n_hidden=$(find "$root/exercises" -name '*_hidden_test.cpp' | wc -l)
[ "$(find "$rel/autograder/hidden" -name '*_hidden_test.cpp' | wc -l)" -eq "$n_hidden" ] || fail "the bundle lacks hidden tests"

step "building the edition's libraries and non-exercise tests (the grading below builds its exercises)"
# The build directory inside the edition and the compiler cache's base
# directory at the edition: the compiler sees the same relative paths as in
# this tree's build, so every file the release left unchanged is a cache hit.
export CCACHE_BASEDIR="$rel" CCACHE_NOHASHDIR=1
cmake -S "$rel" -B "$rel/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDLMATH_BUILD_EXERCISES=OFF \
  -DDLMATH_BUILD_BENCH=OFF -DDLMATH_BUILD_DOCS=OFF -DDLMATH_BUILD_CHAPTERS=OFF >"$tmp/configure.log" 2>&1 ||
  { tail -n 30 "$tmp/configure.log"; fail "the edition does not configure"; }
ninja -C "$rel/build" >"$tmp/build.log" 2>&1 || { grep -A8 FAILED "$tmp/build.log" | head -60; fail "the edition does not build"; }
grep -c '^\[' "$tmp/build.log" | sed 's/$/ build steps/'

step "every non-exercise test of the edition passes"
ctest --test-dir "$rel/build" -LE 'exercise|tools' -j "$(nproc 2>/dev/null || echo 2)" --output-on-failure >"$tmp/ctest.log" 2>&1 ||
  { tail -n 60 "$tmp/ctest.log"; fail "non-exercise tests fail in the edition"; }
grep -E 'tests passed' "$tmp/ctest.log"
grep -qE '100% tests passed, 0 tests failed out of [1-9]' "$tmp/ctest.log" || fail "no non-exercise test ran"
rm -rf "$rel/build"

step "./course grade in the edition: every exercise builds, scores 0 of the maximum, every test failing with not_implemented"
(cd "$rel" && ./course grade --work "$work" --out "$tmp/grade-edition")
max=$("$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['max_score'])" "$tmp/grade-edition/results.json")
"$PY" -c "import sys; sys.exit(0 if float(sys.argv[1]) > 0 else 1)" "$max" || fail "max_score is $max"
$check "$tmp/grade-edition/results.json" --junit "$tmp/grade-edition/junit.xml" --score 0 --max-score "$max"
"$PY" - "$tmp/grade-edition/junit.xml" <<'PY' || fail "an exercise test does not fail with not_implemented"
import sys, xml.etree.ElementTree as ET
cases = list(ET.parse(sys.argv[1]).getroot().iter("testcase"))
assert cases, "no exercise test ran"
for tc in cases:
    out = tc.findtext("system-out") or ""
    ok = tc.get("status") == "run" and not tc.findall("failure")
    if ok or "not implemented yet (this is an exercise)" not in out:
        sys.exit(f"{tc.get('name')}: passed={ok}\n{out[-800:]}")
print(f"{len(cases)} exercise tests, all failing with not_implemented")
PY

step "run_autograder on a fake Gradescope root, with g++ 11"
gxx11=$(command -v g++-11) || fail "g++-11 is not installed (scripts/install-deps.sh installs it)"
export CXX="$gxx11"
ag="$tmp/gradescope"
mkdir -p "$ag/source" "$ag/submission/src"
(cd "$ag/source" && unzip -q "$rel/autograder.zip")
find "$root/exercises" -name '*.cpp' ! -name '*_test.cpp' -exec cp {} "$ag/submission/src/" \;
# setup.sh as Gradescope runs it when it builds the image: it must build
# every exercise (the packages are present here, so it installs nothing)
DLMATH_AUTOGRADER_ROOT="$ag" bash "$ag/source/setup.sh" >"$tmp/setup.log" 2>&1 ||
  { tail -n 40 "$tmp/setup.log"; fail "setup.sh failed"; }
grep -q 'exercises build; the compiler cache is warm' "$tmp/setup.log" || { cat "$tmp/setup.log"; fail "setup.sh built nothing"; }
grep -q "The CXX compiler identification is GNU 11[.]" "$ag/work/warm/logs/configure.log" ||
  { head -n 5 "$ag/work/warm/logs/configure.log"; fail "setup.sh did not compile with g++ 11"; }
# it configures without presets: nothing in the bundle's scripts asks for them
! grep -n -- '--preset' "$ag/source/setup.sh" "$ag/source/run_autograder" "$ag/source/dlmath/scripts/grade.sh" ||
  fail "the bundle's scripts use CMake presets (Gradescope's CMake 3.22 does not read version 6)"
DLMATH_AUTOGRADER_ROOT="$ag" bash "$ag/source/run_autograder" >"$tmp/autograder.log" 2>&1 ||
  { tail -n 40 "$tmp/autograder.log"; fail "run_autograder failed"; }
grep -q "The CXX compiler identification is GNU 11[.]" "$ag/results/grade/logs/configure.log" ||
  fail "run_autograder did not compile with g++ 11"
$check "$ag/results/results.json" --score max --max-score "$max"
grep -q 'PASS  hidden test' "$ag/results/results.json" || fail "the autograder did not run the hidden tests"
echo "PASS: the edition scores 0 / $max, the autograder gives this tree's solutions $max / $max"
