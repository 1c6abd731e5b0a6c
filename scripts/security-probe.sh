#!/usr/bin/env bash
# The attack run of docs/security.md, from a shell with curl, against a running portal (`npm start`):
#   scripts/security-probe.sh [http://localhost:3000]
# It signs in with the demo accounts, so run it against a demo database, never production. Each line
# says what was tried, what came back, and PASS or FAIL; the exit code is the number of FAILs.
# Sign-in probes use loopback aliases (127.0.0.x), which Linux routes to this machine.
set -uo pipefail
BASE="${1:-http://localhost:3000}"
PASSWORD="classound-demo"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
FAILS=0
RUN="$((RANDOM % 200 + 20))"   # a fresh 127.0.<RUN>.x range per run: earlier runs' failures do not count

report() { # what, got, expected-regex
  if [[ "$2" =~ ^($3)$ ]]; then echo "PASS  $1 -> $2"; else echo "FAIL  $1 -> $2 (expected $3)"; FAILS=$((FAILS + 1)); fi
}

# sign_in JAR EMAIL PASSWORD [LOCAL_ADDRESS] [X-Forwarded-For]: prints the HTTP status of the callback.
sign_in() {
  local jar="$1" email="$2" password="$3" from="${4:-127.0.0.1}" xff="${5:-}"
  local csrf
  csrf="$(curl -s --interface "$from" -c "$jar" -b "$jar" "$BASE/api/auth/csrf" | sed -E 's/.*"csrfToken":"([^"]+)".*/\1/')"
  curl -s --interface "$from" -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" ${xff:+-H "X-Forwarded-For: $xff"} ${xff:+-H "x-classound-client-ip: $xff"} \
    --data-urlencode "csrfToken=$csrf" --data-urlencode "email=$email" --data-urlencode "password=$password" \
    --data-urlencode "json=true" "$BASE/api/auth/callback/credentials"
}
signed_in_as() { curl -s -b "$1" "$BASE/api/auth/session" | sed -nE 's/.*"email":"([^"]+)".*/\1/p'; }
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

echo "== Sign-in and sessions ($BASE)"
# 1. Spraying wrong passwords with a fresh X-Forwarded-For (and a forged copy of the server's own
#    client-address header) each time: all count against the peer.
for i in $(seq 1 20); do sign_in "$WORK/spray" "probe$i@nowhere.example" wrong "127.0.$RUN.9" "203.0.113.$i, 198.51.100.$i" >/dev/null; done
sign_in "$WORK/spray" "anna.berger@alpentel.example" "$PASSWORD" "127.0.$RUN.9" "192.0.2.77" >/dev/null
report "20 failures with spoofed X-Forwarded-For and x-classound-client-ip, then the right password from the same peer" "$(signed_in_as "$WORK/spray" || true)" ""
# 2. An attacker elsewhere cannot lock the owner out.
for i in $(seq 1 6); do sign_in "$WORK/lock" "giulia.rinaldi@nuvolatel.example" wrong "127.0.$RUN.10" >/dev/null; done
sign_in "$WORK/owner" "giulia.rinaldi@nuvolatel.example" "$PASSWORD" "127.0.$RUN.11" >/dev/null
report "owner signs in from elsewhere after 6 failures by an attacker" "$(signed_in_as "$WORK/owner")" "giulia.rinaldi@nuvolatel.example"
# 3. Sign-out ends the session: the old cookie, kept aside, opens nothing.
sign_in "$WORK/user" "oliver.hughes@brightlinevoice.example" "$PASSWORD" "127.0.$RUN.12" >/dev/null
cp "$WORK/user" "$WORK/copied"
csrf="$(curl -s -b "$WORK/user" -c "$WORK/user" "$BASE/api/auth/csrf" | sed -E 's/.*"csrfToken":"([^"]+)".*/\1/')"
curl -s -o /dev/null -b "$WORK/user" -c "$WORK/user" --data-urlencode "csrfToken=$csrf" --data-urlencode "json=true" "$BASE/api/auth/signout"
report "copied cookie after sign-out, GET /pbxs" "$(status -b "$WORK/copied" "$BASE/pbxs")" "307"
report "copied cookie after sign-out, session" "$(signed_in_as "$WORK/copied")" ""

echo "== Request checks"
sign_in "$WORK/partner" "anna.berger@alpentel.example" "$PASSWORD" "127.0.$RUN.13" >/dev/null
sign_in "$WORK/other" "giulia.rinaldi@nuvolatel.example" "$PASSWORD" "127.0.$RUN.14" >/dev/null
head -c 2000 /dev/urandom > "$WORK/blob.pdf"
UPLOAD="$BASE/api/activations/cabcdefghijklmnopqrstuvwx/documents/cabcdefghijklmnopqrstuvwx"
report "upload with Origin: https://evil.example" "$(status -b "$WORK/partner" -H "Origin: https://evil.example" -F "file=@$WORK/blob.pdf" "$UPLOAD")" "403"
report "upload with Origin: null" "$(status -b "$WORK/partner" -H "Origin: null" -F "file=@$WORK/blob.pdf" "$UPLOAD")" "403"
report "upload with no Origin" "$(status -b "$WORK/partner" -F "file=@$WORK/blob.pdf" "$UPLOAD")" "403"
report "upload to ids that name nothing, own origin" "$(status -b "$WORK/partner" -H "Origin: $BASE" -F "file=@$WORK/blob.pdf" "$UPLOAD")" "404"
report "upload to an id of the wrong shape" "$(status -b "$WORK/partner" -H "Origin: $BASE" -F "file=@$WORK/blob.pdf" "$BASE/api/activations/'%20OR%201=1/documents/x")" "404"
report "x-middleware-subrequest on an admin page as a partner" "$(status -b "$WORK/partner" -H "x-middleware-subrequest: middleware:middleware:middleware:middleware:middleware" "$BASE/admin/audit")" "403"
server_errors=0
for q in "page=1e300" "status=%00" "tier=NOPE" "partner=%00" "status[]=x" "sort=__proto__" "country=$(printf 'A%.0s' $(seq 1 5000))"; do
  for path in /admin/activations /admin/audit /admin/outbox /price-list /activations /customers /pbxs; do
    code="$(status -b "$WORK/partner" "$BASE$path?$q")"
    if [[ "$code" =~ ^5 ]]; then server_errors=$((server_errors + 1)); echo "      GET $path?${q:0:30} -> $code"; fi
  done
done
report "49 hostile query strings (7 values on 7 pages) as a partner: answers of 5xx" "$server_errors" "0"
report "an action call with a garbage body" "$(status -b "$WORK/partner" -H "Origin: $BASE" -H "Next-Action: 00deadbeef" -H "Content-Type: text/plain" --data-binary '{"not":' "$BASE/activations")" "[1-4][0-9][0-9]"

echo "== Tenants"
# A request of Nuvola (the other partner) as seen in its own list, then asked for by Alpentel.
theirs="$(curl -s -b "$WORK/other" "$BASE/activations" | grep -oE '/activations/c[a-z0-9]{20,32}' | head -1)"
if [ -n "$theirs" ]; then
  report "Alpentel opens Nuvola's request $theirs" "$(status -b "$WORK/partner" "$BASE$theirs")" "404"
  file="$(curl -s -b "$WORK/other" "$BASE$theirs" | grep -oE '/api/files/c[a-z0-9]{20,32}' | head -1)"
  [ -n "$file" ] && report "Alpentel downloads Nuvola's file $file" "$(status -b "$WORK/partner" "$BASE$file")" "404"
fi
report "Alpentel filters the queue by Nuvola's partner id (admin page)" "$(status -b "$WORK/partner" "$BASE/admin/activations?partner=cabcdefghijklmnopqrstuvwx")" "403"

echo "== Headers"
csp="$(curl -s -D - -o /dev/null "$BASE/sign-in" | tr -d '\r' | grep -i '^content-security-policy:')"
[[ "$csp" == *"'nonce-"* && "$csp" != *"script-src 'self' 'unsafe-inline'"* ]] && report "CSP script-src with a per-request nonce" "nonce" "nonce" || report "CSP script-src with a per-request nonce" "$csp" "nonce"
n1="$(curl -s -D - -o /dev/null "$BASE/sign-in" | grep -oi "nonce-[^']*")"; n2="$(curl -s -D - -o /dev/null "$BASE/sign-in" | grep -oi "nonce-[^']*")"
[ "$n1" != "$n2" ] && report "two requests get two nonces" "different" "different" || report "two requests get two nonces" "same" "different"

echo "$FAILS failed"
exit "$FAILS"
