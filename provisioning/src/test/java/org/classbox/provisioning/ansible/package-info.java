/**
 * Tests of the box's Ansible role (ansible/): syntax and lint, then the role applied for real to a debootstrapped
 * Debian root through the chroot connection, from a release bundle made by ansible/make-bundle.sh. Runs as root;
 * the tools (ansible, ansible-lint, debootstrap, dpkg-dev, systemd) come from Debian (.ci/run installs them).
 */
package org.classbox.provisioning.ansible;
