#!/usr/bin/env bash
# Start-up and JIT (issue 16): `plan` of 1 host and of 100 hosts (simulated fleets, 'xenpt sim serve --hosts N')
# with the launcher's JVM options and
#   none      no application archive (the JDK's default CDS archive only)
#   appcds    a dynamic AppCDS archive (-XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile), what ./xenpt uses
#   aot       JDK 24+ only: an AOT cache (JEP 483/514/515: -XX:AOTCacheOutput, then -XX:AOTCache)
# both archives recorded by one run of `plan -f examples/wintermute.yaml` against an in-process simulated host, as the
# launcher does. RUNS measured runs each (interleaved), median and minimum of wall and CPU (user+sys) printed.
# Usage: bench/startup.sh [SIZES] [RUNS]        default "1 100" and 5
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
sizes=${1:-"1 100"}
runs=${2:-5}
work=${BENCH_DIR:-$(mktemp -d /tmp/xenpt-startup.XXXXXX)}
mkdir -p "$work"
"$root/xenpt" --version >/dev/null # builds the jar outside the measurements
. "$root/scripts/jdk.sh"
xenpt_find_jdk
java="$JAVA_HOME/bin/java"
jar="$work/xenpt.jar" # a copy: the archives record the jar's path and time; ./xenpt's own archive stays untouched
cp "$root/target/xenpt.jar" "$jar"
base=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx320m)
quiet=(-Xlog:cds=off -Xlog:cds+dynamic=off -Xlog:aot=off)
train() { # JVM options that record an archive
  local sim
  sim=$(mktemp -d)
  (cd "$root" && XENPT_SIM_DIR="$sim" HOME="$sim" "$java" "${base[@]}" "$@" -jar "$jar" \
    plan -f examples/wintermute.yaml >/dev/null 2>&1) || true
  rm -rf "$sim"
}
major=$(xenpt_jdk_major "$JAVA_HOME" && echo "$xenpt_major")
modes=(none appcds)
t0=$EPOCHREALTIME
train "${quiet[@]}" -XX:ArchiveClassesAtExit="$work/app.jsa"
echo "bench: AppCDS archive $(du -m "$work/app.jsa" | cut -f1) MiB, recorded in $(echo "$EPOCHREALTIME - $t0" | bc) s" >&2
if [ "$major" -ge 24 ]; then
  t0=$EPOCHREALTIME
  train "${quiet[@]}" -XX:AOTCacheOutput="$work/app.aot"
  if [ -f "$work/app.aot" ]; then
    modes+=(aot)
    echo "bench: AOT cache $(du -m "$work/app.aot" | cut -f1) MiB, recorded in $(echo "$EPOCHREALTIME - $t0" | bc) s" >&2
  else
    echo "bench: the AOT cache could not be recorded" >&2
  fi
fi
opts_for() {
  case $1 in
    none) echo "${base[*]}" ;;
    appcds) echo "${base[*]} ${quiet[*]} -XX:SharedArchiveFile=$work/app.jsa" ;;
    aot) echo "${base[*]} ${quiet[*]} -XX:AOTCache=$work/app.aot" ;;
  esac
}

server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid=
}
trap stop_server EXIT
printf '%-7s %5s %10s %10s %10s %10s\n' mode hosts wall_med wall_min cpu_med cpu_min
for hosts in $sizes; do
  fleet="$work/fleet-$hosts"
  "$root/xenpt" sim serve --hosts "$hosts" --out "$fleet" >"$work/serve.log" 2>&1 &
  server_pid=$!
  until grep -q '^ready:' "$work/serve.log"; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.5
  done
  declare -A w=() c=()
  "$java" -jar "$jar" plan -f "$fleet/desired-state.yaml" >/dev/null 2>&1 || true # warms the simulator
  for ((i = 0; i < runs; i++)); do
    for mode in "${modes[@]}"; do
      # shellcheck disable=SC2046 # options are words
      /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$java" $(opts_for "$mode") -jar "$jar" \
        plan -f "$fleet/desired-state.yaml" >/dev/null 2>"$work/err.txt" || true
      read -r e u s <"$work/time.txt"
      w[$mode]+="$e "
      c[$mode]+="$(echo "$u + $s" | bc) "
    done
  done
  for mode in "${modes[@]}"; do
    printf '%-7s %5s %10s %10s %10s %10s\n' "$mode" "$hosts" \
      $(tr ' ' '\n' <<<"${w[$mode]}" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)], a[1]}') \
      $(tr ' ' '\n' <<<"${c[$mode]}" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)], a[1]}')
  done
  unset w c
  stop_server
done
echo "bench: work files in $work" >&2
