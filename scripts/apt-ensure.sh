#!/usr/bin/env bash
# Installs Debian packages a group of tests needs, when they are missing. Never fatal: without them those tests are
# skipped with the reason. Nothing downloads anything but Debian's own packages.
#   bash scripts/apt-ensure.sh NAME SKIP_VARIABLE "WHAT IS SKIPPED" PACKAGE...
# NAME is what is looked for on PATH (already there: nothing to do); SKIP_VARIABLE=1 in the environment skips.
set -u
name=$1 skip_var=$2 skipped=$3
shift 3
tag="install-$name"
if command -v "$name" >/dev/null 2>&1; then exit 0; fi
if [ "${!skip_var:-}" = "1" ]; then
  echo "$tag: $skip_var=1, $skipped will be skipped"; exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "$tag: no apt-get here; $skipped will be skipped"; exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "$tag: not root and no sudo; $skipped will be skipped"; exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
( $SUDO apt-get -o DPkg::Lock::Timeout=120 update -q >/dev/null 2>&1 \
  && $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -q "$@" >/dev/null 2>&1 ) \
  || echo "$tag: could not install $*; $skipped will be skipped"
exit 0
