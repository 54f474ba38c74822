#!/usr/bin/env bash
# End-to-end smoke check of a running suite, through the gateway only (what a client and Payme see).
# Run it after scripts/run-local.sh:
#   scripts/smoke.sh                         # gateway http://localhost:8080
#   AURELLE_GATEWAY=http://host:port scripts/smoke.sh   (or: scripts/smoke.sh http://host:port)
# Uses the DEV-ONLY demo client (auth-service/README.md) and the local-dev Payme key
# (payments-service application.properties, PAYME_KEY default local-dev-payme-key); override with
# SMOKE_PHONE / SMOKE_PASSWORD / PAYME_KEY. It books one real slot of a demo salon and pays it, so each
# run leaves one paid demo booking behind. One line per step; on failure the response is printed and
# the script exits non-zero.
set -euo pipefail

GW="${1:-${AURELLE_GATEWAY:-http://localhost:8080}}"
GW="${GW%/}"
PHONE="${SMOKE_PHONE:-+998901000001}"
PASSWORD="${SMOKE_PASSWORD:-demo-client-pass-2026}"
PAYME_KEY="${PAYME_KEY:-local-dev-payme-key}"
PAY_WAIT="${SMOKE_PAY_WAIT_SECONDS:-60}"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need jq; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing jq"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq jq >/dev/null
fi
need curl || { echo "curl is required" >&2; exit 2; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
BODY="$TMP/body"
STEP=0

ok() { STEP=$((STEP + 1)); printf 'ok   %2d  %s\n' "$STEP" "$*"; }
fail() {
  STEP=$((STEP + 1))
  printf 'FAIL %2d  %s\n' "$STEP" "$1" >&2
  [ -n "${CODE:-}" ] && printf '     HTTP %s %s\n' "$CODE" "${LAST_REQ:-}" >&2
  [ -s "$BODY" ] && { printf '     response: '; head -c 2000 "$BODY"; echo; } >&2
  exit 1
}

# call METHOD PATH [curl args...] → sets CODE, body in $BODY
call() {
  local method=$1 path=$2; shift 2
  LAST_REQ="$method $path"
  CODE=$(curl -sS -o "$BODY" -w '%{http_code}' -X "$method" --max-time 30 "$@" "$GW$path") || CODE=000
}
expect() { # expect CODE... (any of)
  local c
  for c in "$@"; do [ "$CODE" = "$c" ] && return 0; done
  return 1
}
j() { jq -r "$@" "$BODY"; }

# Payme JSON-RPC as Payme sends it: Basic Paycom:<key>, always HTTP 200.
payme() { # payme KEY METHOD PARAMS_JSON
  local auth
  auth=$(printf 'Paycom:%s' "$1" | base64 | tr -d '\n')
  RPC_ID=$((${RPC_ID:-0} + 1))
  call POST /api/payments/payme -H "Authorization: Basic $auth" -H 'Content-Type: application/json' \
    --data "$(jq -nc --arg m "$2" --argjson p "$3" --argjson id "$RPC_ID" '{method:$m, params:$p, id:$id}')"
}

# 1. gateway
call GET /healthz
expect 200 && [ "$(j .status)" = UP ] || fail "gateway health $GW/healthz"
ok "gateway $GW is up"

# 2. categories
call GET /api/categories
expect 200 && [ "$(j 'length')" -gt 0 ] 2>/dev/null || fail "GET /api/categories returns categories"
ok "categories: $(j 'length') ($(j '[.[].slug] | join(",")'))"

# 3. salon search
call GET '/api/salons?size=100'
expect 200 && [ "$(j '.items | length')" -gt 0 ] 2>/dev/null || fail "salon search returns the demo salons"
# bench/seed-salons.sql salons ("Bench …", no masters) may be present: skip them
SALONS=$(j '.items[] | select(.nameEn | startswith("Bench ") | not) | .id')
[ -n "$SALONS" ] || fail "salon search returns the demo salons (none among the first 100; bench salons left over? psql -d aurelle_marketplace -f bench/unseed-salons.sql)"
ok "salon search: total $(j .total), first \"$(j '.items[0].nameEn')\""

# 4. sign in as the demo client
call POST /api/auth/login -H 'Content-Type: application/json' \
  --data "$(jq -nc --arg p "$PHONE" --arg w "$PASSWORD" '{phone:$p, password:$w}')"
expect 200 && [ "$(j '.access_token // empty')" != "" ] || fail "login as the demo client $PHONE"
TOKEN=$(j .access_token)
AUTH=(-H "Authorization: Bearer $TOKEN")
ok "login as demo client $PHONE (token expires in $(j .expires_in) s)"

# 5. a demo salon (preferably one requiring prepayment, so the payment path runs) and a service
SALON=""; FALLBACK=""
for id in $SALONS; do
  call GET "/api/salons/$id"
  expect 200 || fail "GET /api/salons/$id"
  [ -z "$FALLBACK" ] && FALLBACK=$id
  if [ "$(j .prepaymentRequired)" = true ]; then SALON=$id; break; fi
done
SALON=${SALON:-$FALLBACK}
call GET "/api/salons/$SALON"
SALON_NAME=$(j .nameEn); PREPAY=$(j .prepaymentRequired)
call GET "/api/salons/$SALON/services"
expect 200 && [ "$(j 'length')" -gt 0 ] 2>/dev/null || fail "services of salon $SALON"
SERVICE=$(j '.[0].id'); SERVICE_NAME=$(j '.[0].nameEn'); PRICE=$(j '.[0].price')
ok "salon \"$SALON_NAME\" ($SALON, prepayment $PREPAY), service \"$SERVICE_NAME\" $PRICE tiyin"

# 6. free slots over the next week (from tomorrow, salon-local dates)
FROM=$(TZ=Asia/Tashkent date -d tomorrow +%F); TO=$(TZ=Asia/Tashkent date -d '+7 days' +%F)
call GET "/api/salons/$SALON/slots?serviceId=$SERVICE&from=$FROM&to=$TO"
expect 200 && [ "$(j '.slots | length')" -gt 0 ] 2>/dev/null || fail "free slots $FROM..$TO"
NSLOTS=$(j '.slots | length')
# a random slot among the first 50, so repeated runs rarely race each other for the same one
PICK=$(( RANDOM % (NSLOTS < 50 ? NSLOTS : 50) ))
STARTS=$(j ".slots[$PICK].startsAt"); MASTER=$(j ".slots[$PICK].masterId")
ok "free slots $FROM..$TO: $NSLOTS, picked $STARTS (master $MASTER)"

# 7. book it, with an Idempotency-Key; a retry with the same key must return the same booking
IDEM="smoke-$(date +%s)-$RANDOM"
BOOK_REQ=$(jq -nc --arg s "$SERVICE" --arg m "$MASTER" --arg t "$STARTS" \
  '{serviceId:$s, masterId:$m, startsAt:$t, comment:"scripts/smoke.sh"}')
call POST /api/bookings "${AUTH[@]}" -H 'Content-Type: application/json' -H "Idempotency-Key: $IDEM" --data "$BOOK_REQ"
expect 201 && [ "$(j '.id // empty')" != "" ] || fail "book $STARTS"
BOOKING=$(j .id); STATUS=$(j .status); AMOUNT=$(j .amount)
call POST /api/bookings "${AUTH[@]}" -H 'Content-Type: application/json' -H "Idempotency-Key: $IDEM" --data "$BOOK_REQ"
expect 200 201 && [ "$(j .id)" = "$BOOKING" ] || fail "retry with the same Idempotency-Key returns booking $BOOKING"
ok "booked $BOOKING: $STATUS, amount $AMOUNT tiyin (same Idempotency-Key → same booking)"

if [ "$STATUS" = PENDING_PAYMENT ]; then
  # 8. payment order
  call POST /api/payments "${AUTH[@]}" -H 'Content-Type: application/json' \
    --data "$(jq -nc --arg b "$BOOKING" '{bookingId:$b, provider:"PAYME", lang:"en"}')"
  expect 200 201 && [ "$(j '.id // empty')" != "" ] || fail "POST /api/payments (PAYME) for booking $BOOKING"
  ORDER=$(j .id); ORDER_AMOUNT=$(j .amount)
  [ "$ORDER_AMOUNT" = "$AMOUNT" ] || fail "payment amount $ORDER_AMOUNT equals the booking amount $AMOUNT"
  ok "payment order $ORDER: $(j .state), $ORDER_AMOUNT tiyin, checkout $(j .checkoutUrl | cut -c1-40)…"

  ACCOUNT=$(jq -nc --arg o "$ORDER" '{order_id:$o}')
  PAYME_TX=$(printf '%024x' "$(date +%s%N)" | tail -c 24)
  NOW_MS=$(( $(date +%s%N) / 1000000 ))

  # 9. a forged Payme call (wrong key) is refused with -32504 and changes nothing
  payme "not-the-key" CreateTransaction \
    "$(jq -nc --arg id "$PAYME_TX" --argjson t "$NOW_MS" --argjson a "$AMOUNT" --argjson acc "$ACCOUNT" \
      '{id:$id, time:$t, amount:$a, account:$acc}')"
  expect 200 && [ "$(j '.error.code')" = -32504 ] || fail "forged CreateTransaction (wrong key) → -32504"
  payme "$PAYME_KEY" CheckTransaction "$(jq -nc --arg id "$PAYME_TX" '{id:$id}')"
  [ "$(j '.error.code')" = -31003 ] || fail "after the forged call Payme transaction $PAYME_TX must not exist (-31003)"
  ok "forged Payme CreateTransaction → -32504, no transaction created"

  # 10. Payme: CheckPerformTransaction → CreateTransaction → PerformTransaction
  payme "$PAYME_KEY" CheckPerformTransaction \
    "$(jq -nc --argjson a "$AMOUNT" --argjson acc "$ACCOUNT" '{amount:$a, account:$acc}')"
  expect 200 && [ "$(j '.result.allow')" = true ] || fail "Payme CheckPerformTransaction allow=true"
  ok "Payme CheckPerformTransaction: allow"
  payme "$PAYME_KEY" CreateTransaction \
    "$(jq -nc --arg id "$PAYME_TX" --argjson t "$NOW_MS" --argjson a "$AMOUNT" --argjson acc "$ACCOUNT" \
      '{id:$id, time:$t, amount:$a, account:$acc}')"
  if ! { expect 200 && [ "$(j '.result.state')" = 1 ]; }; then
    # -32400 = payments-service could not reserve the booking at marketplace (its log says why, e.g.
    # marketplace refusing the Payme hold of time + 12 h with 422 hold_too_long: max-hold-extension PT2H)
    fail "Payme CreateTransaction state 1 (on -32400 see payments-service's log: marketplace hold/payable call)"
  fi
  ok "Payme CreateTransaction $PAYME_TX: state 1, transaction $(j .result.transaction)"
  payme "$PAYME_KEY" PerformTransaction "$(jq -nc --arg id "$PAYME_TX" '{id:$id}')"
  expect 200 && [ "$(j '.result.state')" = 2 ] || fail "Payme PerformTransaction state 2"
  PERFORM_TIME=$(j .result.perform_time)
  ok "Payme PerformTransaction: state 2, perform_time $PERFORM_TIME"

  # 11. marketplace learns it through the outbox
  deadline=$(( $(date +%s) + PAY_WAIT ))
  while :; do
    call GET "/api/bookings/$BOOKING" "${AUTH[@]}"
    expect 200 || fail "GET /api/bookings/$BOOKING"
    [ "$(j .status)" = CONFIRMED ] && [ "$(j .paid)" = true ] && break
    [ "$(date +%s)" -ge "$deadline" ] && fail "booking $BOOKING CONFIRMED and paid within ${PAY_WAIT}s (outbox delivery)"
    sleep 1
  done
  ok "booking $BOOKING is CONFIRMED and paid (after $(( PAY_WAIT - (deadline - $(date +%s)) )) s)"
  call GET "/api/payments/$ORDER" "${AUTH[@]}"
  expect 200 && [ "$(j .state)" = PAID ] || fail "GET /api/payments/$ORDER state PAID"
  ok "payment $ORDER is PAID (commission $(j .commission), net $(j .netAmount))"

  # 12. a forged CancelTransaction (wrong key) cannot refund it
  payme "wrong-key" CancelTransaction "$(jq -nc --arg id "$PAYME_TX" '{id:$id, reason:5}')"
  expect 200 && [ "$(j '.error.code')" = -32504 ] || fail "forged CancelTransaction (wrong key) → -32504"
  payme "$PAYME_KEY" CheckTransaction "$(jq -nc --arg id "$PAYME_TX" '{id:$id}')"
  [ "$(j '.result.state')" = 2 ] && [ "$(j '.result.perform_time')" = "$PERFORM_TIME" ] \
    || fail "after the forged cancel the transaction is still performed (state 2)"
  sleep 3 # an event, had one been written, would have been delivered by now (outbox every 2 s)
  call GET "/api/bookings/$BOOKING" "${AUTH[@]}"
  [ "$(j .status)" = CONFIRMED ] && [ "$(j .paid)" = true ] || fail "booking still CONFIRMED and paid after the forged cancel"
  ok "forged Payme CancelTransaction → -32504, transaction and booking unchanged"
else
  ok "salon $SALON needs no prepayment: booking is $STATUS, payment steps skipped"
fi

# 13. internal and management endpoints are not routed by the gateway
call GET "/internal/bookings/$BOOKING/payable" "${AUTH[@]}"
[ "$CODE" = 404 ] && ! grep -q '"bookingId"' "$BODY" || fail "/internal/ must not be reachable through the gateway"
call GET /q/health
[ "$CODE" = 404 ] || fail "/q/ must not be reachable through the gateway"
ok "/internal/ and /q/ are not routed (404)"

echo "smoke: all $STEP steps passed against $GW"
