#!/usr/bin/env python3
"""Writes the two sides of an exercise's calls from its header(s).

  exercise-rpc.py --proxy OUT.cpp --server OUT.cpp HEADER...

Reads the function declarations in `namespace dlmath::exercises` of each
HEADER (declarations over several lines, default arguments and `const&`
parameters included; structs, classes, enums, aliases, templates and
functions defined in the header are left alone) and writes
  --proxy   definitions with exactly the declared signatures that run each
            call in the student's program (linked into the checker, the
            exercise's tests, instead of the student's code);
  --server  the student's program's table of those functions and its main
            (linked with the student's code).
A parameter taken by non-const reference or by pointer cannot cross to
another process: the generator refuses it, naming the function.
"""
import argparse
import os
import re
import sys


def die(msg):
    print(f"exercise-rpc: error: {msg}", file=sys.stderr)
    sys.exit(1)


def strip_comments(text):
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
            out.append(" ")
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def namespace_bodies(text, path):
    """The text inside each `namespace dlmath::exercises { ... }`."""
    bodies = []
    for m in re.finditer(r"\bnamespace\s+dlmath\s*::\s*exercises\s*\{", text):
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        if depth:
            die(f"{path}: namespace dlmath::exercises is not closed")
        bodies.append(text[m.end():i - 1])
    return bodies


def statements(body):
    """Top-level statements of a namespace body: (text, had_braces)."""
    out, cur, depth, braces, i = [], [], 0, False, 0
    while i < len(body):
        c = body[i]
        if c == "{":
            depth += 1
            braces = True
        elif c == "}":
            depth -= 1
            if depth == 0:
                # a definition ends at its closing brace unless a ';' follows (struct X {...};)
                rest = body[i + 1:].lstrip()
                if not rest.startswith(";"):
                    cur.append(c)
                    out.append(("".join(cur).strip(), True))
                    cur, braces = [], False
                    i += 1
                    continue
        if c == ";" and depth == 0:
            out.append(("".join(cur).strip(), braces))
            cur, braces = [], False
        elif c == "#" and depth == 0 and not "".join(cur).strip():
            j = body.find("\n", i)
            i = len(body) if j < 0 else j
            continue
        else:
            cur.append(c)
        i += 1
    return out


def split_top(text, sep=","):
    parts, cur, depth = [], [], 0
    for c in text:
        if c in "<([{":
            depth += 1
        elif c in ">)]}":
            depth -= 1
        if c == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    parts.append("".join(cur))
    return [p.strip() for p in parts]


def norm(s):
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\s*([&*<>,:()])\s*", r"\1", s)
    s = re.sub(r",", ", ", s)
    return s.replace("const&", "const &").replace(" const &", " const&")


def parse_function(stmt, path):
    """(return type, name, [(type, name)]) or None for what is not a function."""
    s = re.sub(r"\[\[[^\]]*\]\]", " ", stmt).strip()
    if not s or "(" not in s:
        return None
    if re.match(r"(struct|class|union|enum|using|typedef|template|namespace|static_assert|extern\s+\")\b", s):
        return None
    if re.match(r"(inline|constexpr|consteval|static)\b", s):
        return None   # defined in the header, not the student's
    # the parameter list: the parentheses that close at the end
    if s.endswith("noexcept"):
        s = s[:-len("noexcept")].rstrip()
    if not s.endswith(")"):
        return None
    depth, i = 0, len(s) - 1
    while i >= 0:
        depth += {")": 1, "(": -1}.get(s[i], 0)
        if depth == 0:
            break
        i -= 1
    head, params = s[:i].strip(), s[i + 1:-1].strip()
    m = re.match(r"^(.*?)([A-Za-z_][A-Za-z_0-9]*)$", head, re.S)
    if not m or not m.group(1).strip():
        return None
    ret, name = norm(m.group(1)), m.group(2)
    ret = re.sub(r"^(extern)\s+", "", ret)
    args = []
    if params and params != "void":
        for k, p in enumerate(split_top(params)):
            decl = split_top(p, "=")[0]
            pm = re.match(r"^(.*?[\s&*>])([A-Za-z_][A-Za-z_0-9]*)$", decl.strip(), re.S)
            builtin = {"int", "double", "float", "bool", "char", "long", "short", "unsigned", "signed", "const", "auto"}
            if pm and pm.group(1).strip() and pm.group(2) not in builtin:
                ptype, pname = norm(pm.group(1)), pm.group(2)
            else:
                ptype, pname = norm(decl), f"arg{k}"
            bare = ptype.replace(" ", "")
            if "*" in bare or (bare.endswith("&") and not bare.endswith("&&") and
                               not re.search(r"(^const|const&$)", bare)):
                die(f"{path}: {name}: the parameter '{p}' is a pointer or a non-const reference; an exercise "
                    f"function takes its inputs by value or const& and returns its results")
            args.append((ptype, pname))
    return ret, name, args


def read_functions(headers):
    funcs = []
    for path in headers:
        with open(path, encoding="utf-8") as fh:
            text = strip_comments(fh.read())
        for body in namespace_bodies(text, path):
            for stmt, braces in statements(body):
                if braces:
                    continue
                f = parse_function(stmt, path)
                if f:
                    funcs.append(f)
    if not funcs:
        die(f"no function declared in namespace dlmath::exercises of {', '.join(headers)}")
    return funcs


def signature(f):
    ret, name, args = f
    return f"{ret} {name}({', '.join(t for t, _ in args)})"


def c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def includes(headers, out):
    return "".join(f'#include "{os.path.basename(h)}"\n' for h in headers)


def write(path, text):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path + ".tmp", "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(path + ".tmp", path)


def proxy(funcs, headers):
    lines = ["// Written by scripts/exercise-rpc.py from the exercise's header: each",
             "// function runs in the student's program (dlmath/grading/proxy.hpp).",
             includes(headers, None) + "#include <dlmath/grading/proxy.hpp>", "",
             "namespace dlmath::exercises {", ""]
    for f in funcs:
        ret, name, args = f
        params = ", ".join(f"{t} {n}" for t, n in args)
        types = "".join(f", std::remove_cvref_t<{t}>" for t, _ in args)
        call_args = "".join(f", {n}" for _, n in args)
        lines += [f"{ret} {name}({params}) {{",
                  f"    return ::dlmath::grading::call<{ret}{types}>({c_string(name)}, "
                  f"{c_string(signature(f))}{call_args});",
                  "}", ""]
    lines.append("}  // namespace dlmath::exercises")
    return "\n".join(lines) + "\n"


def server(funcs, headers):
    lines = ["// Written by scripts/exercise-rpc.py from the exercise's header: the",
             "// student's program, which runs the student's functions for the checker.",
             includes(headers, None) + "#include <dlmath/grading/server.hpp>", "",
             "namespace dlmath::exercises {", "namespace {", ""]
    for k, f in enumerate(funcs):
        ret, name, args = f
        lines.append(f"void dlmath_rpc_{k}(::dlmath::grading::Reader& in, ::dlmath::grading::Writer& out) {{")
        for j, (t, _) in enumerate(args):
            lines.append(f"    auto a{j} = ::dlmath::grading::get<std::remove_cvref_t<{t}>>(in);")
        lines.append("    if (!in.done()) throw ::dlmath::grading::wire_error(\"the call is longer than its arguments\");")
        call = f"{name}({', '.join(f'a{j}' for j in range(len(args)))})"
        if ret == "void":
            lines.append(f"    {call};")
            lines.append("    (void)out;")
        else:
            lines.append(f"    ::dlmath::grading::put<{ret}>(out, {call});")
        lines += ["}", ""]
    lines += ["const ::dlmath::grading::Handler dlmath_rpc_table[] = {"]
    for k, f in enumerate(funcs):
        lines.append(f"    {{{c_string(signature(f))}, &dlmath_rpc_{k}}},")
    lines += ["};", "", "}  // namespace", "}  // namespace dlmath::exercises", "",
              "int main(int argc, char** argv) {",
              "    return ::dlmath::grading::serve(::dlmath::exercises::dlmath_rpc_table,",
              "                                    std::size(::dlmath::exercises::dlmath_rpc_table), argc, argv);",
              "}"]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--proxy", required=True)
    ap.add_argument("--server", required=True)
    ap.add_argument("headers", nargs="+")
    a = ap.parse_args()
    funcs = read_functions(a.headers)
    seen = set()
    for f in funcs:
        if signature(f) in seen:
            die(f"{f[1]} is declared twice with the same parameters")
        seen.add(signature(f))
    write(a.proxy, proxy(funcs, a.headers))
    write(a.server, server(funcs, a.headers))


if __name__ == "__main__":
    main()
