#!/usr/bin/env bash
# Measures live chat delivery: a message POSTed to /api/v2/room-service/ until it arrives on
# its room's Server-Sent Events stream, with ROOMS rooms each holding one open stream (one
# connection per room). Reports p50/p90/p99/max latency at 1,000 messages/s, the highest rate
# sustained (all delivered, no error, the offered rate kept, p99 under 100 ms), and the CPU
# time per message of the gateway, chat-room-service, ticket-service (which follows every
# message) and the launcher (Kafka + store);
# through the gateway and, as the reference measured in the same run, to chat-room-service
# directly.
#
#   bench/chat-bench.sh                 (ROOMS=200 RATE=1000 PHASE_SECONDS=20 RAMP="1500 2000 3000 4000")
#   PROFILE=1 bench/chat-bench.sh       also records JFR profiles of chat-room-service and the
#                                       gateway during one more 1,000/s run, and summarises them
#   WARMUP=240 ...                      seconds at a quarter of RATE before measuring (default
#                                       30; the JIT keeps compiling for minutes at low rates)
#   SETTLE=30                           seconds between the gateway run and the direct one
#   BARE=1 ...                          also runs the same plan against the bare framework
#                                       (bench/baselines/BareChatRoom.java: Spring Boot, WebFlux,
#                                       reactive MongoDB and spring-kafka on the suite's broker
#                                       and store, one insert and one send per message, nothing
#                                       else), started here from chat-room-service's libraries
#
# Uses the suite already running on this machine if the gateway answers; otherwise starts
# ./run-local.sh (which builds if needed) with a throw-away data folder, the JIT's full
# compiler (the local run's quick-start flags stop at C1) and stops it at the end. Nothing else should run on the machine: the load generator shares its 2 cores with
# the suite. Messages are posted with an agent token of the demo organisation (SPEC section
# 8), as an agent's console would; the visitor rate limit does not apply to it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOMS=${ROOMS:-200}
RATE=${RATE:-1000}
RAMP=${RAMP:-1500 2000 3000 4000}
PROFILE=${PROFILE:-0}
gateway_port=${GATEWAY_PORT:-8080}
room_port=${CHAT_ROOM_SERVICE_PORT:-8085}
gateway=http://127.0.0.1:$gateway_port
service=http://127.0.0.1:$room_port
work=$(mktemp -d)

# shellcheck source=bench/lib/suite.sh
. bench/lib/suite.sh
SECONDS_PER_PHASE=$(phase_seconds)
pid_on() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2; }
use_or_start_suite "$gateway" "$service"

# --- The demo organisation's addon token, an operator and its agent token.
token=$(demo_token "$gateway")
org_id=$(org_of "$token")
operator=$(curl -fsS -X POST "$gateway/admin/operator/create" -H "access_token: $token" \
	-H 'Content-Type: application/json' -d "{\"email\":\"bench-$(date +%s%N)@demo.example\",\"first_name\":\"Bench\"}" |
	jq -r .data.id)
agent=""
for _ in $(seq 1 100); do
	agent=$(curl -s -X POST "$gateway/auth/agent-tokens" -H "access_token: $token" -H 'Content-Type: application/json' \
		-d "{\"operator_id\":\"$operator\"}" | jq -r '.data.access_token // empty')
	[ -n "$agent" ] && break
	sleep 0.2
done
[ -n "$agent" ] || { echo "no agent token for operator $operator" >&2; exit 1; }
echo "Demo organisation $org_id, operator $operator with an agent token."

gateway_pid=$(pid_on "$gateway_port")
room_pid=$(pid_on "$room_port")
infra_pid=$(pid_on "${KAFKA_PORT:-9092}")
ticket_pid=$(pid_on "${TICKET_SERVICE_PORT:-8084}")
pids="gateway=$gateway_pid,chat-room-service=$room_pid,ticket-service=$ticket_pid,kafka+store=$infra_pid"
classpath="var/app/chat-room-service/lib/*"
[ -d var/app/chat-room-service/lib ] || { echo "var/app/chat-room-service/lib is missing: run ./run-local.sh once" >&2; exit 1; }

# The JIT needs a while on two shared cores: a gentle warm-up first, then the rate itself.
plan="warm1:$((RATE / 4)):${WARMUP:-30},warm2:$RATE:10,${RATE}/s:$RATE:$SECONDS_PER_PHASE"
for rate in $RAMP; do plan="$plan,${rate}/s:$rate:10"; done

load() {
	java -XX:+UseSerialGC -Xmx512m -cp "$classpath" bench/chat-load.java "$1" "$agent" "$org_id" "$ROOMS" "$2" "$pids"
}

echo
echo "$ROOMS rooms, one stream each; $(nproc) cores shared by the load generator and the suite;"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "== through the gateway ($gateway)"
load "$gateway" "$plan" | tee "$work/gateway.txt"
# Whatever the gateway phases left queued (the last ramp step overloads on purpose) drains
# before the reference run starts, so that it does not pay for it.
sleep "${SETTLE:-30}"
echo
echo "== reference: chat-room-service directly ($service)"
load "$service" "$plan" | tee "$work/direct.txt"
if [ "${BARE:-0}" = "1" ]; then
	bare_port=${BARE_PORT:-8095}
	compile_bare chat-room-service BareChatRoom
	# shellcheck disable=SC2086 # the JVM options are a list
	java $bench_app_java_opts -cp "$work/bare-lib/*:$work/bare-classes" bench.BareChatRoom \
		--server.address=127.0.0.1 --server.port="$bare_port" \
		--spring.mongodb.uri="mongodb://127.0.0.1:${MONGO_PORT:-27017}" --spring.mongodb.database=bench-bare-chat \
		--spring.kafka.bootstrap-servers="127.0.0.1:${KAFKA_PORT:-9092}" --spring.kafka.producer.acks=all \
		--spring.kafka.producer.properties.enable.idempotence=true --spring.kafka.producer.properties.linger.ms=0 \
		--spring.kafka.listener.ack-mode=time --spring.kafka.listener.ack-time=1s \
		--logging.level.root=WARN >"$work/bare.log" 2>&1 &
	bare_pid=$!
	bare_up=0
	for _ in $(seq 1 600); do
		if curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"user_id":"probe"}' \
			"http://127.0.0.1:$bare_port/api/v2/room-control/" 2>/dev/null; then
			bare_up=1
			break
		fi
		kill -0 "$bare_pid" 2>/dev/null || break
		sleep 0.2
	done
	if [ "$bare_up" != "1" ]; then
		echo "the bare framework did not answer on port $bare_port within 120 s:" >&2
		cat "$work/bare.log" >&2
		kill "$bare_pid" 2>/dev/null || true
		exit 1
	fi
	# Its listener joins its group a few seconds after the first requests can be answered.
	sleep $((5 + ${SETTLE:-30}))
	echo
	echo "== reference: the bare framework (bench/baselines/BareChatRoom.java, port $bare_port)"
	pids="bare=$bare_pid,chat-room-service=$room_pid,ticket-service=$ticket_pid,kafka+store=$infra_pid" \
		load "http://127.0.0.1:$bare_port" "$plan" | tee "$work/bare.txt"
	kill "$bare_pid" 2>/dev/null || true
	wait "$bare_pid" 2>/dev/null || true
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# The highest rate whose phase delivered everything without errors at the offered rate and
# with p99 under 100 ms.
sustained() {
	awk 'NR > 1 && $1 !~ /^warm/ { rate = $2; got = $3; del = $4; sub("%", "", del);
		if (del + 0 >= 99.9 && $5 == 0 && got >= 0.98 * rate && $8 < 100 && rate > best) best = rate }
		END { print best + 0 }' "$1"
}
p() { awk -v phase="${RATE}/s" -v col="$2" '$1 == phase { print $col }' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
echo
[ -f "$work/bare.txt" ] || : >"$work/bare.txt"
printf '%-40s %12s %12s %12s\n' "" "gateway" "direct" "bare"
printf '%-40s %12s %12s %12s\n' "p50 ms at ${RATE}/s" "$(p "$work/gateway.txt" 6)" "$(p "$work/direct.txt" 6)" \
	"$(p "$work/bare.txt" 6)"
printf '%-40s %12s %12s %12s\n' "p99 ms at ${RATE}/s (goal <= 10 ms)" "$(p "$work/gateway.txt" 8)" \
	"$(p "$work/direct.txt" 8)" "$(p "$work/bare.txt" 8)"
g_max=$(sustained "$work/gateway.txt")
d_max=$(sustained "$work/direct.txt")
b_max=$(sustained "$work/bare.txt")
printf '%-40s %12s %12s %12s\n' "highest rate sustained, messages/s" "$g_max" "$d_max" "$b_max"
echo "p99 ratio gateway/direct at ${RATE}/s: $(ratio "$(p "$work/gateway.txt" 8)" "$(p "$work/direct.txt" 8)");" \
	"sustained rate ratio gateway/direct: $(ratio "$g_max" "$d_max")"
if [ -s "$work/bare.txt" ]; then
	echo "p99 ratio direct/bare at ${RATE}/s: $(ratio "$(p "$work/direct.txt" 8)" "$(p "$work/bare.txt" 8)");" \
		"sustained rate ratio direct/bare: $(ratio "$d_max" "$b_max")"
fi

if [ "$PROFILE" = "1" ]; then
	echo
	echo "Profiling chat-room-service and the gateway at ${RATE}/s (JFR)..."
	for target in "chat-room-service:$room_pid" "gateway:$gateway_pid"; do
		jcmd "${target#*:}" JFR.start name=chatbench settings=profile filename="$work/${target%%:*}.jfr" \
			duration="$((SECONDS_PER_PHASE + 5))s" >/dev/null
	done
	load "$gateway" "${RATE}/s:$RATE:$SECONDS_PER_PHASE" >/dev/null
	sleep 7
	for target in chat-room-service gateway; do
		echo "-- $target"
		python3 bench/gateway-jfr-hotspots.py "$work/$target.jfr" 20 || true
		cp "$work/$target.jfr" "/tmp/chat-bench-$target.jfr"
	done
	echo "Recordings kept in /tmp/chat-bench-*.jfr"
fi
