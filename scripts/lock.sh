#!/usr/bin/env bash
# Writes requirements.lock: every Python package the project and its tests install, pinned to the
# version installed in .venv now, with the sha256 of each of its files on the index, so that
# scripts/setup.sh installs exactly these files on every machine (pip --require-hashes).
# Run it after changing the dependencies in pyproject.toml (and scripts/setup.sh test first).
# Needs the package index (uv is installed into a temporary folder from it).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || { echo "lock: run scripts/setup.sh test first" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
.venv/bin/python -m pip install --quiet --target "$work/uv" uv 2>&1 | { grep -v "^WARNING: Location" || true; }
# The versions in .venv are the ones the tests passed with: the lock keeps them.
.venv/bin/python -m pip list --format=freeze --exclude-editable 2>/dev/null \
  | grep -v -E "^(pip|setuptools)==" > "$work/installed.txt"
"$work/uv/bin/uv" pip compile pyproject.toml --extra test --universal --python-version 3.11 \
  --generate-hashes --constraint "$work/installed.txt" --no-header --quiet \
  --output-file "$work/requirements.lock"
{
  echo "# The project's Python packages (with the test extra), each pinned with the sha256 of its files."
  echo "# Written by scripts/lock.sh from the versions in .venv; installed by scripts/setup.sh;"
  echo "# audited by scripts/audit.sh. Do not edit by hand."
  grep -v -F -- "-c $work/installed.txt" "$work/requirements.lock"
} > requirements.lock
echo "lock: $(grep -c -E '^[A-Za-z0-9]' requirements.lock) packages in requirements.lock"
