#!/usr/bin/env bash
# Renders an OrganDose HTML report with headless Chromium: a PNG screenshot of the page as it shows
# on screen, and with a .pdf OUT the printed A4 version. Nothing is fetched from the network.
# Usage: scripts/render-report.sh REPORT.html OUT.png|OUT.pdf [WIDTHxHEIGHT]
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 REPORT.html OUT.png|OUT.pdf [WIDTH,HEIGHT]" >&2
  exit 2
fi
report="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="$2"
size="${3:-1240,3000}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
  echo "render-report: no chromium found (Debian: apt-get install chromium)" >&2
  exit 3
fi
[ -f "$report" ] || { echo "render-report: $1: file not found" >&2; exit 2; }
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
case "$out" in
  *.pdf) what="--print-to-pdf=$out --no-pdf-header-footer" ;;
  *) what="--screenshot=$out --window-size=$size --hide-scrollbars" ;;
esac
# shellcheck disable=SC2086
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" $what "file://$report" >/dev/null 2>&1
[ -s "$out" ] || { echo "render-report: chromium wrote no $out" >&2; exit 1; }
echo "$out"
