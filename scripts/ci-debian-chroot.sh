#!/usr/bin/env bash
# Runs one of the README's two commands inside a Debian root built from Debian's own packages
# (debootstrap), so the app is checked under that release's Python: CI runs the test suite
# under Debian 13's Python 3.13 this way, beside the machine's own Python. Needs root.
#
#   bash scripts/ci-debian-chroot.sh SUITE tests [PYTEST ARGS]   ./scripts/run-tests.sh inside
#   bash scripts/ci-debian-chroot.sh SUITE app [APP ARGS]        ./scripts/run-app.sh inside
#
# SUITE is a Debian release (trixie, bookworm, forky) or an Ubuntu one (jammy, noble; with
# universe, as Ubuntu installs have it; needs the ubuntu-keyring package here). The root is kept in
# $CHROOT_CACHE/SUITE (default /var/cache/contactmap-ci) with the packages and the .venv the
# README's commands installed there, so a rerun only copies the checkout in and runs. For a
# fresh machine, name an empty CHROOT_CACHE folder (and remove it afterwards).
set -euo pipefail
# Read whole before running: the script may be edited (a rebase) while a long run goes on.
{
cd "$(dirname "$0")/.."

suite=${1:?usage: ci-debian-chroot.sh SUITE tests|app [ARGS]}
what=${2:?usage: ci-debian-chroot.sh SUITE tests|app [ARGS]}
shift 2
case $what in
  tests) command=./scripts/run-tests.sh ;;
  app) command=./scripts/run-app.sh ;;
  *) echo "ci-debian-chroot: say tests or app, not $what" >&2; exit 1 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "ci-debian-chroot: needs root (debootstrap, chroot)" >&2; exit 1; }
command -v debootstrap > /dev/null ||
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap

root=${CHROOT_CACHE:-/var/cache/contactmap-ci}/$suite

started=$(date +%s)
if [ ! -f "$root/.bootstrapped" ]; then
  rm -rf --one-file-system "$root"
  mkdir -p "$root"
  case $suite in
    jammy|noble) source=(--components=main,universe
                         --keyring="${UBUNTU_KEYRING:-/usr/share/keyrings/ubuntu-archive-keyring.gpg}"
                         "$suite" "$root" http://archive.ubuntu.com/ubuntu) ;;
    *) source=("$suite" "$root" http://deb.debian.org/debian) ;;
  esac
  # A release newer than this debootstrap (forky on Debian 12's) is built like the others.
  scripts=/usr/share/debootstrap/scripts
  if [ ! -e "$scripts/$suite" ]; then
    case $suite in jammy|noble) source+=("$scripts/gutsy") ;; *) source+=("$scripts/sid") ;; esac
  fi
  # The default variant: the packages of a fresh install ("important" priority).
  debootstrap "${source[@]}" > "$root.debootstrap.log" 2>&1 ||
    { tail -20 "$root.debootstrap.log" >&2; exit 1; }
  rm -f "$root.debootstrap.log"
  touch "$root/.bootstrapped"
  echo "ci-debian-chroot: $suite root built in $(($(date +%s) - started)) s"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
case $suite in  # as an Ubuntu install has them: python3.11 on 22.04 is in jammy-updates
  jammy|noble) printf 'deb http://archive.ubuntu.com/ubuntu %s main universe\n' \
                 "$suite" "$suite-updates" "$suite-security" > "$root/etc/apt/sources.list" ;;
esac
# This machine's certificate authorities: where HTTPS goes through an inspecting proxy, pip
# inside trusts what pip outside trusts.
mkdir -p "$root/etc/ssl"
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/host-ca-certificates.crt"

# The checkout as git sees it (tracked and new files, not ignored ones), over the last copy;
# the .venv the README's commands made inside stays, so a rerun installs nothing.
src=$root/root/contactmap
mkdir -p "$src"
find "$src" -mindepth 1 -maxdepth 1 ! -name .venv -exec rm -rf {} +
git ls-files -z --cached --others --exclude-standard |
  tar --null -T - --ignore-failed-read -cf - 2> /dev/null | tar -xf - -C "$src"
# The method's articles beside the checkout, where the tests that quote them look.
rm -rf "$root/root/shared"
[ -d ../shared/method ] && mkdir -p "$root/root/shared" && cp -r ../shared/method "$root/root/shared/"

# A private mount namespace: /proc, /sys and /dev vanish with this process, whatever happens.
quoted=$(printf ' %q' "$@")
unshare --mount --propagation private bash -euo pipefail -c "
  mount -t proc proc '$root/proc'
  mount --rbind /sys '$root/sys'
  mount --rbind /dev '$root/dev'
  mount -t tmpfs tmpfs '$root/dev/shm'
  mount -t tmpfs tmpfs '$root/tmp'
  chroot '$root' /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 TERM=dumb QT_QPA_PLATFORM=offscreen \
    PIP_CERT=/etc/ssl/host-ca-certificates.crt bash -c 'cd /root/contactmap && $command$quoted'
"
echo "ci-debian-chroot: $suite $what finished in $(($(date +%s) - started)) s" \
  "(Python $(chroot "$root" /root/contactmap/.venv/bin/python -c 'import platform; print(platform.python_version())'))"
exit
}
