#!/usr/bin/env bash
# Refresh the web app's message catalogues after changing its texts: extract, update, compile.
# Translate the new entries in assessor/web/translations/<lang>/LC_MESSAGES/messages.po first.
set -euo pipefail
cd "$(dirname "$0")/.."
pot="$(mktemp --suffix=.pot)"
.venv/bin/pybabel extract -F assessor/web/babel.cfg -k _l --no-location --omit-header -o "$pot" .
.venv/bin/pybabel update --no-fuzzy-matching --omit-header -i "$pot" -d assessor/web/translations
.venv/bin/pybabel compile --use-fuzzy -d assessor/web/translations
rm -f "$pot"
