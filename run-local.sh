#!/usr/bin/env bash
# Starts the whole suite on this machine: an embedded Apache Kafka broker (KRaft), an
# embedded MongoDB-compatible store, the five services and the gateway, each in its own JVM.
# Builds first when the code changed since the last build. Ctrl-C stops everything.
#
#   ./run-local.sh [--data-dir DIR] [--logs-dir DIR] [--wipe] [--help]
#     --data-dir DIR  Kafka and MongoDB data (env SUITE_DATA_DIR, default var/data)
#     --logs-dir DIR  one log file per process (env SUITE_LOGS_DIR, default var/logs)
#     --wipe          delete the data folder first
#   Ports: GATEWAY_PORT (8080), AUTH_SERVICE_PORT (8081) ... CHAT_ROOM_SERVICE_PORT (8085),
#   KAFKA_PORT (9092), MONGO_PORT (27017).
#   JVM flags: quick-start ones (C1 only, serial GC, small heaps) unless SUITE_APP_JAVA_OPTS
#   (applications) and LAUNCHER_JAVA_OPTS (Kafka and the store) say otherwise; benchmarks
#   set both for the full JIT.
set -euo pipefail
cd "$(dirname "$0")"
home=$(pwd)

if ! command -v java >/dev/null 2>&1; then
	echo "run-local.sh needs a JDK 17 or newer on the PATH" >&2
	exit 1
fi
case " $* " in
*" --help "* | *" -h "*)
	sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
	exit 0
	;;
esac

stamp=var/.built
launcher=$(ls local-suite/target/local-suite-*-exec.jar 2>/dev/null | head -n 1 || true)
changed=""
if [ -z "$launcher" ] || [ ! -f "$stamp" ]; then
	changed=yes
else
	changed=$(find . -path ./var -prune -o -path '*/target' -prune -o \
		\( -path '*/src/main/*' -o -name pom.xml \) -newer "$stamp" -print -quit)
fi
if [ -n "$changed" ]; then
	echo "Building the suite (tests skipped; run ./mvnw verify for them)..."
	./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true package
	mkdir -p var
	touch "$stamp"
	launcher=$(ls local-suite/target/local-suite-*-exec.jar | head -n 1)
fi

export SUITE_HOME="$home"
# The launcher runs Kafka in-process; a class-data archive of it (recorded on the first run,
# used from then on) takes seconds off the broker's start. A new build records it again.
archive=var/app/local-suite.jsa
if [ -f "$archive" ] && [ "$archive" -nt "$launcher" ]; then
	cds="-XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:class+path=off"
else
	mkdir -p var/app
	rm -f "$archive"
	cds="-XX:ArchiveClassesAtExit=$archive -Xlog:cds=off"
fi
# shellcheck disable=SC2086
exec java ${LAUNCHER_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xmx768m} $cds -jar "$launcher" "$@"
