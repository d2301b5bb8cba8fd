#!/usr/bin/env bash
# Server start to first answer: wall time from the process's start to the first 200 of PATH, and the process's CPU
# seconds (user + system, from /proc/PID/stat) at that moment. On a shared machine the CPU seconds are the figure to
# compare; the load average is printed beside each run.
#
#   scripts/server-start.sh [--db FILE] [--runs N] [--path /api/...] [--dll PATH] [--kill]
#
# Without --db each run starts on an empty new SQLite database (migrated by the start itself); --db FILE starts on that
# database each time (a journal and its snapshots are left as they are, except the snapshot a clean stop writes).
# --kill stops each server with SIGKILL instead of SIGTERM, so no stop snapshot is written and every run starts as after
# a kill: from the newest snapshot, replaying the journal after it.
# Build first: dotnet build src/OpenEts.Server -c Release
set -euo pipefail
cd "$(dirname "$0")/.."

dll=artifacts/bin/OpenEts.Server/release/OpenEts.Server.dll
db=""
runs=5
signal=TERM
path=/api/v1/registry/public/retirements
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --db) db="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --path) path="$2"; shift 2 ;;
        --dll) dll="$2"; shift 2 ;;
        --kill) signal=KILL; shift ;;
        --) shift; extra=("$@"); break ;;
        *) echo "usage: $0 [--db FILE] [--runs N] [--path /api/...] [--dll PATH] [--kill] [-- SERVER-ARGS...]" >&2; exit 2 ;;
    esac
done
[ -f "$dll" ] || { echo "$dll not found: dotnet build src/OpenEts.Server -c Release" >&2; exit 2; }

tick=$(getconf CLK_TCK)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for run in $(seq 1 "$runs"); do
    file="$db"
    if [ -z "$file" ]; then
        file="$work/empty-$run.db"
    fi
    port=$((20000 + RANDOM % 20000))
    start=$(date +%s.%N)
    dotnet "$dll" --db "$file" --urls "http://127.0.0.1:$port" --snapshot-interval 0 "${extra[@]}" >"$work/out-$run.log" 2>&1 &
    pid=$!
    status=0
    for _ in $(seq 1 6000); do
        status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path" 2>/dev/null || true)
        if [ "$status" = "200" ]; then
            break
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "run $run: the server stopped; its output:" >&2
            cat "$work/out-$run.log" >&2
            exit 1
        fi
        sleep 0.02
    done
    end=$(date +%s.%N)
    # Fields 14 and 15 of /proc/PID/stat (after the command's parenthesised name): user and system time in ticks.
    read -r utime stime < <(sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12, $13}')
    kill -"$signal" "$pid"
    wait "$pid" || true
    awk -v s="$start" -v e="$end" -v u="$utime" -v k="$stime" -v t="$tick" -v r="$run" -v st="$status" \
        -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
        'BEGIN { printf "run %d: %s in %.2f s wall, %.2f s CPU (user %.2f + system %.2f); load %s\n", r, st, e - s, (u + k) / t, u / t, k / t, load }'
done
