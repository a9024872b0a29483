#!/usr/bin/env bash
# Installs what building and testing COMTem needs, skipping whatever is already present:
# the wasm32 target, cargo-leptos, the wasm-bindgen CLI (at the pinned version), leptosfmt, the
# npm packages (wasm-opt from binaryen, terser, Playwright, axe-core, Lighthouse, the Nu HTML Checker,
# with a Java runtime for it), the tests' SMTP server (aiosmtpd, in .venv), their ODT reader
# (odfdo, in .venv), their calendar and feed readers (icalendar, feedparser, in .venv), their PDF
# reader (Debian's poppler-utils) and, with --browser, Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.11
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)

say() { printf '[setup] %s\n' "$*"; }

# Builds a crate from its registry sources, with one dependency pinned back so it builds on
# this toolchain (the newest releases of those dependencies want a newer rustc).
install_pinned() {
  local crate=$1 version=$2 pin=$3 pin_version=$4
  local work
  work=$(mktemp -d)
  (cd "$work" && cargo new --quiet fetcher && cd fetcher &&
    printf '%s = "=%s"\n' "$crate" "$version" >>Cargo.toml && cargo fetch --quiet) ||
    { say "could not fetch $crate $version"; exit 1; }
  local src
  src=$(ls -d "$HOME"/.cargo/registry/src/*/"$crate-$version" | head -1)
  cp -r "$src" "$work/$crate"
  (cd "$work/$crate" && { [ -f Cargo.lock ] || cargo generate-lockfile --quiet; }
    cargo update --quiet -p "$pin" --precise "$pin_version"
    cargo install --quiet --path . --locked)
  rm -rf "$work"
}

rustup target list --installed | grep -q wasm32-unknown-unknown ||
  { say "adding the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown; }

if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (once; about 20 minutes on 2 cores)"
  install_pinned cargo-leptos "$CARGO_LEPTOS_VERSION" cargo-util-schemas 0.14.1
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  install_pinned wasm-bindgen-cli "$WASM_BINDGEN_VERSION" webpki-roots 1.0.10
fi

LEPTOSFMT_VERSION=0.1.33
if ! leptosfmt --version 2>/dev/null | grep -q "$LEPTOSFMT_VERSION"; then
  say "installing leptosfmt $LEPTOSFMT_VERSION"
  cargo install --quiet --locked leptosfmt --version "$LEPTOSFMT_VERSION"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

if ! .venv/bin/python -c 'import aiosmtpd' 2>/dev/null; then
  say "installing the tests' SMTP server (aiosmtpd, from PyPI) into .venv"
  # It makes its certificates with openssl; a Debian python3 needs python3-venv for a venv.
  if ! command -v openssl >/dev/null || ! python3 -c 'import ensurepip' 2>/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl python3-venv >/dev/null
  fi
  python3 -m venv .venv && .venv/bin/pip install --quiet -r scripts/smtp-requirements.txt
fi

if ! .venv/bin/python -c 'import odfdo' 2>/dev/null; then
  say "installing the tests' ODT reader (odfdo, from PyPI) into .venv"
  .venv/bin/pip install --quiet -r scripts/document-requirements.txt
fi

if ! .venv/bin/python -c 'import icalendar, feedparser' 2>/dev/null; then
  say "installing the tests' calendar and feed readers (icalendar, feedparser, from PyPI) into .venv"
  .venv/bin/pip install --quiet -r scripts/feed-requirements.txt
fi

if ! .venv/bin/python -c 'import PIL' 2>/dev/null; then
  say "installing the tests' photo tool (Pillow, from PyPI) into .venv"
  .venv/bin/pip install --quiet -r scripts/photo-requirements.txt
fi

if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
  say "installing the tests' PDF reader (Debian's poppler-utils)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi

if ! command -v java >/dev/null; then
  say "installing a Java runtime for the Nu HTML Checker (Debian's default-jre-headless)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi

if [ "${1:-}" = "--browser" ] && ! command -v chromium >/dev/null; then
  say "installing Debian's Chromium"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
say "ready"
