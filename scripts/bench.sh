#!/usr/bin/env bash
# Throughput benchmark: full backup runs against the emulator on the sample tree and on a
# generated tree, with ratios against a hashing baseline measured in the same run.
# Usage: scripts/bench.sh [FILES=2000] [MIB=256]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -DskipTests -Dspotless.check.skip=true install -pl bench -am
mvn -q -B -ntp -pl bench exec:java -Dexec.args="${1:-2000} ${2:-256} $(pwd)/samples/whatsapp/Media"
