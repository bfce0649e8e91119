#!/usr/bin/env bash
# Takes a screenshot of a page with Debian's headless Chromium, after giving the circuit time to connect.
# usage: tools/screenshot.sh URL OUT.png [WIDTHxHEIGHT] [WAIT_MS]
set -euo pipefail
url=$1; out=$2; size=${3:-1920x1080}; wait=${4:-6000}
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --disable-quic --hide-scrollbars --user-data-dir="$profile" \
  --window-size="${size/x/,}" --virtual-time-budget="$wait" --screenshot="$out" "$url" 2>/dev/null
echo "$out"
