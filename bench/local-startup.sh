#!/usr/bin/env bash
# Measures the one-command local run: time from the command to "Suite ready" (all six
# readiness endpoints UP), resident memory of every process, and that SIGTERM leaves no
# java process behind. Builds and prepares class-data archives first (not timed), then
# times a start on existing data.
#
#   bench/local-startup.sh [runs]    (default 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
data=$(mktemp -d)
logs=$(mktemp -d)
trap 'rm -rf "$data" "$logs"' EXIT

start_suite() {
	./run-local.sh --data-dir "$data" --logs-dir "$logs" >"$logs/console.out" 2>&1 &
	suite_pid=$!
}

wait_ready() {
	for _ in $(seq 1 1800); do
		grep -q 'Suite ready' "$logs/console.out" && return 0
		kill -0 "$suite_pid" 2>/dev/null || { cat "$logs/console.out"; return 1; }
		sleep 0.1
	done
	echo "not ready after 180 s" >&2
	return 1
}

stop_suite() {
	kill -TERM "$suite_pid"
	wait "$suite_pid" || true
}

echo "Warm-up (build if needed, class-data archives, first data)..."
start_suite
wait_ready
stop_suite

for run in $(seq 1 "$runs"); do
	begin=$(date +%s.%N)
	start_suite
	wait_ready
	end=$(date +%s.%N)
	printf 'run %d: command to "Suite ready": %.1f s (launcher says: %s)\n' "$run" \
		"$(awk -v a="$begin" -v b="$end" 'BEGIN { print b - a }')" "$(grep -o 'Suite ready in [0-9.]* s' "$logs/console.out")"
	if [ "$run" = "$runs" ]; then
		echo "Resident memory after start-up:"
		for pid in $(pgrep -P "$suite_pid") "$suite_pid"; do
			cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" | grep -oE '(var/app/[a-z-]+|local-suite)' | head -n 1 || true)
			rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
			printf '  %-32s %6d MiB\n' "${cmd#var/app/}" "$((rss / 1024))"
		done
	fi
	children=$(pgrep -P "$suite_pid" | tr '\n' ' ')
	stop_suite
	left=""
	for pid in $children; do
		kill -0 "$pid" 2>/dev/null && left="$left $pid"
	done
	if [ -n "$left" ]; then
		echo "run $run: java processes left after SIGTERM:$left" >&2
		exit 1
	fi
	echo "run $run: SIGTERM stopped every process"
done
