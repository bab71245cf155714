# Sourced by ./xenpt, scripts/mvn, scripts/release and .ci/run: finds a JDK >= 21 and exports JAVA_HOME.
# Order: $XENPT_JAVA_HOME, $JAVA_HOME, java on PATH, then every JDK under /usr/lib/jvm and /opt (newest first).
# Cheap on purpose (./xenpt runs it on every call): a JDK's version is read from its 'release' file with bash
# builtins; only a JDK without one is asked with 'java -version' (~150 ms each, which the launcher used to pay).

xenpt_java_major() { # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

# Sets xenpt_major to the major version of the JDK at $1 (JAVA_VERSION="25.0.3" -> 25, "1.8.0_402" -> 1), from
# its release file when it has one, else from its java; empty when neither tells.
xenpt_jdk_major() {
  local line v=
  xenpt_major=
  if [ -r "$1/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case $line in JAVA_VERSION=*) v=${line#JAVA_VERSION=}; v=${v//\"/}; break ;; esac
    done <"$1/release"
    v=${v%%[!0-9]*}
  fi
  [ -n "$v" ] || v=$(xenpt_java_major "$1/bin/java")
  xenpt_major=$v
}

# $1 (optional): a cache file. The choice is kept there with the variables it came from and reused, without any
# search, while those are unchanged and the file is newer than the places JDKs get installed or switched
# (/usr/lib/jvm, /opt, /etc/alternatives): the search forks ls, sort and readlink, ~30 ms on a loaded machine.
xenpt_find_jdk() {
  local cache=${1:-} key="${XENPT_JAVA_HOME:-}|${JAVA_HOME:-}|$PATH" line home= dir
  if [ -n "$cache" ] && [ -f "$cache" ]; then
    { IFS= read -r line && IFS= read -r home; } <"$cache" || home=
    [ "$line" = "$key" ] || home=
    for dir in /usr/lib/jvm /opt /etc/alternatives; do
      [ -e "$dir" ] && [ "$dir" -nt "$cache" ] && home=
    done
    if [ -n "$home" ] && [ -x "$home/bin/java" ]; then
      export JAVA_HOME="$home"
      return 0
    fi
  fi
  xenpt_search_jdk || return 1
  if [ -n "$cache" ]; then
    printf '%s\n%s\n' "$key" "$JAVA_HOME" >"$cache.$$" 2>/dev/null && mv -f "$cache.$$" "$cache" 2>/dev/null || true
  fi
}

xenpt_search_jdk() {
  local candidates=() home javac xenpt_major
  [ -n "${XENPT_JAVA_HOME:-}" ] && candidates+=("$XENPT_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if javac=$(command -v javac 2>/dev/null); then
    javac=$(readlink -f "$javac")
    candidates+=("${javac%/bin/javac}")
  fi
  for home in "${candidates[@]}"; do
    xenpt_try_jdk "$home" && return 0
  done
  while IFS= read -r home; do
    [ -n "$home" ] && xenpt_try_jdk "${home%/}" && return 0
  done < <(ls -d /usr/lib/jvm/*/ /opt/*jdk*/ /opt/java/*/ 2>/dev/null | sort -rV)
  echo "xenpt: no JDK 21 or newer found (looked at \$XENPT_JAVA_HOME, \$JAVA_HOME, PATH, /usr/lib/jvm, /opt)." >&2
  echo "xenpt: install one (e.g. Temurin 21+) or set XENPT_JAVA_HOME to its directory." >&2
  return 1
}

# Exports JAVA_HOME=$1 and succeeds when $1 is a JDK (java and javac) of version 21 or newer.
xenpt_try_jdk() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  xenpt_jdk_major "$1"
  [ -n "$xenpt_major" ] && [ "$xenpt_major" -ge 21 ] || return 1
  export JAVA_HOME="$1"
}
