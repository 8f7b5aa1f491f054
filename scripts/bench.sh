#!/usr/bin/env bash
# Reproduce docs/benchmarks.md: install the peer tool (Bandit, from
# Debian) when it is missing, build stelp, and run every benchmark in one
# run. Extra arguments go to `stelp bench all` (e.g. --reps 5).
#
#   scripts/bench.sh                 # tables on the terminal
#   scripts/bench.sh --write-docs    # also rewrite docs/benchmarks.md + plot
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v bandit >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bench: installing bandit (Debian package)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq bandit >/dev/null
  else
    echo "bench: bandit is missing; install it (Debian: sudo apt-get install -y bandit)" >&2
    exit 2
  fi
fi
command -v python3 >/dev/null || { echo "bench: python3 is missing" >&2; exit 2; }

corpora=${CORPORA:-../shared/corpora}
[ -d "$corpora" ] || { echo "bench: no corpus at $corpora (set CORPORA)" >&2; exit 2; }

bin=$(mktemp -d)/stelp
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/stelp
echo "bench: load before: $(uptime)" >&2
"$bin" bench all --corpora "$corpora" "$@"
echo "bench: load after: $(uptime)" >&2
