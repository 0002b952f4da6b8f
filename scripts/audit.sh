#!/usr/bin/env bash
# Audits the locked Python packages (requirements.lock) for known vulnerabilities and says how
# much was audited: in full with pip-audit when its advisory service answers, else partly from
# PyPI's project JSON, else not at all (said plainly). Exit 1 only for a known vulnerability;
# pass --require-full to also fail (exit 2) when the audit was not full. See docs/security.md.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python scripts/audit_lock.py requirements.lock "$@"
