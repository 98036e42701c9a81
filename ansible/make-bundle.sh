#!/usr/bin/env bash
# Makes the release bundle a technician copies to a USB stick and installs a box from, without the internet:
#   OUT/edge-agent.jar, OUT/provisioning.jar   the agent and the classbox-provision CLI
#   OUT/ansible/                                 this folder (site.yml, the role, README.md)
#   OUT/debs/                                    every .deb the role installs, with its dependencies, for the box's
#                                                architecture, and the Packages index: a local apt repository
#   OUT/install.sh                               installs ansible from debs/ if needed, then runs site.yml locally
#
# Usage: ansible/make-bundle.sh OUT [--arch arm64] [--no-debs] [--agent-jar FILE] [--provisioning-jar FILE]
#        [--mirror URL] [--security-mirror URL] [--suite bookworm] [--no-kiosk]
# The jars default to the Maven build's (edge-agent/target/edge-agent.jar, provisioning/target/provisioning.jar;
# run `mvn -DskipTests package` first). Needs apt-get, dpkg-scanpackages (dpkg-dev) and the Debian archive keyring;
# run it on Debian (any architecture: the packages are downloaded for --arch, default this machine's).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
die() { echo "make-bundle.sh: $*" >&2; exit 2; }

[ $# -ge 1 ] || die "usage: make-bundle.sh OUT [--arch ARCH] [--no-debs] [--no-kiosk] [--agent-jar FILE] [--provisioning-jar FILE] [--mirror URL] [--security-mirror URL] [--suite SUITE]"
out=$1; shift
arch=$(dpkg --print-architecture)
debs=true
kiosk=true
agent_jar=$repo/edge-agent/target/edge-agent.jar
provisioning_jar=$repo/provisioning/target/provisioning.jar
mirror=http://deb.debian.org/debian
security_mirror=http://deb.debian.org/debian-security
suite=bookworm
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arch=${2:?--arch needs a value}; shift 2 ;;
    --no-debs) debs=false; shift ;;
    --no-kiosk) kiosk=false; shift ;;
    --agent-jar) agent_jar=${2:?--agent-jar needs a file}; shift 2 ;;
    --provisioning-jar) provisioning_jar=${2:?--provisioning-jar needs a file}; shift 2 ;;
    --mirror) mirror=${2:?--mirror needs a URL}; shift 2 ;;
    --security-mirror) security_mirror=${2:?--security-mirror needs a URL}; shift 2 ;;
    --suite) suite=${2:?--suite needs a value}; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
[ -f "$agent_jar" ] || die "no agent jar at $agent_jar (run mvn -DskipTests package, or give --agent-jar)"
[ -f "$provisioning_jar" ] || die "no provisioning jar at $provisioning_jar (run mvn -DskipTests package, or give --provisioning-jar)"

mkdir -p "$out"
out=$(cd "$out" && pwd)
cp "$agent_jar" "$out/edge-agent.jar"
cp "$provisioning_jar" "$out/provisioning.jar"
rm -rf "$out/ansible"
mkdir -p "$out/ansible"
cp -r "$here/ansible.cfg" "$here/site.yml" "$here/inventory.example.ini" "$here/README.md" "$here/roles" "$out/ansible/"
[ -f "$here/.ansible-lint" ] && cp "$here/.ansible-lint" "$out/ansible/"
cp "$here/install.sh" "$out/install.sh"
chmod 755 "$out/install.sh"

if ! $debs; then
  echo "make-bundle.sh: $out (no debs: the box installs its packages from its network repositories)"
  exit 0
fi
command -v dpkg-scanpackages >/dev/null || die "dpkg-scanpackages is missing (apt-get install dpkg-dev)"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$keyring" ] || die "$keyring is missing (apt-get install debian-archive-keyring)"

# The packages the role installs, read from its defaults (one list, no copy to keep in step), plus ansible itself
# for a box that has no control machine.
packages=$(python3 - "$here/roles/classbox_box/defaults/main.yml" "$kiosk" <<'PY'
import sys, yaml
defaults = yaml.safe_load(open(sys.argv[1]))
names = list(defaults["classbox_packages"])
if sys.argv[2] == "true":
    names += defaults["classbox_kiosk_packages"]
print(" ".join(names + ["ansible-core"]))
PY
)

# A private apt: its own sources, lists and an empty package status, so that the whole dependency closure is
# downloaded (what a bare box may lack) for the box's architecture, and this machine's apt is left alone.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$out/debs"
: > "$work/status"
cat > "$work/sources.list" <<LIST
deb [arch=$arch signed-by=$keyring] $mirror $suite main
deb [arch=$arch signed-by=$keyring] $mirror $suite-updates main
deb [arch=$arch signed-by=$keyring] $security_mirror $suite-security main
LIST
apt_opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=- -o "Dir::State::Lists=$work/lists"
  -o "Dir::State::status=$work/status" -o "Dir::Cache=$work/cache" -o "Dir::Cache::archives=$out/debs"
  -o "APT::Architecture=$arch" -o "APT::Architectures::=$arch" -o Debug::NoLocking=1
  -o APT::Install-Recommends=false -o APT::Sandbox::User=root)
apt-get -q "${apt_opts[@]}" update >/dev/null
# shellcheck disable=SC2086 # a list of package names
apt-get -q -y "${apt_opts[@]}" --download-only install $packages >/dev/null
rm -rf "$out/debs/partial" "$out/debs/lock"
(cd "$out/debs" && dpkg-scanpackages --multiversion . /dev/null 2>/dev/null > Packages && gzip -9kf Packages)
echo "make-bundle.sh: $out ($(ls "$out/debs" | grep -c '\.deb$') packages for $arch, $(du -sh "$out" | cut -f1))"
