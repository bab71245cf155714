#!/usr/bin/env bash
# Hostile desired-state files (issue 11): each must make './xenpt validate -f FILE' exit 1 within 2 s, JVM start
# included, with a file:line:col. Generates the files (the same kinds as HostileDesiredStateTest), then prints the
# wall time, the exit code and the first line of stderr of each run.
#
# Usage: bench/hostile-input.sh          Env: BENCH_DIR (work directory, default: a temp dir)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
work=${BENCH_DIR:-$(mktemp -d /tmp/xenpt-hostile.XXXXXX)}
mkdir -p "$work"
"$root/xenpt" --version >/dev/null   # builds the jar once, outside the measurements

repeat() { local n=$1 s=$2; head -c "$n" /dev/zero | tr '\0' "$s"; }
cd "$work"
printf 'version: 1\nhosts:\n  a: &a\n    address: sim:wintermute\n    hide: [0e:00.0]\n  b:\n    <<: *a\n' > merge-key.yaml
{ printf 'version: 1\nhosts: '; repeat 5000 '['; repeat 5000 ']'; printf '\n'; } > deep-flow.yaml
{ printf 'version: 1\nhosts: {}\nextra:\n'; for i in $(seq 1 200); do printf '%*sk%d:\n' "$i" '' "$i"; done; } > deep-unknown.yaml
{ printf '\xff\xfe'; printf 'version: 1\nhosts: {}\n' | iconv -f UTF-8 -t UTF-16LE; } > utf16.yaml
printf 'version: 1\nhosts:\n  caf\xe9:\n    address: sim:wintermute\n' > latin1.yaml
printf 'version: 1\nhosts:\n  x\xed\xa0\x80:\n    address: sim:wintermute\n' > surrogate.yaml
printf 'version: 1\nhosts:\n  x\xc0\xaf:\n    address: sim:wintermute\n' > overlong.yaml
printf 'version: 1\nhosts:\n  x\x00y:\n    address: sim:wintermute\n' > nul.yaml
printf 'version: 1\nhosts:\n  x\x07y\x1b[2J:\n    address: sim:wintermute\n' > control.yaml
printf '%%YAML 2.0\n---\nversion: 1\nhosts: {}\n' > yaml20.yaml
printf 'version: 1\nhosts:\n  w:\n    address: sim:wintermute\n    ssh:\n      password: hunter2\n' > password.yaml
{ printf 'version: 1\nhosts:\n  w:\n    address: '; repeat 9000000 a; printf '\n'; } > scalar-9mb.yaml
{ printf 'version: 1\nhosts:\n  w:\n    address: "'; for i in $(seq 1 150); do repeat 60000 b; printf '\n      '; done; printf '"\n'; } > scalar-9mb-lines.yaml
rm -f fifo.yaml && mkfifo fifo.yaml

printf '%-24s %8s %5s  %s\n' file wall exit 'first line of stderr'
for f in merge-key deep-flow deep-unknown utf16 latin1 surrogate overlong nul control yaml20 password scalar-9mb \
    scalar-9mb-lines fifo; do
  start=$(date +%s.%N)
  set +e
  timeout 60 "$root/xenpt" validate -f "$f.yaml" >/dev/null 2>"$f.err"
  code=$?
  set -e
  end=$(date +%s.%N)
  printf '%-24s %7.2fs %5s  %s\n' "$f.yaml" "$(echo "$end - $start" | bc)" "$code" "$(head -1 "$f.err" | cut -c1-90)"
done
