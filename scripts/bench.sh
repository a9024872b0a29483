#!/usr/bin/env bash
# Benchmarks the release server: the brotli bytes of the WASM, JS and CSS each page makes a
# phone download (scripts/page-bytes.mjs), how soon the signup type-ahead answers on a slow
# phone (scripts/typeahead-time.mjs), Lighthouse mobile scores of the
# public pages, the bytes a phone downloads for a gallery of 20 photos, and server-side
# rendering of a community page against /healthz in the same run
# (wrk, 50 connections, the server on core 0 and wrk on core 1): p50/p99 latency and the
# throughput ratio, for visitors (served from the page cache) and with a cookie (rendered).
# Usage: scripts/bench.sh [seconds per run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
scripts/build.sh >/dev/null

port=3200
base="http://127.0.0.1:$port"
db=$(mktemp -u /tmp/comtem-bench-XXXX.db)
DATABASE_URL="sqlite:$db?mode=rwc" LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site \
  LEPTOS_ENV=PROD RUST_LOG=warn COMTEM_DEMO=1 taskset -c 0 target/release/comtem &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$db"*' EXIT
for _ in $(seq 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done

echo "## What each page downloads until interactive (brotli; budgets: public 250 KiB, others 450 KiB)"
node scripts/page-bytes.mjs "$base" || true

echo
echo "## The signup type-ahead on a slow phone (slow 4G, CPU 4x slower)"
node scripts/typeahead-time.mjs "$base" 3

echo
echo "## Lighthouse, mobile (budget: performance >= 90, accessibility 100; it audits 200 pages only)"
node scripts/lighthouse.mjs "$base/" "$base/comunita" "$base/comunita/dati" "$base/iscriviti" "$base/accedi" "$base/numeri?al=2024-05-06" "$base/calendario" "$base/piani/2024" \
  "$base/piano-generale/2023" "$base/incontri" "$base/incontri/1" "$base/incontri/1/foto" "$base/notizie" \
  "$base/notizie/2" "$base/accessibilita" "$base/privacy" "$base/note-legali"
# The board, as a community's coordinator logged in through the login form without JavaScript.
login=$(curl -s "$base/accedi" | grep -o 'action="/api/log_in[0-9]*"' | head -1 | cut -d'"' -f2)
session=$(curl -s -o /dev/null -D - -H "Origin: $base" --data-urlencode next= \
  --data-urlencode email=coordinatore.dati@comtem.demo --data-urlencode password=comtem-demo-2024 \
  "$base$login" | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1)
node scripts/lighthouse.mjs --cookie "$session" "$base/lettura-trasversale"

echo
echo "## A gallery of 20 photos of 12 megapixels on a 360 px phone (budget: under 1 MB)"
node scripts/gallery-bytes.mjs "$base" 3

echo
echo "## 50 connections, ${seconds}s each (wrk on core 1, the server on core 0)"
# Prints "p50 p99 requests/s" for one path under load; more wrk arguments may follow the path.
load() {
  taskset -c 1 wrk -t1 -c50 -d"${seconds}s" --latency -H 'Accept-Encoding: br, gzip' "${@:2}" "$base$1" |
    awk '/^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /^Requests\/sec/ {rps=$2} END {print p50, p99, rps}'
}
read -r health_p50 health_p99 health_rps <<<"$(load /healthz)"
read -r page_p50 page_p99 page_rps <<<"$(load /comunita/dati)"
# Any cookie skips the page cache: the page is rendered for every request.
read -r fresh_p50 fresh_p99 fresh_rps <<<"$(load /comunita/dati -H 'Cookie: bench=1')"
printf '%-26s p50 %9s  p99 %9s  %9.0f req/s\n' /healthz "$health_p50" "$health_p99" "$health_rps" \
  /comunita/dati "$page_p50" "$page_p99" "$page_rps" \
  "/comunita/dati (rendered)" "$fresh_p50" "$fresh_p99" "$fresh_rps"
printf 'throughput ratio to /healthz: /comunita/dati %.3f, rendered %.3f\n' \
  "$(echo "$page_rps / $health_rps" | bc -l)" "$(echo "$fresh_rps / $health_rps" | bc -l)"
