#!/usr/bin/env bash
# Builds target/quarkus-app/parapet-cli.jsa, the class-data-sharing archive bin/parapet maps, so
# that the command line starts without loading and verifying Drools, Lucene and Jackson again.
# The package phase runs it after the service's own archive; it is optional: on any failure the
# command line only starts slower, so this says so in one line and exits 0.
# Usage: cli-class-archive.sh BASEDIR (rules/ and lexicons/ under it, the build under target/)
set -uo pipefail
base="$1"
target="$base/target"
app="$target/quarkus-app"
log="$target/cli-class-archive.log"
cp="$app/app/*:$app/lib/main/*"
opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC
  -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider -Dslf4j.internal.verbosity=WARN)
cache="$(mktemp -d)"
trap 'rm -rf "$cache"' EXIT
: >"$log"
# Two training runs of `parapet test` on the starter policy: the first compiles the rules and
# builds the lexicon indexes, the second reads them back from the cache, as most runs do.
for run in cold warm; do
  java "${opts[@]}" -XX:DumpLoadedClassList="$target/cli-classes-$run.txt" \
    -Dparapet.cli.cache-dir="$cache" -cp "$cp" dev.parapet.cli.ParapetCli test \
    --rules "$base/rules" --lexicons "$base/lexicons" >>"$log" 2>&1
  echo "training run ($run) exited $?" >>"$log"
done
# JDK 17 crashes while dumping the lambda proxies of this class path (in
# SystemDictionaryShared::adjust_lambda_proxy_class_dictionary), so they are left out: the JVM
# spins them at run time as it would without an archive.
cat "$target/cli-classes-cold.txt" "$target/cli-classes-warm.txt" 2>/dev/null |
  grep -v '^@lambda-proxy' | awk '!seen[$0]++' >"$target/cli-classes.txt"
rm -f "$app/parapet-cli.jsa"
if java -Xshare:dump -XX:SharedClassListFile="$target/cli-classes.txt" \
  -XX:SharedArchiveFile="$app/parapet-cli.jsa" -cp "$cp" >>"$log" 2>&1 &&
  [[ -f "$app/parapet-cli.jsa" ]]; then
  echo "[INFO] bin/parapet class archive: $app/parapet-cli.jsa"
else
  rm -f "$app/parapet-cli.jsa"
  echo "[WARNING] bin/parapet class archive not built (bin/parapet starts slower); see $log"
fi
exit 0
