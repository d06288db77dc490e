#!/usr/bin/env python3
"""Runs one test case of an exercise for ctest, and passes it only when the
exercise's checker says so in a way the student's code cannot fake.

  grade-run.py --binary STUDENT_PROGRAM --case Suite.Test [--timeout SECONDS]
               [--checker CHECKER]

STUDENT_PROGRAM is the exercise's exercise_<name>_student (the student's
code); the checker, exercise_<name>_test (the tests, no student code), lies
beside it unless --checker names it. The checker runs every call of the
student's functions in a separate, sandboxed student process
(exercises/common/dlmath/grading/), so no student code runs in the process
that writes the report read here, or with access to it.

The verdict (exit status 0 = pass) comes from, in order:
  1. the student's program exists (else the exercise did not compile);
  2. a private copy of the checker runs in a fresh empty directory;
  3. it ends within the timeout (else its whole process group is killed;
     each call into the student's code has the same limit, enforced by the
     checker, which leaves the checker a moment to report it);
  4. it was not killed by a signal (a crash);
  5. GoogleTest's premature-exit file is gone: GoogleTest creates it before
     the first test and removes it only when RUN_ALL_TESTS returns, so an
     exit(0) or _Exit(0) inside a test leaves it behind;
  6. GoogleTest's XML report, written only after every test ran, exists and
     lists exactly this test, run to completion with no failure;
  7. the exit status is 0.
What the program prints is shown (its tail) but never read for the verdict.
The last line is the verdict: `dlmath-grade: PASS` or `dlmath-grade: FAIL: <reason>`.
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MAX_OUTPUT = 4000


def verdict(passed, reason=""):
    sys.stdout.flush()
    if passed:
        print("dlmath-grade: PASS")
        sys.exit(0)
    print(f"dlmath-grade: FAIL: {reason}")
    sys.exit(1)


def tail(path):
    with open(path, "rb") as f:
        f.seek(0, os.SEEK_END)
        size = f.tell()
        f.seek(max(0, size - MAX_OUTPUT))
        text = f.read().decode("utf-8", "replace")
    if size > MAX_OUTPUT:
        text = f"[... {size - MAX_OUTPUT} bytes of output left out ...]\n" + text
    return text


def check_report(report, case):
    """None when the report says `case` passed, else the reason it did not."""
    if not os.path.isfile(report):
        return "the test program ended without writing its report (it exited before its tests finished)"
    try:
        root = ET.parse(report).getroot()
    except ET.ParseError as e:
        return f"the test report is not valid XML ({e})"
    suite, name = case.split(".", 1)
    found = [tc for tc in root.iter("testcase")
             if tc.get("classname") == suite and tc.get("name") == name]
    total = sum(1 for _ in root.iter("testcase"))
    if len(found) != 1 or total != 1:
        return f"the test program did not run exactly the test {case} (found {len(found)} of {total})"
    tc = found[0]
    if tc.get("status", "run") != "run" or tc.get("result", "completed") != "completed":
        return f"the test {case} did not run to completion (status {tc.get('status')}, result {tc.get('result')})"
    failures = tc.findall("failure") + tc.findall("error")
    if failures:
        msg = " ".join(l.strip() for l in (failures[0].get("message") or "").splitlines()
                       if l.strip() and l.strip() != "unknown file")
        # long enough for a property's shrunk counterexample
        return "the test failed" + (f": {msg[:800]}" if msg else "")
    if tc.findall("skipped"):
        return "the test was skipped"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", required=True, help="the student's program exercise_<name>_student")
    ap.add_argument("--checker", help="the checker (default: exercise_<name>_test beside the student's program)")
    ap.add_argument("--case", required=True)
    ap.add_argument("--timeout", type=float, default=10.0)
    a = ap.parse_args()
    # The grader's own tests of a submission that never returns shorten the
    # wait (every test of it times out); graded courses never set this.
    cap = os.environ.get("DLMATH_GRADE_TIMEOUT_CAP")
    if cap:
        a.timeout = min(a.timeout, float(cap))

    if not os.path.isfile(a.binary):
        verdict(False, "the exercise did not compile (its program was not built; see the build errors)")
    checker = a.checker
    if not checker:
        base = os.path.basename(a.binary)
        if not base.endswith("_student"):
            verdict(False, f"{base} is not an exercise's student program (exercise_<name>_student)")
        checker = os.path.join(os.path.dirname(a.binary), base[:-len("_student")] + "_test")
    if not os.path.isfile(checker):
        verdict(False, "the exercise's tests were not built (see the build errors)")
    work = tempfile.mkdtemp(prefix="dlmath-test-")
    try:
        prog = os.path.join(work, "bin", os.path.basename(checker))
        os.makedirs(os.path.dirname(prog))
        shutil.copy2(checker, prog)
        run_dir = os.path.join(work, "run")
        os.makedirs(run_dir)
        secret = os.path.join(work, "private")
        os.makedirs(secret)
        report = os.path.join(secret, "report.xml")
        premature = os.path.join(secret, "premature-exit")
        out_path = os.path.join(secret, "output.txt")
        # Nothing in the environment points at the trees: no working directory
        # of the caller, no variable of the course or of GoogleTest.
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("GTEST_", "TEST_", "XML_OUTPUT", "DLMATH_", "CTEST", "OLDPWD"))}
        env["PWD"] = run_dir
        env["TEST_PREMATURE_EXIT_FILE"] = premature
        # the checker's side of the calls: where the student's program is, how
        # long one call may take, and (for tests of the fallbacks) a forced sandbox
        env["DLMATH_STUDENT_PROGRAM"] = os.path.abspath(a.binary)
        env["DLMATH_STUDENT_TIMEOUT"] = f"{a.timeout:g}"
        if os.environ.get("DLMATH_STUDENT_SANDBOX"):
            env["DLMATH_STUDENT_SANDBOX"] = os.environ["DLMATH_STUDENT_SANDBOX"]
        cmd = [prog, f"--gtest_filter={a.case}", f"--gtest_output=xml:{report}",
               "--gtest_brief=0", "--gtest_color=no", "--gtest_catch_exceptions=1"]
        with open(out_path, "wb") as out:
            p = subprocess.Popen(cmd, cwd=run_dir, env=env, stdin=subprocess.DEVNULL,
                                 stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
            timed_out = False
            try:
                # a call that hangs is reported by the checker at the timeout: a
                # moment more lets it say so
                rc = p.wait(timeout=a.timeout + 2)
            except subprocess.TimeoutExpired:
                timed_out = True
            try:   # the whole group: nothing the test started survives it
                os.killpg(p.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            if timed_out:
                rc = p.wait()
        sys.stdout.write(tail(out_path))
        sys.stdout.write("\n")
        if timed_out:
            verdict(False, f"timed out after {a.timeout:g} s (an endless loop?)")
        if rc < 0:
            try:
                name = signal.Signals(-rc).name
            except ValueError:
                name = f"signal {-rc}"
            verdict(False, f"the test program crashed ({name})")
        if os.path.exists(premature):
            verdict(False, f"the test program exited early with status {rc}, inside a test (exit() or _Exit() called?)")
        reason = check_report(report, a.case)
        if reason:
            verdict(False, reason)
        if rc != 0:
            verdict(False, f"the test program exited with status {rc}")
        verdict(True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
