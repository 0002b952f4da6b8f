#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine: Debian packages where missing,
# a virtual environment in .venv, and the project with the given extras (e.g. "test").
# Usage: scripts/setup.sh [extras]
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"

# WeasyPrint renders with Pango and subsets fonts with HarfBuzz; DejaVu, WenQuanYi and Garuda (the
# references cite Chinese and Thai sources) are its fonts; pdftoppm looks at PDFs as images.
debian_packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-wqy-microhei fonts-tlwg-garuda-ttf poppler-utils)
# The store tests run on PostgreSQL too, in a throwaway cluster of their own (tests/support/postgres.py).
if [[ ",$extras," == *",test,"* ]]; then
  debian_packages+=(postgresql)
  # The browser tests drive Debian's Chromium (never a downloaded one); the queue tests also run on
  # a throwaway Redis (tests/support/redis.py); axe-core comes from npm for the accessibility checks.
  debian_packages+=(chromium redis-server)
  command -v npm >/dev/null 2>&1 || debian_packages+=(npm)
fi
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
python="${PYTHON:-python3}"
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  missing+=(python3-venv)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating the virtual environment in .venv"
  "$python" -m venv .venv
fi
spec="."
[ -z "$extras" ] || spec=".[$extras]"
stamp=".venv/.installed-$(cat pyproject.toml requirements.lock | sha256sum | cut -c1-16)-${extras:-base}"
if [ ! -f "$stamp" ]; then
  echo "setup: installing Python packages ($spec) as pinned in requirements.lock"
  # (pip's notes about package index folders this machine does not have are left out)
  .venv/bin/python -m pip install --quiet --upgrade pip 2>&1 | { grep -v "^WARNING: Location" || true; }
  # The locked versions first, each file checked against its sha256 (scripts/lock.sh writes them);
  # then the project itself, which finds its dependencies already there.
  .venv/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock 2>&1 | { grep -v "^WARNING: Location" || true; }
  .venv/bin/python -m pip install --quiet --editable "$spec" 2>&1 | { grep -v "^WARNING: Location" || true; }
  touch "$stamp"
fi

# axe-core, vendored for the browser tests' accessibility checks (npm's own package, no install).
axe="tests/browser/axe.min.js"
if [[ ",$extras," == *",test,"* ]] && [ ! -s "$axe" ]; then
  echo "setup: fetching axe-core for the browser tests"
  folder="$(mktemp -d)"
  (cd "$folder" && npm pack --silent axe-core@4 >/dev/null && tar -xzf axe-core-*.tgz package/axe.min.js)
  mkdir -p "$(dirname "$axe")" && cp "$folder/package/axe.min.js" "$axe" && rm -rf "$folder"
fi
