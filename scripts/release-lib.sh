# Sourced by scripts/release: the steps that turn the jar into the release tree, the tarball and the .deb.
# Expects JAVA_HOME, JAR, EXTRA_MODULES, SOURCE_DATE_EPOCH and root from scripts/release.

# The launcher of a release: the runtime inside the release, never JAVA_HOME or a java on PATH. Symlinks to it (the
# .deb's /usr/bin/xenpt) are followed to find the release directory. JVM options as in ./xenpt (bench/README.md);
# XENPT_JAVA_OPTS, even empty, replaces them.
# Class-data archive (bench/startup.sh: ~25% less CPU per start): a recorded archive is not reproducible, so the
# release has none (unless XENPT_RELEASE_CDS=1 put lib/xenpt.jsa there); instead the first command that observes
# hosts records one for this release into ~/.cache/xenpt (XDG_CACHE_HOME), and later commands use it. $1: the file,
# $2: the release id (version and commit) that names the archive.
write_launcher() {
  cat >"$1" <<'LAUNCHER'
#!/bin/sh
# xenpt: runs the jar on the Java runtime shipped beside it.
set -e
home=$(dirname "$(dirname "$(readlink -f "$0")")")
opts="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx320m"
quiet="-Xlog:cds=off -Xlog:cds+dynamic=off"
jsa=$home/lib/xenpt.jsa
if [ ! -f "$jsa" ] && [ -n "${XDG_CACHE_HOME:-${HOME:-}}" ]; then
  jsa=${XDG_CACHE_HOME:-$HOME/.cache}/xenpt/xenpt-@ID@.jsa
fi
if [ -n "${XENPT_JAVA_OPTS+set}" ]; then
  opts=$XENPT_JAVA_OPTS
elif [ -f "$jsa" ]; then
  opts="$opts -XX:SharedArchiveFile=$jsa $quiet"
else
  # no archive yet: the first command that observes hosts records one (classes it loaded), once per release
  for arg in "$@"; do
    case $arg in plan | apply | drift | inspect | review | import | doctor) ;; *) continue ;; esac
    if mkdir -p "${jsa%/*}" 2>/dev/null && [ -w "${jsa%/*}" ] && command -v mv >/dev/null && command -v rm >/dev/null; then
      tmp=$jsa.$$
      # shellcheck disable=SC2086 # the options are words on purpose
      "$home/runtime/bin/java" $opts -XX:ArchiveClassesAtExit="$tmp" $quiet -jar "$home/lib/xenpt.jar" "$@" && rc=0 || rc=$?
      if [ -s "$tmp" ]; then mv -f "$tmp" "$jsa"; else rm -f "$tmp"; fi
      exit "$rc"
    fi
    break
  done
fi
# shellcheck disable=SC2086 # the options are words on purpose
exec "$home/runtime/bin/java" $opts -jar "$home/lib/xenpt.jar" "$@"
LAUNCHER
  sed -i "s|@ID@|$2|" "$1"
  chmod 755 "$1"
}

# The modules the jar uses (jdeps) plus the providers it loads by name.
runtime_modules() {
  local mods
  mods=$("$JAVA_HOME/bin/jdeps" --ignore-missing-deps --multi-release 21 --print-module-deps "$JAR")
  echo "$mods,$EXTRA_MODULES"
}

# Every file and directory: the commit's time, no write bit for group and others.
normalise_tree() {
  chmod -R go-w,a+rX "$1"
  find "$1" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
}

# $1: the directory to fill: bin/xenpt, lib/xenpt.jar, runtime/, share/bash-completion, share/man/man1.
stage_tree() {
  local dir=$1 mods
  mods=$(runtime_modules)
  echo "release: jlink runtime with $mods" >&2
  mkdir -p "$dir/bin" "$dir/lib" "$dir/share/bash-completion/completions" "$dir/share/man/man1"
  "$JAVA_HOME/bin/jlink" --add-modules "$mods" --strip-debug --no-header-files --no-man-pages \
    --compress zip-6 --generate-cds-archive --output "$dir/runtime" >&2
  cp "$JAR" "$dir/lib/xenpt.jar"
  write_launcher "$dir/bin/xenpt" "$(basename "$dir" | sed 's/^xenpt-//')${commit:+-$commit}"
  XENPT_JAVA_OPTS= "$dir/bin/xenpt" completion bash >"$dir/share/bash-completion/completions/xenpt"
  "$dir/runtime/bin/java" -cp "$dir/lib/xenpt.jar" xenpt.cli.ManPages "$dir/share/man/man1"
  gzip -n -9 "$dir"/share/man/man1/*.1
  normalise_tree "$dir"
  # the archive records the jar's modification time: record it after the jar got its final one
  if [ "${XENPT_RELEASE_CDS:-0}" = 1 ]; then app_cds "$dir" && normalise_tree "$dir"; fi
}

# An application class-data archive recorded while planning against a throw-away simulated host.
app_cds() {
  local dir=$1 sim
  sim=$(mktemp -d)
  cp "$root/examples/wintermute.yaml" "$sim/"
  (cd "$sim" && XENPT_SIM_DIR="$sim/sim" HOME="$sim" XENPT_JAVA_OPTS="-XX:ArchiveClassesAtExit=$dir/lib/xenpt.jsa -Xlog:cds=off -Xlog:cds+dynamic=off" \
    "$dir/bin/xenpt" plan -f wintermute.yaml >/dev/null 2>&1) || true
  rm -rf "$sim"
}

# $1: parent directory, $2: top directory inside the tarball, $3: the .tar.gz to write.
make_tarball() {
  tar -C "$1" --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner --format=gnu \
    -cf - "$2" | gzip -n -9 >"$3"
}

# Debian versions sort '~' before anything: 0.2.0-SNAPSHOT becomes 0.2.0~SNAPSHOT, older than 0.2.0.
deb_version() {
  echo "${1//-/\~}"
}

# $1: the staged tree, $2: version, $3: scratch directory, $4: output directory.
make_deb() {
  local tree=$1 version debv pkg size
  version=$2
  debv=$(deb_version "$version")
  pkg=$3
  mkdir -p "$pkg/DEBIAN" "$pkg/usr/lib/xenpt" "$pkg/usr/bin" "$pkg/usr/share/bash-completion/completions" \
    "$pkg/usr/share/man/man1" "$pkg/usr/share/doc/xenpt"
  cp -a "$tree/bin" "$tree/lib" "$tree/runtime" "$pkg/usr/lib/xenpt/"
  ln -s ../lib/xenpt/bin/xenpt "$pkg/usr/bin/xenpt"
  cp "$tree/share/bash-completion/completions/xenpt" "$pkg/usr/share/bash-completion/completions/xenpt"
  cp "$tree"/share/man/man1/*.1.gz "$pkg/usr/share/man/man1/"
  printf 'xenpt %s: Declarative GitOps reconciler for PCI passthrough on XenServer / XCP-ng hosts.\nIt bundles a Java runtime built with jlink from OpenJDK (GPLv2 with the Classpath Exception).\n' \
    "$version" >"$pkg/usr/share/doc/xenpt/copyright"
  # Installed-Size in KiB from the file sizes, not du (which depends on the file system).
  size=$(find "$pkg/usr" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%d", (s+1023)/1024}')
  cat >"$pkg/DEBIAN/control" <<CONTROL
Package: xenpt
Version: $debv
Architecture: amd64
Maintainer: xenpt maintainers <xenpt@users.noreply.github.com>
Installed-Size: $size
Section: admin
Priority: optional
Homepage: https://github.com/xenpt/xenpt
Description: declarative GitOps reconciler for PCI passthrough on XenServer / XCP-ng
 xenpt reads a desired state from YAML kept in git, observes XenServer, Citrix
 Hypervisor and XCP-ng hosts over SSH, plans and applies PCI passthrough
 changes. It ships its own Java runtime and needs no installed Java.
CONTROL
  normalise_tree "$pkg"
  dpkg-deb --root-owner-group -Zxz --build "$pkg" "$4/xenpt_${debv}_amd64.deb" >&2
}
