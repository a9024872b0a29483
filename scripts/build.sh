#!/usr/bin/env bash
# Builds the release server and the optimised WASM bundle into target/site, precompressed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo leptos build --release
node scripts/precompress.mjs target/site
