#!/usr/bin/env bash
# Checks the image tarball that `./mvnw -Pimage package` writes, without a Docker daemon: the
# manifest names a config and layers that are in the tarball, each layer's sha256 is the config's
# diff_id, and the layers extracted in order run the entrypoint (in a chroot with its own /proc,
# as the image's user). Needs root (chroot, unshare) and python3.
#
#   cli/src/image/check-image.sh [cli/target/wirestream-image.tar]
set -euo pipefail

tarball="$(readlink -f "${1:-cli/target/wirestream-image.tar}")"
work="$(mktemp -d /tmp/wirestream-image-check.XXXXXX)"
trap 'umount "$work/root/proc" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/image" "$work/root"
tar -xf "$tarball" -C "$work/image"
cd "$work/image"

python3 - <<'PY'
import hashlib, gzip, json, sys
manifest = json.load(open("manifest.json"))
assert len(manifest) == 1, "one image in the tarball"
entry = manifest[0]
config = json.load(open(entry["Config"]))
layers = entry["Layers"]
diff_ids = config["rootfs"]["diff_ids"]
assert len(layers) == len(diff_ids), f"{len(layers)} layers, {len(diff_ids)} diff_ids"
for layer, diff_id in zip(layers, diff_ids):
    data = open(layer, "rb").read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    assert digest == diff_id, f"{layer}: {digest} is not {diff_id}"
c = config["config"]
print("tags      ", entry.get("RepoTags"))
print("layers    ", len(layers))
print("entrypoint", c.get("Entrypoint"))
print("user      ", c.get("User"), " workdir", c.get("WorkingDir"), " ports", list(c.get("ExposedPorts", {})))
with open("layers.txt", "w") as out:
    out.write("\n".join(layers) + "\n")
with open("entrypoint.txt", "w") as out:
    out.write("\n".join(c["Entrypoint"]) + "\n")
with open("user.txt", "w") as out:
    out.write(c.get("User", "0:0") + "\n")
PY

while read -r layer; do
  tar -xf "$layer" -C "$work/root"
done <layers.txt
mkdir -p "$work/root/proc"
mapfile -t entrypoint <entrypoint.txt
user="$(cat user.txt)"
echo "root file system: $(du -sh "$work/root" | cut -f1)"
run() {
  unshare --mount --pid --fork --mount-proc="$work/root/proc" \
    chroot --userspec="$user" "$work/root" "${entrypoint[@]}" "$@"
}
echo "--- wirestream --version"
run --version
echo "--- wirestream status -b localhost:1 (expect exit 1 naming the address)"
set +e
run status -b localhost:1 -D broker.connect.timeout.ms=2000
code=$?
set -e
[ "$code" -eq 1 ] || { echo "expected exit 1, got $code" >&2; exit 1; }
echo "image OK"
