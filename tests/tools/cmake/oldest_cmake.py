#!/usr/bin/env python3
"""The build asks for CMake 3.22 (what Ubuntu 22.04, Gradescope's base image,
ships): nothing in it may need a newer CMake.

A newer CMake than the one named in cmake_minimum_required accepts commands,
keywords, generator expressions, variables and preset versions that 3.22
rejects (or, worse, silently ignores: `if(LINUX)` is false before 3.25).
The build is configured here with Debian's CMake 3.25, so this check reads
every CMake file, the CMake presets and the scripts that call cmake or ctest,
and fails on each use of a feature that the CMake release notes list as new
in 3.23 or later. The table holds the features a build like this one might
reach for; it is a lint, not a CMake 3.22.

usage: oldest_cmake.py ROOT [--exclude DIR]...   (DIR relative to ROOT)
"""
import json
import pathlib
import re
import sys

OLDEST = (3, 22)

# (pattern, version it appeared in, what it is); patterns match CMake code
# with comments removed, or a command line in a script.
FEATURES = [
    (r"\bFILE_SET\b", (3, 23), "target_sources(FILE_SET) / install(TARGETS ... FILE_SET)"),
    (r"\bHEADER_SETS?\b", (3, 23), "header sets"),
    (r"\bINITIALIZE_FROM_VARIABLE\b", (3, 23), "define_property(INITIALIZE_FROM_VARIABLE)"),
    (r"\$<LINK_LIBRARY:", (3, 24), "$<LINK_LIBRARY:...>"),
    (r"\$<LINK_GROUP:", (3, 24), "$<LINK_GROUP:...>"),
    (r"\$<PATH:", (3, 24), "$<PATH:...>"),
    (r"\$<PATH_EQUAL:", (3, 24), "$<PATH_EQUAL:...>"),
    (r"\bPATH_EQUAL\b", (3, 24), "if(... PATH_EQUAL ...)"),
    (r"\bCOMPILE_WARNING_AS_ERROR\b", (3, 24), "COMPILE_WARNING_AS_ERROR"),
    (r"\bCMAKE_VERIFY_INTERFACE_HEADER_SETS\b", (3, 24), "CMAKE_VERIFY_INTERFACE_HEADER_SETS"),
    (r"\bFIND_PACKAGE_ARGS\b", (3, 24), "FetchContent FIND_PACKAGE_ARGS"),
    (r"\bOVERRIDE_FIND_PACKAGE\b", (3, 24), "FetchContent OVERRIDE_FIND_PACKAGE"),
    (r"\bfind_package\s*\([^)]*\bGLOBAL\b", (3, 24), "find_package(... GLOBAL)"),
    (r"\bCMAKE_FIND_PACKAGE_TARGETS_GLOBAL\b", (3, 24), "CMAKE_FIND_PACKAGE_TARGETS_GLOBAL"),
    (r"\bCMAKE_PROJECT_TOP_LEVEL_INCLUDES\b", (3, 24), "CMAKE_PROJECT_TOP_LEVEL_INCLUDES"),
    (r"\bDOWNLOAD_EXTRACT_TIMESTAMP\b", (3, 24), "DOWNLOAD_EXTRACT_TIMESTAMP"),
    (r"--fresh\b", (3, 24), "cmake --fresh"),
    (r"^\s*block\s*\(", (3, 25), "block()"),
    (r"^\s*endblock\s*\(", (3, 25), "endblock()"),
    (r"\breturn\s*\(\s*PROPAGATE\b", (3, 25), "return(PROPAGATE)"),
    (r"\bGET_MESSAGE_LOG_LEVEL\b", (3, 25), "cmake_language(GET_MESSAGE_LOG_LEVEL)"),
    (r"\bSOURCE_FROM_(CONTENT|VAR|FILE)\b", (3, 25), "try_compile(SOURCE_FROM_...)"),
    (r"\bif\s*\([^)]*\bLINUX\b", (3, 25), "the LINUX variable (false before 3.25)"),
    (r"--workflow\b", (3, 25), "cmake --workflow"),
    (r"\bcmake\s+-E\s+copy\s+-t\b", (3, 26), "cmake -E copy -t"),
    (r"\$<LIST:", (3, 27), "$<LIST:...>"),
    (r"\$<COMPILE_ONLY:", (3, 27), "$<COMPILE_ONLY:...>"),
    (r"\bDISCOVERY_EXTRA_ARGS\b", (3, 27), "gtest_discover_tests(DISCOVERY_EXTRA_ARGS)"),
    (r"\bcmake\s+-E\s+env\s+--modify\b", (3, 27), "cmake -E env --modify"),
    (r"\bset_property\s*\(\s*TEST\b[^)]*\bDIRECTORY\b", (3, 28), "set_property(TEST ... DIRECTORY)"),
    (r"\bcmake_language\s*\(\s*EXIT\b", (3, 29), "cmake_language(EXIT)"),
    (r"\$<STRING:", (3, 30), "$<STRING:...>"),
]

# The presets file versions and the CMake that reads each.
PRESET_VERSIONS = {1: (3, 19), 2: (3, 20), 3: (3, 21), 4: (3, 23), 5: (3, 24), 6: (3, 25), 7: (3, 27),
                   8: (3, 28), 9: (3, 30), 10: (3, 31)}


def strip_comments(text):
    """CMake code without # comments (bracket comments are not used here)."""
    out = []
    for line in text.splitlines():
        in_string = False
        for i, c in enumerate(line):
            if c == '"' and (i == 0 or line[i - 1] != "\\"):
                in_string = not in_string
            elif c == "#" and not in_string:
                line = line[:i]
                break
        out.append(line)
    return "\n".join(out)


def main():
    args = sys.argv[1:]
    if not args or len(args) % 2 != 1 or any(a != "--exclude" for a in args[1::2]):
        sys.exit(__doc__)
    root = pathlib.Path(args[0])
    excluded = [root / d for d in args[2::2]]
    cmake_files = sorted(p for p in root.rglob("*")
                         if p.is_file() and (p.name == "CMakeLists.txt" or p.name.endswith((".cmake", ".cmake.in")))
                         and not any(part.startswith("build") or part.startswith(".") for part in p.relative_to(root).parts)
                         and not any(d in p.parents for d in excluded))
    scripts = sorted(p for p in [root / "course", *(root / "scripts").glob("*.sh"), *(root / ".ci").glob("*")]
                     if p.is_file())
    found = []
    for path in cmake_files + scripts:
        text = path.read_text(encoding="utf-8", errors="replace")
        code = strip_comments(text) if path in cmake_files else text
        for n, line in enumerate(code.splitlines(), 1):
            for pattern, version, what in FEATURES:
                if version > OLDEST and re.search(pattern, line):
                    found.append(f"{path.relative_to(root)}:{n}: {what} needs CMake {version[0]}.{version[1]}")
        if path in cmake_files:
            for m in re.finditer(r"cmake_minimum_required\s*\(\s*VERSION\s+(\d+)\.(\d+)", code):
                if (int(m.group(1)), int(m.group(2))) > OLDEST:
                    found.append(f"{path.relative_to(root)}: cmake_minimum_required asks for {m.group(1)}.{m.group(2)}")
    for presets in sorted(root.glob("CMake*Presets.json")):
        data = json.loads(presets.read_text(encoding="utf-8"))
        need = PRESET_VERSIONS.get(data.get("version"), (99, 0))
        if need > OLDEST:
            found.append(f"{presets.name}: presets version {data.get('version')} needs CMake {need[0]}.{need[1]}")
        req = data.get("cmakeMinimumRequired", {})
        if (req.get("major", 0), req.get("minor", 0)) > OLDEST:
            found.append(f"{presets.name}: cmakeMinimumRequired is {req.get('major')}.{req.get('minor')}")
    checked = len(cmake_files) + len(scripts)
    if found:
        print("\n".join(found))
        sys.exit(f"FAIL: {len(found)} use(s) of CMake newer than {OLDEST[0]}.{OLDEST[1]} in {checked} files")
    print(f"PASS: {checked} CMake files and scripts use nothing newer than CMake {OLDEST[0]}.{OLDEST[1]}")


if __name__ == "__main__":
    main()
