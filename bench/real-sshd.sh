#!/usr/bin/env bash
# A fleet of real OpenSSH sshd hosts on loopback whose host commands answer from a simulated fleet
# ('xenpt sim serve --hosts N --out SIMDIR'), so that clients are timed against a server that, like a real dom0,
# starts a shell and processes for every channel. Used by bench/peers.sh; also usable by hand:
#
#   bench/real-sshd.sh start SIMDIR REALDIR [BASE_PORT]   # prints "ready: ..." and leaves the sshds running
#   bench/real-sshd.sh stop REALDIR
#
# How it works (REALDIR):
# - one sshd per 16 hosts (sshd listens on at most 16 sockets), host i on port BASE_PORT+i-1 of 127.0.0.1, all with
#   one ed25519 host key; known_hosts has a line per port (host keys are verified), authorized_keys is the simulated
#   fleet's client key; desired-state.yaml is the simulated fleet's with these ports and known_hosts.
# - every channel runs root's login shell (bash) with "ForceCommand . REALDIR/shims.sh; eval "$SSH_ORIGINAL_COMMAND"":
#   a real shell runs the client's command line (sequences, $?, redirections, echo...), while cat, ls, lspci, xe,
#   /opt/xensource/libexec/xen-cmdline and 'sh -c' (run in a subshell, so a script's commands are shimmed too) are
#   bash functions (shims.sh) that answer, with the output, error output and
#   exit status the simulated host gives for the same words: the first time by asking it over SSH (its MINA
#   endpoint), then from a per-host cache (REALDIR/hosts/PORT/cache), with one 'cat' process per command as a real
#   host runs one process per command. Commands a benchmark sends are cached by an unmeasured warm-up run.
#   SHLVL=1 (SetEnv) keeps bash from reading root's ~/.bashrc (Debian's bash reads it for ssh commands; a dom0's
#   is a few aliases, this machine's runs pyenv).
# - counters: every channel appends its port to REALDIR/channels.log, every shimmed command to commands.log; sshd
#   logs (LogLevel VERBOSE) count connections ("Accepted publickey").
set -euo pipefail

real_start() {
  local sim=$1 real=$2 base=${3:-23000} ports=() simports=() i n groups g conf port
  [ -f "$sim/known_hosts" ] || { echo "real-sshd: $sim is not a simulated fleet (no known_hosts)" >&2; return 1; }
  [ -x /usr/sbin/sshd ] || real_install
  mkdir -p "$real/hosts" /run/sshd
  [ -f "$real/ssh_host_ed25519_key" ] || ssh-keygen -q -t ed25519 -N '' -f "$real/ssh_host_ed25519_key"
  cp "$sim/id_ed25519.pub" "$real/authorized_keys"
  # the simulated hosts' ports, in host order (desired-state.yaml lists host-0001... with their ports)
  mapfile -t simports < <(sed -n 's/^      port: \([0-9]*\)$/\1/p' "$sim/desired-state.yaml")
  n=${#simports[@]}
  [ "$n" -gt 0 ] || { echo "real-sshd: no ports in $sim/desired-state.yaml" >&2; return 1; }
  : >"$real/known_hosts"
  local hostkey
  hostkey=$(cut -d' ' -f1,2 "$real/ssh_host_ed25519_key.pub")
  for ((i = 0; i < n; i++)); do
    port=$((base + i))
    ports+=("$port")
    mkdir -p "$real/hosts/$port/cache"
    echo "${simports[$i]}" >"$real/hosts/$port/simport"
    echo "[127.0.0.1]:$port $hostkey" >>"$real/known_hosts"
  done
  # desired state: the same hosts, each on its sshd port, host keys from the sshd fleet's known_hosts
  awk -v base="$base" -v kh="$real/known_hosts" '
    /^    knownHosts: / { print "    knownHosts: \"" kh "\""; next }
    /^      port: [0-9]+$/ { print "      port: " base + i++; next }
    { print }' "$sim/desired-state.yaml" >"$real/desired-state.yaml"
  real_shims "$sim" "$real"
  : >"$real/channels.log"
  : >"$real/commands.log"
  groups=$(((n + 15) / 16))
  for ((g = 0; g < groups; g++)); do
    conf="$real/sshd-$g.conf"
    {
      for ((i = g * 16; i < n && i < g * 16 + 16; i++)); do echo "Port ${ports[$i]}"; done
      cat <<CONF
ListenAddress 127.0.0.1
HostKey $real/ssh_host_ed25519_key
PidFile $real/sshd-$g.pid
AuthorizedKeysFile $real/authorized_keys
StrictModes no
UsePAM no
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UseDNS no
PrintMotd no
PrintLastLog no
MaxStartups 4000
LogLevel VERBOSE
SetEnv SHLVL=1 XB_DIR=$real
ForceCommand . $real/shims.sh; eval "\$SSH_ORIGINAL_COMMAND"
Subsystem sftp internal-sftp
CONF
    } >"$conf"
    /usr/sbin/sshd -f "$conf" -E "$real/sshd-$g.log"
  done
  # ready when every sshd wrote its pid file and the last port answers
  for ((g = 0; g < groups; g++)); do
    for _ in $(seq 100); do [ -s "$real/sshd-$g.pid" ] && break; sleep 0.1; done
    [ -s "$real/sshd-$g.pid" ] || { echo "real-sshd: sshd $g did not start:" >&2; cat "$real/sshd-$g.log" >&2; return 1; }
  done
  echo "ready: $n real sshd hosts on 127.0.0.1 ports $base…$((base + n - 1)) ($groups sshd processes) in $real"
}

real_stop() {
  local real=$1 f pid
  # the warm-up's shared connections to the simulated hosts
  for f in "$real"/hosts/*/cm; do
    [ -S "$f" ] && ssh -O exit -o ControlPath="$f" x >/dev/null 2>&1 || true
  done
  for f in "$real"/sshd-*.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    kill "$pid" 2>/dev/null || true
    rm -f "$f"
  done
}

real_install() {
  echo "real-sshd: installing openssh-server (Debian)" >&2
  { apt-get install -y openssh-server >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y openssh-server >/dev/null 2>&1; }; } ||
    { echo "real-sshd: /usr/sbin/sshd is needed (apt-get install -y openssh-server)" >&2; return 1; }
}

# The shims sourced by every channel's shell. Host = the server port of the connection (SSH_CONNECTION).
real_shims() {
  local sim=$1 real=$2
  cat >"$real/shims.sh" <<SHIMS
# Generated by bench/real-sshd.sh. Sourced by bash for every channel (ForceCommand).
xb_port=\${SSH_CONNECTION##* }
xb_host=$real/hosts/\$xb_port
echo "\$xb_port" >>$real/channels.log
xb_run() {
  local words file rc=1
  printf -v words '%q ' "\$@"
  words=\${words% }
  file=\${words//\//%}
  file=\$xb_host/cache/\${file:0:200}
  echo "\$xb_port \$words" >>$real/commands.log
  if [ ! -f "\$file.rc" ]; then
    # first time: the simulated host answers (its MINA endpoint), the answer is kept for the next runs
    # (one shared connection per host, kept 60 s: thousands of answers are fetched in a warm-up run; 255 is ssh's
    # own failure, e.g. a multiplexed session lost, never the simulated host's: then again without multiplexing)
    local mux="-o ControlMaster=auto -o ControlPath=\$xb_host/cm -o ControlPersist=60" try
    for try in 1 2 3; do
      command ssh -n -i $sim/id_ed25519 -o UserKnownHostsFile=$sim/known_hosts -o StrictHostKeyChecking=yes \\
        -o BatchMode=yes -o LogLevel=ERROR -o KexAlgorithms=curve25519-sha256 \$mux \\
        -p "\$(<\$xb_host/simport)" root@127.0.0.1 "\$words" >"\$file.out.\$\$" 2>"\$file.err.\$\$" && rc=0 || rc=\$?
      [ "\$rc" != 255 ] && break
      mux="-o ControlMaster=no -o ControlPath=none"
    done
    mv -f "\$file.out.\$\$" "\$file.out"; mv -f "\$file.err.\$\$" "\$file.err"; echo "\$rc" >"\$file.rc.\$\$"
    mv -f "\$file.rc.\$\$" "\$file.rc"
  fi
  command cat "\$file.out"
  [ -s "\$file.err" ] && command cat "\$file.err" >&2
  read -r rc <"\$file.rc"
  return "\$rc"
}
cat() { xb_run cat "\$@"; }
ls() { xb_run ls "\$@"; }
lspci() { xb_run lspci "\$@"; }
xe() { xb_run xe "\$@"; }
xenstore-ls() { xb_run xenstore-ls "\$@"; }
/opt/xensource/libexec/xen-cmdline() { xb_run /opt/xensource/libexec/xen-cmdline "\$@"; }
# 'sh -c SCRIPT' (xenpt's one read script) runs in a forked subshell of this bash, so that its commands reach the
# shims too; a dom0's /bin/sh is bash as well
sh() {
  if [ "\${1:-}" = -c ] && [ \$# -ge 2 ]; then
    (xb_script=\$2; shift 2; eval "\$xb_script")
  else
    command sh "\$@"
  fi
}
SHIMS
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case ${1:-} in
    start) real_start "$2" "$3" "${4:-23000}" ;;
    stop) real_stop "$2" ;;
    *) echo "usage: $0 start SIMDIR REALDIR [BASE_PORT] | stop REALDIR" >&2; exit 2 ;;
  esac
fi
