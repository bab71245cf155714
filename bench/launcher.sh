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

# once NAME CMD...: appends one wall time (EPOCHREALTIME: no fork for the clock) and one CPU time (user+sys, GNU
# time; on a loaded machine the CPU time is the steadier figure), in microseconds, to the samples of NAME
declare -A samples=() cpu=()
once() {
  local name=$1 t0 t1 u s
  shift
  t0=${EPOCHREALTIME/./}
  /usr/bin/time -f "%U %S" -o "$tmp" "$@" >/dev/null 2>&1
  t1=${EPOCHREALTIME/./}
  read -r u s <"$tmp"
  samples[$name]+="$((t1 - t0)) "
  cpu[$name]+="$(echo "($u + $s) * 1000000 / 1" | bc) "
}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
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

# the script alone once more, as CPU per run over a loop of 10 x RUNS (GNU time counts in 10 ms steps)
loop_cpu() { # CMD: CPU ms per run of CMD
  /usr/bin/time -f "%U %S" -o "$tmp" bash -c "for ((i = 0; i < $((runs * 10)); i++)); do $1; done" >/dev/null 2>&1
  read -r u s <"$tmp"
  echo "($u + $s) * 1000 / ($runs * 10)" | bc -l
}
script_cpu=$(loop_cpu "bash -c 'exec() { :; }; set -- --version; . ./xenpt'")
bash_cpu=$(loop_cpu "bash -c ':'")

stat_of() { # prints "median min" in ms of the samples in $1
  tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {printf "%.1f %.1f\n", a[int((NR+1)/2)]/1000, a[1]/1000}'
}
printf '%-10s %10s %10s %10s %10s   (%d runs each, interleaved; JDK %s)\n' what wall_med wall_min cpu_med cpu_min \
  "$runs" "$JAVA_HOME"
for name in launcher same-jvm plain script bash; do
  read -r med min < <(stat_of "${samples[$name]}")
  read -r cmed cmin < <(stat_of "${cpu[$name]}")
  printf '%-10s %10s %10s %10s %10s\n' "$name" "$med" "$min" "$cmed" "$cmin"
  eval "med_${name//-/_}=$med cpu_${name//-/_}=$cmed"
done
diff() { # LABEL A B: median differences of wall and CPU
  printf '%-20s wall %+7.1f ms, CPU %+7.1f ms  %s\n' "$1" "$(echo "$4 - $5" | bc -l)" "$(echo "$2 - $3" | bc -l)" "$6"
}
diff "launcher - same-jvm:" "$cpu_launcher" "$cpu_same_jvm" "$med_launcher" "$med_same_jvm" "(the script, through two JVM starts)"
diff "script - bash:" "$cpu_script" "$cpu_bash" "$med_script" "$med_bash" "(the script alone: JDK choice, staleness and archive checks)"
diff "launcher - plain:" "$cpu_launcher" "$cpu_plain" "$med_launcher" "$med_plain" "(the script and its JVM options; target <= 30 ms)"
printf '%-20s CPU %+7.1f ms per run (loop of %d)\n' "script - bash:" "$(echo "$script_cpu - $bash_cpu" | bc -l)" $((runs * 10))
