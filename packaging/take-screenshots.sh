#!/usr/bin/env bash
# Takes the README/AppStream screenshots of the real window under Xvfb, on the bundled demo recording.
# Usage: packaging/take-screenshots.sh [BUILD_DIR]   (needs xvfb-run and ImageMagick's import)
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$top/build/dev}"
out="$top/packaging/screenshots"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
export XDG_DATA_HOME="$data/share" XDG_CONFIG_HOME="$data/config"
shoot() { # view file seconds — the demo replayed at 25x: its 5 min 45 s of trades in about 14 s
  rm -rf "$data/share"
  xvfb-run -a -s "-screen 0 1600x900x24" bash -c "
    '$build/app/pairlab' --demo --demo-speed 25 --view $1 & pid=\$!
    sleep $3; import -window root '$out/$2'; kill \$pid; wait \$pid 2>/dev/null || true"
}
shoot market market.png 12
shoot pair pair.png 13
echo "screenshots written to $out"
