#!/usr/bin/env bash
# Measures routing as agents see it: a room opened until the ticket-assigned event reaches the
# console stream (GET /v1/stream) of the agent it went to, and a room closed by its visitor
# until the ticket-closed event (CHAT_CLOSED) reaches that stream; p50/p99/max at RATE rooms/s
# with AGENTS online agents, then a ramp to find the highest routing rate sustained.
#
#   bench/ticket-routing-bench.sh        (AGENTS=20 RATE=200 PHASE_SECONDS=20 RAMP="300 400 600"; RAMP="" for none)
#   BARE=1 ...                           then runs the same plan against the bare framework
#                                        (bench/baselines/BareRouting.java: Spring Boot, WebFlux,
#                                        reactive MongoDB and spring-kafka on the suite's store,
#                                        database bench-bare-routing, and broker, topics
#                                        bench.bare.rooms and bench.bare.tickets; a room insert and
#                                        send, one findAndModify of the least loaded agent, a ticket
#                                        insert and send, the close likewise, nothing else), compiled
#                                        here from ticket-service's libraries and started on
#                                        BARE_PORT (8097) with the suite's JVM options
#                                        (SUITE_APP_JAVA_OPTS if set, else the full JIT) once the
#                                        suite is back to the CPU it used at rest before the load
#                                        (+10 % of a core, at most SETTLE_MAX=600 s); AGENTS agents
#                                        of capacity 100. Then compares p50/p99 at RATE, the highest
#                                        rate sustained (every room opened and assigned, no error,
#                                        assigned p99 under P99_LIMIT_MS=200) and CPU per room
#                                        with the suite's
#
# CPU per room opened is read from /proc for the suite's processes (and the bare app's) found
# by their ports on this machine; kafka+store is the launcher, which runs both.
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
if [ "${BARE:-0}" = "1" ]; then
	# Compiled before the suite's run, so that a mistake shows at once.
	compile_bare ticket-service BareRouting
fi
plan="warm:$RATE:5,${RATE}/s:$RATE:$SECONDS_PER_PHASE"
for rate in $RAMP; do plan="$plan,${rate}/s:$rate:10"; done

pid_on() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2 || true; }
suite_pids=""
for named in "gateway=${GATEWAY_PORT:-8080}" "auth=${AUTH_SERVICE_PORT:-8081}" \
	"operator-domain=${OPERATOR_DOMAIN_SERVICE_PORT:-8082}" "partner=${PARTNER_SERVICE_PORT:-8083}" \
	"ticket=${TICKET_SERVICE_PORT:-8084}" "chat-room=${CHAT_ROOM_SERVICE_PORT:-8085}" "kafka+store=${KAFKA_PORT:-9092}"; do
	suite_pids="$suite_pids,${named%%=*}=$(pid_on "${named#*=}")"
done
suite_pids=${suite_pids#,}
# CPU ticks (1/100 s) used so far by the processes of a name=pid list.
cpu_ticks() {
	local named pid total=0
	for named in ${1//,/ }; do
		pid=${named#*=}
		if [ -n "$pid" ] && [ -r "/proc/$pid/stat" ]; then
			total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }')))
		fi
	done
	echo "$total"
}
# Their CPU over the next 5 s, in % of a core.
cpu_over_5s() {
	local before
	before=$(cpu_ticks "$1")
	sleep 5
	echo $((($(cpu_ticks "$1") - before) / 5))
}
load() { java -XX:+UseSerialGC -Xmx512m -cp "$classpath" bench/ticket-routing-load.java "$@"; }

echo
if [ "${BARE:-0}" = "1" ]; then
	at_rest=$(cpu_over_5s "$suite_pids")
	echo "The suite's processes at rest: $at_rest % of a core."
fi
echo "$(nproc) cores shared by the load generator and the suite; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "assigned = room opened -> ticket-assigned on the agent's stream; closed = room closed -> ticket-closed CHAT_CLOSED (ms)"
load "$gateway" "$rooms" "$tickets" "$org_id" "$domain" "$(IFS=,; echo "${agents[*]}")" "$plan" suite "$suite_pids" |
	tee "$work/suite.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "${BARE:-0}" = "1" ] || exit 0

# --- The bare framework, once the suite has worked off what the last phases left queued.
waited=$(date +%s)
deadline=$((waited + ${SETTLE_MAX:-600}))
busy=$(cpu_over_5s "$suite_pids")
while [ "$busy" -gt $((at_rest + 10)) ] && [ "$(date +%s)" -lt "$deadline" ]; do
	busy=$(cpu_over_5s "$suite_pids")
done
echo
echo "The suite's processes at $busy % of a core after $(($(date +%s) - waited)) s (at rest before the load: $at_rest %)."
bare_port=${BARE_PORT:-8097}
bare=http://127.0.0.1:$bare_port
start_bare BareRouting "$bare_port" bench-bare-routing
bare_agents=()
for i in $(seq 1 "$AGENTS"); do
	curl -fsS -o /dev/null -X PUT "$bare/agents/bare-agent-$i/online?capacity=100"
	bare_agents+=("bare-agent-$i")
done
echo
echo "== reference: the bare framework (bench/baselines/BareRouting.java, $bare), $AGENTS agents of capacity 100"
# A fresh JVM: 30 s at a quarter of the rate first, as the suite had the warm-up runs before it.
load "$bare" "$bare" "$bare" - - "$(IFS=,; echo "${bare_agents[*]}")" "warm-jit:$((RATE / 4)):30,$plan" bare \
	"bare=$bare_pid,kafka+store=$(pid_on "${KAFKA_PORT:-9092}")" | tee "$work/bare.txt"
kill "$bare_pid" 2>/dev/null || true
wait "$bare_pid" 2>/dev/null || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# A column of a phase's row: 6 assigned p50, 7 assigned p99, 9 closed p50, 10 closed p99 (ms);
# from 12 on CPU ms per room of each process measured, kafka+store last.
column() { awk -v phase="$2" -v col="$3" '$1 == phase { print $col }' "$1"; }
cpu_last() { awk -v phase="$2" '$1 == phase && NF >= 12 { print $NF }' "$1"; }
cpu_all() { awk -v phase="$2" '$1 == phase && NF >= 12 { for (i = 12; i <= NF; i++) s += $i; printf "%.1f", s }' "$1"; }
# The highest rate whose phase assigned every room opened, without errors, at the offered
# rate, with assigned p99 under P99_LIMIT_MS (ten times the goal's 20 ms, as chat-bench's
# 100 ms is ten times its goal).
sustained() {
	awk -v limit="${P99_LIMIT_MS:-200}" '$1 ~ /\/s$/ { rate = $2; got = $3; asg = $4; sub("%", "", asg);
		if (asg + 0 >= 99.9 && $5 == 0 && got >= 0.98 * rate && $7 + 0 < limit && rate > best) best = rate }
		END { print best + 0 }' "$1"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
row() { printf '%-52s %10s %10s %10s\n' "$1" "$2" "$3" "$(ratio "$2" "$3")"; }
echo
printf '%-52s %10s %10s %10s\n' "" suite bare suite/bare
row "assigned p50 ms at ${RATE}/s" "$(column "$work/suite.txt" "${RATE}/s" 6)" "$(column "$work/bare.txt" "${RATE}/s" 6)"
row "assigned p99 ms at ${RATE}/s (goal <= 20 ms)" "$(column "$work/suite.txt" "${RATE}/s" 7)" \
	"$(column "$work/bare.txt" "${RATE}/s" 7)"
row "closed p50 ms at ${RATE}/s" "$(column "$work/suite.txt" "${RATE}/s" 9)" "$(column "$work/bare.txt" "${RATE}/s" 9)"
row "closed p99 ms at ${RATE}/s" "$(column "$work/suite.txt" "${RATE}/s" 10)" "$(column "$work/bare.txt" "${RATE}/s" 10)"
row "highest rate sustained, rooms/s" "$(sustained "$work/suite.txt")" "$(sustained "$work/bare.txt")"
row "CPU per room at ${RATE}/s, ms, all processes measured" "$(cpu_all "$work/suite.txt" "${RATE}/s")" \
	"$(cpu_all "$work/bare.txt" "${RATE}/s")"
row "CPU per room at ${RATE}/s, ms, kafka+store" "$(cpu_last "$work/suite.txt" "${RATE}/s")" \
	"$(cpu_last "$work/bare.txt" "${RATE}/s")"
