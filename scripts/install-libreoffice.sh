#!/usr/bin/env bash
# Installs Debian's LibreOffice (headless Writer and Calc), the Liberation fonts and poppler when LibreOffice is
# missing: the render tests (tests/domain/test_document.py, test_print.py) convert the produced .docx and .xlsx to
# PDF and read the pages, as an officer's printer would see them. Quick when it is there, never fatal: without it
# those tests are skipped with the reason.
set -u
if command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1; then exit 0; fi
if [ "${SKIP_LIBREOFFICE_INSTALL:-}" = "1" ]; then
  echo "install-libreoffice: SKIP_LIBREOFFICE_INSTALL=1, render tests will be skipped"; exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-libreoffice: no apt-get here; render tests will be skipped"; exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "install-libreoffice: not root and no sudo; render tests will be skipped"; exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
( $SUDO apt-get -o DPkg::Lock::Timeout=120 update -q >/dev/null 2>&1 \
  && $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -q libreoffice-writer-nogui libreoffice-calc-nogui \
       fonts-liberation poppler-utils >/dev/null 2>&1 ) \
  || echo "install-libreoffice: could not install LibreOffice; render tests will be skipped"
exit 0
