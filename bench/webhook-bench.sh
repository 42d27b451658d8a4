#!/usr/bin/env bash
# Measures webhook delivery: point top-ups of partner workspaces at a fixed rate through the
# gateway, each making one signed workspace.points_changed delivery to each of ENDPOINTS
# endpoints at a receiver on this machine; reports deliveries per second, the latency from
# the event's time to its arrival (p50, p99, max) and CPU time per delivery of
# partner-service, Kafka with the store, and the gateway: first a reference (the same
# posts sent straight to the receiver from the load generator), then the live endpoints
# alone, then with one more endpoint for the same events whose receiver accepts
# connections and never answers.
#
#   bench/webhook-bench.sh        (RATE=50 ENDPOINTS=20 PHASE_SECONDS=20 WORKSPACES=20)
#   BARE=1 ...                    then runs the same phases (but the reference) against the bare
#                                 framework (bench/baselines/BareWebhookSender.java: Spring Boot,
#                                 WebFlux, reactive MongoDB and spring-kafka on the suite's store
#                                 (database bench-bare-webhooks) and broker (topic
#                                 bench.bare.webhooks), one insert and one send per event, one
#                                 insert per event's deliveries, a signed post and one update per
#                                 delivery, nothing else), compiled and started here from
#                                 partner-service's libraries on BARE_PORT (8096) and measured
#                                 SETTLE (30) seconds after its consumers joined; then compares
#                                 p99, deliveries per second and CPU per delivery with the suite's
#
# Uses the suite already running on this machine if the gateway answers (partner-service must
# allow plain-HTTP receivers on 127.0.0.1, as the local run does); otherwise starts
# ./run-local.sh with a throw-away data folder and the full JIT and stops it at the end. The
# partner is the demo organisation (addon partner) with an API key made for the run.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${RATE:-50}
ENDPOINTS=${ENDPOINTS:-20}
WORKSPACES=${WORKSPACES:-20}
gateway_port=${GATEWAY_PORT:-8080}
partner_port=${PARTNER_SERVICE_PORT:-8083}
gateway=http://127.0.0.1:$gateway_port
work=$(mktemp -d)

# shellcheck source=bench/lib/suite.sh
. bench/lib/suite.sh
SECONDS_PER_PHASE=$(phase_seconds)
use_or_start_suite "$gateway" "http://127.0.0.1:$partner_port"

token=$(curl -fsS -G "$gateway/admin/access-token" --data-urlencode email=owner@demo.example \
	--data-urlencode "password=${SUITE_AUTH_DEMO_PASSWORD:-demo-password}" \
	--data-urlencode organisation_domain=demo --data-urlencode addon_unique_name=partner | jq -r .data.access_token)
key=$(curl -fsS -X POST "$gateway/auth/api-keys" -H "access_token: $token" -H 'Content-Type: application/json' \
	-d '{"name":"webhook bench","permissions":["workspaces:read","workspaces:write","points:write","webhooks:read","webhooks:write"]}' |
	jq -r .data.api_key)
[ -n "$key" ] && [ "$key" != null ] || { echo "no API key for the demo partner" >&2; exit 1; }
[ -d var/app/partner-service/lib ] || { echo "var/app/partner-service/lib is missing: run ./run-local.sh once" >&2; exit 1; }

pid_on() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2; }
pids="partner-service=$(pid_on "$partner_port"),kafka+store=$(pid_on "${KAFKA_PORT:-9092}"),gateway=$(pid_on "$gateway_port")"

echo "$WORKSPACES workspaces, $RATE top-ups/s for $SECONDS_PER_PHASE s per phase; $(nproc) cores shared by the load"
echo "generator, the receivers and the suite; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
load() {
	java -XX:+UseSerialGC -Xmx512m -cp "var/app/partner-service/lib/*" bench/webhook-load.java \
		"$1" "$key" "$RATE" "$SECONDS_PER_PHASE" "$WORKSPACES" "$ENDPOINTS" "$2" "${3:-suite}"
}
load "$gateway" "$pids" | tee "$work/suite.txt"
if [ "${BARE:-0}" != "1" ]; then
	echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
	exit 0
fi

bare_port=${BARE_PORT:-8096}
bare=http://127.0.0.1:$bare_port
compile_bare partner-service BareWebhookSender
start_bare BareWebhookSender "$bare_port" bench-bare-webhooks
# Whatever the suite's phases left queued drains before the bare run, so that it does not pay for it.
sleep "${SETTLE:-30}"
echo
echo "== reference: the bare framework (bench/baselines/BareWebhookSender.java, $bare)"
load "$bare" "bare=$bare_pid,kafka+store=$(pid_on "${KAFKA_PORT:-9092}")" bare | tee "$work/bare.txt"
kill "$bare_pid" 2>/dev/null || true
wait "$bare_pid" 2>/dev/null || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# A column of a phase's row (after its 26-character name): 5 deliveries/s, 7 p99 ms, 10 CPU
# µs per delivery of the first process named (partner-service, or the bare sender).
column() { awk -v phase="$2" -v col="$3" 'substr($0, 1, length(phase)) == phase { split(substr($0, 27), f, " "); print f[col] }' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
echo
# The sender's CPU: partner-service's against the bare sender's, in µs per delivery.
printf '%-56s %10s %10s %10s\n' "" "suite" "bare" "suite/bare"
for phase in "live endpoints" "plus one endpoint hanging"; do
	for measure in "p99 ms:7" "delivered per second:5" "sender CPU per delivery, us:10"; do
		suite_value=$(column "$work/suite.txt" "$phase" "${measure##*:}")
		bare_value=$(column "$work/bare.txt" "$phase" "${measure##*:}")
		printf '%-56s %10s %10s %10s\n' "$phase: ${measure%:*}" "$suite_value" "$bare_value" \
			"$(ratio "$suite_value" "$bare_value")"
	done
done
