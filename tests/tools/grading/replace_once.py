#!/usr/bin/env python3
"""Turns a copied solution into a crafted wrong answer by replacing one text.

  replace_once.py FILE OLD NEW

Replaces the one occurrence of OLD in FILE by NEW (an empty NEW deletes it).
Fails, naming FILE, when OLD occurs zero or several times: a case whose
solution changed must be updated, not pass by grading the right answer.
"""
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    path, old, new = sys.argv[1:]
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    n = text.count(old)
    if n != 1:
        sys.exit(f"replace_once: {path}: the text to replace occurs {n} times, not once:\n{old}")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text.replace(old, new))


if __name__ == "__main__":
    main()
