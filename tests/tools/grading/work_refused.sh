#!/usr/bin/env bash
# --work refuses a directory that the grader did not create: a non-empty
# folder without the grader's marker is left exactly as it was (nothing
# deleted, nothing added), with a clear message; a link is refused too.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dlmath-grading-work.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/mine/src/notes" "$tmp/mine/src/build"
echo "my thesis" >"$tmp/mine/src/notes/thesis.tex"
echo "keep" >"$tmp/mine/src/build/CMakeCache.txt"
echo "keep" >"$tmp/mine/lock"
state() { (cd "$tmp/mine" && find . -print0 | sort -z | xargs -0 ls -ld --time-style=+%s.%N | md5sum;
           find . -type f -print0 | sort -z | xargs -0 md5sum | md5sum); }
before=$(state)
set +e
"$root/scripts/grade.sh" --work "$tmp/mine" --out "$tmp/out" --exercise cosine_similarity >"$tmp/log" 2>&1
rc=$?
set -e
cat "$tmp/log"
[ "$rc" -ne 0 ] || fail "grading accepted a foreign non-empty --work directory"
grep -q "was not created by the grader" "$tmp/log" || fail "the message does not say why the directory is refused"
[ "$(state)" = "$before" ] || fail "the foreign directory was changed"
[ ! -e "$tmp/out/results.json" ] || fail "results were written"

ln -s "$tmp/mine" "$tmp/link"
set +e
"$root/scripts/grade.sh" --work "$tmp/link" --out "$tmp/out" --exercise cosine_similarity >"$tmp/log" 2>&1
rc=$?
set -e
[ "$rc" -ne 0 ] && grep -q "symbolic link" "$tmp/log" || { cat "$tmp/log"; fail "a --work link was not refused"; }
[ "$(state)" = "$before" ] || fail "the foreign directory was changed through the link"
echo "PASS: --work refuses a directory it did not create, and leaves it as it was"
