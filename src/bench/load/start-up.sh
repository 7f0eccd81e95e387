#!/usr/bin/env bash
# Start-up benchmark: starts the packaged service RUNS times (default 5) in a fresh data directory
# with the starter policy and prints the seconds from launch until /q/health/ready answers.
#
#   src/bench/load/start-up.sh                                   # as the README runs it (with the archive)
#   ARCHIVE=none src/bench/load/start-up.sh                      # without the class-data-sharing archive
#   JAVA_OPTS=-XX:+UseZGC ARCHIVE=/path/made-with-zgc.jsa src/bench/load/start-up.sh
#
# Needs curl. Settings: RUNS (5), ARCHIVE (target/quarkus-app/parapet.jsa, made by mvn package;
# "none" leaves it out), ARGS (target/quarkus-app/jvm.args, the service's JVM options; "none"
# leaves them out), JAVA_OPTS (none).
set -euo pipefail
cd "$(dirname "$0")/../../.."
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests
archive=${ARCHIVE:-target/quarkus-app/parapet.jsa}
args=${ARGS:-target/quarkus-app/jvm.args}
opts=${JAVA_OPTS:-}
[ "$archive" = none ] || opts="$opts -XX:SharedArchiveFile=$archive"
[ "$args" = none ] || opts="@$args $opts"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
echo "parapet start-up: java $opts, $(nproc) cores, $(java -version 2>&1 | head -1)"
for run in $(seq 1 "${RUNS:-5}"); do
  data=$(mktemp -d "${TMPDIR:-/tmp}/parapet-start.XXXXXX")
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  QUARKUS_HTTP_PORT=$port PARAPET_DATA_DIR=$data java $opts -jar target/quarkus-app/quarkus-run.jar \
    > "$data/service.log" 2>&1 &
  service=$!
  until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null; do
    kill -0 $service 2>/dev/null || { cat "$data/service.log"; exit 1; }
    sleep 0.02
  done
  ready=$(date +%s%N)
  kill $service
  wait $service 2>/dev/null || true
  rm -rf "$data"
  awk -v r="$run" -v ns=$((ready - start)) 'BEGIN { printf "run %d: %.2f s to ready\n", r, ns / 1e9 }'
done
