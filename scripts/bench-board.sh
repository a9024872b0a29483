#!/usr/bin/env bash
# Benchmarks the live board: clients following it over real WebSockets, one person submitting
# annotations over HTTP, and the delay from each submit to each client's receipt (p50/p95/p99),
# with annotations lost and received twice (one client in ten reconnects half-way), next to a
# bare WebSocket echo round trip measured in the same run. SQLite with one instance, then
# PostgreSQL with two instances (skipped when no PostgreSQL answers at COMTEM_TEST_POSTGRES_URL,
# default the local server). Budgets: p95 <= 25 ms to 50 clients, <= 100 ms to 500 on one
# instance, <= 100 ms across two instances; 0 lost, 0 twice.
# Usage: scripts/bench-board.sh [clients, default 50,500] [annotations, default 100] [ms between submits, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
# Each client is a socket on both ends, in one process.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
export COMTEM_BENCH_CLIENTS=${1:-${COMTEM_BENCH_CLIENTS:-50,500}}
export COMTEM_BENCH_ANNOTATIONS=${2:-${COMTEM_BENCH_ANNOTATIONS:-100}}
export COMTEM_BENCH_EVERY_MS=${3:-${COMTEM_BENCH_EVERY_MS:-10}}
# Its own target directory: a bench build would otherwise replace target/release/comtem, the
# binary scripts/build.sh made for the site (and that the browser tests run).
CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target/bench} cargo bench -p comtem --bench board_live
