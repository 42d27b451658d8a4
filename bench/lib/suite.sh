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
