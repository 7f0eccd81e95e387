#!/usr/bin/env bash
# HTTP load benchmark: starts the packaged service (embedded audit store unless a JDBC URL is
# given), drives POST /v1/check with wrk from a second process, and prints throughput and
# p50/p90/p99/p99.9 at saturation and at fixed rates.
#
#   src/bench/load/http-load.sh                     # audit sync, saturation, then half of it
#   AUDIT=off RATES="3000 6000" src/bench/load/http-load.sh
#   JDBC_URL=jdbc:postgresql://localhost/parapet JDBC_USER=parapet src/bench/load/http-load.sh
#
# Needs wrk (Debian: apt-get install wrk). Settings: AUDIT (sync|async|off, default sync), TEXT
# (mixed: a card, an email and an injection attempt in 2 KB of prose; benign: the prose alone),
# CONNECTIONS (16), THREADS (2), DURATION (20 s per run), WARMUP (at least 30 s, not measured; it
# goes on in 10 s steps until the JIT has settled, at most WARMUP_MAX, 120 s), RATES (fixed
# rates; "half" is half the measured saturation, the default), JAVA_OPTS (-Xmx1g -XX:+UseZGC, the
# collector the image runs; the options of target/quarkus-app/jvm.args come first, as in the
# README's command and the image).
set -euo pipefail
cd "$(dirname "$0")/../../.."

AUDIT=${AUDIT:-sync}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
# not SECONDS: bash keeps its own count of seconds in that name, so it is always set
SECONDS_PER_RUN=${DURATION:-20}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g -XX:+UseZGC}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests

data=$(mktemp -d "${TMPDIR:-/tmp}/parapet-load.XXXXXX")
key=load-key
printf 'keys:\n  - id: load\n    sha256: %s\n    roles: [checker, auditor]\n' \
  "$(printf %s "$key" | sha256sum | cut -d' ' -f1)" > "$data/keys.yaml"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

export QUARKUS_HTTP_PORT=$port PARAPET_DATA_DIR=$data PARAPET_AUTH_KEYS_FILE=$data/keys.yaml
export PARAPET_AUTH_REQUESTS_PER_SECOND=0 PARAPET_AUDIT_MODE=$AUDIT PARAPET_RELOAD_DEBOUNCE_MS=0
if [ -n "${JDBC_URL:-}" ]; then
  export QUARKUS_DATASOURCE_JDBC_URL=$JDBC_URL
  export QUARKUS_DATASOURCE_USERNAME=${JDBC_USER:-} QUARKUS_DATASOURCE_PASSWORD=${JDBC_PASSWORD:-}
fi
# shellcheck disable=SC2086
java @target/quarkus-app/jvm.args $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar > "$data/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 150); do
  curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break
  kill -0 $service 2>/dev/null || { cat "$data/service.log"; exit 1; }
  sleep 0.2
done

url=http://127.0.0.1:$port/v1/check
script=src/bench/load/check.lua
run() { # $1 label, $2 rate (0 = as fast as possible)
  local line
  line=$(PARAPET_LOAD_KEY=$key PARAPET_LOAD_TEXT=${TEXT:-mixed} PARAPET_LOAD_RATE=$2 PARAPET_LOAD_THREADS=$THREADS \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s "$script" "$url" | grep '^RESULT') ||
    { echo "wrk gave no result for $1" >&2; exit 1; }
  printf '%-22s %s\n' "$1" "${line#RESULT }"
  REPLY=$line
}

echo "parapet HTTP load: text=${TEXT:-mixed} audit=$AUDIT store=${JDBC_URL:+postgresql}${JDBC_URL:-embedded H2}" \
  "connections=$CONNECTIONS $(nproc) cores, $(java -version 2>&1 | head -1)"
# Warm-up at saturation until the JIT has settled: with the audit store on, C2 keeps compiling
# for about a minute and takes a core the load needs. Settled means the compilers spent under 2 %
# of the last 10 s; without jcmd, or after WARMUP_MAX seconds, the warm-up ends anyway.
jit_ms() { jcmd "$service" PerfCounter.print 2>/dev/null | sed -n 's/^java.ci.totalTime=//p' | awk '{print int($1/1e6)}'; }
warmed=0
before=$(jit_ms || true)
while [ "$warmed" -lt "${WARMUP_MAX:-120}" ]; do
  PARAPET_LOAD_KEY=$key PARAPET_LOAD_TEXT=${TEXT:-mixed} PARAPET_LOAD_RATE=0 wrk -t"$THREADS" -c"$CONNECTIONS" -d10s \
    -s "$script" "$url" >/dev/null
  warmed=$((warmed + 10))
  after=$(jit_ms || true)
  if [ "$warmed" -ge "${WARMUP:-30}" ] &&
    { [ -z "$before" ] || [ -z "$after" ] || [ $((after - before)) -lt 200 ]; }; then
    break
  fi
  before=$after
done
echo "warm-up: ${warmed} s at saturation${after:+, JIT compile time so far $((after / 1000)) s}"
run saturation 0
saturation=$(sed -E 's/.*rate=([0-9]+).*/\1/' <<<"$REPLY")
for rate in ${RATES:-half}; do
  [ "$rate" = half ] && rate=$((saturation / 2))
  run "fixed ${rate}/s" "$rate"
done
records=$(curl -sf -H "X-API-Key: $key" "http://127.0.0.1:$port/v1/audit/stats" || true)
echo "audit stats: ${records:-unavailable}"
