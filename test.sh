#!/usr/bin/env bash
# Installs everything and runs the whole test suite: lint, format, types, tests.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh test
echo "== ruff check";         .venv/bin/ruff check assessor tests bench
echo "== ruff format --check"; .venv/bin/ruff format --check assessor tests bench
echo "== mypy";               .venv/bin/mypy
echo "== assessor validate";  .venv/bin/assessor validate
# The whole run (no arguments, as CI calls it) also measures branch coverage of assessor/.
coverage=()
[ $# -gt 0 ] || coverage=(--cov=assessor --cov-branch --cov-report=term:skip-covered --cov-fail-under=85)
echo "== pytest";             .venv/bin/pytest "${coverage[@]}" "$@"
# The whole run also audits the locked packages (fails only on a known vulnerability; says how
# much it could audit: docs/security.md, "Dependencies").
[ $# -gt 0 ] || { echo "== audit"; scripts/audit.sh; }
