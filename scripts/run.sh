#!/usr/bin/env bash
# Builds (installing what is missing) and runs COMTem on the embedded SQLite file comtem.db
# at http://127.0.0.1:3000. Environment variables override the defaults (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
export DATABASE_URL=${DATABASE_URL:-sqlite:comtem.db?mode=rwc}
export LEPTOS_SITE_ADDR=${LEPTOS_SITE_ADDR:-127.0.0.1:3000}
export LEPTOS_SITE_ROOT=${LEPTOS_SITE_ROOT:-target/site}
export LEPTOS_ENV=${LEPTOS_ENV:-PROD}
# Demo accounts and data, over plain HTTP on this machine: never set these in production.
export COMTEM_DEMO=${COMTEM_DEMO:-1}
export COMTEM_COOKIE_SECURE=${COMTEM_COOKIE_SECURE:-false}
# No mail server needed: each email (login links included) is written to target/mail/<id>.eml.
if [ -z "${COMTEM_SMTP_URL:-}" ]; then
  export COMTEM_MAIL_DIR=${COMTEM_MAIL_DIR:-target/mail}
fi
exec target/release/comtem
