#!/usr/bin/env bash
# Builds the bundles (app/src/bundles.rs, BUNDLES) beside the whole application that
# `cargo leptos build --release` made in target/site/pkg: the same crates with the same flags and
# environment as cargo-leptos uses (so only `frontend` is compiled again, with COMTEM_BUNDLE
# naming the bundle), linked once per bundle, then wasm-bindgen, wasm-opt (see below) and terser on
# the JavaScript.
set -euo pipefail
cd "$(dirname "$0")/.."

pkg=target/site/pkg
wasm=target/front/wasm32-unknown-unknown/wasm-release/frontend.wasm
# The names, from the lines `bundle("name", Routes, …),` of BUNDLES and from COUNTDOWN.
bundles=$(sed -n -e 's/^ *bundle("\([a-z-]*\)", .*/\1/p' -e 's/^pub const COUNTDOWN: &str = "\([a-z-]*\)";/\1/p' app/src/bundles.rs)

for bundle in $bundles; do
  name="comtem-$bundle"
  echo "[bundles] $name"
  LEPTOS_OUTPUT_NAME=comtem LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg \
    LEPTOS_SITE_ADDR=127.0.0.1:3000 LEPTOS_RELOAD_PORT=3001 LEPTOS_LIB_DIR=frontend \
    LEPTOS_BIN_DIR=server LEPTOS_JS_MINIFY=true LEPTOS_HASH_FILES=false \
    RUSTFLAGS="--cfg erase_components" COMTEM_BUNDLE="$bundle" \
    cargo build --package=frontend --lib --target-dir=target/front \
    --target=wasm32-unknown-unknown --no-default-features --profile=wasm-release
  wasm-bindgen --target=web --out-name="$name" --out-dir="$pkg" "$wasm"
  rm -f "$pkg/$name.d.ts" "$pkg/${name}_bg.wasm.d.ts"
  # Minified, as cargo-leptos does with the whole application's: 1.8 KiB less (brotli) a page.
  node_modules/.bin/terser "$pkg/$name.js" --module --compress --mangle -o "$pkg/$name.js"
done

# wasm-opt takes most of the time: one per core. `-Os --converge` makes a larger file than `-Oz`
# that compresses better: 2.4 KiB (numbers) to 4.4 KiB (board) less with brotli, for a minute
# more of build time.
optimise() {
  node_modules/.bin/wasm-opt -Os --converge --enable-bulk-memory --enable-nontrapping-float-to-int \
    "$pkg/comtem-${1}_bg.wasm" -o "$pkg/comtem-$1.wasm"
  rm "$pkg/comtem-${1}_bg.wasm"
}
export -f optimise
export pkg
printf '%s\n' $bundles | xargs -P "$(nproc)" -I{} bash -c 'optimise {}'
