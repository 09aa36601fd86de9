#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it on a fresh clone:
#   lint + format + types, unit tests (TZ=UTC and TZ=Asia/Shanghai), API tests on PGlite,
#   the same API tests on a real PostgreSQL 15, and browser tests in headless Chromium.
# It installs Debian's postgresql, chromium and fonts-noto-cjk when they are missing (as root),
# starts a throwaway PostgreSQL cluster unless TEST_DATABASE_URL names a server, and stops it after.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

ensure_system_packages() {
  local missing=()
  find_pg_bin >/dev/null || [ -n "${TEST_DATABASE_URL:-}" ] || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # grep without -q reads all of fc-list's output: with -q and pipefail, fc-list's SIGPIPE would count as missing
  fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "Missing Debian packages: ${missing[*]} — install them (apt-get install ${missing[*]}) or run as root." >&2
      exit 1
    fi
    log "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

PG_DIR=""
stop_postgres() {
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
    log "Stopping the test PostgreSQL"
    run_as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

run_as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start_postgres() {
  PG_BIN=$(find_pg_bin)
  PG_DIR=$(mktemp -d /tmp/gongyou-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home "$PG_DIR" postgres
    chown postgres "$PG_DIR"
  fi
  local port
  port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  log "Starting a throwaway PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $3}')) on 127.0.0.1:$port"
  run_as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  run_as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on -c synchronous_commit=on" start >/dev/null
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
}

trap stop_postgres EXIT

ensure_system_packages

log "Lint and format (Biome)"
npx biome check .

log "Type-check (tsc)"
npx tsc --noEmit -p tsconfig.json

log "Build the web app"
NODE_ENV=production npx vite build --logLevel warn

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  start_postgres
else
  log "Using the PostgreSQL server named by TEST_DATABASE_URL"
fi

mkdir -p test-results
log "Unit, API (PGlite and PostgreSQL) and browser tests, TZ=UTC"
status=0
TZ=UTC GONGYOU_E2E=1 npx vitest run --project unit --project int-pglite --project int-postgres --project e2e \
  --reporter=default --reporter=json --outputFile.json=test-results/vitest-utc.json || status=$?

log "Unit tests again, TZ=Asia/Shanghai"
TZ=Asia/Shanghai npx vitest run --project unit \
  --reporter=default --reporter=json --outputFile.json=test-results/vitest-shanghai.json || status=$?

node scripts/test-summary.mjs test-results/vitest-utc.json test-results/vitest-shanghai.json
exit $status
