# Sourced by ./strat, ./dev and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME if new enough, then `java` on the PATH, then the newest JDK under
# /usr/lib/jvm, /usr/local/lib/jvm, ~/.sdkman and ~/.jdks.

strat_java_major() {
  # Prints the feature version of the java binary $1 (17, 21, 25...) or nothing.
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p' | head -n 1 | sed 's/^1\.//; s/\..*//'
}

strat_find_jdk() {
  local want=21 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(strat_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$want" ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(strat_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$want" ]; then echo "$candidate"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(strat_java_major "$candidate/bin/java")
    [ -n "$major" ] || continue
    if [ "$major" -ge "$want" ] && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major=$major; fi
  done
  [ -n "$best" ] || return 1
  echo "$best"
}

if STRAT_JDK=$(strat_find_jdk); then
  export JAVA_HOME="$STRAT_JDK"
  export PATH="$JAVA_HOME/bin:$PATH"
else
  echo "strat: no JDK 21 or newer found (looked at JAVA_HOME, the PATH and /usr/lib/jvm). Install one and set JAVA_HOME." >&2
  return 2 2>/dev/null || exit 2
fi
