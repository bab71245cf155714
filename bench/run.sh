#!/usr/bin/env bash
# xenpt's scale benchmark (SPEC §9). For each fleet size and per-command latency it serves simulated hosts
# ('xenpt sim serve --hosts N --latency MS', 20 VMs and 30 devices per host), then measures:
#   xenpt     ./xenpt plan -f DIR/desired-state.yaml            (a new JVM each run: JVM start included)
#   openssh   what a user's script would do instead: the same round-1 reads as separate 'ssh' calls, one host after
#             another inside a job, 16 hosts at once (xargs -P 16, xenpt's default --parallelism)
# and prints wall time, CPU time (user+sys of the measured process and its children), peak RSS (the largest single
# process) and the simulator's CPU during the run. Then the planner alone at 10,000 hosts (bench/PlannerBench.java).
#
# Usage: bench/run.sh [SIZES] [LATENCIES]        e.g. bench/run.sh "1 10 100" "0 20"
# Env:   BENCH_DIR (work directory, default: a temp dir), BASELINE_MAX (largest fleet the ssh baseline runs on,
#        default 1000), SCENARIO (default wintermute), PLANNER_HOSTS (default 10000; 0 skips it)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
sizes=${1:-"1 10 100 1000"}
latencies=${2:-"0 20"}
work=${BENCH_DIR:-$(mktemp -d /tmp/xenpt-bench.XXXXXX)}
baseline_max=${BASELINE_MAX:-1000}
scenario=${SCENARIO:-wintermute}
planner_hosts=${PLANNER_HOSTS:-10000}
mkdir -p "$work"

if [ ! -x /usr/bin/time ]; then
  echo "bench: installing GNU time" >&2
  (apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null 2>&1; }) \
    || { echo "bench: GNU time (/usr/bin/time) is needed" >&2; exit 1; }
fi
command -v ssh >/dev/null || { echo "bench: the OpenSSH client (ssh) is needed for the baseline" >&2; exit 1; }
"$root/xenpt" --version >/dev/null   # builds the jar and its class-data archive once, outside the measurements

server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid=
}
trap stop_server EXIT

# The round-1 reads of one observation (docs/observation-commands.md), as a user's script would send them.
reads=(
  "cat /etc/xensource-inventory" "cat /proc/cmdline" "cat /proc/sys/kernel/random/boot_id"
  "ls /sys/bus/pci/drivers/pciback" "lspci -D -vmm -nn -k" "cat /boot/efi/EFI/xenserver/grub.cfg"
  "cat /boot/grub/grub.cfg" "cat /boot/extlinux.conf" "/opt/xensource/libexec/xen-cmdline --get-dom0 xen-pciback.hide"
  "xe pci-list params=uuid,pci-id,host-uuid"
  "xe vm-list is-control-domain=false params=uuid,name-label,power-state,resident-on,affinity,other-config"
  "xe pool-list params=master --minimal" "xe pif-list management=true params=device,host-uuid"
  "ls -l /sys/class/net" "ls -l /dev/disk/by-id" "ls -l /sys/block" "cat /var/log/xenpt/journal.jsonl"
)
printf '%s\n' "${reads[@]}" > "$work/reads.txt"
cat > "$work/host.sh" <<'SH'
#!/usr/bin/env bash
# One host of the baseline: every read as its own ssh call, in order, output kept per host.
dir=$1 port=$2
while IFS= read -r cmd; do
  ssh -n -i "$dir/id_ed25519" -o UserKnownHostsFile="$dir/known_hosts" -o StrictHostKeyChecking=yes \
    -o BatchMode=yes -o LogLevel=ERROR -p "$port" root@127.0.0.1 "$cmd" || true
done < "$dir/../reads.txt" > "$dir/out/$port.txt" 2>&1
SH
chmod +x "$work/host.sh"

sim_cpu() { awk '{printf "%.2f", ($14+$15)/100}' "/proc/$server_pid/stat"; }

# measure LABEL CMD...: one result line (wall s, cpu s, peak RSS MiB, simulator cpu s)
measure() {
  local label=$1; shift
  local before after
  before=$(sim_cpu)
  /usr/bin/time -f "%e %U %S %M %x" -o "$work/time.txt" "$@" >"$work/last.out" 2>"$work/last.err" || true
  after=$(sim_cpu)
  read -r wall user sys rss code < <(tail -1 "$work/time.txt")
  printf '%-8s %6s %6s %9s %9s %8s %10s %9s\n' "$label" "$hosts" "$lat" "$wall" \
    "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$(echo "$after - $before" | bc)" "$code"
  echo "$wall" > "$work/wall.txt"
}

printf '%-8s %6s %6s %9s %9s %8s %10s %9s\n' what hosts lat_ms wall_s cpu_s rss_MiB sim_cpu_s exit
for hosts in $sizes; do
  for lat in $latencies; do
    dir="$work/fleet-$hosts"
    stop_server
    : > "$work/serve.log"
    "$root/xenpt" sim serve --hosts "$hosts" --latency "$lat" --out "$dir" >"$work/serve.log" 2>&1 &
    server_pid=$!
    until grep -q '^ready:' "$work/serve.log"; do
      kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
      sleep 0.5
    done
    # one unmeasured run warms the simulator's JIT, so both clients meet the same server
    "$root/xenpt" plan -f "$dir/desired-state.yaml" >/dev/null 2>&1 || true
    measure xenpt "$root/xenpt" plan -f "$dir/desired-state.yaml"
    x=$(cat "$work/wall.txt")
    sed -n 's/.*: observed in \([0-9]*\) ms$/\1/p' "$work/last.err" | sort -n | awk -v h="$hosts" -v l="$lat" \
      '{a[NR]=$1} END {if (NR) printf "%-8s %6s %6s  per host (connect + observe): median %d ms, min %d ms, max %d ms\n", "perhost", h, l, a[int((NR+1)/2)], a[1], a[NR]}'
    if grep -q 'unreachable' "$work/last.err"; then
      echo "bench: some hosts were unreachable:" >&2; grep -m3 unreachable "$work/last.err" >&2
    fi
    if [ "$hosts" -le "$baseline_max" ]; then
      mkdir -p "$dir/out"
      sed -n 's/^\[127\.0\.0\.1\]:\([0-9]*\) .*/\1/p' "$dir/known_hosts" > "$work/ports.txt"
      measure openssh xargs -P 16 -I{} "$work/host.sh" "$dir" {} < "$work/ports.txt"
      b=$(cat "$work/wall.txt")
      printf '%-8s %6s %6s  xenpt takes %.2f of the baseline'"'"'s wall time\n' ratio "$hosts" "$lat" \
        "$(echo "$x / $b" | bc -l)"
    fi
  done
done
stop_server

if [ "$planner_hosts" -gt 0 ]; then
  . "$root/scripts/jdk.sh"
  xenpt_find_jdk
  "$JAVA_HOME/bin/java" -XX:+UseParallelGC -Xms1g -cp "$root/target/xenpt.jar" "$root/bench/PlannerBench.java" \
    "$planner_hosts" 5 10
fi
echo "bench: work files in $work" >&2
