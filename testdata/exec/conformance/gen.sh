#!/bin/sh
# Regenerates the expected output (<name>.py.out) of every conformance
# snippet with CPython 3.11, the reference the suite compares stelp against.
# The snippets are benign programs written for this suite; the outputs are
# committed so that `go test` never needs python3.
#
# Usage: testdata/exec/conformance/gen.sh [snippet.py ...]   (default: all)
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
py=${PYTHON:-python3}
case "$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')" in
3.11) ;;
*) echo "gen.sh: need CPython 3.11 (set PYTHON=...)" >&2; exit 2 ;;
esac
if [ "$#" -eq 0 ]; then
	set -- $(cd "$dir" && find . -name '*.py' | sort)
fi
status=0
for f in "$@"; do
	f=${f#./}
	case "$f" in /*) ;; *) f="$dir/$f" ;; esac
	# -I: no user site, no environment; -S: no site module. A fixed hash
	# seed keeps set and dict-of-set orders reproducible.
	if ! (cd "$(dirname "$f")" && PYTHONHASHSEED=0 "$py" -I -S "$(basename "$f")" >"$f.out.tmp" 2>"$f.err.tmp"); then
		echo "gen.sh: $f failed under CPython:" >&2
		cat "$f.err.tmp" >&2
		status=1
	fi
	mv "$f.out.tmp" "$f.out"
	rm -f "$f.err.tmp"
done
exit $status
