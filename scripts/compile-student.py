#!/usr/bin/env python3
"""Compiles one of a student's exercise sources (the compiler launcher that
./course grade gives the exercise's object library exercise_<name>):

  compile-student.py COMPILER ARG...

The compile is bounded and isolated:
  - CPU time (DLMATH_STUDENT_COMPILE_CPU, default 60 s) and wall time (three
    times that), memory and the size of the files it writes are limited; a
    compile past a limit fails this source only, with the reason;
  - with bubblewrap (bwrap) the compiler runs in a sandbox that sees only
    /usr, the library's public headers (core/include), the exercise's own
    headers and sources (never its tests), the compiler cache and a writable
    object directory: no network, its own process and IPC namespaces, a
    private /tmp. Hidden tests, other exercises and the rest of the tree are
    not there, so no `#include` can reach them;
  - without bubblewrap the source is first preprocessed with its output thrown
    away, and the compile is refused when it includes any file outside those
    same places (DLMATH_COMPILE_SANDBOX=0 forces this path, for its test);
  - the compiler's messages are kept only for diagnostics about those files,
    and truncated, before they reach the build log (and results.json).
Runs ccache inside the sandbox when it is installed.
"""
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
CPU_LIMIT = int(os.environ.get("DLMATH_STUDENT_COMPILE_CPU", "60"))
MEMORY_LIMIT = 4 << 30          # address space of the compiler
FILE_LIMIT = 256 << 20          # the largest file it may write (an object file)
MAX_MESSAGES = 12000            # characters of diagnostics passed on
MAX_CAPTURE = 1 << 20           # characters of compiler output read at all
SOURCE_EXT = (".cpp", ".cc", ".cxx", ".c++", ".C")
HEADER_EXT = (".hpp", ".h", ".hh", ".hxx", ".ipp", ".inl", ".tpp")


def fail(msg):
    print(f"compile-student: error: {msg}", file=sys.stderr)
    sys.exit(1)


def parse(args):
    """(source, object, depfile) of the compiler's command line."""
    source = obj = dep = None
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("-o", "-MF") and i + 1 < len(args):
            if a == "-o":
                obj = args[i + 1]
            else:
                dep = args[i + 1]
            i += 2
            continue
        if a in ("-MT", "-MQ", "-I", "-isystem", "-include", "-x") and i + 1 < len(args):
            i += 2
            continue
        if not a.startswith("-") and a.endswith(SOURCE_EXT):
            source = a
        i += 1
    if not source or not obj:
        fail(f"cannot find the source and the object file in: {' '.join(args)}")
    return os.path.abspath(source), os.path.abspath(obj), os.path.abspath(dep) if dep else None


def student_files(source):
    """The exercise's headers and sources beside SOURCE, never its tests."""
    d = os.path.dirname(source)
    exercises = os.path.join(ROOT, "exercises") + os.sep
    if not os.path.realpath(d).startswith(exercises):
        fail(f"{source} is not an exercise source under {exercises}")
    files = []
    for name in sorted(os.listdir(d)):
        p = os.path.join(d, name)
        if name.endswith("_test.cpp") or os.path.islink(p) or not os.path.isfile(p):
            continue
        if name.endswith(SOURCE_EXT + HEADER_EXT):
            files.append(p)
    return files


def allowed(path, files, library):
    """Whether the compiler may read PATH (and its messages about it may be shown)."""
    p = os.path.realpath(path)
    return (p.startswith("/usr/") or p in files or p.startswith(library + os.sep))


def limits():
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT + 5))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_LIMIT, FILE_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.setsid()


def run(cmd, env):
    """(returncode, output, reason): the command's merged output, bounded;
    reason names a limit it ran past."""
    with tempfile.TemporaryFile() as out:
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                             env=env, preexec_fn=limits)
        reason = None
        try:
            p.wait(timeout=3 * CPU_LIMIT)
        except subprocess.TimeoutExpired:
            reason = f"compiling took longer than {3 * CPU_LIMIT} s (the limit)"
        try:
            os.killpg(p.pid, signal.SIGKILL)   # whatever is left of its session
        except ProcessLookupError:
            pass
        p.wait()
        if p.returncode in (-signal.SIGXCPU, -signal.SIGKILL, 128 + signal.SIGXCPU) and reason is None:
            reason = f"compiling used more than {CPU_LIMIT} s of CPU time (the limit)"
        out.seek(0)
        text = out.read(MAX_CAPTURE).decode("utf-8", errors="replace")
    # a compiler killed by its CPU limit reports an internal error
    if reason is None and re.search(r"internal compiler error: (CPU time limit exceeded|Killed)", text):
        reason = f"compiling used more than {CPU_LIMIT} s of CPU time (the limit)"
    if reason is None and re.search(r"(virtual memory exhausted|out of memory allocating)", text):
        reason = f"compiling used more than {MEMORY_LIMIT >> 30} GiB of memory (the limit)"
    return p.returncode, text, reason


INCLUDED = re.compile(r"^(?:In file included from|\s+from) ([^:]+):\d+[:,]")
LOCATED = re.compile(r"^([^\s:]*[/.][^:]*):(?:\d+:|\s)")


def filtered(text, files, library):
    """The diagnostics about files the student may see; the others are counted."""
    kept, left_out, show = [], 0, True
    for line in text.splitlines():
        m = INCLUDED.match(line) or LOCATED.match(line)
        if m:       # a diagnostic, or an include chain, about this file
            show = allowed(m.group(1), files, library)
            left_out += not show
        elif not line.startswith((" ", "\t")):
            show = True      # a line of its own: "compilation terminated."
        # else: the source lines a diagnostic quotes go with it
        if show:
            kept.append(line)
    out = "\n".join(kept)
    if len(out) > MAX_MESSAGES:
        out = out[:MAX_MESSAGES] + "\n[... the compiler's messages are truncated here ...]"
    if left_out:
        out += f"\n[{left_out} line(s) about other files left out]"
    return out


def system():
    """bwrap's arguments that show /usr, read-only, and the top-level links into it."""
    args = ["--ro-bind", "/usr", "/usr"]
    for top in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        p = "/" + top
        if os.path.islink(p):
            args += ["--symlink", os.readlink(p), p]
        elif os.path.isdir(p):
            args += ["--ro-bind", p, p]
    return args


def bwrap_works(bwrap):
    try:
        return subprocess.run([bwrap] + system() + ["--unshare-all", "--", "/usr/bin/true"],
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def sandbox(bwrap, files, library, writable, ccache_dir):
    cmd = [bwrap, "--unshare-all", "--die-with-parent", "--new-session"] + system() + [
           "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    if os.path.isdir(library):
        cmd += ["--ro-bind", library, library]
    for f in files:
        cmd += ["--ro-bind", f, f]
    for d in writable:
        cmd += ["--bind", d, d]
    if ccache_dir:
        cmd += ["--bind", ccache_dir, ccache_dir]
    cwd = os.getcwd()
    return cmd + ["--chdir", cwd if cwd_shown(writable) else writable[0], "--"]


def cwd_shown(writable):
    """Whether the sandbox shows the build directory (as the parent of the
    object's directory), so that relative paths keep working."""
    return all(d.startswith(os.getcwd() + os.sep) for d in writable)


def main():
    if len(sys.argv) < 3:
        fail("usage: compile-student.py COMPILER ARG...")
    compiler, args = sys.argv[1], sys.argv[2:]
    source, obj, dep = parse(args)
    files = [os.path.realpath(f) for f in student_files(source)]
    library = os.path.realpath(os.path.join(ROOT, "core", "include"))
    compiler = shutil.which(compiler) or compiler
    compiler = os.path.realpath(compiler)
    # __DATE__ and __TIME__ fixed: the preprocessing that checks the includes
    # and the compile see the same source, whenever each runs
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TMPDIR": "/tmp", "HOME": "/tmp",
           "SOURCE_DATE_EPOCH": "0"}
    ccache = shutil.which("ccache")
    ccache_dir = None
    if ccache and os.environ.get("DLMATH_STUDENT_CCACHE", "1") != "0":
        ccache = os.path.realpath(ccache)
        ccache_dir = subprocess.run([ccache, "-k", "cache_dir"], capture_output=True, text=True).stdout.strip()
        if ccache_dir:
            os.makedirs(ccache_dir, exist_ok=True)
            env.update({k: v for k, v in os.environ.items() if k in (
                "CCACHE_BASEDIR", "CCACHE_NOHASHDIR", "CCACHE_SLOPPINESS", "CCACHE_MAXSIZE")})
            env["CCACHE_DIR"] = ccache_dir
            env["CCACHE_TEMPDIR"] = "/tmp"
        else:
            ccache = None
    else:
        ccache = None
    # The sandbox shows of the build directory only the object's directory;
    # the paths of the command line stay relative to the build directory.
    writable = sorted({os.path.dirname(obj)} | ({os.path.dirname(dep)} if dep else set()))
    for d in writable:
        os.makedirs(d, exist_ok=True)
    if not cwd_shown(writable):
        args = [os.path.abspath(a) if i > 0 and args[i - 1] in ("-o", "-MF") else a for i, a in enumerate(args)]
    argv = ([ccache] if ccache else []) + [compiler] + args

    bwrap = shutil.which("bwrap")
    if bwrap and os.environ.get("DLMATH_COMPILE_SANDBOX", "1") != "0" and bwrap_works(bwrap):
        cmd = sandbox(bwrap, files, library, writable, ccache_dir) + argv
    else:
        # No sandbox: refuse a source that includes a file outside the
        # exercise's headers and the library, from a preprocessing run whose
        # output is never shown.
        with tempfile.TemporaryDirectory(prefix="dlmath-deps-") as tmp:
            depfile = os.path.join(tmp, "deps.d")
            pre = [compiler] + [a for i, a in enumerate(args) if a not in ("-c", "-MD", "-MMD", "-o", "-MF", "-MT", "-MQ")
                                and (i == 0 or args[i - 1] not in ("-o", "-MF", "-MT", "-MQ"))]
            rc, _, reason = run(pre + ["-M", "-MF", depfile, "-o", os.devnull], env)
            if reason:
                print(f"{source}: error: {reason}", file=sys.stderr)
                sys.exit(1)
            if rc == 0:
                with open(depfile, encoding="utf-8", errors="replace") as fh:
                    deps = fh.read().replace("\\\n", " ").split(":", 1)[-1].split()
                outside = [d for d in deps if not allowed(d, files, library)]
                if outside:
                    print(f"{source}: error: the source includes {os.path.basename(outside[0])}, which is neither "
                          "one of the exercise's own files nor a library header; grading refuses it", file=sys.stderr)
                    sys.exit(1)
        cmd = argv
    rc, text, reason = run(cmd, env)
    if reason:
        for p in (obj, dep):
            if p and os.path.exists(p):
                os.unlink(p)
        print(f"{source}: error: {reason}; this exercise scores 0", file=sys.stderr)
        sys.exit(1)
    shown = filtered(text, files, library)
    if shown.strip():
        print(shown, file=sys.stderr)
    sys.exit(rc if rc >= 0 else 1)


if __name__ == "__main__":
    main()
