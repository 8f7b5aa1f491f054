"""Regenerate the golden outputs of testdata/cases/*.py with CPython 3.11.

Run from exec/pyrt:  python3 testdata/gen.py  (it re-executes itself with
PYTHONHASHSEED=0)
Only the benign snippets in testdata/cases are run. An uncaught exception
is recorded as a last line "Traceback: Type: message", which is what the
Go test prints for the runtime's uncaught exception.
"""
import contextlib
import glob
import io
import os
import sys

assert sys.version_info[:2] == (3, 11), "golden data must come from CPython 3.11"
# The runtime hashes str like CPython with hash randomisation off, so sets of
# strings iterate in the same order only under PYTHONHASHSEED=0.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

for path in sorted(glob.glob(os.path.join(os.path.dirname(__file__), "cases", "*.py"))):
    with open(path) as f:
        src = f.read()
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        try:
            exec(compile(src, path, "exec"), {"__name__": "__main__"})
        except Exception as e:  # recorded like the Go test does
            msg = str(e)
            buf.write("Traceback: " + type(e).__name__ + (": " + msg if msg else "") + "\n")
    with open(path[:-3] + ".golden", "w") as f:
        f.write(buf.getvalue())
