# Shared by the HTTP benchmark scripts (sourced, not run): builds the binary, makes a throwaway
# SQLite database with the demo tree and accounts, and starts `unionstar serve` on a free
# loopback port. BUILD=release (default) or BUILD=debug. Stops the server and removes the
# folder on exit.

. "$(dirname "${BASH_SOURCE[0]}")/system-packages.sh"
ensure_build_packages
BUILD="${BUILD:-release}"
case "$BUILD" in
    release) swift build -c release --product unionstar >&2 ;;
    debug) swift build --product unionstar >&2 ;;
    *) echo "BUILD must be release or debug" >&2; exit 2 ;;
esac
BIN=".build/$BUILD/unionstar"

BENCH_DIR="$(mktemp -d /tmp/unionstar-bench.XXXXXX)"
SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$BENCH_DIR"
}
trap stop_server EXIT

export DATABASE_PATH="$BENCH_DIR/unionstar.sqlite"
unset DATABASE_URL
# Client addresses come from X-Forwarded-For, so the per-address throttle can be kept out of the way.
export UNIONSTAR_TRUST_PROXY=1
export LOG_LEVEL="${LOG_LEVEL:-warning}"

"$BIN" demo --accounts-file "$BENCH_DIR/accounts.txt" >/dev/null 2>"$BENCH_DIR/demo.log" \
    || { echo "unionstar demo failed:" >&2; cat "$BENCH_DIR/demo.log" >&2; exit 1; }
# "  name   password   role · place" per account.
account_password() { awk -v u="$1" '$1 == u { print $2 }' "$BENCH_DIR/accounts.txt"; }

PORT=""
for candidate in $(shuf -i 40000-59999 -n 50); do
    if ! (echo > "/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then PORT=$candidate; break; fi
done
[ -n "$PORT" ] || { echo "no free loopback port found" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"
"$BIN" serve --hostname 127.0.0.1 --port "$PORT" 2>"$BENCH_DIR/server.log" &
SERVER_PID=$!
for _ in $(seq 1 150); do
    curl -sf "$BASE/healthz" >/dev/null 2>&1 && break
    sleep 0.2
done
curl -sf "$BASE/healthz" >/dev/null || { echo "the server did not start; see its log:" >&2; cat "$BENCH_DIR/server.log" >&2; exit 1; }

# The form token of a page, read with the cookie jar $1.
form_token() { curl -s -b "$1" -c "$1" -H "X-Forwarded-For: $3" "$BASE$2" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

# The middle value of the numbers on stdin.
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
