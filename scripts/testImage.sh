#!/usr/bin/env bash
# `npm run test:image`: builds the container image and smoke-tests it where containers run
# (not part of `npm test`): healthy by its own HEALTHCHECK, not root, serves the client
# precompressed, creates a session and exports its PDF report with the image's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! docker info >/dev/null 2>&1; then
  echo "test:image needs a running Docker daemon (docker info failed): nothing tested." >&2
  exit 1
fi

tag="trame:test-$$"
name="trame-test-$$"
cleanup() { docker rm -f "$name" >/dev/null 2>&1 || true; docker image rm "$tag" >/dev/null 2>&1 || true; }
trap cleanup EXIT

# NODE_IMAGE: another base (a local mirror of node:20-bookworm-slim, for instance).
docker build --build-arg "NODE_IMAGE=${NODE_IMAGE:-node:20-bookworm-slim}" -t "$tag" .
docker run -d --name "$name" -p 127.0.0.1::3000 "$tag" >/dev/null
port=$(docker port "$name" 3000/tcp | head -1 | sed 's/.*://')
url="http://127.0.0.1:$port"

for _ in $(seq 90); do
  status=$(docker inspect -f '{{.State.Health.Status}}' "$name")
  [ "$status" = healthy ] && break
  [ "$(docker inspect -f '{{.State.Running}}' "$name")" = true ] || { docker logs "$name"; exit 1; }
  sleep 1
done
[ "$status" = healthy ] || { echo "not healthy after 90 s: $status" >&2; docker logs "$name"; exit 1; }
[ "$(docker exec "$name" id -u)" != 0 ] || { echo "the server runs as root" >&2; exit 1; }

URL="$url" node --input-type=module <<'JS'
const url = process.env.URL;
const check = (ok, what) => { if (!ok) { console.error(`FAILED: ${what}`); process.exit(1); } console.log(`ok: ${what}`); };
const html = await (await fetch(`${url}/`)).text();
check(html.includes('<div id="root">'), 'serves the client');
const script = html.match(/src="(\/assets\/[^"]+\.js)"/)[1];
const asset = await fetch(`${url}${script}`, { headers: { 'accept-encoding': 'br' } });
check(asset.headers.get('content-encoding') === 'br' && /immutable/.test(asset.headers.get('cache-control')), 'assets precompressed and immutable');
const created = await fetch(`${url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Essai de l’image' }) });
check(created.status === 201, 'creates a session');
const session = await created.json();
const pdf = await fetch(`${url}/api/sessions/${session.id}/report.pdf`, { headers: { authorization: `Bearer ${session.access.token}` } });
const bytes = Buffer.from(await pdf.arrayBuffer());
check(pdf.status === 200 && bytes.subarray(0, 5).toString() === '%PDF-', `exports a PDF (${bytes.length} bytes)`);
JS
echo "test:image: 1 passed, 0 failed"
