#!/usr/bin/env bash
# Builds the release server and the optimised WASM into target/site, precompressed: the main
# module, and a chunk for each group of pages behind a login, loaded when one is first shown.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo leptos build --release --split
node scripts/precompress.mjs target/site
