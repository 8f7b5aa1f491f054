#!/usr/bin/env python3
"""Writes the expected output of every case in testdata/cases/*.py.

Run once with CPython 3.11 (python3 testdata/gen.py from exec/pyrt/stdlib)
after adding or changing a case; the .golden files are committed, so the Go
tests never need python3. Only benign snippets live here.

A case file is a sequence of sections, each starting with a line
"#=== name". Each section runs on its own in a fresh interpreter; its stdout,
followed by "Type: message" if it raised, is its expected output.
"""
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def sections(text):
    name, lines, out = None, [], []
    for line in text.splitlines(keepends=True):
        if line.startswith("#=== "):
            if name is not None:
                out.append((name, "".join(lines)))
            name, lines = line[5:].strip(), []
        elif name is not None:
            lines.append(line)
    if name is not None:
        out.append((name, "".join(lines)))
    return out


def run(src):
    # UTC and a fixed hash seed: the runtime has no local time zone and the
    # goldens must not depend on the machine that wrote them.
    env = {"TZ": "UTC", "PYTHONHASHSEED": "0", "PATH": os.environ.get("PATH", "")}
    p = subprocess.run([sys.executable, "-I", "-c", src], capture_output=True, text=True, timeout=60, env=env)
    out = p.stdout
    if p.returncode != 0:
        last = [l for l in p.stderr.splitlines() if l.strip()][-1]
        out += last + "\n"
    return out


def main():
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(HERE, "cases", "*.py")))
    for path in files:
        with open(path) as f:
            secs = sections(f.read())
        with open(path[:-3] + ".golden", "w") as f:
            for name, src in secs:
                f.write("#=== " + name + "\n")
                f.write(run(src))
        print(path, len(secs), "cases")


if __name__ == "__main__":
    main()
