#!/usr/bin/env bash
# Measures POST /admin/check-widget-visiblity, the call every merchant page view makes:
# throughput and p50/p99 latency with wrk, on loopback, against operator-domain-service
# directly and through the gateway.
#
#   bench/visibility-bench.sh [duration] [connections]     (default 20s, 16 connections)
#
# Uses the suite already running on this machine if the gateway answers; otherwise starts
# ./run-local.sh (which builds if needed) with a throw-away data folder and stops it at the
# end. Then, as the demo organisation (SPEC section 8, addon livechat), it creates an
# operator, a domain and an assignment through the addon admin API, publishes the
# operator's agent-status-changed ONLINE event on Kafka (bench/visibility-presence.java,
# as ticket-service would), waits until the widget is visible, and measures.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20s}
connections=${2:-16}
threads=2
gateway=http://127.0.0.1:${GATEWAY_PORT:-8080}
auth=http://127.0.0.1:${AUTH_SERVICE_PORT:-8081}
service=http://127.0.0.1:${OPERATOR_DOMAIN_SERVICE_PORT:-8082}
kafka=127.0.0.1:${KAFKA_PORT:-9092}
work=$(mktemp -d)
suite_pid=""

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq is needed: apt-get install -y jq" >&2; exit 1; }

cleanup() {
	if [ -n "$suite_pid" ]; then
		echo "Stopping the suite this script started (pid $suite_pid)..."
		kill -TERM "$suite_pid" 2>/dev/null || true
		wait "$suite_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

ready() { curl -fsS -o /dev/null --max-time 2 "$1/actuator/health/readiness" 2>/dev/null; }

if ready "$gateway" && ready "$service"; then
	echo "Using the suite already running."
else
	echo "Starting the suite (./run-local.sh, data in $work/data; builds first if the code changed)..."
	./run-local.sh --data-dir "$work/data" --logs-dir "$work/logs" >"$work/console.out" 2>&1 &
	suite_pid=$!
	for _ in $(seq 1 1800); do
		grep -q 'Suite ready' "$work/console.out" && break
		kill -0 "$suite_pid" 2>/dev/null || { cat "$work/console.out" >&2; exit 1; }
		sleep 0.5
	done
	grep -q 'Suite ready' "$work/console.out" || { echo "suite not ready after 15 min" >&2; exit 1; }
	grep -o 'Suite ready in [0-9.]* s' "$work/console.out"
fi

# --- An addon access token of the demo organisation, through the gateway if it routes it.
token_query=(--data-urlencode email=owner@demo.example --data-urlencode "password=${SUITE_AUTH_DEMO_PASSWORD:-demo-password}"
	--data-urlencode organisation_domain=demo --data-urlencode addon_unique_name=livechat)
token=$(curl -fsS -G "$gateway/admin/access-token" "${token_query[@]}" | jq -r .data.access_token || true)
if [ -z "$token" ] || [ "$token" = null ]; then
	echo "The gateway did not hand out a token; asking auth-service directly."
	token=$(curl -fsS -G "$auth/admin/access-token" "${token_query[@]}" | jq -r .data.access_token)
fi

# --- Operator, domain and assignment through the API: the gateway if it accepts the
# token, else the service itself.
api_base=$gateway
probe=$(curl -s -H "access_token: $token" "$gateway/admin/domain/probe.example" || true)
if ! echo "$probe" | grep -q "is not registered"; then
	echo "The gateway did not pass an addon API call with a valid token through ($probe);"
	echo "setting up on the service directly."
	api_base=$service
fi
api() {
	curl -fsS -X "$1" "$api_base$2" -H "access_token: $token" -H 'Content-Type: application/json' -d "$3"
}
run=$(date +%s)
domain="bench-$run.example"
email="bench-$run@demo.example"
operator_id=$(api POST /admin/operator/create "{\"email\":\"$email\",\"first_name\":\"Bench\"}" | jq -r .data.id)
api POST /admin/domain/create "{\"domain_name\":\"$domain\",\"email\":\"owner@demo.example\"}" >/dev/null
api POST /admin/operator/assign "{\"domain_name\":\"$domain\",\"operator_id\":\"$operator_id\"}" >/dev/null
echo "Created operator $operator_id, domain $domain and the assignment via $api_base."

java -cp "var/app/operator-domain-service/lib/*" bench/visibility-presence.java "$kafka" "$token" \
	"$operator_id" "$email" online >"$work/presence.log" 2>&1 || { cat "$work/presence.log" >&2; exit 1; }
grep '^published' "$work/presence.log"

body="{\"domain_name\":\"$domain\"}"
visible() {
	curl -s -X POST "$1/admin/check-widget-visiblity" -H "access_token: $token" \
		-H 'Content-Type: application/json' -d "$body"
}
for _ in $(seq 1 100); do
	visible "$service" | grep -q '"isWidgetVisible":true' && break
	sleep 0.2
done
answer=$(visible "$service")
echo "Widget check answers: $answer"
echo "$answer" | grep -q '"isWidgetVisible":true' || { echo "the widget never became visible" >&2; exit 1; }

cat >"$work/check.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["access_token"] = "$token"
LUA

# Runs wrk against one base URL: a 5 s warm-up, then the measured run. Prints one line.
measure() {
	local name=$1 base=$2 clients=${3:-$connections}
	local wrk_threads=$((clients < threads ? clients : threads))
	wrk -t"$wrk_threads" -c"$clients" -d5s --timeout 5s -s "$work/check.lua" "$base/admin/check-widget-visiblity" >/dev/null
	wrk -t"$wrk_threads" -c"$clients" -d"$duration" --timeout 5s --latency -s "$work/check.lua" \
		"$base/admin/check-widget-visiblity" >"$work/$name.txt"
	local rps p50 p99 errors
	rps=$(awk '/^Requests\/sec/ {print $2}' "$work/$name.txt")
	p50=$(awk '$1 == "50%" {print $2}' "$work/$name.txt")
	p99=$(awk '$1 == "99%" {print $2}' "$work/$name.txt")
	errors=$(awk '/Non-2xx/ {print $NF}' "$work/$name.txt")
	printf '%-46s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$name, $clients conn." "$rps" "$p50" "$p99" \
		"${errors:-0}"
}

echo
echo "wrk: up to $threads threads, $duration after a 5 s warm-up each; loopback; $(nproc) cores;"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (wrk, the suite and anything else share these cores)"
# One connection: the cost of one check with nothing queued; many: throughput at saturation.
measure "operator-domain-service :${service##*:}" "$service" 1
measure "operator-domain-service :${service##*:}" "$service"
gateway_answer=$(visible "$gateway")
if echo "$gateway_answer" | grep -q '"isWidgetVisible":true'; then
	measure "through the gateway :${gateway##*:}" "$gateway"
else
	echo "through the gateway: not measured, it answered: $gateway_answer"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Widget check still answers: $(visible "$service")"
