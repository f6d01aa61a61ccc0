#!/usr/bin/env bash
# Latchkey's protocol-endpoint benchmark. Reports; never fails on a number.
#
#   modules/benchmarks/run.sh [--no-build] [--sweep] [--profile] [--no-wait]
#
# On the newest JDK of /usr/lib/jvm it builds the repository (unless --no-build), starts a
# Liberty server of its own (latchkey-bench: ports 9380/9743, PostgreSQL database
# latchkey_bench dropped and created for the run, Redis on 127.0.0.1:6379), and measures:
#   * start to ready: from `server start` to the first 200 of /health/ready (polled every 100 ms),
#     for the first start (empty database: schema, keys, keystore created) and for a restart
#     (the figure compared with the target);
#   * for each endpoint — client_credentials, introspection of a valid access JWT, userinfo,
#     refresh_token with rotation (without and with an ID token) — the rate at peak: wrk, warm-up
#     in 10 s rounds until the rate is stable (within 5 %; 6 to 12 rounds for the first
#     endpoint, 2 to REFRESH_WARMUP_ROUNDS (5) for the others), then 20 s (wrk shares the cores with
#     the server, as the targets assume); refresh.lua presents each family's latest token;
#   * p99 latency at half of each peak: FixedRateLoad, open loop, 3 s warm-up + 20 s;
#   * idle RSS: VmRSS of the server JVM 10 s after the load;
#   * the raw ES256 signing rate of the same JDK with 2 threads (JMH SigningBenchmark, after the
#     server is stopped), and tokens/s ÷ ES256 signs/s.
# --sweep tries a few wrk thread/connection mixes for 10 s each and measures the peak with the
# best one. --profile adds a 20 s JFR recording of the server under peak load (not part of the
# measured figures) and prints its hot methods. The run first waits (polling every 30 s) until
# no other Maven or Liberty process runs, unless --no-wait; the report says whether one appeared
# during the run.
# The table goes to stdout and modules/benchmarks/results/latest.md.
#
# Needs PostgreSQL (127.0.0.1:5432, user postgres, trust), Redis (127.0.0.1:6379), wrk, curl,
# jq, psql. Every request goes to localhost.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BENCH=$ROOT/modules/benchmarks

BUILD=1 SWEEP=0 PROFILE=0 WAIT=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    --sweep) SWEEP=1 ;;
    --profile) PROFILE=1 ;;
    --no-wait) WAIT=0 ;;
    *) echo "usage: $0 [--no-build] [--sweep] [--profile] [--no-wait]" >&2; exit 2 ;;
  esac
done

SERVER_NAME=latchkey-bench
HTTP_PORT=9380
HTTPS_PORT=9743
BASE_URL=http://localhost:$HTTP_PORT
DB_NAME=latchkey_bench
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-64}
WARMUP_SECONDS=10
# the endpoints after client credentials meet a warmed-up server: fewer rounds at most
REFRESH_WARMUP_ROUNDS=${REFRESH_WARMUP_ROUNDS:-5}
PEAK_SECONDS=20
FIXED_RATE_SECONDS=20

log() { printf '\n== %s\n' "$*" >&2; }

newest_jdk() { # the same choice as .ci/run
  local best="" best_version=0
  for home in /usr/lib/jvm/*/; do
    home="${home%/}"
    [ -x "$home/bin/javac" ] || continue
    local version
    version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    version="${version%%.*}"
    if [ -n "$version" ] && [ "$version" -gt "$best_version" ]; then best="$home"; best_version="$version"; fi
  done
  echo "$best"
}

JAVA_HOME="$(newest_jdk)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
JDK_DESCRIPTION=$("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p)
log "JDK: $JAVA_HOME ($JDK_DESCRIPTION)"

for tool in wrk curl jq psql; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done

# other heavy processes (builds, test servers) share the 2 cores: wait for them, then watch
# (Java processes only: a command waiting for a build lock names Maven without running it)
others() { pgrep -af 'maven|wlp' | awk '$2 ~ /(^|\/)java$/' | grep -v -e "$SERVER_NAME" || true; }
if [ "$WAIT" = 1 ]; then
  while [ -n "$(others)" ]; do
    log "waiting for other Maven/Liberty processes to end:"; others | cut -c1-160 >&2
    sleep 30
  done
fi

if [ "$BUILD" = 1 ]; then
  log "mvn install (no tests)"
  mvn -q -ntp -DskipTests -DskipITs install
fi

WLP=$ROOT/modules/server/target/liberty/wlp
SERVER_DIR=$WLP/usr/servers/$SERVER_NAME
WAR=$ROOT/modules/server/target/latchkey.war
CLASSPATH_FILE=$BENCH/target/benchmarks.classpath
for needed in "$WLP/bin/server" "$WAR" "$CLASSPATH_FILE"; do
  [ -e "$needed" ] || { echo "$needed is missing: run without --no-build" >&2; exit 1; }
done
BENCH_CP="$BENCH/target/classes:$(cat "$CLASSPATH_FILE")"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/latchkey-bench.XXXXXX")
SERVER_STARTED=0
# from here on, note any other Maven/Liberty process (it would take CPU from the measurement)
( while sleep 2; do others | cut -c1-160 >> "$WORK/others.txt"; done ) &
WATCHER_PID=$!
stop_server() {
  if [ "$SERVER_STARTED" = 1 ]; then
    SERVER_STARTED=0
    log "stopping $SERVER_NAME"
    "$WLP/bin/server" stop "$SERVER_NAME" >/dev/null 2>&1 || true
  fi
}
cleanup() {
  kill "$WATCHER_PID" 2>/dev/null || true
  stop_server
  rm -rf "$WORK"
}
trap cleanup EXIT

# ---- a server of our own, on an empty database ------------------------------------------------
log "creating server $SERVER_NAME and database $DB_NAME"
if [ -d "$SERVER_DIR" ]; then
  "$WLP/bin/server" stop "$SERVER_NAME" >/dev/null 2>&1 || true
  rm -rf "$SERVER_DIR"
fi
"$WLP/bin/server" create "$SERVER_NAME" >/dev/null
cp "$ROOT/liberty-config/server.xml" "$SERVER_DIR/server.xml"
mkdir -p "$SERVER_DIR/lib/jdbc" "$SERVER_DIR/apps"
for source in "$WLP/usr/servers/latchkey/lib/jdbc" "$WLP/usr/servers/latchkey-it/lib/jdbc"; do
  if compgen -G "$source/*.jar" >/dev/null; then cp "$source"/*.jar "$SERVER_DIR/lib/jdbc/"; break; fi
done
[ -f "$SERVER_DIR/lib/jdbc/postgresql.jar" ] || { echo "no JDBC drivers to copy (build first)" >&2; exit 1; }
cp "$WAR" "$SERVER_DIR/apps/latchkey.war"
mkdir -p "$WORK/data"
cat > "$SERVER_DIR/bootstrap.properties" <<EOF
default.http.port=$HTTP_PORT
default.https.port=$HTTPS_PORT
latchkey.data.dir=$WORK/data
EOF
# BENCH_JVM_OPTIONS (one option a line, none by default) only for investigations, e.g.
# -XX:StartFlightRecording=filename=/tmp/start.jfr
if [ -n "${BENCH_JVM_OPTIONS:-}" ]; then printf '%s\n' "$BENCH_JVM_OPTIONS" > "$SERVER_DIR/jvm.options"; fi
ADMIN_USERNAME=bench-admin
ADMIN_PASSWORD="bench-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
# `server create` wrote the keystore password into server.env: append, never replace
cat >> "$SERVER_DIR/server.env" <<EOF
LATCHKEY_PUBLIC_URL=$BASE_URL
LATCHKEY_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB_NAME
LATCHKEY_DB_USER=postgres
LATCHKEY_REDIS_URL=redis://127.0.0.1:6379
LATCHKEY_BOOTSTRAP_ADMIN_USERNAME=$ADMIN_USERNAME
LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD
EOF
# the shared 'test' database has the integration tests' users: the bootstrap admin is only
# created on an empty one
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null
psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $DB_NAME" >/dev/null

if curl -s -o /dev/null "$BASE_URL/health/ready"; then
  echo "something already listens on port $HTTP_PORT" >&2; exit 1
fi

# ---- start to ready: the first start (empty database, new server directory), then a restart ----
now_ms() { date +%s%3N; }
start_to_ready() { # prints seconds from `server start` to the first 200 of /health/ready
  local start_ms ready_ms="" start_pid
  start_ms=$(now_ms)
  "$WLP/bin/server" start "$SERVER_NAME" >> "$WORK/server-start.log" 2>&1 &
  start_pid=$!
  while [ $(( $(now_ms) - start_ms )) -lt 180000 ]; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE_URL/health/ready" || true)" = 200 ]; then
      ready_ms=$(now_ms); break
    fi
    sleep 0.1
  done
  wait "$start_pid" || true
  if [ -z "$ready_ms" ]; then
    echo "not ready after 180 s; see $SERVER_DIR/logs/messages.log" >&2
    tail -n 40 "$SERVER_DIR/logs/messages.log" >&2 || true
    return 1
  fi
  awk -v ms=$((ready_ms - start_ms)) 'BEGIN { printf "%.1f", ms / 1000 }'
}
log "starting $SERVER_NAME (first start: schema migration, generated keys, new keystore)"
SERVER_STARTED=1 # for the EXIT trap (start_to_ready runs in a subshell)
FIRST_START=$(start_to_ready)
log "ready in $FIRST_START s; restarting"
"$WLP/bin/server" stop "$SERVER_NAME" >/dev/null 2>&1
START_TO_READY=$(start_to_ready)
SERVER_PID=$(cat "$WLP/usr/servers/.pid/$SERVER_NAME.pid")
rss_mib() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
RSS_AT_READY=$(rss_mib)
log "restart ready in $START_TO_READY s (pid $SERVER_PID, RSS $RSS_AT_READY MiB)"

# ---- an admin token, the clients, the tokens and refresh-token families the endpoints need -------
ADMIN_TOKEN=$(curl -sf "$BASE_URL/token" -d grant_type=password -d client_id=latchkey-admin-cli \
  --data-urlencode "username=$ADMIN_USERNAME" --data-urlencode "password=$ADMIN_PASSWORD" | jq -r .access_token)
create_client() { # JSON body → the client secret
  curl -sf "$BASE_URL/api/v1/admin/clients" -H "Authorization: Bearer $ADMIN_TOKEN" \
    -H 'Content-Type: application/json' -d "$1" | jq -r .client_secret
}
# client_credentials, and introspection of its tokens: a service whose access tokens live an hour
# (access_token_lifetime), so the introspected token stays valid for the whole run
CLIENT_ID=bench-service
CLIENT_SECRET=$(create_client "{\"client_id\":\"$CLIENT_ID\",\"client_name\":\"Benchmark\",\"client_type\":\"confidential\",\"grant_types\":[\"client_credentials\"],\"scope\":\"api:read\",\"access_token_lifetime\":3600}")
[ -n "$CLIENT_SECRET" ] && [ "$CLIENT_SECRET" != null ] || { echo "could not create the client" >&2; exit 1; }
BENCH_AUTHORIZATION="Basic $(printf '%s:%s' "$CLIENT_ID" "$CLIENT_SECRET" | base64 -w0)"
export BENCH_AUTHORIZATION
FIRST=$(curl -s -w '\n%{http_code}' "$BASE_URL/token" -H "Authorization: $BENCH_AUTHORIZATION" \
  -d grant_type=client_credentials -d scope=api:read)
[ "$(tail -n1 <<<"$FIRST")" = 200 ] || { echo "token request failed: $FIRST" >&2; exit 1; }
SERVICE_TOKEN=$(head -n1 <<<"$FIRST" | jq -r .access_token)
TOKEN_BYTES=$(printf '%s' "$SERVICE_TOKEN" | wc -c)
# refresh with rotation and userinfo: an app of the bench admin's; the password grant starts
# refresh-token families without a browser (one Argon2id verification each, not measured)
APP_ID=bench-app
APP_SECRET=$(create_client "{\"client_id\":\"$APP_ID\",\"client_name\":\"Benchmark app\",\"client_type\":\"confidential\",\"grant_types\":[\"password\",\"refresh_token\"],\"scope\":\"openid offline_access api:read\",\"access_token_lifetime\":3600}")
[ -n "$APP_SECRET" ] && [ "$APP_SECRET" != null ] || { echo "could not create the app client" >&2; exit 1; }
APP_AUTHORIZATION="Basic $(printf '%s:%s' "$APP_ID" "$APP_SECRET" | base64 -w0)"
password_grant() { # scope → the token response
  curl -sf "$BASE_URL/token" -H "Authorization: $APP_AUTHORIZATION" -d grant_type=password \
    --data-urlencode "username=$ADMIN_USERNAME" --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "scope=$1"
}
USER_TOKEN=$(password_grant openid | jq -r .access_token)
[ -n "$USER_TOKEN" ] && [ "$USER_TOKEN" != null ] || { echo "no user token" >&2; exit 1; }
# each wrk run uses up the families in flight when it stops (at most one per connection), so a
# pool lasts the warm-up rounds and the peak with room to spare; FixedRateLoad needs 32 more
FAMILIES=$(( WRK_CONNECTIONS * (REFRESH_WARMUP_ROUNDS + 2) + 64 ))
start_families() { # file scope: FAMILIES refresh-token families, one token a line
  local pids=()
  : > "$1"
  for i in $(seq "$FAMILIES"); do
    password_grant "$2" | jq -r .refresh_token >> "$1" &
    pids+=($!)
    # four at a time; wait for these jobs only (a bare wait would also wait for the watcher)
    if [ $(( i % 4 )) = 0 ]; then wait "${pids[@]}"; pids=(); fi
  done
  [ ${#pids[@]} = 0 ] || wait "${pids[@]}"
  [ "$(grep -c . "$1")" -ge "$FAMILIES" ] || { echo "could not start $FAMILIES refresh-token families" >&2; exit 1; }
}
log "starting $FAMILIES refresh-token families per refresh benchmark (password grant)"
start_families "$WORK/refresh.tokens" "offline_access api:read"
start_families "$WORK/refresh-openid.tokens" "openid offline_access api:read"
export BENCH_WRK_THREADS=$WRK_THREADS
FORM=application/x-www-form-urlencoded

# ---- per endpoint: peak with wrk after a warm-up, then p99 at half of the peak ------------------
requests_per_second() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }'; }
non_2xx() { awk '/Non-2xx or 3xx responses:/ { n = $5 } /Socket errors:/ { s = $0 } END { print (n ? n : 0) (s ? " (" s ")" : "") }'; }

jit_state() { # --profile: the JIT's backlog and the CPU its threads used so far, next to the JVM's
  local queued jit_ticks all_ticks
  queued=$(jcmd "$SERVER_PID" Compiler.queue 2>/dev/null | grep -c -E '^[[:space:]]*[0-9]+[[:space:]]' || true)
  jit_ticks=$(for task in /proc/"$SERVER_PID"/task/*; do
      if grep -q 'Compiler' "$task/comm" 2>/dev/null; then sed 's/.*) //' "$task/stat" | awk '{ print $12 + $13 }'; fi
    done | awk '{ t += $1 } END { print t + 0 }')
  all_ticks=$(sed 's/.*) //' "/proc/$SERVER_PID/stat" | awk '{ print $12 + $13 }')
  awk -v q="$queued" -v j="$jit_ticks" -v a="$all_ticks" \
    'BEGIN { printf " (JIT queue %s methods; JIT threads %.0f s of the JVM'"'"'s %.0f s CPU)", q, j / 100, a / 100 }'
}

# measure NAME MIN_WARMUP_ROUNDS MAX_WARMUP_ROUNDS SCRIPT PATH -- FixedRateLoad options...
# The JIT needs a while for the EC arithmetic and the request path: warm up in rounds of 10 s
# until a round is within ±5 % of the previous one (at least MIN_WARMUP_ROUNDS, at least 2; at
# most MAX_WARMUP_ROUNDS),
# then wrk for PEAK_SECONDS, then FixedRateLoad at half of that rate. Sets PEAK_<NAME>,
# ERRORS_<NAME>, PEAK_P99_<NAME>, WARMUP_<NAME> and FIXED_<NAME>.
measure() {
  local name=$1 min_rounds=$2 max_rounds=$3 script=$4 path=$5 rate previous=0 rounds="" peak half fixed
  shift 6
  for round in $(seq 1 "$max_rounds"); do
    rate=$(wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${WARMUP_SECONDS}s" -s "$BENCH/$script" "$BASE_URL$path" \
      | requests_per_second)
    log "$name warm-up round $round: $rate/s$([ "$PROFILE" = 1 ] && jit_state || true)"
    rounds="$rounds${rounds:+, }$rate"
    if [ "$round" -ge 2 ] && [ "$round" -ge "$min_rounds" ] && [ $(( rate * 100 )) -le $(( previous * 105 )) ] \
       && [ $(( rate * 100 )) -ge $(( previous * 95 )) ]; then break; fi
    previous=$rate
  done
  log "$name peak: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS ${PEAK_SECONDS}s"
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${PEAK_SECONDS}s" --latency -s "$BENCH/$script" "$BASE_URL$path" \
    > "$WORK/peak-$name.txt"
  cat "$WORK/peak-$name.txt" >&2
  peak=$(requests_per_second < "$WORK/peak-$name.txt")
  half=$((peak / 2))
  log "$name fixed rate: $half/s for ${FIXED_RATE_SECONDS}s (after 3 s at the same rate)"
  fixed=$(java -Xmx128m -XX:+UseSerialGC -cp "$BENCH_CP" dev.latchkey.benchmarks.FixedRateLoad \
    --url "$BASE_URL$path" --rate "$half" --connections 32 --warmup 3 --duration "$FIXED_RATE_SECONDS" "$@")
  echo "$fixed" >&2
  printf -v "PEAK_$name" '%s' "$peak"
  printf -v "ERRORS_$name" '%s' "$(non_2xx < "$WORK/peak-$name.txt")"
  printf -v "PEAK_P99_$name" '%s' "$(awk '/^ +99%/ { print $2 }' "$WORK/peak-$name.txt")"
  printf -v "WARMUP_$name" '%s' "$rounds"
  printf -v "FIXED_$name" '%s' "$fixed"
}

SWEEP_NOTE=""
if [ "$SWEEP" = 1 ]; then
  best=0
  for mix in 1:16 2:16 2:32 2:64; do
    t=${mix%:*} c=${mix#*:}
    rate=$(wrk -t"$t" -c"$c" -d10s -s "$BENCH/token.lua" "$BASE_URL/token" | requests_per_second)
    log "sweep -t$t -c$c: $rate/s"
    SWEEP_NOTE="$SWEEP_NOTE -t$t -c$c: $rate/s;"
    if [ "$rate" -gt "$best" ]; then best=$rate WRK_THREADS=$t WRK_CONNECTIONS=$c; fi
  done
fi

# client credentials first: its warm-up also warms the HTTP stack, JAX-RS and ES256 for the others;
# at least 6 rounds, since its rate can pause for a round or two while it still climbs (seen on
# 2026-11-23: 1,554 then 1,610/s in rounds 3 and 4, where a longer warm-up reached 8,000/s)
measure cc 6 12 token.lua /token -- --authorization "$BENCH_AUTHORIZATION" \
  --body 'grant_type=client_credentials&scope=api%3Aread'
export BENCH_ACCESS_TOKEN=$SERVICE_TOKEN
measure introspect 2 "$REFRESH_WARMUP_ROUNDS" introspect.lua /introspect -- --authorization "$BENCH_AUTHORIZATION" \
  --body "token=$SERVICE_TOKEN"
export BENCH_USER_TOKEN=$USER_TOKEN
measure userinfo 2 "$REFRESH_WARMUP_ROUNDS" userinfo.lua /userinfo -- --method GET --authorization "Bearer $USER_TOKEN"
export BENCH_AUTHORIZATION=$APP_AUTHORIZATION
export BENCH_REFRESH_TOKENS=$WORK/refresh.tokens
measure refresh 2 "$REFRESH_WARMUP_ROUNDS" refresh.lua /token -- \
  --authorization "$APP_AUTHORIZATION" --refresh-tokens "$WORK/refresh.tokens"
export BENCH_REFRESH_TOKENS=$WORK/refresh-openid.tokens
measure refresh_openid 2 "$REFRESH_WARMUP_ROUNDS" refresh.lua /token -- \
  --authorization "$APP_AUTHORIZATION" --refresh-tokens "$WORK/refresh-openid.tokens"
export BENCH_AUTHORIZATION="Basic $(printf '%s:%s' "$CLIENT_ID" "$CLIENT_SECRET" | base64 -w0)"
PEAK=$PEAK_cc
field() { tr ' ' '\n' <<<"$2" | awk -F= -v k="$1" '$1 == k { print $2 }'; }

# ---- idle RSS (before any profiling) -------------------------------------------------------------
log "idle for 10 s"
sleep 10
IDLE_RSS=$(rss_mib)
# messages of level E in the server log, by message id (before any profiling)
LOG_ERRORS=$(awk '$6 == "E" { sub(/:$/, "", $7); print $7 }' "$SERVER_DIR/logs/messages.log" | sort | uniq -c | sort -rn | awk '{ printf "%s%s × %s", sep, $1, $2; sep = ", " }')

# ---- optional: where the server spends its time at peak ------------------------------------------
if [ "$PROFILE" = 1 ]; then
  log "profile: JFR for 20 s under wrk -t$WRK_THREADS -c$WRK_CONNECTIONS"
  jcmd "$SERVER_PID" JFR.start name=bench settings=profile duration=20s filename="$WORK/peak.jfr" >/dev/null
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d20s -s "$BENCH/token.lua" "$BASE_URL/token" | requests_per_second >&2
  echo " tokens/s while recording" >&2
  sleep 2
  mkdir -p "$BENCH/target"
  cp "$WORK/peak.jfr" "$BENCH/target/peak.jfr"
  jfr view --width 160 hot-methods "$WORK/peak.jfr" >&2 || true
  # share of the samples whose stack holds each frame (inclusive), and the exceptions thrown
  jfr print --stack-depth 256 --events jdk.ExecutionSample "$WORK/peak.jfr" | awk '
    BEGIN { n = split("TokenResource.token|AccessTokens.mint|ECDSASigner.sign|JWTClaimsSet|ClientAuthenticator|" \
                      "FormUrlEncodedProvider|MicroProfileJwtTAI|io.smallrye.config|updateHttpMetrics|" \
                      "OutcomeCounters|org.jboss.weld|org.jboss.resteasy|com.ibm.ws.http.channel", frames, "|") }
    /jdk.ExecutionSample/ { total++ }
    /stackTrace = \[/ { in_stack = 1; delete seen; next }
    in_stack && /^[[:space:]]*\]/ { in_stack = 0; for (f in seen) count[f]++; next }
    in_stack { for (i = 1; i <= n; i++) if (index($0, frames[i])) seen[frames[i]] = 1 }
    END { printf "\nShare of %d execution samples with the frame on the stack:\n", total
          for (i = 1; i <= n; i++) printf "  %5.1f%%  %s\n", 100 * count[frames[i]] / total, frames[i] }' >&2
  printf '\nExceptions thrown during the recording (sampled):\n' >&2
  jfr print --events jdk.JavaExceptionThrow "$WORK/peak.jfr" | awk -F'= ' '/thrownClass/ { sub(/ \(.*/, "", $2); print $2 }' \
    | sort | uniq -c | sort -rn | head -n 5 >&2
  log "the recording: $BENCH/target/peak.jfr (jfr view hot-methods|allocation-by-class|contention-by-site ...)"
fi

stop_server

# ---- the signing rate of this JVM ----------------------------------------------------------------
log "JMH SigningBenchmark, 2 threads"
java -cp "$BENCH_CP" org.openjdk.jmh.Main 'dev.latchkey.benchmarks.SigningBenchmark' \
  -t 2 -wi 2 -i 3 -w 2s -r 3s -f 1 -rf csv -rff "$WORK/jmh.csv" >&2
jmh_score() { awk -F, -v b="\"dev.latchkey.benchmarks.SigningBenchmark.$1\"" '$1 == b { printf "%.0f", $5 }' "$WORK/jmh.csv"; }
ES256=$(jmh_score accessTokenEs256)
RS256=$(jmh_score idTokenRs256)
RATIO=$(awk -v t="$PEAK" -v s="$ES256" 'BEGIN { printf "%.2f", t / s }')

# ---- the report ----------------------------------------------------------------------------------
verdict() { # value op target
  awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { ok = (op == "<=") ? (v <= t) : (v >= t); print ok ? "met" : "**missed**" }'
}
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
endpoint_rows() { # name label target: the peak and the p99 at half of it, against their targets
  local peak_var="PEAK_$1" fixed_var="FIXED_$1"
  local peak=${!peak_var} fixed=${!fixed_var}
  echo "| $2 at peak (wrk -t$WRK_THREADS -c$WRK_CONNECTIONS, ${PEAK_SECONDS} s) | $peak /s | ≥ $3 /s | $(verdict "$peak" '>=' "${3//,/}") |"
  echo "| $2: p99 at half of peak ($(field rate "$fixed")/s open loop, ${FIXED_RATE_SECONDS} s) | $(field p99_ms "$fixed") ms | ≤ 10 ms | $(verdict "$(field p99_ms "$fixed")" '<=' 10) |"
}
detail_rows() { # name label
  local warmup_var="WARMUP_$1" errors_var="ERRORS_$1" p99_var="PEAK_P99_$1" fixed_var="FIXED_$1"
  local fixed=${!fixed_var}
  echo "| $2: warm-up rounds of 10 s (/s) | ${!warmup_var} |"
  echo "| $2: errors at peak (non-2xx); p99 at peak (closed loop, wrk) | ${!errors_var}; ${!p99_var} |"
  echo "| $2: half-peak run: achieved/s, p50, p90, p99.9, max (ms), failed | $(field achieved "$fixed"), $(field p50_ms "$fixed"), $(field p90_ms "$fixed"), $(field p999_ms "$fixed"), $(field max_ms "$fixed"), $(field failed "$fixed") |"
}
{
  echo "# Benchmark: latest run"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- modules || echo ' (+ local changes)'),"
  echo "$JDK_DESCRIPTION, $(nproc) cores ($CPU), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)."
  if [ -n "${BENCH_JVM_OPTIONS:-}" ]; then jvm_note="$(tr '\n' ' ' <<<"$BENCH_JVM_OPTIONS")(set for this run, not shipped)"; else jvm_note="as shipped (none)"; fi
  echo "Liberty as built by the repository, JVM options $jvm_note, PostgreSQL + Redis on"
  echo "the same machine; wrk and the load driver share the cores with the server."
  echo "Produced by \`modules/benchmarks/run.sh\`."
  echo
  echo "| figure | measured | target | |"
  echo "|---|---|---|---|"
  echo "| start to ready, restart (\`server start\` → first 200 of /health/ready) | $START_TO_READY s | ≤ 5 s | $(verdict "$START_TO_READY" '<=' 5) |"
  echo "| idle RSS of the server JVM, 10 s after the load | $IDLE_RSS MiB | ≤ 300 MiB | $(verdict "$IDLE_RSS" '<=' 300) |"
  endpoint_rows cc "\`client_credentials\` tokens" "4,000"
  endpoint_rows introspect "introspection of a valid access JWT" "8,000"
  endpoint_rows userinfo "userinfo" "8,000"
  endpoint_rows refresh "\`refresh_token\` with rotation (scope \`offline_access api:read\`: no ID token)" "1,300"
  endpoint_rows refresh_openid "\`refresh_token\` with rotation and an RS256 ID token (scope \`openid ...\`)" "1,300"
  echo "| raw ES256 signing, access token (JMH, 2 threads) | $ES256 /s | | |"
  echo "| **client_credentials tokens/s ÷ ES256 signs/s** | **$RATIO** | | |"
  echo
  echo "For reference:"
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| start to ready, first start (empty database, new server directory, 8 signing keys generated) | $FIRST_START s |"
  echo "| RSS right after ready | $RSS_AT_READY MiB |"
  detail_rows cc "client_credentials"
  detail_rows introspect "introspection"
  detail_rows userinfo "userinfo"
  detail_rows refresh "refresh"
  detail_rows refresh_openid "refresh + ID token"
  echo "| raw RS256 signing, ID token (JMH, 2 threads) | $RS256 /s |"
  echo "| errors in the server's messages.log | ${LOG_ERRORS:-none} |"
  echo "| access token size | $TOKEN_BYTES bytes |"
  [ -z "$SWEEP_NOTE" ] || echo "| wrk sweep (10 s each) |$SWEEP_NOTE |"
  if [ -s "$WORK/others.txt" ]; then
    echo "| other Maven/Liberty processes during the run | **yes**, the figures are low: $(sort -u "$WORK/others.txt" | sed 's/.*Launcher//' | head -n 3 | tr '\n|' '; ' | cut -c1-200) |"
  else
    echo "| other Maven/Liberty processes during the run | none |"
  fi
} > "$WORK/latest.md"
mkdir -p "$BENCH/results"
cp "$WORK/latest.md" "$BENCH/results/latest.md"
echo
cat "$BENCH/results/latest.md"
