#!/usr/bin/env bash
# Starts the whole suite on this machine, without Docker: PostgreSQL + Redis (infra.sh), the three
# services with demo data, and the nginx gateway on http://localhost:8080. Ctrl-C stops it all.
#   scripts/run-local.sh            build, then run
#   scripts/run-local.sh --no-build run what is already built
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DEV="$ROOT/.dev"
SERVICES="auth-service marketplace-service payments-service"
GATEWAY_PORT="${AURELLE_GATEWAY_PORT:-8080}"

log() { printf '[run-local] %s\n' "$*"; }

./scripts/infra.sh

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  log "installing nginx"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx-light >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

mkdir -p "$DEV/keys" "$DEV/logs" "$DEV/nginx/logs"

# Local-dev signing key, generated once per checkout and never committed (.dev/ is ignored).
if [ ! -f "$DEV/keys/jwt-private.pem" ]; then
  log "generating a local-dev JWT signing key in .dev/keys"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$DEV/keys/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$DEV/keys/jwt-private.pem" -pubout -out "$DEV/keys/jwt-public.pem"
fi

if [ "${1:-}" != "--no-build" ]; then
  log "building (tests are run by scripts/test.sh)"
  ./mvnw -B -ntp -q package -DskipTests
fi

pids=()
stop_all() {
  log "stopping"
  [ -f "$DEV/nginx/nginx.pid" ] && "$NGINX" -p "$DEV/nginx" -c "$DEV/nginx/nginx.conf" -s stop 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# Shared local-dev settings (DEV-ONLY values; Kubernetes takes them from Secrets).
export QUARKUS_LOG_CONSOLE_JSON="false"   # readable logs locally; JSON in containers
export AURELLE_JWKS_URL="http://localhost:8081/.well-known/jwks.json"
export AURELLE_AUTH_JWT_PRIVATE_KEY_LOCATION="$DEV/keys/jwt-private.pem"
export AURELLE_AUTH_JWT_KEY_ID="local-dev-1"
export AURELLE_AUTH_DEMO_DATA="true"
export AURELLE_MARKETPLACE_DEMO_DATA_ENABLED="true"
export AURELLE_AUTH_SERVICE_CLIENTS_PAYMENTS_SERVICE_SECRET="local-dev-payments-secret"
export AURELLE_SERVICE_CLIENT_SECRET="$AURELLE_AUTH_SERVICE_CLIENTS_PAYMENTS_SERVICE_SECRET"
export AURELLE_MARKETPLACE_URL="http://localhost:8082"
export AURELLE_AUTH_URL="http://localhost:8081"
# The providers' local-dev placeholder credentials (payments-service application.properties) are
# refused outside dev/test unless explicitly allowed: this is a local run.
export AURELLE_PAYMENTS_LOCAL_DEV_CREDENTIALS_ALLOWED="true"

start() {
  local service=$1
  log "starting $service (log: .dev/logs/$service.log)"
  java -jar "$ROOT/$service/target/quarkus-app/quarkus-run.jar" >"$DEV/logs/$service.log" 2>&1 &
  pids+=($!)
}

wait_ready() {
  local name=$1 url=$2
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "$url"; then log "$name is ready"; return 0; fi
    sleep 1
  done
  log "$name did not become ready; see .dev/logs/" >&2
  exit 1
}

start auth-service
wait_ready auth-service http://localhost:8081/q/health/ready
start marketplace-service
start payments-service
wait_ready marketplace-service http://localhost:8082/q/health/ready
wait_ready payments-service http://localhost:8083/q/health/ready

sed -e "s/\${AUTH_UPSTREAM}/127.0.0.1:8081/; s/\${MARKETPLACE_UPSTREAM}/127.0.0.1:8082/; s/\${PAYMENTS_UPSTREAM}/127.0.0.1:8083/; s/\${GATEWAY_PORT}/$GATEWAY_PORT/" \
  deploy/nginx/gateway.conf.template > "$DEV/nginx/gateway.conf"
cat > "$DEV/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $DEV/nginx/nginx.pid;
error_log $DEV/nginx/logs/error.log warn;
events { worker_connections 512; }
http {
  access_log $DEV/nginx/logs/access.log;
  client_body_temp_path $DEV/nginx/client_body;
  proxy_temp_path $DEV/nginx/proxy;
  fastcgi_temp_path $DEV/nginx/fastcgi;
  uwsgi_temp_path $DEV/nginx/uwsgi;
  scgi_temp_path $DEV/nginx/scgi;
  include $DEV/nginx/gateway.conf;
}
CONF
"$NGINX" -p "$DEV/nginx" -c "$DEV/nginx/nginx.conf"
wait_ready gateway "http://localhost:$GATEWAY_PORT/healthz"

cat <<INFO

Aurelle is running. Gateway: http://localhost:$GATEWAY_PORT
  salons:     curl 'http://localhost:$GATEWAY_PORT/api/salons?size=5'
  categories: curl http://localhost:$GATEWAY_PORT/api/categories
  jwks:       curl http://localhost:$GATEWAY_PORT/.well-known/jwks.json
Services: auth :8081, marketplace :8082, payments :8083 (Swagger UI at /q/swagger-ui on each when enabled).
Logs in .dev/logs and .dev/nginx/logs. Ctrl-C stops everything.
INFO
wait
