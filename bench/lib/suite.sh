# Shared by the benchmark scripts: use the suite already running on this machine, or start
# ./run-local.sh with a throw-away data folder and the full JIT and stop it on exit; the demo
# organisation's addon token. Source it from the repository root after setting `work`.

# The full JIT, not the quick-start C1-only flags of a plain local run.
bench_app_java_opts="-XX:+UseSerialGC -Xss512k -Xms64m -Xmx320m -XX:+ExitOnOutOfMemoryError -Dspring.jmx.enabled=false"
bench_launcher_java_opts="-XX:+UseSerialGC -Xss512k -Xmx768m"
suite_pid=""

command -v jq >/dev/null || { echo "jq is needed: apt-get install -y jq" >&2; exit 1; }

stop_suite_and_clean() {
	if [ -n "$suite_pid" ]; then
		echo "Stopping the suite this script started (pid $suite_pid)..."
		kill -TERM "$suite_pid" 2>/dev/null || true
		wait "$suite_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap stop_suite_and_clean EXIT

ready() { curl -fsS -o /dev/null --max-time 2 "$1/actuator/health/readiness" 2>/dev/null; }

# Uses the running suite when every URL given is ready, else starts one and waits for it.
use_or_start_suite() {
	local url all_ready=1
	for url in "$@"; do ready "$url" || all_ready=0; done
	if [ "$all_ready" = 1 ]; then
		echo "Using the suite already running."
		return
	fi
	echo "Starting the suite (./run-local.sh with the full JIT, data in $work/data; builds first if the code changed)..."
	SUITE_APP_JAVA_OPTS=${SUITE_APP_JAVA_OPTS:-$bench_app_java_opts} \
	LAUNCHER_JAVA_OPTS=${LAUNCHER_JAVA_OPTS:-$bench_launcher_java_opts} \
		./run-local.sh --data-dir "$work/data" --logs-dir "$work/logs" >"$work/console.out" 2>&1 &
	suite_pid=$!
	for _ in $(seq 1 1800); do
		grep -q 'Suite ready' "$work/console.out" && break
		kill -0 "$suite_pid" 2>/dev/null || { cat "$work/console.out" >&2; exit 1; }
		sleep 0.5
	done
	grep -q 'Suite ready' "$work/console.out" || { echo "suite not ready after 15 min" >&2; exit 1; }
	grep -o 'Suite ready in [0-9.]* s' "$work/console.out"
}

# Seconds per phase: PHASE_SECONDS, or SECONDS as in earlier versions. SECONDS is also bash's
# own clock (seconds since the shell started, 0 right after a script starts unless the caller set
# it), so only a value above 0 counts as given; unset, it once made every phase last 0 s. Call it
# right after sourcing this file, before anything that takes a second.
phase_seconds() {
	if [ -n "${PHASE_SECONDS:-}" ]; then
		echo "$PHASE_SECONDS"
	elif [ "$SECONDS" -gt 0 ]; then
		echo "$SECONDS"
	else
		echo 20
	fi
}

# The demo organisation's (SPEC section 8) access token for the livechat addon.
demo_token() {
	curl -fsS -G "$1/admin/access-token" --data-urlencode email=owner@demo.example \
		--data-urlencode "password=${SUITE_AUTH_DEMO_PASSWORD:-demo-password}" \
		--data-urlencode organisation_domain=demo --data-urlencode addon_unique_name=livechat | jq -r .data.access_token
}

# The organisation id an access token names.
org_of() { cut -d. -f2 <<<"$1" | tr '_-' '/+' | base64 -d 2>/dev/null | jq -r .org || true; }

# --- Bare-framework references (bench/baselines, BARE=1): built from a service's libraries
# without the suite's shared code, run on the suite's own broker and store.

# Compiles bench/baselines/CLASS.java against SERVICE's libraries minus service-support and
# common-contracts, into $work/bare-lib and $work/bare-classes.
compile_bare() {
	mkdir -p "$work/bare-lib" "$work/bare-classes"
	cp "var/app/$1/lib/"*.jar "$work/bare-lib/"
	rm -f "$work"/bare-lib/service-support-*.jar "$work"/bare-lib/common-contracts-*.jar
	javac -nowarn -parameters -d "$work/bare-classes" -cp "$work/bare-lib/*" "bench/baselines/$2.java"
}

# Starts the compiled bench.CLASS on PORT with database DATABASE, with the suite's JVM options;
# sets bare_pid and stops it on exit. Waits up to 120 s for its GET /ready to answer 200 (it
# answers once every consumer has its partition: they read from the end of their topics, so a
# record sent before would be missed); otherwise prints why and its log, and exits.
start_bare() {
	local class=$1 port=$2 database=$3 status=000 deadline
	# shellcheck disable=SC2086 # the JVM options are a list
	java ${SUITE_APP_JAVA_OPTS:-$bench_app_java_opts} -cp "$work/bare-lib/*:$work/bare-classes" "bench.$class" \
		--server.address=127.0.0.1 --server.port="$port" \
		--spring.mongodb.uri="mongodb://127.0.0.1:${MONGO_PORT:-27017}" --spring.mongodb.database="$database" \
		--spring.kafka.bootstrap-servers="127.0.0.1:${KAFKA_PORT:-9092}" --spring.kafka.producer.acks=all \
		--spring.kafka.producer.properties.enable.idempotence=true --spring.kafka.producer.properties.linger.ms=0 \
		--spring.kafka.listener.ack-mode=time --spring.kafka.listener.ack-time=1s \
		--logging.level.root=WARN >"$work/bare.log" 2>&1 &
	bare_pid=$!
	trap 'kill "$bare_pid" 2>/dev/null || true; stop_suite_and_clean' EXIT
	deadline=$(($(date +%s) + 120))
	while [ "$(date +%s)" -lt "$deadline" ] && kill -0 "$bare_pid" 2>/dev/null; do
		status=$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "http://127.0.0.1:$port/ready" || true)
		[ "$status" = 200 ] && return 0
		sleep 0.2
	done
	if [ "$status" = 000 ]; then
		echo "$class did not answer on port $port within 120 s, or stopped:" >&2
	else
		echo "$class's consumers did not all get a partition of their topics within 120 s:" >&2
	fi
	cat "$work/bare.log" >&2
	exit 1
}
