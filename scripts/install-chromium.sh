#!/usr/bin/env bash
# Installs Debian's Chromium (for the web form's browser tests) when it is missing. Quick when it is there,
# never fatal: without it the browser tests are skipped with the reason. Nothing here downloads a browser
# build of its own (Playwright drives /usr/bin/chromium).
set -u
for b in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$b" ]; then exit 0; fi
done
if [ "${SKIP_CHROMIUM_INSTALL:-}" = "1" ]; then
  echo "install-chromium: SKIP_CHROMIUM_INSTALL=1, browser tests will be skipped"; exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: no apt-get here; browser tests will be skipped"; exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "install-chromium: not root and no sudo; browser tests will be skipped"; exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
( $SUDO apt-get -o DPkg::Lock::Timeout=120 update -q >/dev/null 2>&1 \
  && $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -q chromium >/dev/null 2>&1 ) \
  || echo "install-chromium: could not install chromium; browser tests will be skipped"
exit 0
