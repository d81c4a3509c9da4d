#!/usr/bin/env bash
# Downloads FMA-small (7.2 GiB) and FMA's metadata (342 MiB) into a data folder, verifies the
# SHA-1 checksums FMA publishes (github.com/mdeff/fma), and unpacks them:
#   data/fetch-fma.sh [DEST]        (default DEST: data/fma)
# Then: ./genrelab report --audio DEST/fma_metadata/tracks.csv (Part 1 on FMA-small's audio); --data needs the
# study's embeddings too (DEST/study-embeddings/, see data/README.md).
# Needs internet access (not available on the project's build machines) plus curl, unzip, sha1sum.
set -euo pipefail
DEST="${1:-$(cd "$(dirname "$0")" && pwd)/fma}"
BASE="https://os.unil.cloud.switch.ch/fma"
mkdir -p "$DEST"
fetch() { # name sha1
  local f="$DEST/$1"
  if [ -f "$f" ] && echo "$2  $f" | sha1sum -c --status; then
    echo "$1: already here, checksum ok"
  else
    echo "$1: downloading"
    curl -fL --retry 3 -C - -o "$f" "$BASE/$1"
    echo "$2  $f" | sha1sum -c --status || { echo "$1: checksum mismatch (expected $2); delete $f and retry" >&2; exit 1; }
    echo "$1: checksum ok"
  fi
  unzip -q -n "$f" -d "$DEST"
}
fetch fma_metadata.zip f0df49ffe5f2a6008d7dc83c6915b31835dfe733
fetch fma_small.zip ade154f733639d52e35e32f5593efe5be76c6d70
echo "FMA-small in $DEST/fma_small, metadata in $DEST/fma_metadata (tracks.csv)."
echo "Next: ./genrelab report --audio $DEST/fma_metadata/tracks.csv   (Part 1 on this audio; see data/README.md for --data)"
