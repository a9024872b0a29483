#!/usr/bin/env bash
# Builds the release server and the optimised WASM into target/site, precompressed: one main
# module, and one chunk per page (and shared chunks) that the browser loads when it needs them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo leptos build --release --split
node scripts/precompress.mjs target/site
