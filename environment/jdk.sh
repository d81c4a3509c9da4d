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
