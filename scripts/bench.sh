#!/usr/bin/env bash
# Benchmarks the release server: the brotli bytes of the WASM, JS and CSS a browser downloads
# for the home page (budgets: WASM <= 250 KiB, CSS <= 40 KiB), Lighthouse mobile scores of the
# public pages, the bytes a phone downloads for a gallery of 20 photos, and server-side
# rendering of a community page against /healthz in the same run
# (wrk, 50 connections): p50/p99 latency and the throughput ratio.
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
  LEPTOS_ENV=PROD RUST_LOG=warn COMTEM_DEMO=1 target/release/comtem &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$db"*' EXIT
for _ in $(seq 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done

echo "## Bytes sent for the home page (brotli)"
home=$(curl -sf "$base/")
for asset in $(grep -oE '/pkg/[^"]+\.(wasm|js|css)' <<<"$home" | sort -u); do
  bytes=$(curl -sf -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "$base$asset")
  printf '%-28s %8.1f KiB\n' "$asset" "$(echo "$bytes / 1024" | bc -l)"
done

echo
echo "## Lighthouse, mobile (budget: performance >= 90, accessibility 100; it audits 200 pages only)"
node scripts/lighthouse.mjs "$base/" "$base/comunita" "$base/comunita/dati" "$base/iscriviti" "$base/accedi" "$base/numeri?al=2024-05-06" "$base/calendario" "$base/piani/2024" \
  "$base/incontri" "$base/incontri/1" "$base/incontri/1/foto" "$base/notizie" "$base/notizie/2" \
  "$base/accessibilita"

echo
echo "## A gallery of 20 photos of 12 megapixels on a 360 px phone (budget: under 1 MB)"
node scripts/gallery-bytes.mjs "$base" 3

echo
echo "## 50 connections, ${seconds}s each (wrk, 2 threads)"
# Prints "p50 p99 requests/s" for one path under load.
load() {
  wrk -t2 -c50 -d"${seconds}s" --latency -H 'Accept-Encoding: br, gzip' "$base$1" |
    awk '/^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /^Requests\/sec/ {rps=$2} END {print p50, p99, rps}'
}
read -r health_p50 health_p99 health_rps <<<"$(load /healthz)"
read -r page_p50 page_p99 page_rps <<<"$(load /comunita/dati)"
printf '%-16s p50 %9s  p99 %9s  %9.0f req/s\n' /healthz "$health_p50" "$health_p99" "$health_rps" \
  /comunita/dati "$page_p50" "$page_p99" "$page_rps"
printf 'throughput ratio /comunita/dati : /healthz = %.3f\n' "$(echo "$page_rps / $health_rps" | bc -l)"
