#!/usr/bin/env bash
# Installs Debian's Chromium (for the web form's browser tests) when it is missing. Quick when it is there,
# never fatal: without it the browser tests are skipped with the reason. Nothing here downloads a browser
# build of its own (Playwright drives /usr/bin/chromium).
for b in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$b" ]; then exit 0; fi
done
exec bash "$(dirname "$0")/apt-ensure.sh" chromium SKIP_CHROMIUM_INSTALL "browser tests" chromium
