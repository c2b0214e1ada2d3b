#!/usr/bin/env bash
# Chat load on PostgreSQL: ONE gateway instance beside TWO instances sharing one database, each set behind its own
# HAProxy frontend (round-robin, no sticky sessions, as docs/deployment.md deploys it), measured in alternating runs
# of the same length in one session. Reads throughput and latency percentiles from wrk, and the CPU time that the
# gateway processes, PostgreSQL and HAProxy spent (user + system, from /proc) per request.
#
#   benchmarks/load/two-instances.sh [options]
#     --jar PATH          the gateway jar (default: app/target/civic-gateway.jar of this checkout; build it first with
#                         ./mvnw -q -B -DskipTests package)
#     --duration S        seconds of each measured run (default 20)
#     --warmup S          seconds of chat each set gets first, unmeasured (default 30; on a loaded machine the JIT
#                         needs far more requests than a 30 s warm-up then sends)
#     --rounds N          measured rounds, each one run on one instance then one on two (default 3)
#     --connections N     wrk connections (default 32), 2 wrk threads
#     --mix first-turns|conversations   the chat traffic of chat.lua (default first-turns)
#     --base-port N       ports N (PostgreSQL), N+1 (one instance), N+2 and N+3 (two instances), N+4 and N+5
#                         (the two HAProxy frontends); default 18400
#
# Needs: wrk, haproxy (Debian: haproxy, or HAPROXY=/path/to/haproxy), PostgreSQL's server binaries (Debian's
# postgresql package: the newest /usr/lib/postgresql/<version>/bin is used, or PG_BIN=/path/to/bin), java 21+
# (JAVA_HOME honoured). PostgreSQL refuses to run as root: under root its commands run as PG_OS_USER (default
# postgres) through runuser. Everything (database cluster, logs) goes to a fresh temporary directory, removed at the
# end unless KEEP=1.
#
# All processes share the machine's cores: on a small machine two instances do not add capacity, and the figures
# show what splitting the load costs and that it works (no errors), not how it scales.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar=$root/app/target/civic-gateway.jar duration=20 warmup=30 rounds=3 connections=32 mix=first-turns base=18400
while [[ $# -gt 0 ]]; do
  case "$1" in
    --jar) jar=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --mix) mix=$2; shift 2 ;;
    --base-port) base=$2; shift 2 ;;
    *) echo "unknown option: $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
[[ $mix == first-turns || $mix == conversations ]] || { echo "unknown mix: $mix" >&2; exit 2; }
[[ -f $jar ]] || { echo "$jar not found: build first (./mvnw -q -B -DskipTests package)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing (Debian: wrk)" >&2; exit 1; }
haproxy=${HAPROXY:-$(command -v haproxy || true)}
[[ -x $haproxy ]] || { echo "haproxy is missing (Debian: haproxy, or set HAPROXY)" >&2; exit 1; }
pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[[ -x $pg_bin/initdb ]] || { echo "no PostgreSQL server binaries (Debian: postgresql, or set PG_BIN)" >&2; exit 1; }
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

pg_port=$base one_port=$((base + 1)) a_port=$((base + 2)) b_port=$((base + 3))
front1=$((base + 4)) front2=$((base + 5))
work=$(mktemp -d -t civic-two-instances-XXXXXX)
as_pg=()
if [[ $(id -u) == 0 ]]; then
  as_pg=(runuser -u "${PG_OS_USER:-postgres}" --)
  chown "${PG_OS_USER:-postgres}" "$work"
fi
pids=()
cleanup() {
  for p in ${pids[@]+"${pids[@]}"}; do kill "$p" 2>/dev/null || true; done
  for p in ${pids[@]+"${pids[@]}"}; do wait "$p" 2>/dev/null || true; done
  [[ -f $work/pg/postmaster.pid ]] && "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
  [[ ${KEEP:-0} == 1 ]] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT

# PostgreSQL: a fresh cluster on loopback, two databases (one per set, so that each starts empty).
"${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --no-locale >"$work/initdb.log" 2>&1
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/postgres.log" -w \
  -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
for db in civic_one civic_two; do
  "${as_pg[@]}" "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE $db" postgres
done
pg_main=$(head -1 "$work/pg/postmaster.pid")

start() { # name port database
  # From the repository root, so that the app finds ./config and ./data. HAProxy's address is every client's:
  # the per-address and per-conversation limits are lifted so that the chat path is measured, not the 429s.
  (cd "$root" && SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pg_port/$3" SPRING_DATASOURCE_USERNAME=postgres \
     SPRING_DATASOURCE_PASSWORD="" CIVIC_PSEUDONYM_SECRET="two-instances benchmark key, the same on every instance" \
     exec "$java" -Xmx768m -jar "$jar" --server.port="$2" --server.address=127.0.0.1 \
     --civic.web.rate-limit-burst=1000000000 --civic.web.address-rate-limit-burst=1000000000 \
     --logging.level.root=WARN >"$work/gateway-$1.log" 2>&1) &
  pids+=($!)
  eval "pid_$1=$!"
}
await() { # port
  for _ in $(seq 1 300); do curl -sf "127.0.0.1:$1/api/v1/ping" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "the gateway on port $1 is not up after 300 s (logs in $work; KEEP=1 keeps them)" >&2; exit 1
}
# The first instance of each database migrates it alone; the second of the pair starts once it is up.
start one "$one_port" civic_one; start a "$a_port" civic_two
await "$one_port"; await "$a_port"
start b "$b_port" civic_two; await "$b_port"

cat >"$work/haproxy.cfg" <<EOF
global
    maxconn 512
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
frontend one
    bind 127.0.0.1:$front1
    default_backend one
frontend two
    bind 127.0.0.1:$front2
    default_backend two
backend one
    server one 127.0.0.1:$one_port
backend two
    balance roundrobin
    server a 127.0.0.1:$a_port
    server b 127.0.0.1:$b_port
EOF
"$haproxy" -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
pids+=($!); pid_haproxy=$!
for _ in $(seq 1 50); do curl -sf "127.0.0.1:$front2/api/v1/ping" >/dev/null 2>&1 && break; sleep 0.2; done

ticks() { # CPU ticks (user + system) of the given pids, summed; a process gone counts 0
  local sum=0 p
  for p in "$@"; do v=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || true); sum=$((sum + ${v:-0})); done
  echo "$sum"
}
gateway_pids() { # the java processes of a set (the subshell execs java, so its pid is the JVM's)
  [[ $1 == one ]] && echo "$pid_one" || echo "$pid_a $pid_b"
}
postgres_ticks() { # the postmaster, its live backends, and (cutime + cstime) the backends that exited in between
  local main
  main=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pg_main/stat")
  echo $((main + $(ticks $(pgrep -P "$pg_main" | tr '\n' ' '))))
}
hz=$(getconf CLK_TCK)

run() { # one|two seconds [label]: wrk's figures and the CPU per request, on one line
  local front=$front1 out g0 g1 p0 p1 h0 h1
  [[ $1 == two ]] && front=$front2
  g0=$(ticks $(gateway_pids "$1")); p0=$(postgres_ticks); h0=$(ticks "$pid_haproxy")
  out=$(wrk -t2 -c"$connections" -d"$2"s --timeout 5s --latency -s "$here/chat.lua" "http://127.0.0.1:$front/api/v1/chat" -- "$mix" 2>&1)
  g1=$(ticks $(gateway_pids "$1")); p1=$(postgres_ticks); h1=$(ticks "$pid_haproxy")
  [[ -z ${3:-} ]] && return 0
  awk -v label="$3" -v g=$((g1 - g0)) -v p=$((p1 - p0)) -v h=$((h1 - h0)) -v hz="$hz" '
    /requests in/ { n = $1 }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
    /Non-2xx/ { bad = $NF }
    /Socket errors/ { errors = $0 }
    END { printf "%-12s %7.0f req/s  p50 %8s  p90 %8s  p99 %8s  gateway %6.1f us  postgres %6.1f us  haproxy %5.1f us CPU/request  non-2xx %s %s\n",
                 label, rps, p50, p90, p99, 1e6 * g / hz / n, 1e6 * p / hz / n, 1e6 * h / hz / n, bad + 0, errors }' <<<"$out"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $connections connections, ${warmup} s warm-up, ${duration} s runs, mix $mix"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'), $("$haproxy" -v | head -1 | awk '{print $1, $2, $3}')"
run one "$warmup"; run two "$warmup"
for r in $(seq 1 "$rounds"); do
  run one "$duration" "$r: 1 instance"
  run two "$duration" "$r: 2 instances"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
