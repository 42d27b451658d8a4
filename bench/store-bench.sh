#!/usr/bin/env bash
# Measures the local store: inserts, and queries with an equality on an indexed field among
# other conditions (optimistic locks, claims, a ticket by its room, a poll of due work through
# a secondary index), against mongo-java-server as it comes, in the same run and the same
# JVM: the median and p99 time of one operation at a time, on a collection of DOCS
# documents, and their ratio. A find by _id alone, indexed by both, is the reference.
#
#   bench/store-bench.sh        (DOCS=20000 OPS=500)
#
# Needs the built jars (./mvnw -DskipTests package, or ./run-local.sh once).
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS=${DOCS:-20000}
OPS=${OPS:-500}
jar=$(ls local-suite/target/local-suite-*-exec.jar 2>/dev/null | head -n 1 || true)
[ -n "$jar" ] && [ -d var/app/partner-service/lib ] || { echo "build first: ./run-local.sh once" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && unzip -q "$OLDPWD/$jar" 'BOOT-INF/*')
echo "$(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -XX:+UseSerialGC -Xmx1g -cp "$work/BOOT-INF/classes:$work/BOOT-INF/lib/*:var/app/partner-service/lib/*" \
	bench/store-load.java "$DOCS" "$OPS"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
