#!/usr/bin/env bash
# Runs every test of every module against a real PostgreSQL and Redis on loopback.
# Brings them up first (see infra.sh), so it works on a fresh Debian/Ubuntu machine with a JDK.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/infra.sh --reset-test-databases
exec ./mvnw -B -ntp verify "$@"
