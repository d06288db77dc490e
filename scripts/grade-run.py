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

Every test of a grading starts this runner, so it imports only what it needs
(no argparse, shutil or tempfile: each costs more to import than its use here)
and the checkers of one build share one probe of the sandbox (the plan file
beside this runner, see exercises/common/dlmath/grading/sandbox.cpp).
"""
import os
import signal
import subprocess
import sys
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


class Options:
    binary = None
    checker = None
    case = None
    timeout = 10.0


def usage_error(msg):
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    print(f"grade-run.py: error: {msg}", file=sys.stderr)
    sys.exit(2)


def parse_args(argv):
    """--binary, --checker, --case, --timeout (each `--opt VALUE` or `--opt=VALUE`)."""
    a = Options()
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("-h", "--help"):
            print(__doc__)
            sys.exit(0)
        key, eq, value = arg.partition("=")
        if key not in ("--binary", "--checker", "--case", "--timeout"):
            usage_error(f"unrecognized argument: {arg}")
        if not eq:
            if i + 1 >= len(argv):
                usage_error(f"{key} needs a value")
            i += 1
            value = argv[i]
        if key == "--timeout":
            try:
                value = float(value)
            except ValueError:
                usage_error(f"--timeout: not a number: {value!r}")
        setattr(a, key[2:], value)
        i += 1
    for key in ("binary", "case"):
        if getattr(a, key) is None:
            usage_error(f"the argument --{key} is required")
    return a


def private_directory():
    """A new directory of this user's only, under $TMPDIR (or /tmp)."""
    base = os.environ.get("TMPDIR") or "/tmp"
    while True:
        path = os.path.join(base, "dlmath-test-" + os.urandom(6).hex())
        try:
            os.mkdir(path, 0o700)
            return path
        except FileExistsError:
            continue


def copy_program(src, dst):
    """A private, executable copy of the program src."""
    with open(src, "rb") as fin:
        fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o700)
        with os.fdopen(fd, "wb") as fout:
            while True:
                chunk = fin.read(1 << 20)
                if not chunk:
                    break
                fout.write(chunk)


def remove_tree(top):
    """Removes the directory top and everything in it; links are removed, never followed."""
    for d, dirs, files in os.walk(top, topdown=False):
        for name in files + dirs:
            p = os.path.join(d, name)
            try:
                if name in dirs and not os.path.islink(p):
                    os.rmdir(p)
                else:
                    os.unlink(p)
            except OSError:
                pass
    try:
        os.rmdir(top)
    except OSError:
        pass


def main():
    a = parse_args(sys.argv[1:])
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
    work = private_directory()
    try:
        prog = os.path.join(work, "bin", os.path.basename(checker))
        os.makedirs(os.path.dirname(prog))
        copy_program(checker, prog)
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
        # the sandbox's plan, probed by the first checker of this build and
        # read by the others: in the build tree (the grader's alone), beside
        # this runner's copy
        env["DLMATH_STUDENT_PLAN_FILE"] = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sandbox-plan")
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
        remove_tree(work)


if __name__ == "__main__":
    main()
