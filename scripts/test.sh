#!/usr/bin/env bash
# Runs every test: formatting and lints; unit, repository and router tests on SQLite and on
# PostgreSQL; then the browser suite in Chromium against the release server.
# Without a reachable PostgreSQL the PostgreSQL half is skipped and the summary says so;
# COMTEM_REQUIRE_POSTGRES=1 (set by CI) turns that skip into a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser

step() { printf '\n==> %s\n' "$*"; }

step "formatting"
cargo fmt --all --check
leptosfmt --check app/src >/dev/null

step "clippy (server and browser builds)"
cargo clippy -p app -p comtem --all-targets -- -D warnings
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

postgres_url=${COMTEM_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
skip=()
if pg_isready -q -d "$postgres_url" 2>/dev/null; then
  postgres_status="ran"
else
  postgres_status="SKIPPED: no PostgreSQL answers at $postgres_url"
  skip=(--skip postgres::)
  echo "WARNING: PostgreSQL suite $postgres_status" >&2
fi

step "unit, repository and router tests (SQLite and PostgreSQL)"
cargo test -p app -p comtem -- "${skip[@]}"

step "fuzzing the markdown parser and the anchor finder (COMTEM_FUZZ_SECS, default 5)"
# The same packages as above, so nothing is built again.
cargo test -p app -p comtem --lib fuzz:: -- --ignored --nocapture

step "browser tests (Chromium, desktop and 360x800 mobile, with and without JavaScript)"
scripts/build.sh
npx playwright test -c end2end/playwright.config.ts

step "fault campaign, short form (kills mid-write, live crowd, slow clients, login burst, database restart, instance killed)"
campaign_skip=()
[ "$postgres_status" = "ran" ] || campaign_skip=(--skip on_postgres)
# The same packages as the tests above, so nothing is built again. Short sizes by default (5 and
# 3 kills, 200 live clients, 100 slow connections, 100 logins, 20 clients through the restart and
# the kill); the full campaign: COMTEM_FAULT_FULL=1 COMTEM_FAULT_KILLS=50 COMTEM_FAULT_KILLS_PG=20.
cargo test -p app -p comtem --test fault_campaign -- --ignored --nocapture --test-threads=1 "${campaign_skip[@]}"

step "summary"
echo "PostgreSQL suite: $postgres_status"
if [ "$postgres_status" != "ran" ] && [ "${COMTEM_REQUIRE_POSTGRES:-0}" = "1" ]; then
  echo "COMTEM_REQUIRE_POSTGRES=1: a skipped PostgreSQL suite is a failure." >&2
  exit 1
fi
