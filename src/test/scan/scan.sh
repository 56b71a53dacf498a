#!/usr/bin/env bash
# The scanner suite (docs/security.md): sqlmap on the parameters strangers, citizens and organisers can send, and
# wapiti over the public and signed-in pages, against a portal of its own (demo data, a fresh data directory
# under target/scan, port 18080). Installs sqlmap and wapiti from Debian when they are missing (needs root).
# Takes 20-40 minutes on 2 cores; reports under target/scan, summary on the console.
#
#   bash src/test/scan/scan.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."

missing=()
for tool in sqlmap wapiti; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

port=${SCAN_PORT:-18080}
base="http://localhost:$port"
out=target/scan
rm -rf "$out" && mkdir -p "$out"

echo "scan: starting a portal of its own on $base (log: $out/portal.log)"
# In a process group of its own, so that the end of the scan stops Maven, the launcher, Payara and MariaDB
# together (SIGTERM: a background job of a script ignores SIGINT).
LAUREL_PORT=$port setsid mvn -q -Prun package -Dlaurel.data="$PWD/$out/data" > "$out/portal.log" 2>&1 &
portal=$!
trap 'kill -TERM -- -$portal 2>/dev/null; wait $portal 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
    grep -q "is running at" "$out/portal.log" && break
    kill -0 $portal 2>/dev/null || { echo "scan: the portal did not start" >&2; tail -50 "$out/portal.log" >&2; exit 1; }
    sleep 1
done

token() { # an API token of a demo account
    curl -sf "$base/api/v1/tokens" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"Laurel2026\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
organiser=$(token organiser)
citizen=$(token citizen)
entry=$(curl -sf "$base/api/v1/entries" -H "Authorization: Bearer $citizen" -H 'Content-Type: application/json' \
    -d '{"contest":"HY2021","type":"STORY"}' | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)

# One line per injection point: who | method | URL (the point marked *) | JSON body (optional).
# Path parameters are marked with *; query and JSON parameters are all tried by sqlmap.
targets=$(cat <<EOF
- | GET | $base/api/v1/notices/public/HY2021* |
- | GET | $base/api/v1/notices/objections/receipt/GS1*?phone=13812345678 |
- | GET | $base/api/v1/column/HY2021?category=1&page=0 |
- | GET | $base/api/v1/column/HY2021/items/1* |
- | GET | $base/api/v1/contests/HY2021* |
- | GET | $base/column/HY2021* |
- | GET | $base/n/HY2021* |
- | GET | $base/verify/HY2021-0001* |
- | POST | $base/api/v1/tokens | {"username":"nobody","password":"x"}
- | POST | $base/api/v1/registrations | {"username":"scan1","displayName":"扫描","phone":"13812345678","password":"Autumn2026leaf"}
$citizen | PUT | $base/api/v1/entries/$entry | {"contest":"HY2021","type":"STORY","categoryId":1,"title":"标题","bodyHtml":"<p>正文</p>","townshipId":1}
$organiser | GET | $base/api/v1/units?q=镇&type=TOWNSHIP&page=0&size=20 |
$organiser | GET | $base/api/v1/screening/HY2021/entries?unit=1&status=SUBMITTED |
$organiser | GET | $base/api/v1/campaigns/YY2020/matrix?office=1&status=OPEN |
$organiser | GET | $base/api/v1/rounds?contest=HY2021 |
$organiser | GET | $base/api/v1/prizes?contest=HY2021 |
EOF
)

echo "scan: sqlmap on $(grep -c . <<<"$targets") targets"
n=0
while IFS='|' read -r who method url body; do
    who=$(xargs <<<"$who"); method=$(xargs <<<"$method"); url=$(xargs <<<"$url"); body=$(sed 's/^ *//' <<<"$body")
    n=$((n + 1))
    args=(--batch --level=2 --risk=1 --flush-session --output-dir="$out/sqlmap" -u "$url" --method="$method"
          --timeout=30 --retries=1 --threads=2 --ignore-code=401,404,429)
    [[ "$who" != "-" ]] && args+=(-H "Authorization: Bearer $who")
    [[ -n "$body" ]] && args+=(--data="$body" -H 'Content-Type: application/json')
    sqlmap "${args[@]}" > "$out/sqlmap-$n.log" 2>&1 || true
    if grep -q "is vulnerable\|sqlmap identified the following injection" "$out/sqlmap-$n.log"; then
        echo "  $n $method $url: INJECTABLE (see $out/sqlmap-$n.log)"
    else
        echo "  $n $method $url: no injection found"
    fi
done <<<"$targets"

echo "scan: wapiti over $base (anonymous, then signed in as the organiser)"
wapiti -u "$base/" --scope folder --flush-session -f json -o "$out/wapiti-anonymous.json" \
    --max-scan-time 600 -l 1 > "$out/wapiti-anonymous.log" 2>&1 || true
# Signed in through the real login page (JSF: its form fields and view state), then the session cookie is sent.
jar="$out/organiser.cookies"
view_state=$(curl -s -c "$jar" -b "$jar" "$base/login.xhtml" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' \
    | head -1 | sed -E 's/.*value="([^"]*)"/\1/')
curl -s -c "$jar" -b "$jar" -o /dev/null "$base/login.xhtml" --data-urlencode "login=login" \
    --data-urlencode "login:username=organiser" --data-urlencode "login:password=Laurel2026" \
    --data-urlencode "login:submit=" --data-urlencode "jakarta.faces.ViewState=$view_state"
session=$(awk '$6 == "JSESSIONID" {print $7}' "$jar" | tail -1)
wapiti -u "$base/" --scope folder --flush-session -f json -o "$out/wapiti-organiser.json" \
    -H "Cookie: JSESSIONID=$session" --max-scan-time 600 -l 1 > "$out/wapiti-organiser.log" 2>&1 || true
python3 - "$out" <<'PY'
import json, sys, pathlib
for name in ("anonymous", "organiser"):
    path = pathlib.Path(sys.argv[1]) / f"wapiti-{name}.json"
    if not path.exists():
        print(f"  wapiti {name}: no report (see {path.with_suffix('.log')})")
        continue
    report = json.loads(path.read_text())
    log = path.with_suffix(".log").read_text(errors="replace")
    urls = next((line.split("found ")[1].split(" ")[0] for line in log.splitlines() if "Wapiti found" in line), "?")
    found = {k: len(v) for k, v in report.get("vulnerabilities", {}).items() if v}
    anomalies = {k: len(v) for k, v in report.get("anomalies", {}).items() if v}
    print(f"  wapiti {name}: {urls} URLs and forms; vulnerabilities {found or 'none'}; anomalies {anomalies or 'none'}")
PY
grep -c " 500 \|HTTP 500" "$out/portal.log" | xargs echo "scan: lines mentioning HTTP 500 in the portal log:"
