#!/usr/bin/env bash
# Brings up what the suite and its tests need on a Debian/Ubuntu machine, without Docker:
# PostgreSQL and Redis from the system packages (installed when missing, started when stopped),
# the local-dev role and every database (created idempotently, with the extensions the
# migrations need, because some of them may only be created by a superuser).
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PG_USER="${AURELLE_DB_USER:-aurelle}"
PG_PASSWORD="${AURELLE_DB_PASSWORD:-aurelle}"   # local-dev only credential
APP_DATABASES="aurelle_auth aurelle_marketplace aurelle_payments"
TEST_DATABASES="aurelle_common_test aurelle_auth_test aurelle_marketplace_test aurelle_payments_test"
DATABASES="$APP_DATABASES $TEST_DATABASES"
RESET_TEST_DATABASES=""
if [ "${1:-}" = "--reset-test-databases" ]; then RESET_TEST_DATABASES=1; fi
EXTENSIONS="btree_gist pg_trgm cube earthdistance unaccent pgcrypto"

log() { printf '[infra] %s\n' "$*"; }

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    $SUDO apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

ensure_postgres() {
  if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    log "installing PostgreSQL"
    apt_install postgresql postgresql-contrib
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
    log "creating PostgreSQL cluster $version/main"
    $SUDO pg_createcluster "$version" main >/dev/null
  fi
  if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
    log "starting PostgreSQL $version"
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
  for _ in $(seq 1 30); do
    if pg_isready -q -h 127.0.0.1 -p 5432; then return 0; fi
    sleep 1
  done
  log "PostgreSQL did not become ready on 127.0.0.1:5432" >&2
  exit 1
}

ensure_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    log "installing Redis"
    apt_install redis-server
  fi
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    log "starting Redis"
    $SUDO mkdir -p /var/lib/redis /var/log/redis
    # Redis holds only short-lived state here (rate limits, idempotency keys), so no persistence.
    $SUDO redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/aurelle.log
  fi
  for _ in $(seq 1 30); do
    if redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  log "Redis did not become ready on 127.0.0.1:6379" >&2
  exit 1
}

psql_super() {
  export PGOPTIONS="-c client_min_messages=warning"
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAt "$@"
  else
    sudo -u postgres psql -v ON_ERROR_STOP=1 -qAt "$@"
  fi
}

# Tests start from empty databases, so a run never depends on what an earlier run (or an edited
# migration) left behind.
reset_test_databases() {
  for db in $TEST_DATABASES; do
    psql_super -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  done
  for index in 1 2 3 4; do   # the modules' test Redis databases (see README)
    redis-cli -h 127.0.0.1 -p 6379 -n "$index" flushdb >/dev/null
  done
}

ensure_databases() {
  if [ "$(psql_super -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != "1" ]; then
    log "creating role $PG_USER"
    psql_super -c "CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD'"
  fi
  for db in $DATABASES; do
    if [ "$(psql_super -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
      log "creating database $db"
      psql_super -c "CREATE DATABASE $db OWNER $PG_USER"
    fi
    for ext in $EXTENSIONS; do
      psql_super -d "$db" -c "CREATE EXTENSION IF NOT EXISTS $ext CASCADE" >/dev/null
    done
  done
}

ensure_postgres
ensure_redis
if [ -n "$RESET_TEST_DATABASES" ]; then reset_test_databases; fi
ensure_databases
log "PostgreSQL on 127.0.0.1:5432 (role $PG_USER) and Redis on 127.0.0.1:6379 are ready"
