#!/usr/bin/env bash
# Release artifacts: tarball size and `xenpt --version` wall time, the tarball's launcher (jlink'ed runtime) against
# `java -jar` on the build JDK. Needs target/release/ from scripts/release. Usage: bench/release.sh [RUNS]
# Prints the median and minimum of RUNS (default 20) runs in milliseconds, after 2 warm-up runs.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/scripts/jdk.sh"
xenpt_find_jdk
runs=${1:-20}
tarball=$(ls "$root"/target/release/xenpt-*-linux-x64.tar.gz)
jar=$(ls "$root"/target/release/xenpt-*.jar | grep -v linux)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
tar -xzf "$tarball" -C "$dir"
launcher=$(ls "$dir"/xenpt-*/bin/xenpt)

ms() { # median and minimum wall time of "$@" in ms
  local i t0 t1 times=()
  for i in 1 2; do "$@" >/dev/null 2>&1; done
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %d ms, min %d ms\n", a[int((NR+1)/2)], a[1]}'
}

echo "tarball: $(stat -c %s "$tarball" | awk '{printf "%.1f MiB", $1/1048576}') ($(basename "$tarball")); unpacked: $(du -sh "$dir" | cut -f1)"
echo "runtime modules: $("$dir"/xenpt-*/runtime/bin/java --list-modules | sed 's/@.*//' | paste -sd, -)"
echo "xenpt --version, tarball bin/xenpt:                $(ms "$launcher" --version)"
echo "xenpt --version, tarball runtime, no JVM options:  $(XENPT_JAVA_OPTS= ms "$launcher" --version)"
echo "xenpt --version, java -jar ($("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)): $(ms "$JAVA_HOME/bin/java" -jar "$jar" --version)"
