#!/usr/bin/env bash
# Two builds of the gateway side by side on one machine, measured in turns: CPU time per request read from /proc.
# On a shared machine throughput says more about the other processes than about the code; the CPU time the app
# spends per request, measured for both builds in alternating runs of the same length, is the comparison to quote.
#
#   benchmarks/load/side-by-side.sh CHECKOUT_A CHECKOUT_B [rounds]
#     each CHECKOUT is a repository root with app/target/civic-gateway.jar built (./mvnw -q -DskipTests package);
#     the apps listen on 127.0.0.1:18211 and :18212; wrk (Debian: wrk) sends ping and first-turn chat traffic
#     (benchmarks/load/chat.lua of CHECKOUT_B), 32 connections, 10 s a run, after a warm-up.
set -euo pipefail
a=$(cd "$1" && pwd); b=$(cd "$2" && pwd); rounds=${3:-3}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
lua="$b/benchmarks/load/chat.lua"
start() { # checkout port
  (cd "$1" && exec "$java" -jar app/target/civic-gateway.jar --server.port="$2" --server.address=127.0.0.1 \
     --civic.storage.directory="$(mktemp -d)" --civic.web.rate-limit-burst=1000000000 \
     --civic.web.address-rate-limit-burst=1000000000 --logging.level.root=WARN >/dev/null 2>&1) &
  echo $!
}
pa=$(start "$a" 18211); pb=$(start "$b" 18212)
trap 'kill $pa $pb 2>/dev/null || true' EXIT
for p in 18211 18212; do
  for _ in $(seq 1 300); do curl -sf "127.0.0.1:$p/api/v1/ping" >/dev/null && break; sleep 1; done
done
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run() { # pid port ping|chat seconds label
  local t0 t1 out req rps
  t0=$(ticks "$1")
  if [[ $3 == chat ]]; then out=$(wrk -t2 -c32 -d"$4"s --timeout 5s -s "$lua" "http://127.0.0.1:$2/api/v1/chat" 2>&1)
  else out=$(wrk -t2 -c32 -d"$4"s --timeout 5s "http://127.0.0.1:$2/api/v1/ping" 2>&1); fi
  t1=$(ticks "$1")
  req=$(grep -oP '^\s*\K[0-9]+(?= requests in)' <<<"$out"); rps=$(grep -oP 'Requests/sec:\s*\K[0-9.]+' <<<"$out")
  awk -v t=$((t1 - t0)) -v r="$req" -v rps="$rps" -v hz="$(getconf CLK_TCK)" -v what="$5 $3" \
    'BEGIN { printf "%-6s %-5s %8.0f req/s %8.1f us CPU/request\n", what, "", rps, 1e6 * t / hz / r }'
}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); A = $a, B = $b"
run "$pa" 18211 chat 15 A >/dev/null; run "$pb" 18212 chat 15 B >/dev/null
run "$pa" 18211 ping 10 A >/dev/null; run "$pb" 18212 ping 10 B >/dev/null
for _ in $(seq 1 "$rounds"); do
  run "$pa" 18211 ping 10 A; run "$pb" 18212 ping 10 B
  run "$pa" 18211 chat 10 A; run "$pb" 18212 chat 10 B
done
