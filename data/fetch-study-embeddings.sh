#!/usr/bin/env bash
# Downloads the 2020 study's own VGGish embeddings of FMA-small (its repository SizovV/Music_Genres at the commit
# that still holds them, folder data/) and FMA-small's labels with the official split, verifies both against the
# digests below, and lays them out as the data folder Part 2 reads:
#   data/fetch-study-embeddings.sh [DEST]          (default DEST: data/study; then ./genrelab report --data DEST)
#   data/fetch-study-embeddings.sh --verify DIR    (checks a data folder already there; nothing is downloaded)
# DEST/study-embeddings/ holds embeddings/<track_id>.npy (7996 files, raw VGGish outputs, float32 (frames, 128)) and
# train.npy, val.npy, test.npy (FMA's official split); DEST/fma_small_tracks.csv the labels.
# Needs internet access (not available on the project's build machines) plus curl, tar and sha256sum.
set -euo pipefail
COMMIT=88811fb9943055d87ff85fa8f935e55f9da45479   # SizovV/Music_Genres: the last commit with data/embeddings
EMBEDDINGS_DIGEST=baec338a82ceafb9895892c005188c7a7f54471a129cd806eca83acd0d90a46d
LABELS_URL=https://raw.githubusercontent.com/TaeMiKim/Siamusic_/ffc7f17aa6beeb7781a4acd066bd28a454a47975/data/tracks_small.csv
LABELS_SHA256=a76e9c4ec86dfce30e34222482f37b4ea0cc168512546b13b40f14e1b6e60f55

# The digest of a study-embeddings folder: SHA-256 of the sorted "sha256  ./path" lines of its .npy files.
digest() { (cd "$1" && find . -type f -name '*.npy' | LC_ALL=C sort | xargs -r sha256sum) | sha256sum | cut -d' ' -f1; }

verify() { # data folder
  local ok=0 d
  d=$(digest "$1/study-embeddings" 2>/dev/null || true)
  if [ "$d" = "$EMBEDDINGS_DIGEST" ]; then echo "$1/study-embeddings: digest ok"
  else echo "$1/study-embeddings: digest $d, expected $EMBEDDINGS_DIGEST (missing, extra or changed files)" >&2; ok=1; fi
  if echo "$LABELS_SHA256  $1/fma_small_tracks.csv" | sha256sum -c --status 2>/dev/null; then echo "$1/fma_small_tracks.csv: checksum ok"
  else echo "$1/fma_small_tracks.csv: missing or checksum mismatch (expected $LABELS_SHA256)" >&2; ok=1; fi
  return $ok
}

if [ "${1:-}" = "--verify" ]; then
  [ $# -eq 2 ] || { echo "usage: $0 --verify DIR" >&2; exit 2; }
  verify "$2"; exit $?
fi
case "${1:-}" in -h|--help) sed -n '2,9p' "$0"; exit 0 ;; esac
DEST="${1:-$(cd "$(dirname "$0")" && pwd)/study}"
mkdir -p "$DEST"
if verify "$DEST" >/dev/null 2>&1; then echo "$DEST: already here, verified"; exit 0; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "study embeddings: downloading SizovV/Music_Genres at $COMMIT"
curl -fL --retry 3 -o "$tmp/repo.tar.gz" "https://codeload.github.com/SizovV/Music_Genres/tar.gz/$COMMIT"
tar -xzf "$tmp/repo.tar.gz" -C "$tmp" --wildcards "*/data/*.npy"
src=$(find "$tmp" -maxdepth 2 -type d -name data | head -1)
rm -f "$src/embeddings/test_file.npy"   # a copy of 5.npy, not a track
rm -rf "$DEST/study-embeddings.tmp" && mkdir -p "$DEST/study-embeddings.tmp"
mv "$src/embeddings" "$src/train.npy" "$src/val.npy" "$src/test.npy" "$DEST/study-embeddings.tmp/"
rm -rf "$DEST/study-embeddings" && mv "$DEST/study-embeddings.tmp" "$DEST/study-embeddings"
echo "labels: downloading FMA-small's tracks (FMA metadata, CC BY 4.0)"
curl -fL --retry 3 -o "$DEST/fma_small_tracks.csv" "$LABELS_URL"
verify "$DEST"
echo "Then: ./genrelab report --data $DEST"
