#!/usr/bin/env bash
# Both directions of the release:
#  - in a fresh student edition there is no solution and no hidden test,
#    every other file is this tree's (so its libraries and non-exercise tests
#    are the ones this suite runs), and it configures;
#  - setup.sh, unpacked from autograder.zip into a fake Gradescope root,
#    grades the student edition with the hidden tests once to warm the
#    compiler cache: every exercise builds, every exercise test fails (the
#    visible ones with not_implemented) and the score is 0 of the maximum;
#    run_autograder there grades a submission (this tree's solutions: full
#    marks, hidden tests included), writing a valid results/results.json with
#    the same maximum. (That this tree's solutions pass every exercise test
#    with the default compiler is what the exercise tests of the suite itself
#    check; ./course grade, which runs the same grade.sh, is tried in a tree
#    of its own by new_exercise.sh.) Both gradings run with g++ 11, the compiler of
#    Gradescope's Ubuntu 22.04 image (Debian's g++-11 stands in for it).
set -euo pipefail
# the system interpreter when there is one: a version manager's shim on
# PATH costs a third of a second per start
PY=$(command -v /usr/bin/python3 || command -v python3)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
check="$PY $here/check_results.py"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dlmath-release-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# each step ends with the time it took (where this test's time goes)
last=""
step() {
  local now=$EPOCHREALTIME
  [ -z "$last" ] || echo "(that took $(awk -v a="$last" -v b="$now" 'BEGIN { printf "%.1f", b - a }') s)"
  last=$now
  echo; echo "=== $*"
}

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

step "the edition is this tree less the solutions, the hidden tests and the grader's tests"
# Outside exercises/ every file of the edition is byte for byte this tree's,
# and nothing else of this tree is missing: the libraries, chapters and
# non-exercise tests the edition builds are the ones this suite builds and
# runs (so they pass there as they pass here). In exercises/ only the sources
# with solution regions differ, and only the hidden tests are missing.
"$PY" - "$root" "$rel" <<'PY' || fail "the edition differs from the tree where it must not"
import filecmp, os, re, subprocess, sys
root, rel = sys.argv[1], sys.argv[2]
tracked = subprocess.run(["git", "-C", root, "ls-files", "-z"], capture_output=True, check=False).stdout
if not tracked:
    sys.exit("the tree is not a git checkout: its files cannot be listed")
def files(top):
    out = set()
    for d, _, names in os.walk(top):
        for n in names:
            out.add(os.path.relpath(os.path.join(d, n), top))
    return out
edition = {f for f in files(rel) if not f.startswith(("autograder/", "autograder.zip"))}
problems = []
for f in sorted(tracked.decode().split("\0")):
    if not f or not os.path.isfile(os.path.join(root, f)):
        continue
    graded_away = f.startswith("tests/tools/grading/") or f.endswith("_hidden_test.cpp")
    if graded_away:
        if f in edition:
            problems.append(f"{f}: in the edition")
        continue
    if f not in edition:
        problems.append(f"{f}: missing from the edition")
        continue
    edition.discard(f)
    same = filecmp.cmp(os.path.join(root, f), os.path.join(rel, f), shallow=False)
    stripped = f.startswith("exercises/") and "BEGIN SOLUTION" in open(os.path.join(root, f), errors="replace").read()
    if same == stripped:
        problems.append(f"{f}: " + ("unchanged although it has a solution region" if stripped else "changed"))
# files git does not track (a student's notes, say) are copied as they are
for e in sorted(edition):
    t = os.path.join(root, e)
    if not (os.path.isfile(t) and filecmp.cmp(t, os.path.join(rel, e), shallow=False)):
        problems.append(f"{e}: in the edition but not in the tree")
if problems:
    sys.exit("\n".join(problems[:40]))
print("the edition matches the tree outside the solution regions")
PY
step "the edition configures with its tests"
# The edition configures with its tests (the grader's tests and the hidden
# ones gone): the build files refer to nothing the release left out.
cmake -S "$rel" -B "$tmp/edition-build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDLMATH_BUILD_EXERCISES=ON \
  -DDLMATH_BUILD_BENCH=OFF -DDLMATH_BUILD_DOCS=OFF -DDLMATH_BUILD_CHAPTERS=ON >"$tmp/configure.log" 2>&1 ||
  { tail -n 30 "$tmp/configure.log"; fail "the edition does not configure"; }
rm -rf "$tmp/edition-build"

step "setup.sh on a fake Gradescope root, with g++ 11"
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
# setup.sh's grading is the student edition's, hidden tests included: it
# scores 0, and no exercise test passes without a solution
warm="$ag/work/warm"
max=$("$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['max_score'])" "$warm/results.json")
"$PY" -c "import sys; sys.exit(0 if float(sys.argv[1]) > 0 else 1)" "$max" || fail "max_score is $max"
$check "$warm/results.json" --junit "$warm/junit.xml" --score 0 --max-score "$max"
"$PY" - "$warm/junit.xml" <<'PY' || fail "an exercise test of the edition passes, or a visible one does not fail with not_implemented"
import sys, xml.etree.ElementTree as ET
cases = list(ET.parse(sys.argv[1]).getroot().iter("testcase"))
assert cases, "no exercise test ran"
hidden = 0
for tc in cases:
    name, out = tc.get("name") or "", tc.findtext("system-out") or ""
    ok = tc.get("status") == "run" and not tc.findall("failure")
    # exercise.<exercise>.<Suite>.<test>: the hidden tests' suites end in Hidden;
    # a property test's shrinking can push the stub's message out of a hidden
    # test's kept output, so for those failing is what counts
    is_hidden = len(name.split(".")) > 2 and name.split(".")[2].endswith("Hidden")
    hidden += is_hidden
    if ok or (not is_hidden and "not implemented yet (this is an exercise)" not in out):
        sys.exit(f"{name}: passed={ok}\n{out[-800:]}")
assert hidden, "no hidden test ran"
print(f"{len(cases)} exercise tests ({hidden} hidden), all failing; the visible ones with not_implemented")
PY
# it configures without presets: nothing in the bundle's scripts asks for them
! grep -n -- '--preset' "$ag/source/setup.sh" "$ag/source/run_autograder" "$ag/source/dlmath/scripts/grade.sh" ||
  fail "the bundle's scripts use CMake presets (Gradescope's CMake 3.22 does not read version 6)"
step "run_autograder grades this tree's solutions"
DLMATH_AUTOGRADER_ROOT="$ag" bash "$ag/source/run_autograder" >"$tmp/autograder.log" 2>&1 ||
  { tail -n 40 "$tmp/autograder.log"; fail "run_autograder failed"; }
grep -q "The CXX compiler identification is GNU 11[.]" "$ag/results/grade/logs/configure.log" ||
  fail "run_autograder did not compile with g++ 11"
$check "$ag/results/results.json" --score max --max-score "$max"
grep -q 'PASS  hidden test' "$ag/results/results.json" || fail "the autograder did not run the hidden tests"
step "done"
echo "PASS: the edition scores 0 / $max, the autograder gives this tree's solutions $max / $max"
