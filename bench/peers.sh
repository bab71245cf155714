#!/usr/bin/env bash
# xenpt against its peers (issue 16, SPEC §9), all on the same fleet, in one run. For each fleet size it serves a
# simulated fleet ('xenpt sim serve --hosts N', 20 VMs and 30 devices per host), puts a real OpenSSH sshd fleet in
# front of it (bench/real-sshd.sh: a real shell and processes per channel, answers from the simulated hosts), and
# times on the real-sshd fleet:
#   xenpt           ./xenpt plan --parallelism min(N,128) -f REAL/desired-state.yaml   (a new JVM: JVM start included)
#   ssh-curve25519  the best hand-written OpenSSH loop: every host at once, one connection and ONE remote command per
#                   host running every command xenpt ran on that host (both rounds: the round-1 reads and the round-2
#                   reads by uuid, taken from the fleet's commands.log of xenpt's unmeasured run), each with a marker and
#                   its exit status, -o KexAlgorithms=curve25519-sha256. The loop is given the uuids that xenpt learns
#                   in round 1, so it needs one round trip where xenpt needs two: in the loop's favour.
#   ssh-default     the same loop with OpenSSH's default key exchange (sntrup761x25519, post-quantum)
#   ansible         ansible-playbook with one 'raw' task per round-1 read (the same words on every host; round 2's reads
#                   by uuid are left out, in Ansible's favour), forks = N (capped by ANSIBLE_FORKS_MAX), pipelining,
#                   host key checking on, OpenSSH ControlPersist (Ansible's default); installed from Debian's
#                   ansible-core when missing
# and, for reference, xenpt on the simulated (MINA) fleet itself. xenpt and the loop run once unmeasured first (it
# fills the real fleet's answer cache and warms the simulator), then each client once measured with GNU time.
# Columns: wall s; CPU s = user+sys of the client and its children (for Ansible plus its ControlPersist masters,
# read from /proc before they are stopped); peak RSS MiB of the largest single client process; server CPU s = the
# sshd processes (and what they ran) or the simulator; per host: SSH connections, channels and shimmed commands
# counted by the sshd fleet (sshd log, channels.log, commands.log), and round trips per host by construction: the loop
# sends one command and reads its answer (1), xenpt writes round 2's requests on the channel after reading round 1's
# answer (2), Ansible makes one per task.
#
# Usage: bench/peers.sh [SIZES]                 default "10 100 1000"
# Each of xenpt and the two loops runs REPEAT times (default 3 up to 100 hosts, 1 above), in turns (xenpt, loop, loop,
# xenpt, ...), so that a slow minute of the machine falls on all of them; every run prints its line, the ratios are of
# the median walls.
# Env:   REPEAT, BENCH_DIR (work directory, default a temp dir), REAL_PORT_BASE (default 23000), ANSIBLE_MAX (largest
#        fleet Ansible runs on, default 100: it runs one task at a time over all hosts; on a loaded
#        2-core machine a run took 5 min at 10 hosts), ANSIBLE_FORKS_MAX (default 200), SCENARIO (default wintermute)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
sizes=${1:-"10 100 1000"}
work=${BENCH_DIR:-$(mktemp -d /tmp/xenpt-peers.XXXXXX)}
port_base=${REAL_PORT_BASE:-23000}
ansible_max=${ANSIBLE_MAX:-100}
forks_max=${ANSIBLE_FORKS_MAX:-200}
scenario=${SCENARIO:-wintermute}
mkdir -p "$work"
work=$(cd "$work" && pwd)
. "$root/bench/real-sshd.sh"

apt_install() { # PACKAGE...
  echo "bench: installing $* (Debian)" >&2
  apt-get install -y "$@" >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y "$@" >/dev/null 2>&1; } ||
    { echo "bench: could not install $* (apt-get install -y $*)" >&2; exit 1; }
}
[ -x /usr/bin/time ] || apt_install time
command -v ssh >/dev/null || apt_install openssh-client
[ -x /usr/sbin/sshd ] || apt_install openssh-server
command -v ansible-playbook >/dev/null || apt_install ansible-core
command -v bc >/dev/null || apt_install bc
"$root/xenpt" --version >/dev/null # builds the jar and its class-data archive once, outside the measurements

server_pid= real=
cleanup() {
  [ -z "$real" ] || real_stop "$real"
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid= real=
}
trap cleanup EXIT

# The round-1 reads of one observation (docs/observation-commands.md), the same words xenpt sends: Ansible's tasks.
reads=(
  "cat /etc/xensource-inventory" "cat /proc/cmdline" "cat /proc/sys/kernel/random/boot_id"
  "ls /sys/bus/pci/drivers/pciback" "lspci -D -vmm -nn -k" "cat /boot/efi/EFI/xenserver/grub.cfg"
  "cat /boot/grub/grub.cfg" "cat /boot/extlinux.conf" "/opt/xensource/libexec/xen-cmdline --get-dom0 xen-pciback.hide"
  "xe pci-list params=uuid,pci-id,host-uuid"
  "xe vm-list is-control-domain=false params=uuid,name-label,power-state,resident-on,affinity,other-config,dom-id"
  "xe pool-list params=master --minimal" "xe pif-list management=true params=device,host-uuid"
  "ls -l /sys/class/net" "ls -l /dev/disk/by-id" "ls -l /sys/block" "cat /var/log/xenpt/journal.jsonl"
  "xenstore-ls -f /local/domain/0/backend/pci" "xe host-list params=uuid --minimal"
  "xe pool-list params=ha-enabled --minimal"
  "xe vm-list is-control-domain=false ha-restart-priority=restart params=uuid --minimal"
)
# The hand-written loop's one remote command per host (REALDIR/loop/PORT.sh): every command xenpt ran on that host in
# its run that added commands.log's lines FROM.., in order, each between markers with its exit status. The words are
# the shims' own record (printf %q), so the loop sends exactly what reached the host's commands.
loop_scripts() { # FROM (first line of xenpt's run in commands.log)
  local from=$1
  rm -rf "$dir/loop" && mkdir -p "$dir/loop"
  tail -n +"$from" "$real/commands.log" | awk -v d="$dir/loop" '
    { port = $1; cmd = substr($0, length(port) + 2); if (seen[port, cmd]++) next
      f = d "/" port ".sh"; printf "echo \"=== read %d\"; %s; echo \"=== exit $?\"; ", ++n[port], cmd >> f; close(f) }'
  local n
  n=$(find "$dir/loop" -name '*.sh' | wc -l)
  [ "$n" -eq "$hosts" ] || { echo "bench: xenpt's run reached $n of $hosts hosts; no loop without its commands" >&2; exit 1; }
}

write_clients() { # DIR: the loop and the Ansible project for the real fleet in $real
  local dir=$1 i=0 r
  mkdir -p "$dir/out" "$dir/cp"
  sed -n 's/^\[127\.0\.0\.1\]:\([0-9]*\) .*/\1/p' "$real/known_hosts" >"$dir/ports.txt"
  cat >"$dir/loop.sh" <<LOOP
#!/usr/bin/env bash
# Every host at once, one connection and one command each (loop/PORT.sh); extra ssh options in \$@.
while read -r port; do
  ssh -n -i $sim/id_ed25519 -o UserKnownHostsFile=$real/known_hosts -o StrictHostKeyChecking=yes -o BatchMode=yes \\
    -o LogLevel=ERROR "\$@" -p "\$port" root@127.0.0.1 "\$(<$dir/loop/\$port.sh)" >"$dir/out/\$port.txt" 2>&1 &
done <$dir/ports.txt
wait
LOOP
  chmod +x "$dir/loop.sh"
  awk '{printf "host-%04d ansible_host=127.0.0.1 ansible_port=%s\n", NR, $1}' "$dir/ports.txt" >"$dir/inventory.ini"
  cat >"$dir/ansible.cfg" <<CFG
[defaults]
inventory = $dir/inventory.ini
forks = $(( hosts < forks_max ? hosts : forks_max ))
host_key_checking = True
gathering = explicit
remote_user = root
private_key_file = $sim/id_ed25519
timeout = 120
retry_files_enabled = False
[ssh_connection]
pipelining = True
ssh_args = -C -o ControlMaster=auto -o ControlPersist=60s -o UserKnownHostsFile=$real/known_hosts -o StrictHostKeyChecking=yes
control_path_dir = $dir/cp
CFG
  {
    echo "- hosts: all"
    echo "  gather_facts: false"
    echo "  tasks:"
    for r in "${reads[@]}"; do
      i=$((i + 1))
      printf '    - name: read %d\n      raw: %s\n      register: r%d\n      failed_when: false\n      changed_when: false\n' \
        "$i" "$r" "$i"
    done
  } >"$dir/playbook.yml"
}

# CPU (s) of the ControlPersist masters left by Ansible, then stops them
ansible_masters() {
  local dir=$1 s pid total=0 t
  for s in "$dir"/cp/*; do
    [ -S "$s" ] || continue
    pid=$(ssh -O check -o ControlPath="$s" x 2>&1 | sed -n 's/.*pid=\([0-9]*\).*/\1/p')
    if [ -n "$pid" ] && [ -r "/proc/$pid/stat" ]; then
      t=$(awk '{print $14 + $15}' "/proc/$pid/stat")
      total=$((total + t))
    fi
    ssh -O exit -o ControlPath="$s" x >/dev/null 2>&1 || true
  done
  echo "scale=2; $total / $(getconf CLK_TCK)" | bc
}

server_cpu() { # CPU ticks of the fleet's server processes (sshd listeners include their waited-for children)
  if [ "$1" = real ]; then
    local f total=0
    for f in "$real"/sshd-*.pid; do total=$((total + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$(cat "$f")/stat"))); done
    echo "$total"
  else
    awk '{print $14 + $15}' "/proc/$server_pid/stat"
  fi
}
counts() { # connections channels commands, totals so far on the real fleet
  echo "$(cat "$real"/sshd-*.log | grep -c 'Accepted publickey' || true) $(wc -l <"$real/channels.log") $(wc -l <"$real/commands.log")"
}

declare -A wall=()
# measure FLEET LABEL ROUND_TRIPS CMD...: one result line
measure() {
  local fleet=$1 label=$2 rt=$3 before after c0 c1 extra=0
  shift 3
  before=$(server_cpu "$fleet")
  [ "$fleet" = real ] && c0=$(counts)
  /usr/bin/time -f "%e %U %S %M %x" -o "$work/time.txt" "$@" >"$work/last.out" 2>"$work/last.err" || true
  [ "$label" = ansible ] && extra=$(ansible_masters "$dir")
  after=$(server_cpu "$fleet")
  read -r w user sys rss code < <(tail -1 "$work/time.txt")
  local per="-"
  if [ "$fleet" = real ]; then
    c1=$(counts)
    read -r a0 b0 d0 <<<"$c0"
    read -r a1 b1 d1 <<<"$c1"
    per=$(awk -v h="$hosts" -v a=$((a1 - a0)) -v b=$((b1 - b0)) -v d=$((d1 - d0)) \
      'BEGIN {printf "%.1f/%.1f/%.1f", a / h, b / h, d / h}')
  fi
  printf '%-15s %5s %-5s %8s %8s %8s %9s %15s %5s %5s\n' "$label" "$hosts" "$fleet" "$w" \
    "$(echo "$user + $sys + $extra" | bc)" "$((rss / 1024))" "$(echo "scale=2; ($after - $before) / $(getconf CLK_TCK)" | bc)" \
    "$per" "$rt" "$code" | tee -a "$work/results.txt"
  wall[$label]="${wall[$label]:-} $w"
}
median() { # VALUES...: the middle one (the lower middle of an even count)
  printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}
ratio() { # A B
  local a b
  a=$(median ${wall[$1]})
  b=$(median ${wall[$2]})
  printf '%-15s %5s  %s / %s = %.2f (median wall %s / %s s)\n' ratio "$hosts" "$1" "$2" "$(echo "$a / $b" | bc -l)" "$a" "$b" |
    tee -a "$work/results.txt"
}

printf '%-15s %5s %-5s %8s %8s %8s %9s %15s %5s %5s\n' what hosts fleet wall_s cpu_s rss_MiB server_s conn/chan/cmd rt exit |
  tee "$work/results.txt"
for hosts in $sizes; do
  sim="$work/sim-$hosts"
  real="$work/real-$hosts"
  dir="$work/clients-$hosts"
  : >"$work/serve.log"
  "$root/xenpt" sim serve --scenario "$scenario" --hosts "$hosts" --out "$sim" >"$work/serve.log" 2>&1 &
  server_pid=$!
  until grep -q '^ready:' "$work/serve.log"; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.5
  done
  real_stop "$real"
  real_start "$sim" "$real" "$port_base" >&2
  write_clients "$dir"
  export ANSIBLE_CONFIG="$dir/ansible.cfg"
  # unmeasured: fills the real fleet's answer cache (every command once), warms the simulator, and gives the loop
  # xenpt's commands per host
  from=$(($(wc -l <"$real/commands.log") + 1))
  "$root/xenpt" plan -f "$real/desired-state.yaml" >/dev/null 2>&1 || true
  loop_scripts "$from"
  "$dir/loop.sh" -o KexAlgorithms=curve25519-sha256 || true
  "$root/xenpt" plan -f "$sim/desired-state.yaml" >/dev/null 2>&1 || true
  # Every host at once, as the loop does (the default --parallelism is 16), up to 128 connections at a time.
  par=$(( hosts < 128 ? hosts : 128 ))
  wall=()
  repeat=${REPEAT:-$(( hosts <= 100 ? 3 : 1 ))}
  for ((run = 1; run <= repeat; run++)); do
    measure real xenpt 2 "$root/xenpt" plan --parallelism "$par" -f "$real/desired-state.yaml"
    if grep -q 'unreachable' "$work/last.err"; then echo "bench: xenpt: some hosts unreachable:" >&2; grep -m3 unreachable "$work/last.err" >&2; fi
    measure real ssh-curve25519 1 "$dir/loop.sh" -o KexAlgorithms=curve25519-sha256
    measure real ssh-default 1 "$dir/loop.sh"
  done
  grep -L '=== exit' "$dir"/out/*.txt | head -3 | sed 's/^/bench: loop output without reads: /' >&2
  if [ "$hosts" -le "$ansible_max" ]; then
    # no warm-up run: its reads are the loop's words, already in the answer cache (and one run at 100 hosts takes minutes)
    measure real ansible "${#reads[@]}" bash -c "cd '$dir' && ansible-playbook playbook.yml"
    grep -q "unreachable=0.*failed=0" "$work/last.out" || { echo "bench: ansible failed:" >&2; tail -5 "$work/last.out" >&2; }
  fi
  measure sim xenpt-mina "2" "$root/xenpt" plan -f "$sim/desired-state.yaml"
  ratio xenpt ssh-curve25519
  ratio xenpt ssh-default
  [ "$hosts" -gt "$ansible_max" ] || ratio xenpt ansible
  cleanup
done
echo "bench: results in $work/results.txt (work files in $work)" >&2
