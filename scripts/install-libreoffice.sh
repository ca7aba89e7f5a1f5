#!/usr/bin/env bash
# Installs Debian's LibreOffice (headless Writer and Calc), the Liberation fonts and poppler when LibreOffice is
# missing: the render tests (tests/domain/test_document.py, test_print.py) convert the produced .docx and .xlsx to
# PDF and read the pages, as an officer's printer would see them. Quick when it is there, never fatal: without it
# those tests are skipped with the reason.
exec bash "$(dirname "$0")/apt-ensure.sh" soffice SKIP_LIBREOFFICE_INSTALL "render tests" \
  libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation poppler-utils
