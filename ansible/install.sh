#!/bin/sh
# Installs this box from the USB stick, without the internet: ansible from the stick's debs/ when the box has none,
# then the classbox role on this machine. Run as root from the stick:  sudo /media/usb/classbox/install.sh [-e k=v]
set -eu
bundle=$(cd "$(dirname "$0")" && pwd)
if ! command -v ansible-playbook >/dev/null 2>&1; then
  echo "install.sh: installing ansible from $bundle/debs"
  echo "deb [trusted=yes] file:$bundle/debs ./" > /etc/apt/sources.list.d/classbox-bundle.list
  apt-get update -o Dir::Etc::sourcelist=sources.list.d/classbox-bundle.list -o Dir::Etc::sourceparts=- \
    -o APT::Get::List-Cleanup=0
  apt-get install -y --no-install-recommends ansible-core
fi
cd "$bundle/ansible"
exec ansible-playbook -c local -i localhost, site.yml -e ansible_become=false -e "classbox_bundle=$bundle" "$@"
