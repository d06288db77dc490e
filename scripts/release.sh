#!/usr/bin/env bash
# ./course release --out DIR — the student edition and the autograder bundle.
#
#   ./course release --out DIR [--force]
#
# DIR gets the student edition: every solution region of the exercise sources
# (between `// BEGIN SOLUTION` and `// END SOLUTION`) replaced by
#   throw dlmath::not_implemented("<function>");
# the hidden tests (*_hidden_test.cpp) and the grader's own tests
# (tests/tools/grading) left out, everything else intact. It also gets
#   DIR/autograder/      the Gradescope bundle: setup.sh, run_autograder, the
#                        student edition (dlmath/) and the hidden tests (hidden/)
#   DIR/autograder.zip   the same bundle, to upload to Gradescope
# Hand students DIR without autograder/ and autograder.zip.
# --force empties DIR first when it is not empty.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
TOOL="$DLMATH_ROOT/scripts/grade-tool.py"
# the system interpreter starts fastest (a version manager's shim is slow)
PY=$(command -v /usr/bin/python3 || command -v python3 || echo python3)

usage() { sed -n '2,/^[^#]/{/^#/p}' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

out="" force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=${2:?--out needs a directory}; shift 2 ;;
    --out=*) out=${1#*=}; shift ;;
    --force) force=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "release: unknown option $1" ;;
  esac
done
[ -n "$out" ] || { usage >&2; die "release: --out DIR is required"; }
command -v python3 >/dev/null && command -v zip >/dev/null || ensure_deps

mkdir -p "$out"
out=$(cd "$out" && pwd)
case "$out/" in
  "$DLMATH_ROOT"/*) die "release: DIR must lie outside the tree ($DLMATH_ROOT)" ;;
esac
case "$DLMATH_ROOT/" in
  "$out"/*) die "release: DIR must not contain the tree" ;;
esac
if [ -n "$(ls -A "$out")" ]; then
  [ "$force" = 1 ] || die "release: $out is not empty (use --force to replace its contents)"
  find "$out" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
fi

stage "copying the tree to $out"
"$PY" "$TOOL" sync "$DLMATH_ROOT" "$out" || die "release: copying the tree failed"

stage "leaving out the hidden tests and the grader's own tests"
mapfile -t hidden < <(cd "$out" && find exercises -name '*_hidden_test.cpp' | sort)
rm -rf "$out/tests/tools/grading"
mkdir -p "$out/autograder/hidden"
for f in "${hidden[@]}"; do
  mkdir -p "$out/autograder/hidden/$(dirname "$f")"
  mv "$out/$f" "$out/autograder/hidden/$f"
done
echo "release: ${#hidden[@]} hidden test file(s) moved to the autograder bundle"

stage "replacing the solutions by not_implemented stubs"
mapfile -t sources < <(cd "$out" && find exercises -type f \( -name '*.cpp' -o -name '*.hpp' \) ! -name '*_test.cpp' | sort)
[ ${#sources[@]} -gt 0 ] || die "release: no exercise sources found under exercises/"
(cd "$out" && "$PY" "$TOOL" strip "${sources[@]}") || die "release: stripping the solutions failed"
if grep -rlE 'BEGIN SOLUTION|END SOLUTION' "$out/exercises"; then
  die "release: solution markers remain in the files above"
fi

stage "writing the Gradescope autograder bundle"
bundle="$out/autograder"
"$PY" "$TOOL" sync "$out" "$bundle/dlmath"
cat >"$bundle/setup.sh" <<'SETUP'
#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image
# (Ubuntu 22.04: CMake 3.22, g++ 11). It installs the course's Debian
# packages, then warms the compiler cache: it grades the student edition
# with the hidden tests once (every exercise a stub, so 0 points), which
# configures and builds every exercise's tests and programs exactly as each
# grading will. A grading then compiles only the student's sources and links.
# It fails, naming the step, when the bundle does not build on this image.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=${DLMATH_AUTOGRADER_ROOT:-/autograder}
"$here/dlmath/scripts/install-deps.sh"
chmod +x "$here/run_autograder" "$here/dlmath/course" "$here"/dlmath/scripts/*.sh "$here"/dlmath/scripts/*.py
# The bundle (with the hidden tests and solutions' tests) readable by root
# only: where bubblewrap cannot start, the student's code runs as a fresh
# unprivileged user, which must not read it.
chmod -R go-rwx "$here"
work="$ROOT/work"
mkdir -p "$work"
chmod 700 "$work"
rm -rf "$work/dlmath" "$work/warm"
python3 "$here/dlmath/scripts/grade-tool.py" sync "$here/dlmath" "$work/dlmath"
cp -R "$here/hidden/." "$work/dlmath/"
echo "setup: building the exercises once (the student edition: every test fails)"
bash "$work/dlmath/scripts/grade.sh" --out "$work/warm" --work "$work/scratch" >"$work/warm.log" 2>&1 ||
  { tail -n 40 "$work/warm.log"; echo "setup: error: the exercises do not build on this image (log: $work/warm.log)" >&2; exit 1; }
python3 - "$work/warm/results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
built = [t["name"] for t in r["tests"] if "did not compile" not in t["output"]]
if r["max_score"] <= 0 or len(built) != len(r["tests"]):
    sys.exit(f"setup: error: not every exercise builds on this image: {[t['name'] for t in r['tests'] if t['name'] not in built]}")
print(f"setup: {len(built)} exercises build; the compiler cache is warm")
PY
SETUP
cat >"$bundle/run_autograder" <<'RUN'
#!/usr/bin/env bash
# Gradescope runs this for each submission. Its root directory is
# $DLMATH_AUTOGRADER_ROOT (default /autograder), laid out as Gradescope does:
#   ROOT/source        this bundle (dlmath/, hidden/, setup.sh, run_autograder)
#   ROOT/submission    the student's files (exercise sources, matched by name)
#   ROOT/results       where results/results.json is written
# It grades the student edition plus the hidden tests with the student's
# sources. When grading itself fails it still writes a valid results.json
# (score 0, the reason in its output), so the student sees what happened.
set -uo pipefail
ROOT=${DLMATH_AUTOGRADER_ROOT:-/autograder}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bundle="$here"
[ -d "$bundle/dlmath" ] || bundle="$ROOT/source"
work="$ROOT/work"
mkdir -p "$ROOT/results" "$work"
log="$ROOT/results/grade.log"

python3 "$bundle/dlmath/scripts/grade-tool.py" sync "$bundle/dlmath" "$work/dlmath" &&
  cp -R "$bundle/hidden/." "$work/dlmath/" &&
  bash "$work/dlmath/scripts/grade.sh" --submission "$ROOT/submission" \
    --out "$ROOT/results/grade" --work "$work/scratch" >"$log" 2>&1
rc=$?
cat "$log"
if [ $rc -eq 0 ] && [ -s "$ROOT/results/grade/results.json" ]; then
  cp "$ROOT/results/grade/results.json" "$ROOT/results/results.json"
else
  python3 - "$log" "$ROOT/results/results.json" <<'PY'
import json, sys
log = open(sys.argv[1], encoding="utf-8", errors="replace").read()[-4000:]
json.dump({"score": 0, "max_score": 0, "execution_time": 0,
           "output": "The autograder could not grade this submission; please tell your instructor.\n" + log,
           "visibility": "visible", "tests": []}, open(sys.argv[2], "w"), indent=2)
PY
  exit 1
fi
RUN
chmod +x "$bundle/setup.sh" "$bundle/run_autograder"
rm -f "$out/autograder.zip"
(cd "$bundle" && zip -qr "$out/autograder.zip" .) || die "release: zipping the bundle failed"

ok "student edition: $out (hand it out without autograder/ and autograder.zip)"
ok "Gradescope bundle: $out/autograder.zip"
