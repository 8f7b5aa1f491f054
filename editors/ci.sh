#!/usr/bin/env bash
# CI for the editor integrations, from any directory:
#   editors/ci.sh
# Builds stelp once, then
#   - Neovim: Lua unit tests and the headless end-to-end test through the
#     plugin against `stelp serve` (nvim must be installed: a missing nvim
#     fails, it is not skipped);
#   - VS Code: npm ci, compile, package the .vsix (editors/vscode/stelp.vsix),
#     and the node tests: unit, the packaged .vsix loading, and the
#     end-to-end tests against `stelp serve` over vscode-jsonrpc.
set -euo pipefail
editors="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$editors/.." && pwd)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== editors: build stelp"
(cd "$repo" && go build -o "$work/stelp" ./cmd/stelp)
export STELP_BIN="$work/stelp"

echo "== editors: neovim"
"$editors/nvim/test/run.sh"

echo "== editors: vscode"
cd "$editors/vscode"
npm ci --no-audit --no-fund
npm run compile
npm run package
STELP_VSIX="$editors/vscode/stelp.vsix" node --test out/test/
