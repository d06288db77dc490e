#!/usr/bin/env python3
"""Checks a grading's results.json (Gradescope's format) and junit.xml.

  check_results.py RESULTS [--junit JUNIT] [--score S] [--max-score M]
                   [--exercise NAME=SCORE[:REGEX]]... [--output REGEX]
                   [--max-bytes N] [--no-leak ROOT]

SCORE is a number, `max` for the exercise's full points or `part` for more
than 0 and less than the full points; REGEX must match
the exercise's output. Every score is also recomputed from the JUnit report
(ctest's own verdicts) when it is given. --output: a regex the top-level output
must match. --max-bytes: the largest results.json allowed. --no-leak: no line
of a hidden test under ROOT/exercises (one with a value in it) and nothing of
/etc/passwd appears anywhere in results.json. Exits 1 naming the first mismatch.
"""
import argparse
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET


def fail(msg):
    print(f"check_results: FAIL: {msg}")
    sys.exit(1)


def leaks(results, root):
    """Fails when a hidden test's line or /etc/passwd shows in the results."""
    text = json.dumps(results, ensure_ascii=False)
    text += "\n" + "\n".join(t["output"] for t in results["tests"]) + "\n" + results.get("output", "")
    secret = []
    for path in glob.glob(os.path.join(root, "exercises", "*", "*", "*_hidden_test.cpp")):
        public = ""
        for other in glob.glob(os.path.join(os.path.dirname(path), "*")):
            if other != path and os.path.isfile(other):
                with open(other, encoding="utf-8", errors="replace") as fh:
                    public += fh.read()
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                # a line with a value (an input or an expected result) that
                # the visible files do not share
                if len(line) >= 16 and re.search(r"[0-9]", line) and line not in public:
                    secret.append((path, line))
    if not secret:
        fail(f"no hidden test line under {root} to look for")
    for path, line in secret:
        if line in text:
            fail(f"results.json shows a line of the hidden test {os.path.basename(path)}: {line}")
    for marker in ("root:x:0:0", "/bin/bash\n", "nologin"):
        if marker in text:
            fail(f"results.json shows something of /etc/passwd ({marker!r})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("--junit")
    ap.add_argument("--score")
    ap.add_argument("--max-score")
    ap.add_argument("--exercise", action="append", default=[])
    ap.add_argument("--output")
    ap.add_argument("--max-bytes", type=int)
    ap.add_argument("--no-leak")
    a = ap.parse_args()
    if a.max_bytes is not None and os.path.getsize(a.results) > a.max_bytes:
        fail(f"{a.results} has {os.path.getsize(a.results)} bytes, more than {a.max_bytes}")
    try:
        with open(a.results, encoding="utf-8") as fh:
            r = json.load(fh)
    except (OSError, ValueError) as e:
        fail(f"{a.results} is not valid JSON: {e}")
    for key, kind in (("score", (int, float)), ("max_score", (int, float)),
                      ("execution_time", (int, float)), ("tests", list)):
        if not isinstance(r.get(key), kind):
            fail(f"results.json: '{key}' is missing or has the wrong type")
    by_name = {}
    for t in r["tests"]:
        for key in ("name", "score", "max_score", "output", "visibility"):
            if key not in t:
                fail(f"results.json: test {t.get('name')} has no '{key}'")
        if t["visibility"] not in ("visible", "hidden", "after_due_date", "after_published"):
            fail(f"results.json: test {t['name']} has visibility {t['visibility']}")
        if not 0 <= t["score"] <= t["max_score"]:
            fail(f"results.json: test {t['name']} scores {t['score']} of {t['max_score']}")
        by_name[t["name"].split(": ", 1)[-1]] = t
    if abs(sum(t["score"] for t in r["tests"]) - r["score"]) > 1e-6:
        fail("results.json: the score is not the sum of the tests' scores")
    if abs(sum(t["max_score"] for t in r["tests"]) - r["max_score"]) > 1e-6:
        fail("results.json: max_score is not the sum of the tests' max_score")
    if a.score is not None:
        want = r["max_score"] if a.score == "max" else float(a.score)
        if abs(r["score"] - want) > 1e-6:
            fail(f"score is {r['score']}, expected {want}")
    if a.max_score is not None and abs(r["max_score"] - float(a.max_score)) > 1e-6:
        fail(f"max_score is {r['max_score']}, expected {a.max_score}")
    for spec in a.exercise:
        name, _, rest = spec.partition("=")
        score, _, regex = rest.partition(":")
        if name not in by_name:
            fail(f"no exercise {name} in results.json (have {sorted(by_name)})")
        t = by_name[name]
        if score == "part":   # some tests pass, some fail
            if not 0 < t["score"] < t["max_score"]:
                fail(f"{name} scores {t['score']}, expected a part of {t['max_score']}; its output:\n{t['output']}")
            score = t["score"]
        want = t["max_score"] if score == "max" else float(score)
        if abs(t["score"] - want) > 1e-6:
            fail(f"{name} scores {t['score']}, expected {want}; its output:\n{t['output']}")
        if regex and not re.search(regex, t["output"]):
            fail(f"{name}: the output does not match /{regex}/:\n{t['output']}")
    if a.junit:
        try:
            root = ET.parse(a.junit).getroot()
        except (OSError, ET.ParseError) as e:
            fail(f"{a.junit}: {e}")
        passed, total = {}, {}
        for tc in root.iter("testcase"):
            ex = tc.get("name").split(".")[1]
            ok = tc.get("status") == "run" and not (tc.findall("failure") or tc.findall("skipped"))
            passed[ex] = passed.get(ex, 0) + ok
            total[ex] = total.get(ex, 0) + 1
        for name, t in by_name.items():
            if name not in total:
                fail(f"{name} has no test in the JUnit report")
            want = round(t["max_score"] * passed[name] / total[name], 2)
            if abs(t["score"] - want) > 1e-6:
                fail(f"{name} scores {t['score']} but ctest passed {passed[name]}/{total[name]} tests")
    if a.output is not None and not re.search(a.output, r.get("output", "")):
        fail(f"the top-level output does not match /{a.output}/:\n{r.get('output', '')}")
    if a.no_leak:
        leaks(r, a.no_leak)
    print(f"check_results: ok ({r['score']} / {r['max_score']})")


if __name__ == "__main__":
    main()
