#!/usr/bin/env bash
# Throughput and latency of the gateway against nginx as a plain keep-alive reverse proxy,
# both in front of the same upstream (nginx answering a static 200 JSON), all on loopback.
#
#   bench/gateway-bench.sh            measure and print the table
#   BASELINES=1 bench/gateway-bench.sh
#                                     also measure two reference points built from the gateway's
#                                     own libraries (bench/baselines): a bare Reactor Netty proxy
#                                     (the engine alone) and Spring Cloud Gateway with one route
#                                     and none of the suite's filters (the framework alone)
#   PROFILE=1 bench/gateway-bench.sh  also record a JFR profile of the gateway under full load
#                                     and print its hottest frames (kept in $PROFILE_OUT)
#
# Besides requests/s and latency it prints the CPU time the proxy itself spent per request
# (from /proc), which stays meaningful when other work shares the machine.
#
# Every gateway request is GET /v1/tickets with a valid RS256 agent token, so it goes through
# the whole filter chain: correlation ids, CORS and rate-limit checks, token verification,
# identity headers, body limit, routing and the circuit breaker. The revocation listener is
# not started (no Kafka here); it is idle during the run anyway.
#
# Settings (environment): DURATION (15s per run), THREADS (2), CONNECTIONS (64), WARMUP (60s: the
# JIT needs about that long under load before the gateway's throughput settles),
# UPSTREAM_PORT (18081), NGINX_PORT (18082), GATEWAY_PORT (18083), GATEWAY_HEAP (512m),
# GATEWAY_JAVA_OPTS (extra JVM options for the gateway), ONLY_GATEWAY=1 (start everything, then
# wait instead of measuring: for profiling by hand).
#
# wrk 4.1 has no constant-rate mode (-R is wrk2 only), so "half the maximum rate" is
# approximated with a Lua delay() per connection: each connection waits PACE_DELAY_MS after
# every response, with enough connections to offer about half the gateway's maximum. The rate
# actually reached is printed next to each figure.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
WARMUP=${WARMUP:-60}
UPSTREAM_PORT=${UPSTREAM_PORT:-18081}
NGINX_PORT=${NGINX_PORT:-18082}
GATEWAY_PORT=${GATEWAY_PORT:-18083}
GATEWAY_HEAP=${GATEWAY_HEAP:-512m}
PACE_DELAY_MS=${PACE_DELAY_MS:-5}
PROFILE=${PROFILE:-0}
BASELINES=${BASELINES:-0}
RAW_PORT=${RAW_PORT:-18084}
BARE_PORT=${BARE_PORT:-18085}
PROFILE_OUT=${PROFILE_OUT:-/tmp/gateway-bench.jfr}

work=$(mktemp -d /tmp/gateway-bench.XXXXXX)
chmod 755 "$work"
gateway_pid=""
baseline_pids=""

cleanup() {
	for pid in $baseline_pids; do kill "$pid" 2>/dev/null || true; done
	if [ -n "$gateway_pid" ] && kill -0 "$gateway_pid" 2>/dev/null; then
		kill "$gateway_pid" 2>/dev/null || true
		for _ in $(seq 1 50); do kill -0 "$gateway_pid" 2>/dev/null || break; sleep 0.1; done
		kill -9 "$gateway_pid" 2>/dev/null || true
	fi
	for name in proxy upstream; do
		if [ -f "$work/$name.pid" ]; then
			kill "$(cat "$work/$name.pid")" 2>/dev/null || true
		fi
	done
	sleep 0.2
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- tools and jar
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
	apt-get update -qq
	apt-get install -y -qq wrk nginx >/dev/null
fi
jar=$(ls gateway/target/gateway-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
if [ -z "$jar" ]; then
	./mvnw -B -q -pl gateway -am -DskipTests package
	jar=$(ls gateway/target/gateway-*.jar | grep -v original | head -n 1)
fi

# --- a signing key, its JWK set, and one agent token as auth-service would issue it
openssl genrsa -out "$work/key.pem" 2048 2>/dev/null
python3 - "$work" <<'PY'
import base64, json, subprocess, sys, time, uuid
work = sys.argv[1]
b64 = lambda data: base64.urlsafe_b64encode(data).rstrip(b"=").decode()
modulus = subprocess.check_output(["openssl", "rsa", "-in", f"{work}/key.pem", "-noout", "-modulus"],
                                  stderr=subprocess.DEVNULL).decode().strip().split("=", 1)[1]
jwk = {"kty": "RSA", "kid": "bench-key", "alg": "RS256", "use": "sig",
       "n": b64(bytes.fromhex(modulus)), "e": "AQAB"}
with open(f"{work}/jwks.json", "w") as out:
    json.dump({"keys": [jwk]}, out)
now = int(time.time())
header = b64(json.dumps({"alg": "RS256", "kid": "bench-key", "typ": "JWT"}).encode())
claims = b64(json.dumps({"iss": "chat-suite", "sub": "operator-bench", "jti": str(uuid.uuid4()), "iat": now,
                         "exp": now + 3600, "kind": "agent", "org": "org-bench", "org_domain": "bench",
                         "addon": "livechat"}).encode())
signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", f"{work}/key.pem"],
                           input=f"{header}.{claims}".encode(), capture_output=True, check=True).stdout
with open(f"{work}/token", "w") as out:
    out.write(f"{header}.{claims}.{b64(signature)}")
PY
chmod 644 "$work/jwks.json"
token=$(cat "$work/token")

# --- nginx: the upstream (static 200 JSON, and the JWK set) and the reverse proxy
mkdir -p "$work/tmp"
common="access_log off; keepalive_requests 10000000; keepalive_timeout 120s;
	client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
	uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;"
cat >"$work/upstream.conf" <<EOF
worker_processes 1;
pid $work/upstream.pid;
error_log $work/upstream-error.log warn;
events { worker_connections 4096; }
http {
	$common
	server {
		listen 127.0.0.1:$UPSTREAM_PORT;
		location = /.well-known/jwks.json { default_type application/json; alias $work/jwks.json; }
		location / { default_type application/json; return 200 '{"tickets":[]}'; }
	}
}
EOF
# As many workers as the gateway has event-loop threads (one per core).
cat >"$work/proxy.conf" <<EOF
worker_processes $(nproc);
pid $work/proxy.pid;
error_log $work/proxy-error.log warn;
events { worker_connections 4096; }
http {
	$common
	upstream backend { server 127.0.0.1:$UPSTREAM_PORT; keepalive 256; }
	server {
		listen 127.0.0.1:$NGINX_PORT;
		location / {
			proxy_pass http://backend;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
		}
	}
}
EOF
nginx -p "$work" -c "$work/upstream.conf"
nginx -p "$work" -c "$work/proxy.conf"

# --- the gateway, every family routed to the upstream
upstream="http://127.0.0.1:$UPSTREAM_PORT"
java -Xms"$GATEWAY_HEAP" -Xmx"$GATEWAY_HEAP" ${GATEWAY_JAVA_OPTS:-} -jar "$jar" \
	--server.address=127.0.0.1 --server.port="$GATEWAY_PORT" \
	--suite.gateway.services.auth-service="$upstream" \
	--suite.gateway.services.operator-domain-service="$upstream" \
	--suite.gateway.services.partner-service="$upstream" \
	--suite.gateway.services.ticket-service="$upstream" \
	--suite.gateway.services.chat-room-service="$upstream" \
	--suite.security.jwks-uri="$upstream/.well-known/jwks.json" \
	--spring.kafka.bootstrap-servers=127.0.0.1:1 \
	--spring.kafka.listener.auto-startup=false \
	--spring.kafka.admin.auto-create=false \
	--logging.level.root=WARN >"$work/gateway.log" 2>&1 &
gateway_pid=$!

# --- reference points (BASELINES=1), from the gateway's own libraries and JDK
if [ "$BASELINES" = "1" ]; then
	mkdir -p "$work/lib" "$work/classes"
	unzip -q -j "$jar" 'BOOT-INF/lib/*' -d "$work/lib"
	# The bare gateway gets Spring Cloud Gateway and Boot, not the suite's shared code.
	rm -f "$work"/lib/service-support-*.jar "$work"/lib/common-contracts-*.jar
	javac -nowarn -d "$work/classes" -cp "$work/lib/*" bench/baselines/RawReactorNettyProxy.java \
		bench/baselines/BareGateway.java
	java -Xms"$GATEWAY_HEAP" -Xmx"$GATEWAY_HEAP" -cp "$work/lib/*:$work/classes" bench.RawReactorNettyProxy \
		"$RAW_PORT" "$upstream" >"$work/raw.log" 2>&1 &
	baseline_pids="$baseline_pids $!"
	raw_pid=$!
	java -Xms"$GATEWAY_HEAP" -Xmx"$GATEWAY_HEAP" -cp "$work/lib/*:$work/classes" bench.BareGateway \
		--server.address=127.0.0.1 --server.port="$BARE_PORT" --bench.upstream="$upstream" \
		--spring.kafka.bootstrap-servers=127.0.0.1:1 --logging.level.root=WARN >"$work/bare.log" 2>&1 &
	baseline_pids="$baseline_pids $!"
	bare_pid=$!
fi

url_direct="http://127.0.0.1:$UPSTREAM_PORT/v1/tickets"
url_nginx="http://127.0.0.1:$NGINX_PORT/v1/tickets"
url_gateway="http://127.0.0.1:$GATEWAY_PORT/v1/tickets"
url_raw="http://127.0.0.1:$RAW_PORT/v1/tickets"
url_bare="http://127.0.0.1:$BARE_PORT/v1/tickets"
auth="Authorization: Bearer $token"

for _ in $(seq 1 600); do
	if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "$url_gateway" || true)" = "200" ]; then
		break
	fi
	kill -0 "$gateway_pid" 2>/dev/null || { cat "$work/gateway.log"; exit 1; }
	sleep 0.1
done
urls=("$url_direct" "$url_nginx" "$url_gateway")
if [ "$BASELINES" = "1" ]; then
	urls+=("$url_raw" "$url_bare")
	for url in "$url_raw" "$url_bare"; do
		for _ in $(seq 1 600); do
			[ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" = "200" ] && break
			sleep 0.1
		done
	done
fi
for url in "${urls[@]}"; do
	code=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "$url")
	[ "$code" = "200" ] || { echo "$url answers $code" >&2; cat "$work/gateway.log" >&2; exit 1; }
done

if [ "${ONLY_GATEWAY:-0}" = "1" ]; then
	echo "gateway pid $gateway_pid: $url_gateway (direct $url_direct, nginx $url_nginx)" >&2
	echo "$token" >/tmp/gateway-bench.token
	echo "token in /tmp/gateway-bench.token; Ctrl-C stops everything" >&2
	wait "$gateway_pid"
	exit 0
fi

# --- measuring
# wrk prints latencies as 12.34us / 1.23ms / 1.23s: everything in ms.
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.3f", v }'; }

# CPU ticks (1/100 s, user + system) used so far by some processes
ticks() { local sum=0 pid; for pid in "$@"; do sum=$((sum + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done; echo "$sum"; }

# run <label> <url> <connections> [lua script] [pids whose CPU to count]:
# prints "rps p50 p99 non2xx cpu-us-per-request" and keeps wrk's output
run() {
	local label=$1 url=$2 connections=$3 script=${4:-} pids=${5:-}
	local args=(-t "$THREADS" -c "$connections" -d "${DURATION}s" --latency --timeout 5s -H "$auth")
	[ -n "$script" ] && args+=(-s "$script")
	local before=0 after=0
	[ -n "$pids" ] && before=$(ticks $pids)
	timeout $((DURATION + 30)) wrk "${args[@]}" "$url" >"$work/$label.out"
	[ -n "$pids" ] && after=$(ticks $pids)
	local rps p50 p99 errors requests cpu
	rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$work/$label.out")
	p50=$(awk '$1 == "50%" { print $2 }' "$work/$label.out" | to_ms)
	p99=$(awk '$1 == "99%" { print $2 }' "$work/$label.out" | to_ms)
	errors=$(awk '/Non-2xx or 3xx responses/ { print $NF }' "$work/$label.out")
	requests=$(awk '/requests in/ { print $1 }' "$work/$label.out")
	cpu=$(awk -v t=$((after - before)) -v n="$requests" 'BEGIN { printf "%.0f", (n > 0) ? t * 10000 / n : 0 }')
	echo "$rps $p50 $p99 ${errors:-0} $cpu"
}

warm() { timeout $(($2 + 30)) wrk -t "$THREADS" -c "$CONNECTIONS" -d "${2}s" -H "$auth" "$1" >/dev/null; }

echo "Warming up: gateway ${WARMUP}s (JIT), nginx 5s..." >&2
warm "$url_gateway" "$WARMUP"
warm "$url_nginx" 5
if [ "$BASELINES" = "1" ]; then
	echo "Warming up the reference points: ${WARMUP}s each..." >&2
	warm "$url_raw" "$WARMUP"
	warm "$url_bare" "$WARMUP"
fi

nginx_workers=$(pgrep -P "$(cat "$work/proxy.pid")" | tr '\n' ' ')
echo "Full load: ${DURATION}s, $THREADS threads, $CONNECTIONS connections..." >&2
read -r d_rps d_p50 d_p99 d_err d_cpu <<<"$(run direct "$url_direct" "$CONNECTIONS")"
read -r n_rps n_p50 n_p99 n_err n_cpu <<<"$(run nginx "$url_nginx" "$CONNECTIONS" "" "$nginx_workers")"
read -r g_rps g_p50 g_p99 g_err g_cpu <<<"$(run gateway "$url_gateway" "$CONNECTIONS" "" "$gateway_pid")"
if [ "$BASELINES" = "1" ]; then
	read -r r_rps r_p50 r_p99 r_err r_cpu <<<"$(run raw "$url_raw" "$CONNECTIONS" "" "$raw_pid")"
	read -r b_rps b_p50 b_p99 b_err b_cpu <<<"$(run bare "$url_bare" "$CONNECTIONS" "" "$bare_pid")"
fi

# Half the gateway's maximum: connections x 1 / (delay + service time) ~ target rate.
target=$((g_rps / 2))
paced=$(awk -v r="$target" -v d="$PACE_DELAY_MS" -v t="$THREADS" \
	'BEGIN { c = int(r * (d + 0.4) / 1000 / t + 0.5) * t; if (c < t) c = t; print c }')
printf 'local d = %s\nfunction delay() return d end\n' "$PACE_DELAY_MS" >"$work/pace.lua"
echo "Paced load: about $target req/s ($paced connections, ${PACE_DELAY_MS} ms pause after each response)..." >&2
read -r pd_rps pd_p50 pd_p99 pd_err _ <<<"$(run paced-direct "$url_direct" "$paced" "$work/pace.lua")"
read -r pn_rps pn_p50 pn_p99 pn_err _ <<<"$(run paced-nginx "$url_nginx" "$paced" "$work/pace.lua")"
read -r pg_rps pg_p50 pg_p99 pg_err _ <<<"$(run paced-gateway "$url_gateway" "$paced" "$work/pace.lua")"
if [ "$BASELINES" = "1" ]; then
	read -r pr_rps pr_p50 pr_p99 pr_err _ <<<"$(run paced-raw "$url_raw" "$paced" "$work/pace.lua")"
	read -r pb_rps pb_p50 pb_p99 pb_err _ <<<"$(run paced-bare "$url_bare" "$paced" "$work/pace.lua")"
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.3f", a - b }'; }

echo
echo "gateway benchmark: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -n 1)"
echo
printf '%-34s %9s %9s %9s %8s %12s\n' "full load (${CONNECTIONS} connections)" "req/s" "p50 ms" "p99 ms" "non-2xx" "proxy CPU/req"
printf '%-34s %9s %9s %9s %8s %12s\n' "direct to upstream" "$d_rps" "$d_p50" "$d_p99" "$d_err" "-"
printf '%-34s %9s %9s %9s %8s %12s\n' "nginx reverse proxy" "$n_rps" "$n_p50" "$n_p99" "$n_err" "${n_cpu} us"
printf '%-34s %9s %9s %9s %8s %12s\n' "gateway (token check, all filters)" "$g_rps" "$g_p50" "$g_p99" "$g_err" "${g_cpu} us"
if [ "$BASELINES" = "1" ]; then
	printf '%-34s %9s %9s %9s %8s %12s\n' "ref: bare Reactor Netty proxy" "$r_rps" "$r_p50" "$r_p99" "$r_err" "${r_cpu} us"
	printf '%-34s %9s %9s %9s %8s %12s\n' "ref: bare Spring Cloud Gateway" "$b_rps" "$b_p50" "$b_p99" "$b_err" "${b_cpu} us"
fi
echo
printf 'throughput ratio gateway/nginx  %s   (goal >= 0.80)\n' "$(ratio "$g_rps" "$n_rps")"
printf 'throughput ratio gateway/direct %s\n' "$(ratio "$g_rps" "$d_rps")"
printf 'CPU per request gateway/nginx   %s\n' "$(ratio "$g_cpu" "$n_cpu")"
if [ "$BASELINES" = "1" ]; then
	printf 'throughput ratio bare Reactor Netty/nginx    %s\n' "$(ratio "$r_rps" "$n_rps")"
	printf 'throughput ratio bare Spring Cloud Gateway/nginx %s\n' "$(ratio "$b_rps" "$n_rps")"
fi
echo
printf '%-34s %10s %10s %10s %12s\n' "half load (~${target} req/s offered)" "req/s" "p50 ms" "p99 ms" "p99 added"
printf '%-34s %10s %10s %10s %12s\n' "direct to upstream" "$pd_rps" "$pd_p50" "$pd_p99" "-"
printf '%-34s %10s %10s %10s %12s\n' "nginx reverse proxy" "$pn_rps" "$pn_p50" "$pn_p99" "$(minus "$pn_p99" "$pd_p99")"
printf '%-34s %10s %10s %10s %12s\n' "gateway" "$pg_rps" "$pg_p50" "$pg_p99" "$(minus "$pg_p99" "$pd_p99")"
if [ "$BASELINES" = "1" ]; then
	printf '%-34s %10s %10s %10s %12s\n' "ref: bare Reactor Netty proxy" "$pr_rps" "$pr_p50" "$pr_p99" "$(minus "$pr_p99" "$pd_p99")"
	printf '%-34s %10s %10s %10s %12s\n' "ref: bare Spring Cloud Gateway" "$pb_rps" "$pb_p50" "$pb_p99" "$(minus "$pb_p99" "$pd_p99")"
fi
echo
printf 'p99 added by the gateway over direct at half load: %s ms (goal <= 2 ms)\n' "$(minus "$pg_p99" "$pd_p99")"

if [ "$PROFILE" = "1" ]; then
	echo
	echo "Profiling the gateway under full load (JFR, ${DURATION}s)..." >&2
	rm -f "$PROFILE_OUT"
	jcmd "$gateway_pid" JFR.start name=bench settings=profile filename="$PROFILE_OUT" duration="${DURATION}s" >/dev/null
	run profiled "$url_gateway" "$CONNECTIONS" >/dev/null
	for _ in $(seq 1 100); do [ -s "$PROFILE_OUT" ] && break; sleep 0.2; done
	sleep 1
	python3 bench/gateway-jfr-hotspots.py "$PROFILE_OUT"
fi
