#!/usr/bin/env bash
# Chat vs ping under load, on loopback, in the same run of the same app.
#
#   benchmarks/load/chat-load.sh [options] [-- extra app arguments]
#     --url http://127.0.0.1:PORT   use an app that is already running (loopback only); else the script starts
#                                   app/target/civic-gateway.jar from the repository root and stops it at the end
#     --port N                      port of the app it starts (default 18090)
#     --duration S                  seconds of each measured run (default 20); warm-up is 15 s per endpoint
#     --connections "32 8"          connection counts to measure (default "32")
#     --pin                         pin the app to CPU 0 and wrk to CPU 1 (taskset); default: both share the cores
#     --mix first-turns|conversations
#                                   the chat traffic (see chat.lua): every request a new conversation (the default),
#                                   or five-message conversations that use their context
#   Anything after -- goes to the app, e.g. -- --spring.threads.virtual.enabled=true
#
# Needs wrk (Debian: sudo apt-get install -y wrk) and, to start the app, java 21+ (JAVA_HOME honoured).
# wrk and the app share the machine: on 2 cores wrk takes a good part of one; say so when quoting figures.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
url="" port=18090 duration=20 connections="32" pin=0 mix=first-turns app_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --url) url=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --pin) pin=1; shift ;;
    --mix) mix=$2; shift 2 ;;
    --) shift; app_args=("$@"); break ;;
    *) echo "unknown option: $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { echo "wrk is missing: sudo apt-get install -y wrk" >&2; exit 1; }
app_cpu=() wrk_cpu=()
if [[ $pin == 1 ]]; then
  command -v taskset >/dev/null || { echo "taskset is missing (util-linux)" >&2; exit 1; }
  app_cpu=(taskset -c 0) wrk_cpu=(taskset -c 1)
fi

app_pid=""
stop_app() { [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null; app_pid=""; }
trap stop_app EXIT

if [[ -z $url ]]; then
  java=${JAVA_HOME:+$JAVA_HOME/bin/}java
  jar=app/target/civic-gateway.jar
  [[ -f $root/$jar ]] || { echo "$jar not found: build first (./mvnw -q -B -DskipTests install)" >&2; exit 1; }
  url=http://127.0.0.1:$port
  log=$(mktemp)
  # From the repository root, so that the app finds ./config and ./data. wrk is one client address: the
  # per-address rate limit (docs/operators/security.md) is lifted so that the chat path is measured, not the 429s.
  (cd "$root" && exec "${app_cpu[@]}" "$java" -jar "$jar" --server.port="$port" --server.address=127.0.0.1 \
     --civic.web.address-rate-limit-burst=1000000000 ${app_args[@]+"${app_args[@]}"} >"$log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 90); do
    curl -sf "$url/api/v1/ping" >/dev/null 2>&1 && break
    kill -0 "$app_pid" 2>/dev/null || { echo "the app did not start; its log:" >&2; cat "$log" >&2; exit 1; }
    sleep 1
  done
  curl -sf "$url/api/v1/ping" >/dev/null || { echo "the app is not up after 90 s ($log)" >&2; exit 1; }
  echo "started the app (pid $app_pid, log $log) ${app_args[*]+${app_args[*]}}"
fi
case "$url" in
  http://127.0.0.1:*|http://localhost:*) ;;
  *) echo "loopback only: $url" >&2; exit 2 ;;
esac

run() { # run <connections> <seconds> ping|chat
  local threads=2 args=()
  [[ $1 -lt 2 ]] && threads=1
  [[ $3 == chat ]] && args=(-s "$here/chat.lua")
  timeout $(( $2 + 30 )) "${wrk_cpu[@]}" wrk -t"$threads" -c"$1" -d"$2"s --timeout 5s --latency \
    ${args[@]+"${args[@]}"} "$url$([[ $3 == ping ]] && echo /api/v1/ping)" $([[ $3 == chat ]] && echo -- "$mix")
}
rps() { awk '/^Requests\/sec/ {print $2}'; }
# CPU time the app spent (user + system, in clock ticks), when this script started it: throughput on a shared machine
# depends on what else runs, CPU time per request much less.
app_ticks() { [[ -n $app_pid ]] && awk '{print $14 + $15}' "/proc/$app_pid/stat" || echo 0; }
measure() { # measure <connections> <seconds> ping|chat: wrk's output, then a line with the app's CPU per request
  local before after out requests
  before=$(app_ticks)
  out=$(run "$@")
  after=$(app_ticks)
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  printf '%s\n' "$out"
  [[ -n $app_pid && -n $requests ]] && awk -v t=$(( after - before )) -v hz="$(getconf CLK_TCK)" -v r="$requests" \
    'BEGIN { printf "    App CPU: %.1f us per request (%.1f s for %d requests)\n", 1e6 * t / hz / r, t / hz, r }'
  return 0
}

[[ $mix == first-turns || $mix == conversations ]] || { echo "unknown mix: $mix (first-turns or conversations)" >&2; exit 2; }
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); pinning: $([[ $pin == 1 ]] && echo 'app on CPU 0, wrk on CPU 1' || echo none); chat traffic: $mix"
echo "warm-up: 15 s ping, 15 s chat at 32 connections"
run 32 15 ping >/dev/null
run 32 15 chat >/dev/null

for c in $connections; do
  ping_out=$(measure "$c" "$duration" ping)
  chat_out=$(measure "$c" "$duration" chat)
  for name in ping chat; do
    out=${name}_out
    echo "== $name, $c connections, ${duration} s"
    grep -E 'Requests/sec|Latency  |50%|75%|90%|99%|Non-2xx|Socket errors|App CPU' <<<"${!out}" | sed 's/^/   /'
  done
  p=$(rps <<<"$ping_out") q=$(rps <<<"$chat_out")
  awk -v p="$p" -v q="$q" -v c="$c" 'BEGIN { printf "== %d connections: chat/ping throughput = %.0f / %.0f = %.1f %%\n", c, q, p, 100*q/p }'
done
