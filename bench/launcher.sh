#!/usr/bin/env bash
# What the ./xenpt launcher adds to a start of xenpt (issue 16: at most 30 ms). Runs, interleaved, RUNS times each:
#   launcher   ./xenpt --version
#   same-jvm   java <the launcher's JVM options> -jar target/xenpt.jar --version   (what the launcher execs)
#   plain      java -jar target/xenpt.jar --version                             (the issue's reference)
#   script     the launcher without its final exec of java, against an empty 'bash -c :'
# and prints the median and minimum wall time of each, then launcher - same-jvm (the script's own cost: JDK choice,
# staleness check, archive check) and launcher - plain (the script and its JVM options together).
# Usage: bench/launcher.sh [RUNS]        (default 20; 2 unmeasured warm-up runs of each first)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
runs=${1:-20}
cd "$root"
./xenpt --version >/dev/null # builds the jar and its class-data archive once, outside the measurements
. scripts/jdk.sh
xenpt_find_jdk
java="$JAVA_HOME/bin/java"
# the options ./xenpt passes by default (kept in one place: read them from the launcher itself)
opts=$(sed -n 's/^default_opts="\(.*\)"$/\1/p' xenpt)
opts=${opts//\$jsa/$root/target/xenpt.jsa}
[ -n "$opts" ] || { echo "bench: could not read default_opts from ./xenpt" >&2; exit 1; }

# once NAME CMD...: appends one wall time in microseconds to $times_NAME (EPOCHREALTIME: no fork for the clock)
declare -A samples=()
once() {
  local name=$1 t0 t1
  shift
  t0=${EPOCHREALTIME/./}
  "$@" >/dev/null 2>&1
  t1=${EPOCHREALTIME/./}
  samples[$name]+="$((t1 - t0)) "
}
for _ in 1 2; do
  ./xenpt --version >/dev/null
  "$java" -jar target/xenpt.jar --version >/dev/null
done
for ((i = 0; i < runs; i++)); do
  once launcher ./xenpt --version
  # shellcheck disable=SC2086 # options are words
  once same-jvm "$java" $opts -jar target/xenpt.jar --version
  once plain "$java" -jar target/xenpt.jar --version
  # the launcher up to its last line (exec, made a no-op by a function of that name) against an empty bash
  once script bash -c 'exec() { :; }; set -- --version; . ./xenpt'
  once bash bash -c ':'
done

stat_of() { # prints "median min" in ms of the samples of $1
  tr ' ' '\n' <<<"${samples[$1]}" | grep . | sort -n | awk '{a[NR]=$1} END {printf "%.1f %.1f\n", a[int((NR+1)/2)]/1000, a[1]/1000}'
}
printf '%-10s %10s %10s   (%d runs each, interleaved; JDK %s)\n' what median_ms min_ms "$runs" "$JAVA_HOME"
for name in launcher same-jvm plain script bash; do
  read -r med min < <(stat_of "$name")
  printf '%-10s %10s %10s\n' "$name" "$med" "$min"
  eval "med_${name//-/_}=$med"
done
printf 'launcher - same-jvm: %+.1f ms (the script itself, measured through two JVM starts)\n' \
  "$(echo "$med_launcher - $med_same_jvm" | bc -l)"
printf 'script - bash:       %+.1f ms (the script itself, without java: JDK choice, staleness and archive checks)\n' \
  "$(echo "$med_script - $med_bash" | bc -l)"
printf 'launcher - plain:    %+.1f ms (the script and its JVM options; target: <= 30 ms)\n' \
  "$(echo "$med_launcher - $med_plain" | bc -l)"
