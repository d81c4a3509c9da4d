#!/usr/bin/env bash
# Installs and builds everything GenreLab needs on a fresh Debian machine, then writes the
# project's Java kernel spec. Idempotent: each step is skipped when already done.
#   environment/setup.sh [--no-apt] [--quiet]   (--quiet: only the steps that install or build say so)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APT=1; QUIET=0
for a in "$@"; do
  case "$a" in
    --no-apt) APT=0 ;;
    --quiet) QUIET=1 ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown option $a" >&2; exit 2 ;;
  esac
done
say() { [ "$QUIET" = 1 ] || echo "[setup] $*" >&2; }
step() { echo "[setup] $*" >&2; } # a step that does work: shown even with --quiet, so a first run is not silent for minutes

# 1. Debian packages: Jupyter + nbconvert, the notebook server (interactive use: jupyter notebook notebooks/),
#    fonts for headless charts, the GM SoundFont, sklearn (reference checks)
PKGS=(jupyter-nbconvert jupyter-client jupyter-notebook python3-ipykernel python3-nbclient python3-nbformat
      fonts-dejavu-core fontconfig fluid-soundfont-gm python3-numpy python3-sklearn maven)
missing=()
for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$APT" = 0 ]; then
    echo "setup.sh: missing Debian packages: ${missing[*]} (run without --no-apt, as root)" >&2; exit 1
  fi
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  step "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# 2. JDK 25
source "$ROOT/environment/jdk.sh"
genrelab_find_jdk
say "JDK: $JAVA_HOME"

# 3. Build the library, its runtime class path, and the kernel launcher (skipped when up to date)
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
stamp="$ROOT/.cache/build.stamp"
newest=$(find "$ROOT/pom.xml" "$ROOT/lib/pom.xml" "$ROOT/lib/src/main" "$ROOT/lib/spark/pom.xml" "$ROOT/lib/spark/src/main" \
  "$ROOT/environment/kernel" -newer "$stamp" -type f 2>/dev/null | head -1 || true)
if [ ! -f "$stamp" ] || [ -n "$newest" ] || [ ! -f "$ROOT/lib/target/classpath.txt" ] || [ ! -f "$ROOT/lib/spark/target/classpath.txt" ]; then
  log="$ROOT/.cache/build.log"; mkdir -p "$ROOT/.cache"
  step "building lib/, lib/spark and the kernel launcher (mvn package, a few minutes on a first run; log: $log)"
  if ! (cd "$ROOT" && mvn -B -Dstyle.color=never package -DskipTests) >"$log" 2>&1; then
    grep -E "ERROR|BUILD" "$log" | head -40 >&2
    echo "setup.sh: the Maven build failed (full log: $log)" >&2; exit 1
  fi
  mkdir -p "$ROOT/.cache" && touch "$stamp"
fi

# 4. Kernel spec, in a project-local Jupyter data folder (found through JUPYTER_PATH)
"$ROOT/environment/write-kernelspec.sh"
say "ready"
