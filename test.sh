#!/usr/bin/env bash
# Runs every OpenETS test against the real parts: SQLite, a throwaway PostgreSQL cluster, Debian's Chromium and nats-server.
# Installs what is missing (as root, from Debian packages), stops the cluster even on failure, prints the totals.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing=()
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Carbon inclusion's JetStream ingestion tests start their own throwaway nats-server.
[ -x /usr/sbin/nats-server ] || missing+=(nats-server)
# Without CJK fonts Chinese text renders as empty boxes in the browser tests' screenshots.
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: ${missing[*]} missing; run as root (or install them) to run the whole suite" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# Build the font cache now rather than inside the first browser test (the CJK fonts take a while on a fresh machine).
command -v fc-cache >/dev/null && fc-cache >/dev/null 2>&1 || true

# A throwaway PostgreSQL cluster: a temporary folder, a free local port, run as the postgres user.
PGBIN=$(pg_bin)
PGTMP=$(mktemp -d /tmp/openets-pg.XXXXXX)
chmod 755 "$PGTMP"
port=$(( 20000 + RANDOM % 20000 ))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$(( port + 1 )); done
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGTMP"
cleanup() {
  as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap cleanup EXIT
log "starting PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $port"
as_pg "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$PGTMP/initdb.log" 2>&1 \
  || { cat "$PGTMP/initdb.log"; exit 1; }
as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 \
  -o "-p $port -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" start \
  >/dev/null || { cat "$PGTMP/server.log"; exit 1; }
export OPENETS_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
export OPENETS_CHROMIUM=/usr/bin/chromium
# test.sh always provides PostgreSQL, Chromium and nats-server, so no test may skip for want of them.
export OPENETS_REQUIRE_INFRA=1

log "building"
dotnet build OpenEts.slnx -c Release -nologo -v q

log "testing"
status=0
# A test process that crashes in native code (exit 139) leaves the runtime's crash report, its threads' stacks, printed
# after the run instead of nothing but an exit code.
mkdir -p "$PGTMP/crash"
export DOTNET_DbgEnableMiniDump=1 DOTNET_DbgMiniDumpType=1 DOTNET_EnableCrashReport=1 DOTNET_DbgMiniDumpName="$PGTMP/crash/dump_%p"
# One test project at a time (-m:1): on a 2-core machine, the browser, kill-and-restart and PostgreSQL tests running
# beside each other only trade speed for flakiness.
dotnet test OpenEts.slnx -c Release --no-build -nologo -m:1 2>&1 | tee "$PGTMP/test.log" || status=$?
unset DOTNET_DbgEnableMiniDump DOTNET_DbgMiniDumpType DOTNET_EnableCrashReport DOTNET_DbgMiniDumpName
# Printed only: dotnet test's own status already fails a run whose test host crashed, and a process a test ends on
# purpose with an unhandled exception leaves a report too.
for report in "$PGTMP"/crash/*.crashreport.json; do
  [ -e "$report" ] || continue
  log "a process crashed during the tests: its crash report ($(basename "$report"))"
  head -c 200000 "$report"
  echo
done

log "linting the OpenAPI document"
# The committed snapshot, which ApiDocumentTests holds equal to the live /openapi/v1.json. Redocly is installed once
# from npm into a cache folder; without npm (and without CI set) a failure here only warns.
lint=0
scripts/lint-openapi.sh tests/OpenEts.Server.Tests/Api/Client/openapi.json >"$PGTMP/lint.log" 2>&1 || lint=$?
grep -v '^\s*$' "$PGTMP/lint.log" | grep -v '[║╔╚]' | tail -n 12 || true
if [ "$lint" -eq 0 ]; then
  echo "OpenAPI lint: 0 errors"
elif [ -n "${CI:-}" ]; then
  echo "test.sh: the OpenAPI lint failed (see above)" >&2
  status=1
else
  echo "test.sh: warning: the OpenAPI lint failed or could not run (set CI=1 to make this fail the run)" >&2
fi

log "totals"
awk '/(Passed|Failed)! +- Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1); if ($i == "Total:") t += $(i+1) }
     } END { printf "passed %d, failed %d, skipped %d, total %d\n", p, f, s, t; if (t == 0) exit 1 }' "$PGTMP/test.log" || status=1
if grep -q 'Skipped:\s*[1-9]' "$PGTMP/test.log"; then
  echo "test.sh: some tests were skipped; every test must run here" >&2
  status=1
fi
exit $status
