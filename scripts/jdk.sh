# Sourced by ./xenpt, scripts/mvn and .ci/run: finds a JDK >= 21 and exports JAVA_HOME.
# Order: $XENPT_JAVA_HOME, $JAVA_HOME, java on PATH, then every JDK under /usr/lib/jvm and /opt (newest first).

xenpt_java_major() { # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

xenpt_find_jdk() {
  local candidates=() home major
  [ -n "${XENPT_JAVA_HOME:-}" ] && candidates+=("$XENPT_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for home in $(ls -d /usr/lib/jvm/*/ /opt/*jdk*/ /opt/java/*/ 2>/dev/null | sort -rV); do
    candidates+=("${home%/}")
  done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major=$(xenpt_java_major "$home/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$home"
      return 0
    fi
  done
  echo "xenpt: no JDK 21 or newer found (looked at \$XENPT_JAVA_HOME, \$JAVA_HOME, PATH, /usr/lib/jvm, /opt)." >&2
  echo "xenpt: install one (e.g. Temurin 21+) or set XENPT_JAVA_HOME to its directory." >&2
  return 1
}
