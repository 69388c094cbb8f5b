#!/usr/bin/env bash
# Every benchmark in one run, on a quiet machine, rewriting BENCHMARKS.md from scratch: scale
# (1× to 1000× by default, or the scales given), peers, JMH, SHACL engines, start-up, validated writes. About 40 min on 2 cores.
set -euo pipefail
cd "$(dirname "$0")"
bash scale.sh "$@"
bash peers.sh
bash jmh.sh
bash shacl-peers.sh
bash start.sh
bash writes.sh
