#!/usr/bin/env bash
# Downloads torchvggish's pretrained VGGish weights and PCA parameters into data/vggish/ and verifies
# them, for `./genrelab embed` (which looks there by default):
#   data/fetch-vggish.sh [DEST]        (default DEST: data/vggish)
# Verification follows torch.hub's convention: the 8 hex digits in each file name are the first 8 hex
# digits of the file's SHA-256 (vggish-10086976.pth -> 10086976...). The full SHA-256 of each file is
# printed so you can record it; `./genrelab embed` writes it into embeddings.json.
# Needs internet access (not available on the project's build machines, so this script has not been run
# there) plus curl and sha256sum.
set -euo pipefail
DEST="${1:-$(cd "$(dirname "$0")" && pwd)/vggish}"
BASE="https://github.com/harritaylor/torchvggish/releases/download/v0.1"
mkdir -p "$DEST"
fetch() { # file name; its 8-digit SHA-256 prefix is in the name
  local name="$1" f="$DEST/$1"
  local prefix="${name##*-}"; prefix="${prefix%.pth}"
  check() { local sum; sum="$(sha256sum "$f" | cut -d' ' -f1)"; [ "${sum:0:8}" = "$prefix" ] && echo "$sum"; }
  if [ -f "$f" ] && sum="$(check)"; then
    echo "$name: already here, sha256 $sum"
    return
  fi
  echo "$name: downloading"
  curl -fL --retry 3 -o "$f.part" "$BASE/$name"
  mv "$f.part" "$f"
  if ! sum="$(check)"; then
    echo "$name: SHA-256 does not start with $prefix: the download is not the published file; deleted" >&2
    rm -f "$f"
    exit 1
  fi
  echo "$name: sha256 $sum (prefix $prefix ok)"
}
fetch vggish-10086976.pth
fetch vggish_pca_params-970ea276.pth
echo "VGGish weights in $DEST. ./genrelab embed uses $DEST/vggish-10086976.pth when DEST is data/vggish."
