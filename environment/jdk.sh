# Sourced by ./genrelab: finds a JDK 25+ and exports JAVA_HOME (no user action needed).
# GenreLab needs Java 25: Smile 5 (the classical models) is compiled for it.

genrelab_java_major() { # prints the major version of the java binary $1
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

genrelab_find_jdk() {
  local need=25 cand v
  for cand in "${GENRELAB_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] && [ -x "$cand/bin/javac" ] || continue
    v=$(genrelab_java_major "$cand/bin/java")
    if [ -n "$v" ] && [ "$v" -ge "$need" ] 2>/dev/null; then
      export JAVA_HOME="$cand"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "genrelab: no JDK $need or newer found (looked at \$JAVA_HOME and /usr/lib/jvm/*)." >&2
  echo "  GenreLab needs Java $need: Smile 5 is compiled for it. Install one (e.g. Eclipse Temurin $need)" >&2
  echo "  and either put it under /usr/lib/jvm or set JAVA_HOME to it." >&2
  return 1
}

# Heap options for the operating system's memory: transparent huge pages for the Java heap where Linux gives them
# to a process that asks (madvise) or always. On the 2-core AMD EPYC virtual machine, the first touch of each 4 KB
# page of fresh heap (a page fault) made the early SVC fits of a JVM and the feature extraction up to several times
# slower; with 2 MB pages that cost all but vanishes. Where Linux has them off ("never"), nothing is added: the JVM
# would print a warning and go on without them.
genrelab_memory_options() {
  case "$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null)" in
    *"[madvise]"*|*"[always]"*) echo "-XX:+UseTransparentHugePages" ;;
  esac
}
