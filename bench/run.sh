#!/usr/bin/env bash
# Aurelle benchmark harness: login, free slots and salon search (10 000 seeded salons) through the
# gateway of a suite started by scripts/run-local.sh. See bench/README.md.
#   AURELLE_RATE_LIMIT_ENABLED=false scripts/run-local.sh    # in one terminal (login limits off)
#   bench/run.sh                                             # in another; results in bench/out/<time>/
# Environment: BENCH_GATEWAY (http://localhost:8080), BENCH_DURATION (20 s per scenario),
# BENCH_CONNECTIONS (8), BENCH_OVERLOAD_CONNECTIONS (128), BENCH_ONLY ("login slots search", any subset),
# PGHOST/PGPORT/PGUSER/PGPASSWORD/BENCH_DB (127.0.0.1/5432/aurelle/aurelle/aurelle_marketplace),
# AUTH_PID (auth-service process, found automatically for a local run).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

GW="${BENCH_GATEWAY:-http://localhost:8080}"; GW="${GW%/}"
DURATION="${BENCH_DURATION:-20}"
WARMUP="${BENCH_WARMUP:-5}"
CONN="${BENCH_CONNECTIONS:-8}"
OVERLOAD="${BENCH_OVERLOAD_CONNECTIONS:-128}"
ONLY="${BENCH_ONLY:-login slots search}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-aurelle}" PGPASSWORD="${PGPASSWORD:-aurelle}"
DB="${BENCH_DB:-aurelle_marketplace}"
PHONE="${BENCH_PHONE:-+998901000001}"
PASSWORD="${BENCH_PASSWORD:-demo-client-pass-2026}"

OUT="$ROOT/bench/out/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
SUMMARY="$OUT/summary.md"

log() { printf '[bench] %s\n' "$*" >&2; }
has() { case " $ONLY " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
missing=()
for tool in wrk jq curl psql; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  pkgs=$(printf '%s\n' "${missing[@]}" | sed 's/^psql$/postgresql-client/' | tr '\n' ' ')
  log "installing $pkgs(Debian packages)"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $pkgs >/dev/null
fi

# The gateway answers /healthz; a service addressed directly (BENCH_GATEWAY=http://localhost:18082) /q/health/ready.
curl -fs -m 5 -o /dev/null "$GW/healthz" || curl -fs -m 5 -o /dev/null "$GW/q/health/ready" \
  || { log "nothing answers at $GW: start scripts/run-local.sh first"; exit 1; }
# Leftovers of an interrupted run would distort every figure.
psql -q -v ON_ERROR_STOP=1 -d "$DB" -f "$ROOT/bench/unseed-salons.sql" >/dev/null

SEEDED=0
SAMPLER=""
cleanup() {
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  if [ "$SEEDED" = 1 ]; then
    log "removing the bench salons"
    psql -q -v ON_ERROR_STOP=1 -d "$DB" -f "$ROOT/bench/unseed-salons.sql" >/dev/null || log "unseed failed: run bench/unseed-salons.sql by hand"
  fi
}
trap cleanup EXIT
trap 'log "failed at line $LINENO (see $OUT)"' ERR
trap 'exit 130' INT TERM

# ---- facts about this run ----
{
  echo "# Bench run $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown) ($(git -C "$ROOT" log -1 --format=%s 2>/dev/null | cut -c1-80))"
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), kernel $(uname -r)"
  echo "- memory (free -m): $(free -m | awk '/^Mem:/ {print "total " $2 " MiB, used " $3 ", available " $7}')"
  echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), 2 threads, $DURATION s per scenario after a $WARMUP s warm-up, gateway $GW (nginx → service, loopback)"
  echo
  echo "| scenario | conns | req/s | p50 ms | p90 ms | p99 ms | max ms | statuses | socket errors |"
  echo "|---|---|---|---|---|---|---|---|---|"
} > "$SUMMARY"

# run_wrk NAME CONNECTIONS URL  (WRK_METHOD/WRK_BODY from the environment) → appends a table row.
# A short unrecorded warm-up first, so the JIT has compiled the path being measured.
run_wrk() {
  local name=$1 conns=$2 url=$3 raw="$OUT/$1.txt" json
  log "$name: warm-up ${WARMUP}s, then $conns connections, ${DURATION}s  $url"
  [ "$WARMUP" -gt 0 ] && wrk -t2 -c"$conns" -d"${WARMUP}s" --timeout 10s -s "$ROOT/bench/report.lua" "$url" >/dev/null 2>&1 || true
  wrk -t2 -c"$conns" -d"${DURATION}s" --timeout 10s --latency -s "$ROOT/bench/report.lua" "$url" > "$raw" 2>&1 || true
  json=$(sed -n 's/^WRK_JSON //p' "$raw")
  if [ -z "$json" ]; then log "wrk failed, see $raw"; cat "$raw" >&2; return 1; fi
  echo "$json" > "$OUT/$name.json"
  echo "$json" | jq -r --arg n "$name" --arg c "$conns" \
    '"| \($n) | \($c) | \(.rps) | \(.p50_ms) | \(.p90_ms) | \(.p99_ms) | \(.max_ms) | \(.statuses | to_entries | map("\(.key)×\(.value)") | join(" ")) | \(.socket_errors) |"' \
    >> "$SUMMARY"
}

NOTES=()

# ---- (a) login: Argon2id-bound; auth-service memory during the flood ----
if has login; then
  LOGIN_BODY=$(jq -nc --arg p "$PHONE" --arg w "$PASSWORD" '{phone:$p, password:$w}')
  code=$(curl -s -o "$OUT/login-probe.json" -w '%{http_code}' -H 'Content-Type: application/json' -d "$LOGIN_BODY" "$GW/api/auth/login")
  if [ "$code" = 429 ]; then
    NOTES+=("login skipped: rate limited (429). Start the suite with AURELLE_RATE_LIMIT_ENABLED=false scripts/run-local.sh for this scenario.")
    log "${NOTES[-1]}"
  elif [ "$code" != 200 ]; then
    log "login probe answered $code: $(cat "$OUT/login-probe.json")"; exit 1
  else
    AUTH_PID="${AUTH_PID:-$(pgrep -f 'auth-service/target/quarkus-app/quarkus-run.jar' | head -1 || true)}"
    vm() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$AUTH_PID/status" 2>/dev/null; }
    if [ -n "$AUTH_PID" ]; then
      echo "AUTH_PID=$AUTH_PID before: VmRSS $(vm VmRSS) kB, VmHWM $(vm VmHWM) kB" > "$OUT/auth-memory.txt"
      RSS_BEFORE=$(vm VmRSS); HWM_BEFORE=$(vm VmHWM)
      ( while sleep 0.5; do echo "$(date +%s.%N) $(vm VmRSS)"; done ) > "$OUT/auth-rss-samples.txt" &
      SAMPLER=$!
    fi
    export WRK_METHOD=POST WRK_BODY="$LOGIN_BODY" WRK_CONTENT_TYPE=application/json
    run_wrk login-steady 4 "$GW/api/auth/login"
    sleep 2
    run_wrk login-overload "$OVERLOAD" "$GW/api/auth/login"
    unset WRK_METHOD WRK_BODY WRK_CONTENT_TYPE
    if jq -s -e 'any(.[]; .statuses["429"] != null)' "$OUT/login-steady.json" "$OUT/login-overload.json" >/dev/null 2>&1; then
      NOTES+=("WARNING: logins were rate limited (429): the login figures measure the rate limiter, not Argon2id. Restart the suite with AURELLE_RATE_LIMIT_ENABLED=false.")
      log "${NOTES[-1]}"
    fi
    if [ -n "$SAMPLER" ]; then
      kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=""
      RSS_MAX=$(awk '$2 > m {m = $2} END {print m}' "$OUT/auth-rss-samples.txt")
      echo "after: VmRSS $(vm VmRSS) kB, VmHWM $(vm VmHWM) kB, max sampled VmRSS $RSS_MAX kB" >> "$OUT/auth-memory.txt"
      NOTES+=("auth-service memory (pid $AUTH_PID): VmRSS before $((RSS_BEFORE / 1024)) MiB, max sampled during the login floods $((RSS_MAX / 1024)) MiB; VmHWM (peak since start) before $((HWM_BEFORE / 1024)) MiB → after $(( $(vm VmHWM) / 1024 )) MiB")
    else
      NOTES+=("auth-service process not found (set AUTH_PID): no memory figures")
    fi
  fi
fi

# ---- (c) free slots of one demo salon over 7 days ----
if has slots; then
  salon=$(curl -fs -m 10 "$GW/api/salons?size=100" | jq -r '[.items[] | select(.nameEn | startswith("Bench ") | not)][0].id // empty')
  [ -n "$salon" ] || { log "no demo salon found (run-local.sh seeds them)"; exit 1; }
  service=$(curl -fs -m 10 "$GW/api/salons/$salon/services" | jq -r '.[0].id')
  from=$(TZ=Asia/Tashkent date -d tomorrow +%F); to=$(TZ=Asia/Tashkent date -d '+7 days' +%F)
  slots_url="$GW/api/salons/$salon/slots?serviceId=$service&from=$from&to=$to"
  nslots=$(curl -fs -m 10 "$slots_url" | jq '.slots | length')
  NOTES+=("free slots: salon $salon, service $service, $from..$to (7 days): $nslots free slots per answer")
  run_wrk slots-7-days "$CONN" "$slots_url"
fi

# ---- (b) salon search over 10 000 seeded salons ----
if has search; then
  log "seeding 10 000 bench salons into $DB"
  SEEDED=1
  psql -q -v ON_ERROR_STOP=1 -d "$DB" -f "$ROOT/bench/seed-salons.sql" > "$OUT/seed.txt"
  active=$(psql -Atq -d "$DB" -c "SELECT count(*) FROM salon WHERE status = 'ACTIVE' AND deleted_at IS NULL")
  services=$(psql -Atq -d "$DB" -c "SELECT count(*) FROM salon_service WHERE deleted_at IS NULL")
  NOTES+=("search data: $active ACTIVE salons, $services services (bench/seed-salons.sql)")
  NAILS=00000000-0000-4000-8000-000000000002
  declare -A SEARCH=(
    [search-text-salon-name]="/api/salons?q=nafosat&size=20"
    [search-text-service-name]="/api/salons?q=manikyur&size=20"
    [search-near-3km-by-distance]="/api/salons?lat=41.311&lon=69.279&radiusKm=3&size=20"
    [search-category-price]="/api/salons?categoryId=$NAILS&minPrice=10000000&maxPrice=12000000&size=20"
    [search-all-by-rating]="/api/salons?size=20"
    [search-open-now-near-3km]="/api/salons?lat=41.311&lon=69.279&radiusKm=3&openNow=true&size=20"
    [search-open-now-all]="/api/salons?openNow=true&size=20"
  )
  for name in search-text-salon-name search-text-service-name search-near-3km-by-distance search-category-price \
      search-all-by-rating search-open-now-near-3km search-open-now-all; do
    total=$(curl -fs -m 10 "$GW${SEARCH[$name]}" | jq .total)
    NOTES+=("$name: ${SEARCH[$name]} → total $total")
    run_wrk "$name" "$CONN" "$GW${SEARCH[$name]}"
  done

  # The SQL SearchService sends for these scenarios (captured from the service), with their parameters.
  psql -q -v ON_ERROR_STOP=1 -d "$DB" -f "$ROOT/bench/explain-search.sql" > "$OUT/explain.txt" 2>&1 \
    || log "EXPLAIN failed, see $OUT/explain.txt"
fi

{
  echo
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  for n in "${NOTES[@]}"; do echo "- $n"; done
  echo
  echo "Raw wrk output (with its latency distribution): $OUT/<scenario>.txt; EXPLAIN: $OUT/explain.txt"
} >> "$SUMMARY"
cat "$SUMMARY"
