#!/usr/bin/env bash
# Runs every test in the solution. On a fresh machine it first installs what the tests need and the
# package feeds cannot give: Debian's Chromium for the browser tests (Playwright's own download is never used).
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's Chromium for the browser tests..."
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test SituationRoom.sln --configuration Release 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test projects.
passed=$(grep -oE 'Passed: +[0-9]+,' "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+,' "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
echo "$passed passed, $failed failed"
exit "$status"
