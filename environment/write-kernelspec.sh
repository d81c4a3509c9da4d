#!/usr/bin/env bash
# Writes .cache/jupyter/kernels/genrelab-java/kernel.json: rapaio-jupyter-kernel started through
# GenreLab's launcher (fixed start-up race, parent watchdog) with the library on its class path.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/environment/jdk.sh"
genrelab_find_jdk
K="$ROOT/environment/kernel/target"
CP_FILE="$ROOT/lib/target/classpath.txt"
for f in "$K/genrelab-kernel-0.1.0-SNAPSHOT.jar" "$K/kernel-lib/rapaio-jupyter-kernel.jar" "$CP_FILE"; do
  [ -f "$f" ] || { echo "write-kernelspec: $f missing: run environment/setup.sh" >&2; exit 1; }
done
DIR="$ROOT/.cache/jupyter/kernels/genrelab-java"
mkdir -p "$DIR" "$ROOT/.cache/djl"
LIB_CP="$ROOT/lib/target/classes:$(cat "$CP_FILE")"
# Kernel JVM: heap for the deep models; DJL strictly offline with its cache in the project;
# the library on the kernel class path through RJK_CLASSPATH.
THREADS="${GENRELAB_THREADS:-$(nproc)}"
/usr/bin/python3 - "$DIR/kernel.json" "$JAVA_HOME/bin/java" "$K" "$LIB_CP" "$ROOT" "$THREADS" "$(genrelab_memory_options)" <<'PY'
import json, sys, os
out, java, k, cp, root, threads, memory = sys.argv[1:]
spec = {
  "argv": [java, "-Xmx8g", "-XX:+UseParallelGC", *memory.split(), "--enable-native-access=ALL-UNNAMED",
           "--sun-misc-unsafe-memory-access=allow", "--add-modules", "jdk.incubator.vector",
           "-Djava.awt.headless=true", "-Dai.djl.offline=true", f"-Dai.djl.pytorch.num_threads={threads}",
           # the synthetic corpus renders MIDI offline through the JDK's AudioSynthesizer
           "--add-exports", "java.desktop/com.sun.media.sound=ALL-UNNAMED",
           "-cp", f"{k}/genrelab-kernel-0.1.0-SNAPSHOT.jar:{k}/kernel-lib/rapaio-jupyter-kernel.jar",
           "org.genrelab.kernel.KernelMain", "{connection_file}"],
  "display_name": "Java (GenreLab)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {
    "RJK_CLASSPATH": cp.replace(":", ";"),  # rapaio splits its class path on ";"
    "RJK_COMPILER_OPTIONS": "",
    "DJL_CACHE_DIR": f"{root}/.cache/djl",
    "ENGINE_CACHE_DIR": f"{root}/.cache/djl",
    "GENRELAB_ROOT": root,
    "OMP_NUM_THREADS": threads,
  },
}
with open(out, "w") as f:
    json.dump(spec, f, indent=1)
PY
