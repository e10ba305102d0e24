#!/usr/bin/env bash
# Builds the file tree that the Wirestream image adds to Jib's empty (scratch) base: a jlink'd Java
# runtime in /opt/java, the shared libraries it links against (taken from this machine, found with
# ldd), a /tmp for the JDBC and compression drivers' native libraries, and an /etc/passwd naming
# the unprivileged user the container runs as. No registry is needed: nothing is pulled.
#
#   cli/src/image/runtime-root.sh OUT_DIR
set -euo pipefail

out="${1:?usage: runtime-root.sh OUT_DIR}"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
# What `jdeps --print-module-deps` finds in the CLI and its libraries, plus TLS (jdk.crypto.ec),
# the JMX beans Micrometer reads (jdk.management) and zip file systems (jdk.zipfs).
modules="java.base,java.compiler,java.desktop,java.management,java.naming,java.net.http,java.rmi"
modules+=",java.scripting,java.security.jgss,java.security.sasl,java.sql,jdk.unsupported"
modules+=",jdk.crypto.ec,jdk.management,jdk.zipfs"

rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp" "$out/data"
chmod 1777 "$out/tmp"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$out/opt/java"

# Every shared object the runtime loads, and what those load in turn, at the same paths. The
# X11, sound and splash-screen parts of java.desktop are never loaded headless: they are removed.
rm -f "$out"/opt/java/lib/{libawt_xawt.so,libjsound.so,libsplashscreen.so}
find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 |
  { xargs -0 ldd 2>/dev/null || true; } |
  grep -oE '(/[^ ]+\.so[^ ]*)' |
  sort -u |
  while read -r lib; do
    case "$lib" in "$out"/*) continue ;; esac
    mkdir -p "$out$(dirname "$lib")"
    cp -L "$lib" "$out$lib"
  done
# Not linked by the runtime, so ldd does not list them: the name-service modules behind
# getaddrinfo (loaded with dlopen), and what the drivers' own native libraries, unpacked from
# their jars at run time (SQLite, zstd, lz4, snappy), link against.
for lib in libnss_dns.so.2 libnss_files.so.2 libresolv.so.2 libstdc++.so.6 libgcc_s.so.1 \
  libpthread.so.0 libdl.so.2 librt.so.1 libm.so.6; do
  path="$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ && !found { print $NF; found = 1 }')"
  if [ -n "$path" ]; then
    mkdir -p "$out$(dirname "$path")"
    cp -L "$path" "$out$path"
  fi
done
printf 'root:x:0:0:root:/root:/sbin/nologin\nwirestream:x:10001:10001:Wirestream:/data:/sbin/nologin\n' \
  >"$out/etc/passwd"
printf 'root:x:0:\nwirestream:x:10001:\n' >"$out/etc/group"
printf 'hosts: files dns\n' >"$out/etc/nsswitch.conf"
echo "runtime root in $out: $(du -sh "$out" | cut -f1)"
