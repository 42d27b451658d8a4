#!/usr/bin/env bash
# Malformed input through the gateway (issue 11, item 9): runs the fuzz test of suite-tests
# (MalformedInputFuzzTests) with many more requests than CI sends, against the suite started
# from its jars on embedded Kafka and storage, and prints its report.
#
#   bench/fuzz.sh                      # 12,000 requests, a new seed each run
#   REQUESTS=50000 SEED=42 bench/fuzz.sh
#   OPERATIONS='GET /partner/.*' bench/fuzz.sh   # only the operations matching a regex
#   MVN_OPTS=-o bench/fuzz.sh          # extra Maven options (here: offline)
#
# Every request breaks one thing (broken JSON, wrong types, huge and negative numbers, unicode
# and control characters, duplicate keys, media types, headers, oversized bodies, path
# traversal, methods) in a call to an operation of the services' OpenAPI documents. The run
# fails on any 5xx, stack frame or class name in an answer, or 4xx outside its family's error
# shape; the report lists each fault with an example. A seed reproduces a run exactly.
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS=${REQUESTS:-12000}
SEED=${SEED:-$(date +%s)}
OPERATIONS=${OPERATIONS:-}

echo "fuzz: ${REQUESTS} requests, seed ${SEED} (building the suite first)"
status=0
./mvnw -B -ntp -q ${MVN_OPTS:-} verify -pl suite-tests -am -Dtest=MalformedInputFuzzTests \
	-Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.requests="${REQUESTS}" -Dfuzz.seed="${SEED}" \
	-Dfuzz.operations="${OPERATIONS}" || status=$?
cat suite-tests/target/fuzz-report.txt
exit "${status}"
