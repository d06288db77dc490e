#!/usr/bin/env python3
"""The grader's helpers (used by scripts/grade.sh, scripts/release.sh and the
autograder bundle). Subcommands:

  sync SRC DST                  make DST a copy of the tree SRC (changed files only)
  submit BUILD SUBMISSION --notes FILE
                                put a submission's exercise sources into the copy; the
                                refused, ignored and duplicate files noted in FILE
  strip FILE...                 replace every solution region by a not_implemented stub
  report BUILD OUT [--exercise NAME] [--seconds S] [--notes FILE]
                                results.json (Gradescope) and the table, from ctest's JUnit
  list BUILD                    the declared exercises: name, program, manifest, ctest file, targets
  discover DECLARED             (build time) list the exercise's test cases from its
                                listing program; write its manifest and its ctest entries
"""
import argparse
import filecmp
import glob
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# Top-level entries of a source tree that are never copied for grading: build
# trees, version control, and a release's autograder bundle.
SKIP_TOP = re.compile(r"^(build|build-.*|\.git|autograder|autograder\.zip)$")
SKIP_ANY = {"__pycache__", ".cache"}


def die(msg, code=1):
    print(f"grade: error: {msg}", file=sys.stderr)
    sys.exit(code)


# ------------------------------------------------------------------- sync
def sync(src, dst):
    """Copies the tree src onto dst: new and changed files are written (with a
    fresh modification time, so the build sees them), unchanged ones are left
    alone (so the build stays incremental), and files not in src are removed."""
    src, dst = os.path.abspath(src), os.path.abspath(dst)
    os.makedirs(dst, exist_ok=True)
    wanted = set()
    for dirpath, dirnames, filenames in os.walk(src):
        rel = os.path.relpath(dirpath, src)
        keep = []
        for d in dirnames:
            if (rel == "." and SKIP_TOP.match(d)) or d in SKIP_ANY:
                continue
            keep.append(d)
        dirnames[:] = keep
        for name in list(filenames) + [d for d in keep if os.path.islink(os.path.join(dirpath, d))]:
            if rel == "." and SKIP_TOP.match(name):
                continue
            r = os.path.normpath(os.path.join(rel, name))
            wanted.add(r)
            s, d = os.path.join(src, r), os.path.join(dst, r)
            if os.path.islink(s):
                target = os.readlink(s)
                if not (os.path.islink(d) and os.readlink(d) == target):
                    remove(d)
                    os.makedirs(os.path.dirname(d), exist_ok=True)
                    os.symlink(target, d)
                continue
            if os.path.islink(d) or os.path.isdir(d):
                remove(d)
            if not (os.path.isfile(d) and filecmp.cmp(s, d, shallow=False)):
                os.makedirs(os.path.dirname(d), exist_ok=True)
                shutil.copyfile(s, d)
                shutil.copymode(s, d)
        for d in keep:
            wanted.add(os.path.normpath(os.path.join(rel, d)))
    # remove what the source tree does not have, except the entries that are
    # never copied (build trees, version control, a release's bundle): dst
    # keeps its own, e.g. a build directory inside the copy
    for dirpath, dirnames, filenames in os.walk(dst, topdown=True):
        rel = os.path.relpath(dirpath, dst)
        for name in list(filenames) + list(dirnames):
            p = os.path.join(dirpath, name)
            r = os.path.normpath(os.path.join(rel, name))
            if rel == "." and SKIP_TOP.match(name):
                if name in dirnames:
                    dirnames.remove(name)
                continue
            if r not in wanted:
                remove(p)
                if name in dirnames:
                    dirnames.remove(name)


def remove(p):
    if os.path.islink(p) or os.path.isfile(p):
        os.unlink(p)
    elif os.path.isdir(p):
        shutil.rmtree(p)


# ------------------------------------------------------------------ strip
BEGIN = re.compile(r"^([ \t]*)//[ \t]*BEGIN SOLUTION[ \t]*$")
END = re.compile(r"^[ \t]*//[ \t]*END SOLUTION[ \t]*$")
HEADER = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*\([^;{}]*\)\s*(?:const\s*)?(?:noexcept\s*)?(?:->\s*[^{;]+)?\{")
KEYWORDS = {"if", "for", "while", "switch", "catch", "return", "sizeof", "decltype"}


def enclosing_function(text_before, where):
    names = [m.group(1) for m in HEADER.finditer(text_before) if m.group(1) not in KEYWORDS]
    if not names:
        die(f"{where}: cannot tell which function this solution region belongs to")
    return names[-1]


def strip_text(text, where):
    """The text with every solution region replaced by a not_implemented stub."""
    lines = text.splitlines(keepends=True)
    out, i, regions = [], 0, 0
    while i < len(lines):
        m = BEGIN.match(lines[i].rstrip("\r\n"))
        if END.match(lines[i].rstrip("\r\n")):
            die(f"{where}:{i + 1}: END SOLUTION without BEGIN SOLUTION")
        if not m:
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not END.match(lines[j].rstrip("\r\n")):
            if BEGIN.match(lines[j].rstrip("\r\n")):
                die(f"{where}:{j + 1}: BEGIN SOLUTION inside another solution region")
            j += 1
        if j == len(lines):
            die(f"{where}:{i + 1}: BEGIN SOLUTION without END SOLUTION")
        name = enclosing_function("".join(out), f"{where}:{i + 1}")
        out.append(f'{m.group(1)}throw dlmath::not_implemented("{name}");\n')
        regions += 1
        i = j + 1
    return "".join(out), regions


def cmd_strip(files):
    total = 0
    for f in files:
        with open(f, encoding="utf-8") as fh:
            text = fh.read()
        new, n = strip_text(text, f)
        if n:
            if "dlmath/errors.hpp" not in new:
                die(f"{f}: a source with solution regions must #include <dlmath/errors.hpp> (its stub throws dlmath::not_implemented)")
            with open(f, "w", encoding="utf-8") as fh:
                fh.write(new)
        total += n
    print(f"release: replaced {total} solution region(s) in {len(files)} file(s)")


# ---------------------------------------------------------------- manifests
def load_json(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def write_json(path, data):
    """Writes data as JSON, atomically (a reader never sees half a file)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    os.replace(tmp, path)


def manifests(build, only=None):
    """The declared exercises (configure time), each with its tests from the
    build-time manifest; `tests` is None when the tests were never listed
    (they did not compile)."""
    found = []
    for p in sorted(glob.glob(os.path.join(build, "exercises", "declared", "*.json"))):
        m = load_json(p)
        m["tests"] = None
        if os.path.isfile(m["manifest"]):
            listed = load_json(m["manifest"])
            if listed.get("name") == m["name"]:
                m["tests"] = listed["tests"]
        found.append(m)
    if not found:
        die(f"no exercise declarations in {build}/exercises/declared (no exercise is declared?)")
    if only:
        names = only.split(",")
        missing = set(names) - {m["name"] for m in found}
        if missing:
            die(f"there is no exercise named {', '.join(sorted(missing))}", 2)
        found = [m for m in found if m["name"] in names]
    found.sort(key=lambda m: (m["chapter"], m["directory"], m["name"]))
    return found


# A test name as GoogleTest lists it: Suite.Test, with /N or Prefix/ for
# parameterised and typed tests. Nothing else may reach a ctest file.
CASE_PART = re.compile(r"^[A-Za-z0-9_]+(/[A-Za-z0-9_]+)*$")


def cmake_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace(";", "\\;") + '"'


def list_cases(m):
    """[(case, file)] as GoogleTest lists them from the listing program, which
    holds the tests without the student's code."""
    with tempfile.TemporaryDirectory(prefix="dlmath-list-") as tmp:
        out = os.path.join(tmp, "list.json")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GTEST_", "LD_BIND_NOW"))}
        try:
            p = subprocess.run([m["list_binary"], "--gtest_list_tests", f"--gtest_output=json:{out}"],
                               cwd=tmp, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                               text=True, errors="replace", timeout=60)
        except (OSError, subprocess.TimeoutExpired) as e:
            die(f"{m['name']}: listing the tests with {m['list_binary']} failed: {e}")
        if p.returncode != 0 or not os.path.isfile(out):
            die(f"{m['name']}: listing the tests failed (exit {p.returncode}):\n{p.stdout[-2000:]}{p.stderr[-2000:]}")
        listing = load_json(out)
    cases = []
    for suite in listing.get("testsuites", []):
        for t in suite.get("testsuite", []):
            cases.append((f"{suite['name']}.{t['name']}", t.get("file", "")))
    return cases


def cmd_discover(declared):
    m = load_json(declared)
    for f in (m["manifest"], m["ctest_file"]):   # never leave an old listing behind
        if os.path.exists(f):
            os.unlink(f)
    by_file = {os.path.normpath(t["path"]): t for t in m["test_files"]}
    tests, seen, per_file = [], set(), {p: 0 for p in by_file}
    for case, file in list_cases(m):
        suite, name = case.split(".", 1)
        if not (CASE_PART.match(suite) and CASE_PART.match(name)):
            die(f"{m['name']}: the test name {case!r} is not Suite.Test")
        # GoogleTest names the file as it was compiled: relative to the tree
        # (the prefix map), to the build directory (a compiler cache's base
        # directory), or absolute. Each ends in the declared path.
        listed = os.path.normpath(file)
        rel = next((p for p in by_file if listed == p or listed.endswith(os.sep + p)), None)
        if rel is None:
            die(f"{m['name']}: the test {case} is defined in {file}, which is not one of the "
                f"exercise's TESTS or HIDDEN_TESTS files ({', '.join(sorted(by_file))})")
        if case in seen:
            die(f"{m['name']}: the test {case} is defined twice")
        seen.add(case)
        per_file[rel] += 1
        tests.append({"ctest": f"exercise.{m['name']}.{case}", "case": case,
                      "hidden": by_file[rel]["hidden"], "file": rel})
    empty = [p for p, n in per_file.items() if n == 0]
    if empty:
        die(f"{m['name']}: {', '.join(empty)} has no TEST, TEST_F or RC_GTEST_PROP")

    lines = [f"# The tests of exercise {m['name']}, listed from {os.path.basename(m['list_binary'])}."]
    for t in tests:
        name = cmake_quote(t["ctest"])
        # the runner starts once per test: isolated (-I: no PYTHON* variable,
        # no user site) and without the site module (-S), which it does not need
        lines.append(" ".join(["add_test(", name] + [cmake_quote(x) for x in (
            m["python"], "-I", "-S", m["runner"], "--binary", m["binary"], "--case", t["case"],
            "--timeout", str(m["timeout"]))] + [")"]))
        lines.append(f"set_tests_properties({name} PROPERTIES LABELS \"exercise;chapter{m['chapter']}\" "
                     f"TIMEOUT {m['timeout'] + 20} WORKING_DIRECTORY {cmake_quote(m['work_dir'])})")
    os.makedirs(os.path.dirname(m["ctest_file"]), exist_ok=True)
    tmp = m["ctest_file"] + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    manifest = dict(m, tests=tests)
    write_json(m["manifest"], manifest)
    os.replace(tmp, m["ctest_file"])
    hidden = sum(t["hidden"] for t in tests)
    print(f"{m['name']}: {len(tests)} tests ({len(tests) - hidden} visible, {hidden} hidden)")


# What a submission may hold: regular files only, each at most this large,
# at most this many entries (files and folders), this deep.
MAX_FILE_BYTES = 256 * 1024
MAX_ENTRIES = 500
MAX_DEPTH = 8
GOOD_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.+-]{0,99}$")


def shown_name(rel):
    """A submitted path as the feedback shows it: printable, short."""
    s = "".join(c if c.isprintable() and c not in "\\" else f"\\x{ord(c):02x}" for c in rel)
    return s if len(s) <= 80 else s[:77] + "..."


def kind_of(st):
    if stat.S_ISLNK(st.st_mode):
        return "a symbolic link"
    if stat.S_ISFIFO(st.st_mode):
        return "a FIFO"
    if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
        return "a device"
    if stat.S_ISSOCK(st.st_mode):
        return "a socket"
    return "not a regular file"


def read_regular(path, st):
    """The bytes of the regular file PATH (lstat'ed as ST), or (None, why).
    Never follows a link and never blocks on a FIFO: the file is opened
    without following links and without blocking, and must still be the file
    that was looked at."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        return None, f"could not be opened ({e.strerror})"
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
            return None, "changed while it was read"
        chunks, size = [], 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, min(65536, MAX_FILE_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_FILE_BYTES:
            return None, f"is larger than {MAX_FILE_BYTES // 1024} KiB"
        return b"".join(chunks), None
    finally:
        os.close(fd)


def intake(submission, source_names):
    """Reads the submission without trusting it: {name: [(rel, bytes)]} of the
    regular files whose names are exercise sources, and the notes on every
    entry that was refused or ignored ([(name or None, note)]; name is the
    exercise source the note concerns)."""
    found, notes, count = {}, [], 0

    def walk(d, rel, depth):
        nonlocal count
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as e:
            notes.append((None, f"{shown_name(rel or '.')}: could not be listed ({e.strerror}); skipped"))
            return
        for e in entries:
            r = os.path.join(rel, e.name) if rel else e.name
            count += 1
            if count > MAX_ENTRIES:
                if count == MAX_ENTRIES + 1:
                    notes.append((None, f"the submission has more than {MAX_ENTRIES} files and folders; "
                                        "the rest was not read"))
                return
            try:
                st = os.lstat(e.path)
            except OSError as err:
                notes.append((None, f"{shown_name(r)}: could not be read ({err.strerror}); skipped"))
                continue
            source = e.name if e.name in source_names else None
            if stat.S_ISDIR(st.st_mode):
                if source:
                    notes.append((source, f"{shown_name(r)} is a folder, not a file; refused"))
                elif e.name.startswith(".") or e.name in SKIP_ANY or e.name == "__MACOSX":
                    notes.append((None, f"{shown_name(r)}/: a hidden or system folder; ignored"))
                elif depth >= MAX_DEPTH:
                    notes.append((None, f"{shown_name(r)}/: more than {MAX_DEPTH} folders deep; ignored"))
                else:
                    walk(e.path, r, depth + 1)
                continue
            if not stat.S_ISREG(st.st_mode):
                notes.append((source, f"{shown_name(r)} is {kind_of(st)}, not a regular file; refused"))
                continue
            if not GOOD_NAME.match(e.name):
                notes.append((None, f"{shown_name(r)}: an odd file name (letters, digits, '_', '-', '.' "
                                    "expected); ignored"))
                continue
            if not source:
                notes.append((None, f"{shown_name(r)}: not the name of an exercise source; ignored"))
                continue
            if st.st_size > MAX_FILE_BYTES:
                notes.append((source, f"{shown_name(r)} is larger than {MAX_FILE_BYTES // 1024} KiB; refused"))
                continue
            data, why = read_regular(e.path, st)
            if data is None:
                notes.append((source, f"{shown_name(r)} {why}; refused"))
                continue
            found.setdefault(e.name, []).append((r, data))

    walk(submission, "", 0)
    return found, notes


def cmd_submit(build, submission, notes_path):
    """Puts the submission's files whose names are exercise sources in place.
    A source that the submission lacks (or that was refused) is replaced by
    its stub, so that it scores nothing rather than the tree's own version.
    The notes on refused, ignored and duplicate files go to NOTES_PATH (JSON),
    for results.json."""
    st = os.lstat(submission) if os.path.lexists(submission) else None
    if st is None or not stat.S_ISDIR(st.st_mode):
        die(f"the submission {submission} is not a directory")
    ms = manifests(build)
    owner = {os.path.basename(src): m["name"] for m in ms for src in m["sources"]}
    found, notes = intake(submission, set(owner))
    for m in ms:
        for src in m["sources"]:
            name = os.path.basename(src)
            candidates = sorted(found.get(name, []), key=lambda c: (c[0].count(os.sep), c[0]))
            if len(candidates) > 1:
                same = all(c[1] == candidates[0][1] for c in candidates)
                notes.append((name, f"{len(candidates)} files named {name} in the submission "
                                    f"({', '.join(shown_name(c[0]) for c in candidates[:5])}); "
                                    f"{'they are identical; ' if same else ''}graded: {shown_name(candidates[0][0])}"))
            if candidates:
                if os.path.exists(src):
                    os.unlink(src)
                with open(src, "wb") as fh:
                    fh.write(candidates[0][1])
                print(f"grade: {m['name']}: using the submitted {shown_name(candidates[0][0])}")
            else:
                with open(src, encoding="utf-8") as fh:
                    text = fh.read()
                stub, _ = strip_text(text, src)
                os.unlink(src)
                with open(src, "w", encoding="utf-8") as fh:
                    fh.write(stub)
                if not any(n == name for n, _ in notes):
                    notes.append((name, f"{name} is not in the submission (graded as not done)"))
                print(f"grade: {m['name']}: {name} is not in the submission or was refused (graded as not done)")
    for name, note in notes:
        print(f"grade: submission: {note}")
    write_json(notes_path, {"notes": [{"exercise": owner.get(n) if n else None, "note": t} for n, t in notes]})


# ----------------------------------------------------------------- report
# Bounds on what results.json repeats of student-controlled content.
MAX_COMPILER_OUTPUT = 3000    # characters of one exercise's compiler messages
MAX_TEST_OUTPUT = 1500        # characters of one failing visible test's output
MAX_EXERCISE_OUTPUT = 20000   # characters of one exercise's output
MAX_NOTES = 40                # notes on submitted files shown


def compile_errors(log_path, m, src_root):
    """The build log's failed steps that belong to exercise m."""
    try:
        with open(log_path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return ""
    n = m["name"]
    keys = (f"exercise_{n}.dir", f"exercise_{n}_test.dir", f"exercise_{n}_checks.dir",
            f"exercise_{n}_list.dir", f"/exercise_{n}_test", f"/exercise_{n}_list", f"exercise_{n}_discover")
    blocks, cur, skip_command = [], None, False
    for line in lines:
        if line.startswith("FAILED: "):
            cur = [line] if any(k in line for k in keys) else None
            if cur is not None and "_hidden_test." in line:
                # the hidden tests did not compile against the submitted
                # code: their messages would quote them
                blocks.append([line, "(the hidden tests do not compile with the submitted code; "
                                     "their messages are not shown)"])
                cur = None
            elif cur is not None:
                blocks.append(cur)
            skip_command = True
            continue
        if re.match(r"^\[\d+/\d+\]", line) or line.startswith("ninja: "):
            cur = None
            continue
        if cur is not None:
            if skip_command:      # the compiler's command line
                skip_command = False
                continue
            cur.append(line)
    text = "\n".join("\n".join(b[1:]) for b in blocks)
    if src_root:   # name the sources as the student knows them
        for prefix in (src_root.rstrip("/"), os.path.relpath(src_root, os.path.abspath(m["binary"] + "/../../.."))):
            text = re.sub(r"(?m)^((?:In file included from |\s+from )?)" + re.escape(prefix + "/exercises/"),
                          r"\1exercises/", text)
    if len(text) > MAX_COMPILER_OUTPUT:
        text = text[:MAX_COMPILER_OUTPUT] + "\n[... more compiler output left out ...]"
    return text


def junit_verdicts(path):
    """{ctest name: (passed, output)} from ctest's own JUnit report."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        die(f"ctest wrote no readable JUnit report ({path}: {e})")
    verdicts = {}
    for tc in root.iter("testcase"):
        out = tc.find("system-out")
        text = out.text if out is not None and out.text else ""
        bad = tc.findall("failure") + tc.findall("error") + tc.findall("skipped")
        passed = tc.get("status") == "run" and not bad
        verdicts[tc.get("name")] = (passed, text)
    return verdicts


def reason_of(output, passed):
    if passed:
        return "passed"
    for line in reversed(output.splitlines()):
        if line.startswith("dlmath-grade: FAIL: "):
            return line[len("dlmath-grade: FAIL: "):]
    return "failed (ctest reported a failure, e.g. its timeout)"


def fmt(x):
    return f"{x:.2f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))


def submission_notes(notes):
    """The notes on the submission that concern no exercise, for the top-level output."""
    general = [n["note"] for n in notes if not n.get("exercise")]
    if not general:
        return ""
    more = f"\n  [... {len(general) - MAX_NOTES} more ...]" if len(general) > MAX_NOTES else ""
    return "\nSubmitted files not graded:\n" + "\n".join(f"  {n}" for n in general[:MAX_NOTES]) + more


def cmd_report(build, out_dir, only, seconds, src_root, build_log, notes_path=""):
    ms = manifests(build, only)
    notes = load_json(notes_path)["notes"] if notes_path and os.path.isfile(notes_path) else []
    verdicts = junit_verdicts(os.path.join(out_dir, "junit.xml"))
    tests, rows = [], []
    for m in ms:
        binary_built = os.path.isfile(m["binary"]) and m["tests"] is not None
        lines, passed = [], 0
        if m["tests"] is None:
            lines.append("FAIL  the tests of this exercise were not built, so they could not be listed")
        for t in m["tests"] or []:
            ok, output = verdicts.get(t["ctest"], (False, ""))
            if t["ctest"] not in verdicts:
                reason = "not run (ctest did not report this test)"
            elif not binary_built:
                ok, reason = False, "the exercise did not compile"
            else:
                reason = reason_of(output, ok)
            passed += ok
            label = f"hidden test {t['case']}" if t["hidden"] else t["case"]
            lines.append(f"{'PASS' if ok else 'FAIL'}  {label}" + ("" if ok else f": {reason}"))
            if not ok and not t["hidden"] and binary_built and output:
                body = "\n".join(l for l in output.splitlines() if not l.startswith("dlmath-grade: "))
                if len(body) > MAX_TEST_OUTPUT:
                    body = f"[... {len(body) - MAX_TEST_OUTPUT} characters of output left out ...]\n" + \
                           body[-MAX_TEST_OUTPUT:]
                lines.append("      " + body.replace("\n", "\n      "))
        total = len(m["tests"]) if m["tests"] is not None else 1
        score = round(m["points"] * passed / total, 2) if total else 0.0
        head = f"{passed}/{total} tests passed: {fmt(score)} of {fmt(m['points'])} points."
        if not binary_built:
            errors = compile_errors(build_log, m, src_root)
            head = "The exercise did not compile, so none of its tests could run: 0 points.\n" + \
                   (f"Compiler errors:\n{errors}\n" if errors else "")
        mine = [n["note"] for n in notes if n.get("exercise") == m["name"]]
        if mine:
            head += "\nSubmitted files:\n" + "\n".join(f"  {n}" for n in mine[:MAX_NOTES]) + \
                (f"\n  [... {len(mine) - MAX_NOTES} more ...]" if len(mine) > MAX_NOTES else "") + "\n"
        text = head + "\n" + "\n".join(lines)
        if len(text) > MAX_EXERCISE_OUTPUT:
            text = text[:MAX_EXERCISE_OUTPUT] + "\n[... the rest of this output is left out ...]"
        tests.append({
            "name": f"Chapter {m['chapter']}: {m['name']}",
            "score": score,
            "max_score": m["points"],
            "output": text,
            "visibility": "visible",
        })
        rows.append((m["chapter"], m["name"], passed, total, score, m["points"]))
    score = round(sum(r[4] for r in rows), 2)
    max_score = sum(r[5] for r in rows)
    results = {
        "score": score,
        "max_score": max_score,
        "execution_time": round(seconds, 1),
        "output": f"{fmt(score)} of {fmt(max_score)} points ({len(rows)} exercise(s)); "
                  "the verdicts are ctest's (a crash, a timeout, an early exit or a compile error fails a test)." +
                  submission_notes(notes),
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": tests,
    }
    tmp = os.path.join(out_dir, "results.json.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(results, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    os.replace(tmp, os.path.join(out_dir, "results.json"))

    # the table
    w = max([len(r[1]) for r in rows] + [len(f"chapter {r[0]} total") for r in rows] + [8])
    print(f"\n{'chapter':<8} {'exercise':<{w}} {'tests':>7} {'score':>15}")
    print("-" * (8 + w + 26))
    for ch in sorted({r[0] for r in rows}):
        mine = [r for r in rows if r[0] == ch]
        for r in mine:
            print(f"{r[0]:<8} {r[1]:<{w}} {f'{r[2]}/{r[3]}':>7} {f'{fmt(r[4])} / {fmt(r[5])}':>15}")
        cs, cm = sum(r[4] for r in mine), sum(r[5] for r in mine)
        cp, ct = sum(r[2] for r in mine), sum(r[3] for r in mine)
        print(f"{'':<8} {f'chapter {ch} total':<{w}} {f'{cp}/{ct}':>7} {f'{fmt(round(cs, 2))} / {fmt(cm)}':>15}")
    print("-" * (8 + w + 26))
    tp, tt = sum(r[2] for r in rows), sum(r[3] for r in rows)
    print(f"{'total':<8} {'':<{w}} {f'{tp}/{tt}':>7} {f'{fmt(score)} / {fmt(max_score)}':>15}\n")
    print(f"score: {fmt(score)} / {fmt(max_score)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("sync"); p.add_argument("src"); p.add_argument("dst")
    p = sub.add_parser("submit"); p.add_argument("build"); p.add_argument("submission")
    p.add_argument("--notes", required=True)
    p = sub.add_parser("strip"); p.add_argument("files", nargs="+")
    p = sub.add_parser("report"); p.add_argument("build"); p.add_argument("out")
    p.add_argument("--exercise"); p.add_argument("--seconds", type=float, default=0.0)
    p.add_argument("--src-root", default=""); p.add_argument("--build-log", default="")
    p.add_argument("--notes", default="")
    p = sub.add_parser("list"); p.add_argument("build")
    p = sub.add_parser("discover"); p.add_argument("declared")
    a = ap.parse_args()
    if a.cmd == "sync":
        sync(a.src, a.dst)
    elif a.cmd == "submit":
        cmd_submit(a.build, a.submission, a.notes)
    elif a.cmd == "strip":
        cmd_strip(a.files)
    elif a.cmd == "report":
        cmd_report(a.build, a.out, a.exercise, a.seconds, a.src_root, a.build_log, a.notes)
    elif a.cmd == "list":
        for m in manifests(a.build):
            print(m["name"], m["binary"], m["manifest"], m["ctest_file"], *m["targets"])
    elif a.cmd == "discover":
        cmd_discover(a.declared)


if __name__ == "__main__":
    main()
