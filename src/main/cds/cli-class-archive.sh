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
# JDK 17 crashes while dumping a lambda proxy whose caller cannot be archived (JDK-8276184, fixed
# in 18): here the Eclipse compiler's, whose jar is signed. Those proxies are left out, and should
# the dump fail all the same, every lambda proxy is: the JVM spins them at run time as it would
# without an archive.
cat "$target/cli-classes-cold.txt" "$target/cli-classes-warm.txt" 2>/dev/null |
  awk '!seen[$0]++' >"$target/cli-classes.txt"
rm -f "$target/cli-classes-cold.txt" "$target/cli-classes-warm.txt"
dump() {
  rm -f "$app/parapet-cli.jsa"
  grep -v -E "$1" "$target/cli-classes.txt" >"$target/cli-classes-dumped.txt"
  java -Xshare:dump -XX:ErrorFile="$target/cli-class-archive-crash-%p.log" -XX:SharedClassListFile="$target/cli-classes-dumped.txt" \
    -XX:SharedArchiveFile="$app/parapet-cli.jsa" -cp "$cp" >>"$log" 2>&1 &&
    [[ -f "$app/parapet-cli.jsa" ]]
}
if dump '^@lambda-proxy .*org/eclipse/jdt/' || dump '^@lambda-proxy '; then
  echo "[INFO] bin/parapet class archive: $app/parapet-cli.jsa"
else
  rm -f "$app/parapet-cli.jsa"
  echo "[WARNING] bin/parapet class archive not built (bin/parapet starts slower); see $log"
fi
exit 0
