#!/usr/bin/env bash
# Builds the release server and the optimised WASM (the whole application and the visitors'
# bundles) into target/site, precompressed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo leptos build --release
scripts/build-bundles.sh
node scripts/precompress.mjs target/site
