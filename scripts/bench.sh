#!/usr/bin/env bash
# The benchmark (not part of the tests): the CLI as users run it, cold JVMs through the launcher,
# against the emulator on loopback, beside openssl, sha256sum + curl, find and restic (when
# installed) over the same generated trees in the same run; JMH for the dedup lookup. Prints one
# table of figures, baselines and ratios against the goals of issue 13.
# Usage: scripts/bench.sh [--quick] [--only NAME[,NAME…]] [--rerun-sizes N,…] [--work DIR] [--keep]
#   names: help, hash, large, small, rerun (its largest tree is also the heap figure), lookup,
#   pipeline (the in-process run of old)
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -q -B -ntp -DskipTests -Dspotless.check.skip=true package dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime -pl cli,bench -am
exec java -cp "bench/target/classes:$(cat "$cp_file")" app.wauploader.bench.Bench \
  --launcher "$(pwd)/bin/wa-uploader" --samples "$(pwd)/samples/whatsapp/Media" "$@"
