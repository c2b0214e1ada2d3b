#!/usr/bin/env bash
# Chat (or the records API) vs ping under load, on loopback, in the same run of the same app.
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
#     --endpoints "chat"            what is measured after ping, in order: chat (the default) and the records API's
#                                   votes-json, votes-csv, votes-page, deputy, scrutin, chart, and votes-json-gz,
#                                   votes-csv-gz, chart-gz (the same with Accept-Encoding: gzip; see records.lua), e.g.
#                                   --endpoints "votes-json votes-csv votes-page scrutin deputy chart"
#                                   (votes-page first asks every sitting deputy's page count, one request each)
#     --warmup S                    seconds of warm-up per endpoint (default 15)
#     --start-timeout S             seconds the started app may take to answer ping (default 90; a busy machine
#                                   may need 300)
#   Anything after -- goes to the app, e.g. -- --spring.threads.virtual.enabled=true
#
# Needs wrk (Debian: sudo apt-get install -y wrk) and, to start the app, java 21+ (JAVA_HOME honoured).
# wrk and the app share the machine: on 2 cores wrk takes a good part of one; say so when quoting figures.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
url="" port=18090 duration=20 connections="32" pin=0 mix=first-turns endpoints=chat warmup=15 start_timeout=90 app_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --url) url=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --pin) pin=1; shift ;;
    --mix) mix=$2; shift 2 ;;
    --endpoints) endpoints=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --start-timeout) start_timeout=$2; shift 2 ;;
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
  # per-address rate limit (docs/operators/security.md; the records API shares it) is lifted by its property
  # civic.web.address-rate-limit-burst, so that the endpoints are measured, not the 429s.
  (cd "$root" && exec "${app_cpu[@]}" "$java" -jar "$jar" --server.port="$port" --server.address=127.0.0.1 \
     --civic.web.address-rate-limit-burst=1000000000 ${app_args[@]+"${app_args[@]}"} >"$log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 "$start_timeout"); do
    curl -sf "$url/api/v1/ping" >/dev/null 2>&1 && break
    kill -0 "$app_pid" 2>/dev/null || { echo "the app did not start; its log:" >&2; cat "$log" >&2; exit 1; }
    sleep 1
  done
  curl -sf "$url/api/v1/ping" >/dev/null || { echo "the app is not up after $start_timeout s ($log)" >&2; exit 1; }
  echo "started the app (pid $app_pid, log $log) ${app_args[*]+${app_args[*]}}"
fi
case "$url" in
  http://127.0.0.1:*|http://localhost:*) ;;
  *) echo "loopback only: $url" >&2; exit 2 ;;
esac

uids=""
run() { # run <connections> <seconds> ping|chat|<records endpoint>
  local threads=2 args=() path=""
  [[ $1 -lt 2 ]] && threads=1
  case $3 in
    ping) path=/api/v1/ping ;;
    chat) args=(-s "$here/chat.lua" "$url" -- "$mix") ;;
    *) args=(-s "$here/records.lua" "$url" -- "$3" "$uids" "$scrutins") ;;
  esac
  [[ -n $path ]] && args=("$url$path")
  timeout $(( $2 + 30 )) "${wrk_cpu[@]}" wrk -t"$threads" -c"$1" -d"$2"s --timeout 5s --latency "${args[@]}"
}
rps() { awk '/^Requests\/sec/ {print $2}'; }
# CPU time the app spent (user + system, in clock ticks), when this script started it: throughput on a shared machine
# depends on what else runs, CPU time per request much less.
app_ticks() { [[ -n $app_pid ]] && awk '{print $14 + $15}' "/proc/$app_pid/stat" || echo 0; }
measure() { # measure <connections> <seconds> <endpoint>: wrk's output, then a line with the app's CPU per request
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
for e in $endpoints; do
  case $e in chat|votes-json|votes-csv|votes-page|deputy|scrutin|chart|votes-json-gz|votes-csv-gz|chart-gz) ;; *) echo "unknown endpoint: $e" >&2; exit 2 ;; esac
done
if [[ $endpoints != chat ]]; then
  # The records endpoints take their ids from the data: the sitting deputies, the scrutins' count.
  uids=$(mktemp)
  curl -sf "$url/api/v1/deputies?status=sitting&size=5000&format=csv" | awk -F, 'NR > 1 && $1 ~ /^PA[0-9]+$/ {print $1}' >"$uids"
  scrutins=$(curl -sf "$url/api/v1/scrutins?size=1" | grep -oP '"totalItems":\s*\K[0-9]+')
  [[ -s $uids && -n $scrutins ]] || { echo "could not read the deputies' uids or the scrutins' count from $url" >&2; exit 1; }
  if [[ " $endpoints " == *" votes-page "* ]]; then
    # A page past the last is a 400: each deputy's page count at the default size (100), beside their uid.
    paged=$(mktemp)
    while read -r uid; do
      total=$(curl -sf "$url/api/v1/deputies/$uid/votes?size=1" | grep -oP '"totalItems":\s*\K[0-9]+' || echo 0)
      echo "$uid $(( (total + 99) / 100 ))"
    done <"$uids" >"$paged"
    mv "$paged" "$uids"
  fi
  echo "records: $(wc -l <"$uids") sitting deputies, scrutins 1..$scrutins, a different id at every request"
fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); pinning: $([[ $pin == 1 ]] && echo 'app on CPU 0, wrk on CPU 1' || echo none); chat traffic: $mix"
echo "warm-up: $warmup s each of ping $endpoints at 32 connections"
run 32 "$warmup" ping >/dev/null
for e in $endpoints; do run 32 "$warmup" "$e" >/dev/null; done

for c in $connections; do
  echo "== $c connections, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  ping_out=$(measure "$c" "$duration" ping)
  p=$(rps <<<"$ping_out")
  echo "== ping, $c connections, ${duration} s"
  grep -E 'Requests/sec|Latency  |50%|75%|90%|99%|Non-2xx|Socket errors|App CPU' <<<"$ping_out" | sed 's/^/   /'
  for e in $endpoints; do
    out=$(measure "$c" "$duration" "$e")
    echo "== $e, $c connections, ${duration} s (load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
    grep -E 'Requests/sec|Latency  |50%|75%|90%|99%|Non-2xx|Socket errors|App CPU' <<<"$out" | sed 's/^/   /'
    q=$(rps <<<"$out")
    awk -v p="$p" -v q="$q" -v c="$c" -v e="$e" 'BEGIN { printf "== %d connections: %s/ping throughput = %.0f / %.0f = %.1f %%\n", c, e, q, p, 100*q/p }'
  done
done
