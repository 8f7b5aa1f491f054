#!/usr/bin/env bash
# Neovim plugin tests: unit tests of the Lua modules, then the end-to-end
# test through the plugin against a freshly built `stelp serve`.
#   editors/nvim/test/run.sh            (from anywhere)
# Needs nvim (Debian: apt-get install -y neovim) and Go; a missing nvim is a
# failure, not a skip. STELP_BIN=/path/to/stelp skips the build.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$here/../.." && pwd)"

if ! command -v nvim >/dev/null 2>&1; then
  echo "nvim not found: install it (apt-get install -y neovim)" >&2
  exit 1
fi
nvim --version | head -1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -z "${STELP_BIN:-}" ]; then
  echo "building stelp"
  (cd "$repo" && go build -o "$work/stelp" ./cmd/stelp)
  STELP_BIN="$work/stelp"
fi
export STELP_BIN

# Each script runs inside pcall so that an error while loading it still
# ends nvim with a failure instead of leaving it waiting headless.
run() {
  local script="$1"
  timeout 300 nvim --headless -u NONE -i NONE -n \
    -c "lua local ok, e = pcall(dofile, '$script') if not ok then io.stderr:write(tostring(e) .. '\n') vim.cmd('cquit 2') end"
}

echo "== nvim unit tests"
run "$here/test/unit.lua"

echo "== nvim end-to-end tests (stelp serve)"
# A copy, because :StelpFixAll edits the files; the .git marker makes the
# copy its own workspace root.
mkdir -p "$work/ws/.git"
cp "$here/test/fixtures/"*.py "$work/ws/"
STELP_E2E_DIR="$work/ws" run "$here/test/e2e.lua"
