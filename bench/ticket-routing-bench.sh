#!/usr/bin/env bash
# Measures routing as agents see it: a room opened until the ticket-assigned event reaches the
# console stream (GET /v1/stream) of the agent it went to, and a room closed by its visitor
# until the ticket-closed event (CHAT_CLOSED) reaches that stream; p50/p99/max at RATE rooms/s
# with AGENTS online agents, then a ramp to find the highest routing rate sustained.
#
#   bench/ticket-routing-bench.sh        (AGENTS=20 RATE=200 PHASE_SECONDS=20 RAMP="300 400 600"; RAMP="" for none)
#
# Uses the suite already running on this machine if the gateway answers; otherwise starts
# ./run-local.sh (which builds if needed) with a throw-away data folder and stops it at the
# end. As the demo organisation (SPEC section 8, addon livechat) it creates AGENTS operators,
# a domain they are all assigned to, their agent tokens, puts them online and raises the
# organisation's capacity so that tickets never queue; every room is opened on that domain.
# Streams are read on ticket-service directly, rooms opened through the gateway and closed on
# chat-room-service directly (the visitor limit per client address would cap the rate). The
# load generator shares the machine's cores with the suite.
set -euo pipefail
cd "$(dirname "$0")/.."
AGENTS=${AGENTS:-20}
RATE=${RATE:-200}
RAMP=${RAMP-300 400 600}
gateway=http://127.0.0.1:${GATEWAY_PORT:-8080}
rooms=http://127.0.0.1:${CHAT_ROOM_SERVICE_PORT:-8085}
tickets=http://127.0.0.1:${TICKET_SERVICE_PORT:-8084}
work=$(mktemp -d)

# shellcheck source=bench/lib/suite.sh
. bench/lib/suite.sh
SECONDS_PER_PHASE=$(phase_seconds)
use_or_start_suite "$gateway" "$tickets" "$rooms"

# --- The demo organisation's addon token; a domain; AGENTS operators assigned to it, online.
token=$(demo_token "$gateway")
org_id=$(org_of "$token")
api() {
	curl -fsS -X "$1" "$gateway$2" -H "access_token: $token" -H 'Content-Type: application/json' -d "$3"
}
run=$(date +%s)
domain="routing-bench-$run.example"
api POST /admin/domain/create "{\"domain_name\":\"$domain\",\"email\":\"bench@demo.example\"}" >/dev/null
# Capacity high enough that no ticket waits in the queue: the figure is routing, not queueing.
settings="{\"capacity\":100}"
curl -fsS -X PUT "$gateway/admin/routing-settings" -H "access_token: $token" -H 'Content-Type: application/json' \
	-d "$settings" >/dev/null 2>&1 ||
	curl -fsS -X PUT "$tickets/admin/routing-settings" -H "access_token: $token" -H 'Content-Type: application/json' \
		-d "$settings" >/dev/null
agents=()
for i in $(seq 1 "$AGENTS"); do
	operator=$(api POST /admin/operator/create "{\"email\":\"router-$run-$i@demo.example\",\"first_name\":\"Agent$i\"}" |
		jq -r .data.id)
	api POST /admin/operator/assign "{\"domain_name\":\"$domain\",\"operator_id\":\"$operator\"}" >/dev/null
	agent=""
	for _ in $(seq 1 100); do
		agent=$(curl -s -X POST "$gateway/auth/agent-tokens" -H "access_token: $token" -H 'Content-Type: application/json' \
			-d "{\"operator_id\":\"$operator\"}" | jq -r '.data.access_token // empty')
		[ -n "$agent" ] && break
		sleep 0.2
	done
	[ -n "$agent" ] || { echo "no agent token for operator $operator" >&2; exit 1; }
	for _ in $(seq 1 100); do
		curl -fsS -o /dev/null -X PUT "$gateway/v1/online" -H "Authorization: Bearer $agent" && break
		sleep 0.2
	done
	agents+=("$agent")
done
echo "Demo organisation $org_id: $AGENTS agents online, assigned to $domain."

classpath="var/app/ticket-service/lib/*"
[ -d var/app/ticket-service/lib ] || { echo "var/app/ticket-service/lib is missing: run ./run-local.sh once" >&2; exit 1; }
plan="warm:$RATE:5,${RATE}/s:$RATE:$SECONDS_PER_PHASE"
for rate in $RAMP; do plan="$plan,${rate}/s:$rate:10"; done

echo
echo "$(nproc) cores shared by the load generator and the suite; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "assigned = room opened -> ticket-assigned on the agent's stream; closed = room closed -> ticket-closed CHAT_CLOSED (ms)"
java -XX:+UseSerialGC -Xmx512m -cp "$classpath" bench/ticket-routing-load.java "$gateway" "$rooms" "$tickets" \
	"$org_id" "$domain" "$(IFS=,; echo "${agents[*]}")" "$plan"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
